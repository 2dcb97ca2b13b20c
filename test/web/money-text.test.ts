import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  annualOf,
  compareDecimal,
  fromCents,
  parseMoneyInput,
  parseRatePercent,
} from "../../web/src/views/college/money-text.ts";

describe("money typed into the 529 tools", () => {
  it.each([
    ["24000", "24000.00"],
    ["24,000.5", "24000.50"],
    ["$1,200", "1200.00"],
    [" 0 ", "0.00"],
    ["0.07", "0.07"],
    ["12.", "12.00"],
  ])("reads %j as %s", (text, value) => {
    expect(parseMoneyInput(text)).toEqual({ ok: true, value });
  });

  it.each([
    ["", "Enter an amount, such as 1200 or 0."],
    ["-5", "Must not be negative."],
    ["12k", "Enter dollars and cents only, such as 1234.56."],
    ["1.234", "Enter dollars and cents only, such as 1234.56."],
    ["1,23", "Enter dollars and cents only, such as 1234.56."],
    ["1e5", "Enter dollars and cents only, such as 1234.56."],
  ])("refuses %j", (text, message) => {
    expect(parseMoneyInput(text)).toEqual({ ok: false, message });
  });

  it("makes a year of a monthly amount exactly, beyond float precision", () => {
    expect(annualOf("400.00")).toBe("4800.00");
    expect(annualOf("0.10")).toBe("1.20");
    expect(annualOf("90071992547409.91")).toBe("1080863910568918.92");
  });

  it("orders decimal strings by value and back from whole cents (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        (a, b) => {
          expect(compareDecimal(fromCents(a), fromCents(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
        },
      ),
    );
  });
});

describe("a tax rate typed as a percent", () => {
  it.each([
    ["", null],
    ["6.85", "0.068500"],
    ["6.85%", "0.068500"],
    ["0", "0.000000"],
    ["20", "0.200000"],
    ["4.1234", "0.041234"],
  ])("reads %j as %s", (text, value) => {
    expect(parseRatePercent(text)).toEqual({ ok: true, value });
  });

  it.each([
    ["20.01", "Must be at most 20%."],
    ["-1", "Enter a percent such as 6.85."],
    ["0.06850", "Enter a percent such as 6.85."],
    ["six", "Enter a percent such as 6.85."],
  ])("refuses %j", (text, message) => {
    expect(parseRatePercent(text)).toEqual({ ok: false, message });
  });
});
