import { describe, expect, it } from "vitest";
import {
  ageInYears,
  describeAge,
  describeDuration,
  parseIsoDate,
  previousDay,
  wholeMonthsBetween,
} from "../../src/core/dates.ts";
import { ValidationError } from "../../src/core/errors.ts";

describe("calendar dates", () => {
  it("parses ISO dates and rejects impossible ones", () => {
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ["2023-02-29", "2026-13-01", "2026-04-31", "26-01-01", "2026/01/01", ""]) {
      expect(() => parseIsoDate(bad)).toThrow(ValidationError);
    }
  });

  it("steps back a day across month and year ends (SSA attains ages the day before the birthday)", () => {
    expect(previousDay(parseIsoDate("1963-01-01"))).toEqual({ year: 1962, month: 12, day: 31 });
    expect(previousDay(parseIsoDate("2024-03-01"))).toEqual({ year: 2024, month: 2, day: 29 });
    expect(previousDay(parseIsoDate("2026-05-15"))).toEqual({ year: 2026, month: 5, day: 14 });
  });

  it("counts whole months and years of age", () => {
    const birth = parseIsoDate("1981-03-14");
    expect(wholeMonthsBetween(birth, parseIsoDate("2026-03-13"))).toBe(539);
    expect(wholeMonthsBetween(birth, parseIsoDate("2026-03-14"))).toBe(540);
    expect(ageInYears(birth, parseIsoDate("2026-11-25"))).toBe(45);
  });

  it("describes ages and durations in words", () => {
    expect(describeAge(804)).toBe("67");
    expect(describeAge(802)).toBe("66 and 10 months");
    expect(describeDuration(27)).toBe("2 years 3 months");
    expect(describeDuration(12)).toBe("1 year");
    expect(describeDuration(1)).toBe("1 month");
  });
});
