import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Money } from "../../src/core/money.ts";
import { computeGap, type GapInput, projectGap } from "../../src/core/retirement/gap-engine.ts";
import { annuityFactor } from "../../src/core/retirement/time-value.ts";
import { SEED_HOUSEHOLD_GAP } from "../support/households.ts";

const seedHousehold = SEED_HOUSEHOLD_GAP;

describe("retirement gap: the seed household (45 → 65, $350k saved, $2k a month, 6%)", () => {
  const report = computeGap(seedHousehold);

  it("projects 350,000 × 1.06^20 plus 2,000 a month of end-of-month contributions", () => {
    const i = 1.06 ** (1 / 12) - 1;
    const expected = 350_000 * 1.06 ** 20 + (2000 * (1.06 ** 20 - 1)) / i;
    expect(report.projectedBalance.toString()).toBe(Money.fromNumber(expected).toString());
    expect(report.projectedBalance.toString()).toBe("2029374.68");
  });

  it("requires (120,000 − 30,000) ÷ 4% = 2,250,000 today, inflated 2.5% a year for 20 years", () => {
    expect(report.todayDollars.requiredBalance.toString()).toBe("2250000.00");
    expect(report.requiredBalance.toString()).toBe(Money.fromNumber(2_250_000 * 1.025 ** 20).toString());
  });

  it("reports the shortfall, funded ratio and the extra monthly saving that closes it exactly", () => {
    expect(report.gap.toString()).toBe("1657512.31");
    expect(report.fundedRatio).toBeCloseTo(0.5504, 4);
    const closed = projectGap({
      ...seedHousehold,
      monthlyContribution: seedHousehold.monthlyContribution.add(report.requiredAdditionalMonthly),
    });
    // The amount is rounded to the cent: at most half a cent a month, grown to retirement.
    expect(Math.abs(closed.gap)).toBeLessThanOrEqual(0.005 * annuityFactor(closed.monthlyRate, 240));
  });

  it("deflates every figure by (1 + inflation)^years for today's dollars", () => {
    const f = 1.025 ** 20;
    expect(report.todayDollars.projectedBalance.toString()).toBe(Money.fromNumber(2029374.68 / f).toString());
    expect(report.todayDollars.fundedRatio).toBeCloseTo(report.fundedRatio!, 12);
  });
});

describe("retirement gap: edge cases", () => {
  it("needs nothing when Social Security covers the desired income", () => {
    const report = computeGap({ ...seedHousehold, socialSecurity: Money.parse("130000") });
    expect(report.requiredBalance.toString()).toBe("0.00");
    expect(report.fundedRatio).toBeNull();
    expect(report.gap.isNegative()).toBe(true);
    expect(report.requiredAdditionalMonthly.toString()).toBe("0.00");
  });

  it("reports a surplus as a negative gap with no extra saving", () => {
    const report = computeGap({ ...seedHousehold, currentSavings: Money.parse("3000000") });
    expect(report.gap.isNegative()).toBe(true);
    expect(report.fundedRatio!).toBeGreaterThan(1);
    expect(report.requiredAdditionalMonthly.isZero()).toBe(true);
  });

  it("handles a zero return and rising contributions", () => {
    const report = computeGap({
      ...seedHousehold,
      expectedReturn: 0,
      contributionGrowth: 0.1,
      monthsToRetirement: 24,
    });
    // 350,000 + 12 × 2,000 + 12 × 2,200
    expect(report.projectedBalance.toString()).toBe("400400.00");
  });
});

const household = fc.record({
  savings: fc.integer({ min: 0, max: 5_000_000 }),
  monthly: fc.integer({ min: 0, max: 20_000 }),
  months: fc.integer({ min: 1, max: 480 }),
  desired: fc.integer({ min: 1, max: 500_000 }),
  ss: fc.integer({ min: 0, max: 80_000 }),
  ret: fc.double({ min: -0.05, max: 0.12, noNaN: true }),
  inflation: fc.double({ min: 0, max: 0.06, noNaN: true }),
  wr: fc.double({ min: 0.02, max: 0.1, noNaN: true }),
});

type Household = typeof household extends fc.Arbitrary<infer T> ? T : never;

function inputOf(h: Household): GapInput {
  return {
    currentSavings: Money.fromDollars(h.savings),
    monthlyContribution: Money.fromDollars(h.monthly),
    monthsToRetirement: h.months,
    desiredIncome: Money.fromDollars(h.desired),
    socialSecurity: Money.fromDollars(h.ss),
    expectedReturn: h.ret,
    inflation: h.inflation,
    withdrawalRate: h.wr,
    contributionGrowth: 0,
  };
}

describe("retirement gap: invariants (fast-check)", () => {
  it("more monthly saving never raises the gap", () => {
    fc.assert(
      fc.property(household, fc.integer({ min: 1, max: 10_000 }), (h, extra) => {
        const base = inputOf(h);
        const more = { ...base, monthlyContribution: base.monthlyContribution.add(Money.fromDollars(extra)) };
        expect(projectGap(more).gap).toBeLessThanOrEqual(projectGap(base).gap);
      }),
    );
  });

  it("retiring later never raises the gap when returns outpace inflation", () => {
    fc.assert(
      fc.property(household, fc.integer({ min: 1, max: 120 }), (h, delay) => {
        fc.pre(h.ret >= h.inflation);
        const base = inputOf(h);
        const later = { ...base, monthsToRetirement: base.monthsToRetirement + delay };
        // In today's dollars the required balance is constant while the projection keeps growing.
        const baseGap = projectGap(base);
        const laterGap = projectGap(later);
        expect(laterGap.gap / laterGap.inflationFactor).toBeLessThanOrEqual(
          baseGap.gap / baseGap.inflationFactor + 1e-6,
        );
      }),
    );
  });

  it("a higher withdrawal rate never raises the required balance", () => {
    fc.assert(
      fc.property(household, fc.double({ min: 0.001, max: 0.05, noNaN: true }), (h, step) => {
        const base = inputOf(h);
        expect(
          projectGap({ ...base, withdrawalRate: base.withdrawalRate + step }).required,
        ).toBeLessThanOrEqual(projectGap(base).required);
      }),
    );
  });

  it("the extra monthly saving always closes the gap, up to its rounding to the cent", () => {
    fc.assert(
      fc.property(household, (h) => {
        const base = inputOf(h);
        const report = computeGap(base);
        const closed = projectGap({
          ...base,
          monthlyContribution: base.monthlyContribution.add(report.requiredAdditionalMonthly),
        });
        expect(closed.gap).toBeLessThanOrEqual(
          0.005 * annuityFactor(closed.monthlyRate, base.monthsToRetirement) + 0.01,
        );
      }),
    );
  });
});
