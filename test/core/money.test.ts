import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/errors.ts";
import { Money } from "../../src/core/money.ts";

describe("Money", () => {
  it("parses and prints decimal strings exactly", () => {
    expect(Money.parse("1234.5").toString()).toBe("1234.50");
    expect(Money.parse("-0.07").toString()).toBe("-0.07");
    expect(Money.parse("0").toString()).toBe("0.00");
    expect(Money.parse("  42 ").cents).toBe(4200n);
  });

  it.each(["1,234.56", "$12", "1.234", "", "abc", "1e5", "--1"])(
    "rejects %j with a field-level error",
    (text) => {
      expect(() => Money.parse(text, "amount")).toThrow(ValidationError);
    },
  );

  it("sums without float error: 0.10 + 0.20 = 0.30", () => {
    expect(Money.sum([Money.parse("0.10"), Money.parse("0.20")]).toString()).toBe("0.30");
  });

  it("rounds float projections half-even to the cent", () => {
    expect(Money.fromNumber(2.675).toString()).toBe("2.68"); // 2.675 reads as 2.675: tie, to even 2.68
    expect(Money.fromNumber(2.665).toString()).toBe("2.66");
    expect(Money.fromNumber(-1.005).toString()).toBe("-1.00");
    expect(Money.fromNumber(1234567.891).toString()).toBe("1234567.89");
    expect(() => Money.fromNumber(Number.NaN)).toThrow(RangeError);
  });

  it("formats for people with separators, optionally without cents", () => {
    expect(Money.parse("1234567.5").format()).toBe("$1,234,567.50");
    expect(Money.parse("-12").format()).toBe("-$12.00");
    expect(Money.parse("999.50").format({ cents: false })).toBe("$1,000");
  });

  it("multiplies by an exact rate, half-even", () => {
    expect(Money.parse("100.00").times("0.0685").toString()).toBe("6.85");
    expect(Money.parse("0.05").times("0.5").toString()).toBe("0.02");
  });

  it("round-trips any cent amount through its string form (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (cents) => {
        const money = Money.fromCents(cents);
        expect(Money.parse(money.toString()).cents).toBe(cents);
      }),
    );
  });

  it("the fast rounding path agrees exactly with decimal rounding of the float's shortest form (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e8, max: 1e8, noNaN: true }), (value) => {
        const exact = new Decimal(value).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN);
        expect(Money.fromNumber(value).cents).toBe(BigInt(exact.toFixed(0)));
      }),
      { numRuns: 5000 },
    );
  });
});
