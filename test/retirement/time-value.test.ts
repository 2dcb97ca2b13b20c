import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  annuityFactor,
  futureValue,
  monthlyRate,
  solveThreshold,
} from "../../src/core/retirement/time-value.ts";

/** The month-by-month definition the closed forms must equal. */
function bruteForceFutureValue(pv: number, pmt: number, i: number, months: number, growth: number): number {
  let balance = pv;
  let payment = pmt;
  for (let m = 1; m <= months; m++) {
    balance = balance * (1 + i) + payment;
    if (m % 12 === 0) payment *= 1 + growth;
  }
  return balance;
}

describe("time value of money, standard vectors", () => {
  it("an effective 6% a year is 0.48675506% a month, and twelve months give back exactly 6%", () => {
    expect(monthlyRate(0.06)).toBeCloseTo(0.0048675506, 10);
    expect(futureValue(1000, 0, monthlyRate(0.06), 12)).toBeCloseTo(1060, 9);
  });

  it("$10,000 at 5% for 10 years grows to $16,288.95", () => {
    expect(futureValue(10_000, 0, monthlyRate(0.05), 120)).toBeCloseTo(16_288.95, 2);
  });

  it("$100 a month at 0.5% a month for 10 years grows to $16,387.93 (ordinary annuity)", () => {
    expect(100 * annuityFactor(0.005, 120)).toBeCloseTo(16_387.93, 2);
  });

  it("a zero rate just adds the payments", () => {
    expect(annuityFactor(0, 37)).toBe(37);
    expect(futureValue(1000, 10, 0, 24)).toBe(1240);
  });

  it("the closed form with yearly contribution raises equals the month-by-month loop (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2e6, noNaN: true }),
        fc.double({ min: 0, max: 20_000, noNaN: true }),
        fc.double({ min: -0.02, max: 0.15, noNaN: true }),
        fc.integer({ min: 1, max: 600 }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        (pv, pmt, annual, months, growth) => {
          const i = monthlyRate(annual);
          const expected = bruteForceFutureValue(pv, pmt, i, months, growth);
          expect(futureValue(pv, pmt, i, months, growth)).toBeCloseTo(
            expected,
            Math.max(0, 6 - Math.log10(expected + 1)),
          );
        },
      ),
    );
  });
});

describe("solveThreshold", () => {
  it("finds the smallest x where a monotone predicate turns true, or null", () => {
    expect(solveThreshold((x) => x * x >= 2, 0, 2, 1e-12)).toBeCloseTo(Math.SQRT2, 10);
    expect(solveThreshold((x) => x >= 5, 0, 2)).toBeNull();
    expect(solveThreshold((x) => x >= -1, 0, 2)).toBe(0);
  });
});
