import { Money } from "../money.ts";
import { monthlyRate } from "../retirement/time-value.ts";
import { type Allocation, type RiskTolerance, recommendAllocation } from "./glide-path.ts";
import type { AssetClassReturns, GiftExclusion } from "./plan.ts";

/**
 * College funding plan: what four years will cost, what the account is on course to hold at
 * enrollment, the gap, and the three ways to close it (a level extra monthly contribution, a
 * lump sum today, or a 5-year "superfunding" gift).
 *
 * Conventions: rates are effective annual decimals; the monthly rate is (1 + r)^(1/12) − 1;
 * contributions land at the end of each month; each year before enrollment the account holds the
 * glide path's allocation for that many years out (rebalanced at the start of the year) and earns
 * the weighted expected return of its asset classes: r = equity × R_equity + bonds × R_bonds +
 * money market × R_money_market.
 *
 * Cost: college year k (0…3) costs annual cost today × (1 + cost inflation)^(n + k), paid at its
 * start, n = years to enrollment. Needed at enrollment = Σ cost_k ÷ (1 + r_0)^k: later years'
 * bills are discounted at the return of the at-enrollment allocation (mostly money market) the
 * account holds while paying them.
 */

export const DEFAULT_COST_INFLATION = 0.05;
export const COLLEGE_YEARS = 4;
/** IRC 529(c)(2)(B): a contribution may be spread over 5 years of annual exclusions. */
export const SUPERFUNDING_YEARS = 5;

export interface ContributionPlanInput {
  readonly yearsToEnrollment: number;
  readonly currentBalance: Money;
  readonly monthlyContribution: Money;
  readonly annualCostToday: Money;
  readonly costInflation: number;
  readonly risk: RiskTolerance;
  readonly returns: AssetClassReturns;
  readonly giftExclusion: GiftExclusion;
}

export interface Superfunding {
  readonly exclusionYear: number;
  readonly annualExclusion: Money;
  /** 5 × the annual exclusion: one donor, one beneficiary. */
  readonly maxSingle: Money;
  /** 10 × the annual exclusion: a married couple electing gift splitting. */
  readonly maxMarried: Money;
  /** Projected balance at enrollment if `maxSingle` went in today on top of the plan. */
  readonly balanceWithMaxSingle: Money;
  readonly note: string;
}

export interface ContributionPlan {
  readonly yearsToEnrollment: number;
  readonly annualCostToday: Money;
  readonly costByCollegeYear: readonly Money[];
  readonly fourYearCost: Money;
  readonly neededAtEnrollment: Money;
  readonly projectedBalance: Money;
  /** Needed − projected: positive is a shortfall. */
  readonly gap: Money;
  /** The level extra monthly contribution that closes the gap; null when no months remain. */
  readonly additionalMonthly: Money | null;
  /** The extra lump sum today that closes the gap. */
  readonly lumpSumToday: Money;
  readonly superfunding: Superfunding;
  readonly expectedReturns: readonly {
    readonly yearsToEnrollment: number;
    readonly expectedReturn: number;
  }[];
}

export function expectedReturn(allocation: Allocation, returns: AssetClassReturns): number {
  return (
    (allocation.equity * returns.equity +
      allocation.fixedIncome * returns.fixedIncome +
      allocation.moneyMarket * returns.moneyMarket) /
    100
  );
}

/** Year-by-year expected returns along the glide path, n years out down to 1. */
export function pathReturns(years: number, risk: RiskTolerance, returns: AssetClassReturns): number[] {
  return Array.from({ length: years }, (_, i) =>
    expectedReturn(recommendAllocation(years - i, risk), returns),
  );
}

/**
 * Balance at enrollment from `balance` now and `monthly` at each month end, along `annualReturns`
 * (one per year, first year first), less `expenseRatio` a year from the return and `accountFee`
 * at each year end.
 */
export function projectBalance(
  balance: number,
  monthly: number,
  annualReturns: readonly number[],
  expenseRatio = 0,
  accountFee = 0,
): number {
  let b = balance;
  for (const r of annualReturns) {
    const i = monthlyRate(r - expenseRatio);
    for (let m = 0; m < 12; m++) b = b * (1 + i) + monthly;
    b -= accountFee;
  }
  return b;
}

function superfunding(
  input: ContributionPlanInput,
  growth: number,
  projected: number,
  lumpSum: Money,
): Superfunding {
  const exclusion = input.giftExclusion.perDonorPerBeneficiary;
  const maxSingle = exclusion.times(SUPERFUNDING_YEARS);
  const maxMarried = exclusion.times(SUPERFUNDING_YEARS * 2);
  const fits =
    lumpSum.isZero() || lumpSum.isNegative()
      ? "no lump sum is needed"
      : lumpSum.compare(maxSingle) <= 0
        ? `the ${lumpSum.format({ cents: false })} lump sum fits in one donor's 5-year election`
        : lumpSum.compare(maxMarried) <= 0
          ? `the ${lumpSum.format({ cents: false })} lump sum fits only with a married couple's gift splitting`
          : `the ${lumpSum.format({ cents: false })} lump sum exceeds even a couple's ${maxMarried.format({ cents: false })}; the excess uses lifetime exemption`;
  return {
    exclusionYear: input.giftExclusion.year,
    annualExclusion: exclusion,
    maxSingle,
    maxMarried,
    balanceWithMaxSingle: Money.fromNumber(projected + maxSingle.toNumber() * growth),
    note:
      `a contribution of up to 5 × the ${input.giftExclusion.year} annual exclusion (${exclusion.format({ cents: false })}) ` +
      `may be spread over 5 years on Form 709, using no lifetime exemption; ${fits}. Other gifts to the same beneficiary in those years use the same exclusions.`,
  };
}

export function planContributions(input: ContributionPlanInput): ContributionPlan {
  const n = input.yearsToEnrollment;
  const returns = pathReturns(n, input.risk, input.returns);
  const atEnrollment = expectedReturn(recommendAllocation(0, input.risk), input.returns);
  const cost = input.annualCostToday.toNumber();
  const costs = Array.from({ length: COLLEGE_YEARS }, (_, k) => cost * (1 + input.costInflation) ** (n + k));
  const needed = costs.reduce((sum, c, k) => sum + c / (1 + atEnrollment) ** k, 0);
  const projected = projectBalance(
    input.currentBalance.toNumber(),
    input.monthlyContribution.toNumber(),
    returns,
  );
  const growth = projectBalance(1, 0, returns);
  const annuity = projectBalance(0, 1, returns);
  const gap = needed - projected;
  const shortfall = Math.max(0, gap);
  const lumpSumToday = Money.fromNumber(shortfall / growth);
  return {
    yearsToEnrollment: n,
    annualCostToday: input.annualCostToday,
    costByCollegeYear: costs.map((c) => Money.fromNumber(c)),
    fourYearCost: Money.sum(costs.map((c) => Money.fromNumber(c))),
    neededAtEnrollment: Money.fromNumber(needed),
    projectedBalance: Money.fromNumber(projected),
    gap: Money.fromNumber(gap),
    additionalMonthly: annuity > 0 ? Money.fromNumber(shortfall / annuity) : null,
    lumpSumToday,
    superfunding: superfunding(input, growth, projected, lumpSumToday),
    expectedReturns: returns.map((r, i) => ({ yearsToEnrollment: n - i, expectedReturn: r })),
  };
}

/** The annual exclusion for `year`: that year's, else the latest before it (flagged), else the earliest. */
export function giftExclusionFor(
  exclusions: readonly GiftExclusion[],
  year: number,
): { exclusion: GiftExclusion; exact: boolean } {
  const exact = exclusions.find((e) => e.year === year);
  if (exact) return { exclusion: exact, exact: true };
  const before = exclusions.filter((e) => e.year < year);
  return { exclusion: before[before.length - 1] ?? exclusions[0]!, exact: false };
}
