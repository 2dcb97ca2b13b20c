import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type MonteCarloInput, runMonteCarlo } from "../../src/core/retirement/monte-carlo.ts";
import { futureValue, monthlyRate } from "../../src/core/retirement/time-value.ts";

const plan: MonteCarloInput = {
  initialBalance: 350_000,
  monthlyContribution: 2_000,
  contributionGrowth: 0,
  monthsToRetirement: 240,
  retirementMonths: 360,
  firstYearWithdrawal: 90_000 * 1.025 ** 20,
  inflation: 0.025,
  expectedReturn: 0.06,
  volatility: 0.12,
  paths: 2_000,
  seed: 7,
};

describe("Monte Carlo simulation", () => {
  it("gives identical results for identical seeds, and different ones for another seed", () => {
    expect(runMonteCarlo(plan)).toEqual(runMonteCarlo(plan));
    expect(runMonteCarlo({ ...plan, seed: 8 }).successProbability).not.toBe(
      runMonteCarlo(plan).successProbability,
    );
  });

  it("is deterministic for any seed (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const small = { ...plan, paths: 50, seed };
        expect(runMonteCarlo(small)).toEqual(runMonteCarlo(small));
      }),
      { numRuns: 20 },
    );
  });

  it("with no volatility reproduces the deterministic projection on every path", () => {
    const result = runMonteCarlo({
      ...plan,
      volatility: 1e-12,
      paths: 10,
      retirementMonths: 12,
      firstYearWithdrawal: 0,
    });
    const expected = futureValue(350_000, 2_000, monthlyRate(0.06), 240);
    const atRetirement = result.percentiles[19]!;
    expect(atRetirement.p10.toNumber()).toBeCloseTo(expected, 0);
    expect(atRetirement.p90.toNumber()).toBeCloseTo(expected, 0);
    expect(result.successProbability).toBe(1);
  });

  it("reports ordered percentiles for each year of the horizon", () => {
    const result = runMonteCarlo(plan);
    expect(result.percentiles).toHaveLength(50);
    for (const year of result.percentiles) {
      expect(year.p10.compare(year.p50)).toBeLessThanOrEqual(0);
      expect(year.p50.compare(year.p90)).toBeLessThanOrEqual(0);
    }
  });

  it("the median path grows at the expected return (lognormal median)", () => {
    const result = runMonteCarlo({
      ...plan,
      monthlyContribution: 0,
      retirementMonths: 12,
      firstYearWithdrawal: 0,
      paths: 20_000,
    });
    const median = result.percentiles[19]!.p50.toNumber();
    expect(median / (350_000 * 1.06 ** 20)).toBeGreaterThan(0.97);
    expect(median / (350_000 * 1.06 ** 20)).toBeLessThan(1.03);
  });

  it("more withdrawal never raises the probability of success for the same seed", () => {
    const lower = runMonteCarlo(plan).successProbability;
    const higher = runMonteCarlo({
      ...plan,
      firstYearWithdrawal: plan.firstYearWithdrawal * 1.2,
    }).successProbability;
    expect(higher).toBeLessThanOrEqual(lower);
  });

  it("rejects a path count outside 1-100,000", () => {
    expect(() => runMonteCarlo({ ...plan, paths: 0 })).toThrow(expect.objectContaining({ field: "paths" }));
  });
});
