import { Money } from "../money.ts";
import { annuityFactor, futureValue, monthlyRate } from "./time-value.ts";

/**
 * Retirement gap: what the household's savings will grow to against what its desired income needs.
 *
 * Conventions: annual rates are effective; monthly rate i = (1+r)^(1/12) − 1; contributions at the
 * end of each month; the current balance compounds monthly from now. With n months to retirement
 * and t = n/12 years:
 *
 * - projected_balance = FV of savings and contributions (see `futureValue`), nominal;
 * - required_balance  = max(0, desired − social security) ÷ withdrawal rate × (1+inflation)^t
 *   (the 4% rule on the income the portfolio must supply, inflated to the retirement year);
 * - gap               = required − projected (positive: shortfall; negative: surplus);
 * - funded_ratio      = projected ÷ required (null when nothing is required);
 * - required_additional_monthly = gap ÷ ((1+i)^n − 1)/i: the level extra end-of-month saving from
 *   next month to retirement, at the same return, that closes the gap exactly (0 for a surplus);
 * - today_dollars: each figure ÷ (1+inflation)^t.
 *
 * Floats are used inside the projection; every figure leaves rounded half-even to the cent.
 */
export interface GapInput {
  readonly currentSavings: Money;
  readonly monthlyContribution: Money;
  readonly monthsToRetirement: number;
  /** Annual income wanted in retirement, in today's dollars. */
  readonly desiredIncome: Money;
  /** Annual Social Security expected, in today's dollars. */
  readonly socialSecurity: Money;
  readonly expectedReturn: number;
  readonly inflation: number;
  readonly withdrawalRate: number;
  /** Yearly raise of the monthly contribution (0 = level contributions). */
  readonly contributionGrowth: number;
}

export const GAP_DEFAULTS = { inflation: 0.025, withdrawalRate: 0.04, contributionGrowth: 0 } as const;

export interface GapFigures {
  readonly projectedBalance: Money;
  readonly requiredBalance: Money;
  readonly gap: Money;
  readonly fundedRatio: number | null;
  readonly requiredAdditionalMonthly: Money;
}

export interface GapReport extends GapFigures {
  readonly years: number;
  /** (1+inflation)^years: divide a nominal figure by it for today's dollars. */
  readonly inflationFactor: number;
  readonly todayDollars: GapFigures;
}

/** The unrounded figures, for solvers that need many evaluations. */
export interface RawGap {
  readonly projected: number;
  readonly required: number;
  readonly gap: number;
  readonly inflationFactor: number;
  readonly monthlyRate: number;
}

export function projectGap(input: GapInput): RawGap {
  const i = monthlyRate(input.expectedReturn);
  const n = input.monthsToRetirement;
  const projected = futureValue(
    input.currentSavings.toNumber(),
    input.monthlyContribution.toNumber(),
    i,
    n,
    input.contributionGrowth,
  );
  const inflationFactor = (1 + input.inflation) ** (n / 12);
  const incomeNeeded = Math.max(0, input.desiredIncome.toNumber() - input.socialSecurity.toNumber());
  const required = (incomeNeeded / input.withdrawalRate) * inflationFactor;
  return { projected, required, gap: required - projected, inflationFactor, monthlyRate: i };
}

/** The level extra monthly saving that closes a positive gap by retirement (0 otherwise). */
export function extraMonthlyToClose(raw: RawGap, months: number): number {
  return raw.gap > 0 ? raw.gap / annuityFactor(raw.monthlyRate, months) : 0;
}

function figures(projected: number, required: number, extraMonthly: number): GapFigures {
  return {
    projectedBalance: Money.fromNumber(projected),
    requiredBalance: Money.fromNumber(required),
    gap: Money.fromNumber(required - projected),
    fundedRatio: required > 0 ? projected / required : null,
    requiredAdditionalMonthly: Money.fromNumber(extraMonthly),
  };
}

export function computeGap(input: GapInput): GapReport {
  const raw = projectGap(input);
  const extra = extraMonthlyToClose(raw, input.monthsToRetirement);
  const f = raw.inflationFactor;
  return {
    ...figures(raw.projected, raw.required, extra),
    years: input.monthsToRetirement / 12,
    inflationFactor: f,
    todayDollars: figures(raw.projected / f, raw.required / f, extra / f),
  };
}

/** The gap the engine treats as closed: half a cent, the rounding of the figures it reports. */
export const CLOSED_GAP = 0.005;

/**
 * The first retirement month from `input.monthsToRetirement` up to `maxMonths` at which the gap is
 * closed, or null. Steps month by month (balance × (1+i) + that month's contribution; required ×
 * (1+inflation)^(1/12)) instead of re-projecting each candidate, then confirms the answer with the
 * closed form so it agrees with `projectGap` to the month.
 */
export function firstClosingMonth(input: GapInput, maxMonths: number): number | null {
  const start = projectGap(input);
  const monthlyInflation = (1 + input.inflation) ** (1 / 12);
  let balance = start.projected;
  let required = start.required;
  let payment =
    input.monthlyContribution.toNumber() *
    (1 + input.contributionGrowth) ** Math.floor(input.monthsToRetirement / 12);
  let candidate: number | null = null;
  for (let months = input.monthsToRetirement; months <= maxMonths; months++) {
    if (required - balance <= CLOSED_GAP) {
      candidate = months;
      break;
    }
    balance = balance * (1 + start.monthlyRate) + payment;
    required *= monthlyInflation;
    if ((months + 1) % 12 === 0) payment *= 1 + input.contributionGrowth;
  }
  const closesAt = (months: number) => projectGap({ ...input, monthsToRetirement: months }).gap <= CLOSED_GAP;
  if (candidate === null) return closesAt(maxMonths) ? maxMonths : null;
  // Float steps can differ from the closed form in the last digits: settle the boundary with it.
  while (candidate > input.monthsToRetirement && closesAt(candidate - 1)) candidate--;
  while (candidate <= maxMonths && !closesAt(candidate)) candidate++;
  return candidate <= maxMonths ? candidate : null;
}
