import { describeAge, describeDuration } from "../dates.ts";
import { Money } from "../money.ts";
import {
  CLOSED_GAP,
  extraMonthlyToClose,
  firstClosingMonth,
  type GapInput,
  projectGap,
} from "./gap-engine.ts";
import { type MarketYear, portfolioStatistics, stockShareForReturn } from "./market-history.ts";
import { solveThreshold } from "./time-value.ts";

/**
 * Corrective moves for a retirement shortfall. Each lever is solved on its own to close the gap
 * exactly (re-running the gap engine), then one balanced combination is found. Every suggestion is
 * a rule result with its evidence: the amounts, whether it closes the gap alone, and an `effort`
 * score used only for ranking. Effort is a stated heuristic where 1.0 is "a major life change":
 *
 * | lever           | effort = …                                                        |
 * |-----------------|-------------------------------------------------------------------|
 * | save_more       | extra yearly saving ÷ 10% of gross income (of desired income when income is unknown) |
 * | retire_later    | years of delay ÷ 5                                                |
 * | spend_less      | cut in desired income ÷ 20% of it                                 |
 * | claim_ss_later  | years of delay in claiming ÷ 8                                    |
 * | higher_return   | added annual volatility ÷ 5 percentage points                     |
 *
 * Suggestions that close the gap come first, each group by effort. Nothing impossible is offered:
 * no retirement past 75, no saving beyond gross income, no negative amounts.
 */
export const MAX_RETIREMENT_AGE_MONTHS = 75 * 12;
/** With only "years to retirement" known, a delay is capped at ten years. */
export const MAX_DELAY_WITHOUT_AGE_MONTHS = 120;
const LATEST_CLAIM_MONTHS = 70 * 12;

export interface SocialSecurityLever {
  readonly claimAgeMonths: number;
  readonly retirementAgeMonths: number;
  /** Annual benefit in today's dollars when claimed at an age (from the estimator). */
  readonly annualAt: (claimAgeMonths: number) => Money;
}

export interface CorrectionContext {
  readonly gap: GapInput;
  readonly currentAgeMonths: number | null;
  /** Gross household income per year, for feasibility of extra saving and for ranking. */
  readonly annualIncome: Money | null;
  readonly socialSecurity: SocialSecurityLever | null;
  /** Market history for the higher-return lever (null leaves that lever out). */
  readonly marketHistory: readonly MarketYear[] | null;
}

interface CorrectionBase {
  readonly description: string;
  readonly closesGap: boolean;
  readonly effort: number;
}

export type Correction =
  | (CorrectionBase & {
      readonly type: "save_more";
      readonly extraMonthly: Money;
      readonly newMonthlyContribution: Money;
      readonly shareOfIncome: number | null;
    })
  | (CorrectionBase & {
      readonly type: "retire_later";
      readonly delayMonths: number;
      readonly newMonthsToRetirement: number;
      readonly newRetirementAgeMonths: number | null;
    })
  | (CorrectionBase & {
      readonly type: "spend_less";
      readonly newDesiredIncome: Money;
      readonly reduction: Money;
      readonly reductionShare: number;
    })
  | (CorrectionBase & {
      readonly type: "claim_ss_later";
      readonly claimAgeMonths: number;
      readonly newSocialSecurity: Money;
      readonly bridgeYears: number;
    })
  | (CorrectionBase & {
      readonly type: "higher_return";
      readonly newReturn: number;
      readonly equityShare: number;
      readonly currentEquityShare: number;
      readonly volatility: number;
      readonly currentVolatility: number;
      readonly worstYear: { readonly year: number; readonly return: number };
    })
  | (CorrectionBase & {
      readonly type: "combination";
      readonly extraMonthly: Money;
      readonly delayMonths: number;
      readonly reduction: Money;
    });

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;

function gapOf(input: GapInput): number {
  return projectGap(input).gap;
}

function closes(input: GapInput): boolean {
  return gapOf(input) <= CLOSED_GAP;
}

function withMonthly(input: GapInput, extra: Money): GapInput {
  return { ...input, monthlyContribution: input.monthlyContribution.add(extra) };
}

function saveMore(ctx: CorrectionContext): Correction {
  const input = ctx.gap;
  const raw = projectGap(input);
  // Round up to the cent so the suggested amount really closes the gap.
  const extra = Money.fromCents(BigInt(Math.ceil(extraMonthlyToClose(raw, input.monthsToRetirement) * 100)));
  const newMonthly = input.monthlyContribution.add(extra);
  const income = ctx.annualIncome?.toNumber() ?? null;
  const yearly = extra.toNumber() * 12;
  const shareOfIncome = income ? yearly / income : null;
  const affordable = income === null || newMonthly.toNumber() * 12 <= income;
  const base = shareOfIncome ?? yearly / Math.max(1, input.desiredIncome.toNumber());
  return {
    type: "save_more",
    extraMonthly: extra,
    newMonthlyContribution: newMonthly,
    shareOfIncome,
    closesGap: affordable,
    effort: base / 0.1,
    description: affordable
      ? `Save ${extra.format()} more each month (${newMonthly.format()} in all)${
          shareOfIncome === null ? "" : `, ${pct(shareOfIncome)} of gross income`
        }.`
      : `Closing the gap by saving alone would take ${newMonthly.format()} a month, more than the household earns; not possible on its own.`,
  };
}

function retireLater(ctx: CorrectionContext): Correction {
  const input = ctx.gap;
  const maxMonths =
    ctx.currentAgeMonths === null
      ? input.monthsToRetirement + MAX_DELAY_WITHOUT_AGE_MONTHS
      : MAX_RETIREMENT_AGE_MONTHS - ctx.currentAgeMonths;
  const closing = firstClosingMonth(input, maxMonths);
  const closed = closing !== null;
  const months = closing ?? maxMonths;
  const delay = months - input.monthsToRetirement;
  const newAge = ctx.currentAgeMonths === null ? null : ctx.currentAgeMonths + months;
  const when = newAge === null ? `${describeDuration(months)} from now` : `at age ${describeAge(newAge)}`;
  const notEnough =
    ctx.currentAgeMonths === null
      ? "Retiring even ten years later does not close the gap on its own."
      : "Working until age 75 does not close the gap on its own.";
  return {
    type: "retire_later",
    delayMonths: delay,
    newMonthsToRetirement: months,
    newRetirementAgeMonths: newAge,
    closesGap: closed,
    effort: delay / 12 / 5,
    description: closed ? `Retire ${describeDuration(delay)} later, ${when}.` : notEnough,
  };
}

function spendLess(ctx: CorrectionContext): Correction {
  const input = ctx.gap;
  const raw = projectGap(input);
  const affordable =
    input.socialSecurity.toNumber() + (raw.projected * input.withdrawalRate) / raw.inflationFactor;
  // Round down to the cent so the lower income really fits.
  const newIncome = Money.fromCents(BigInt(Math.floor(affordable * 100)));
  const reduction = input.desiredIncome.subtract(newIncome);
  const share = reduction.toNumber() / input.desiredIncome.toNumber();
  return {
    type: "spend_less",
    newDesiredIncome: newIncome,
    reduction,
    reductionShare: share,
    closesGap: true,
    effort: share / 0.2,
    description: `Plan on ${newIncome.format()} a year in retirement (today's dollars), ${reduction.format()} or ${pct(share)} less.`,
  };
}

/**
 * Claiming later raises the benefit; when the claim comes after retirement, the portfolio must also
 * pay the benefit's amount for the bridge years: required = ((desired − SS′) ÷ withdrawal rate +
 * SS′ × bridge years) × (1+inflation)^t.
 */
function claimLater(ctx: CorrectionContext, lever: SocialSecurityLever): Correction | null {
  const input = ctx.gap;
  if (lever.claimAgeMonths >= LATEST_CLAIM_MONTHS) return null;
  const raw = projectGap(input);
  const requiredWith = (claim: number) => {
    const benefit = lever.annualAt(claim).toNumber();
    const bridgeYears = Math.max(0, claim - lever.retirementAgeMonths) / 12;
    const income = Math.max(0, input.desiredIncome.toNumber() - benefit);
    return {
      benefit,
      bridgeYears,
      required: (income / input.withdrawalRate + benefit * bridgeYears) * raw.inflationFactor,
    };
  };
  let best = lever.claimAgeMonths;
  let bestRequired = requiredWith(best).required;
  for (let claim = lever.claimAgeMonths + 1; claim <= LATEST_CLAIM_MONTHS; claim++) {
    const { required } = requiredWith(claim);
    if (required < bestRequired) {
      best = claim;
      bestRequired = required;
    }
    if (required <= raw.projected) {
      best = claim;
      bestRequired = required;
      break;
    }
  }
  if (best === lever.claimAgeMonths) return null; // claiming later does not help at all
  const chosen = requiredWith(best);
  const closed = chosen.required <= raw.projected;
  const benefit = Money.fromNumber(chosen.benefit);
  return {
    type: "claim_ss_later",
    claimAgeMonths: best,
    newSocialSecurity: benefit,
    bridgeYears: chosen.bridgeYears,
    closesGap: closed,
    effort: (best - lever.claimAgeMonths) / 12 / 8,
    description: closed
      ? `Claim Social Security at ${describeAge(best)} for ${benefit.format()} a year (today's dollars)${
          chosen.bridgeYears > 0 ? `, with the portfolio bridging ${chosen.bridgeYears.toFixed(1)} years` : ""
        }.`
      : `Claiming Social Security at ${describeAge(best)} (${benefit.format()} a year) narrows the gap but does not close it alone.`,
  };
}

function higherReturn(ctx: CorrectionContext, history: readonly MarketYear[]): Correction | null {
  const input = ctx.gap;
  const allStocks = portfolioStatistics(history, 1);
  const currentShare = stockShareForReturn(history, input.expectedReturn);
  if (currentShare === null || input.expectedReturn >= allStocks.geometricMean) return null;
  // To a thousandth of a percentage point: finer than any return assumption deserves.
  const solved = solveThreshold(
    (r) => closes({ ...input, expectedReturn: r }),
    input.expectedReturn,
    allStocks.geometricMean,
    1e-5,
  );
  const newReturn = solved ?? allStocks.geometricMean;
  const share = stockShareForReturn(history, newReturn) ?? 1;
  const now = portfolioStatistics(history, currentShare);
  const next = portfolioStatistics(history, share);
  const span = `${next.fromYear}-${next.toYear}`;
  return {
    type: "higher_return",
    newReturn,
    equityShare: share,
    currentEquityShare: currentShare,
    volatility: next.volatility,
    currentVolatility: now.volatility,
    worstYear: next.worstYear,
    closesGap: solved !== null,
    effort: Math.max(0, next.volatility - now.volatility) / 0.05,
    description:
      (solved !== null
        ? `Invest for a ${pct(newReturn, 2)} return: about ${pct(share, 0)} stocks instead of ${pct(currentShare, 0)}.`
        : `Even 100% stocks (${pct(newReturn, 2)} historical return) does not close the gap alone.`) +
      ` Risk rises: annual volatility ${pct(now.volatility)} → ${pct(next.volatility)}, worst year ${pct(next.worstYear.return)} (${next.worstYear.year}), ${span} history.`,
  };
}

/**
 * One balanced plan: the same fraction t of each lever (affordable extra saving, delay up to its cap, spending cut),
 * with the smallest t that closes the gap. Amounts round in the direction that keeps it closed.
 */
function combination(ctx: CorrectionContext, levers: readonly Correction[]): Correction | null {
  const input = ctx.gap;
  const save = levers.find((c) => c.type === "save_more" && c.closesGap);
  // Working longer helps even when it cannot close the gap alone: its capped delay still counts.
  const later = levers.find((c) => c.type === "retire_later");
  const spend = levers.find((c) => c.type === "spend_less");
  const extraFull = save?.type === "save_more" ? save.extraMonthly.toNumber() : 0;
  const delayFull = later?.type === "retire_later" ? later.delayMonths : 0;
  const cutFull = spend?.type === "spend_less" ? spend.reduction.toNumber() : 0;
  const parts = [extraFull > 0, delayFull > 0, cutFull > 0].filter(Boolean).length;
  if (parts < 2) return null;
  const apply = (t: number) => {
    const extra = Money.fromCents(BigInt(Math.ceil(extraFull * t * 100)));
    const delay = Math.ceil(delayFull * t);
    const cut = Money.fromCents(BigInt(Math.ceil(cutFull * t * 100)));
    return {
      extra,
      delay,
      cut,
      input: {
        ...withMonthly(input, extra),
        monthsToRetirement: input.monthsToRetirement + delay,
        desiredIncome: input.desiredIncome.subtract(cut),
      },
    };
  };
  // t to 0.01%; each amount is then rounded in the direction that keeps the gap closed.
  const t = solveThreshold((x) => closes(apply(x).input), 0, 1, 1e-4) ?? 1;
  const plan = apply(t);
  const effort = [save, later, spend].reduce((sum, c) => sum + (c ? c.effort * t : 0), 0);
  const steps = [
    plan.extra.isZero() ? null : `save ${plan.extra.format()} more a month`,
    plan.delay === 0 ? null : `retire ${describeDuration(plan.delay)} later`,
    plan.cut.isZero() ? null : `plan on ${plan.cut.format()} a year less income`,
  ].filter((s): s is string => s !== null);
  return {
    type: "combination",
    extraMonthly: plan.extra,
    delayMonths: plan.delay,
    reduction: plan.cut,
    closesGap: true,
    effort,
    description: `Balanced: ${steps.join(", ")} (${pct(t, 0)} of each move alone).`,
  };
}

/** All corrective moves for a shortfall, ranked; an empty list when the plan is funded. */
export function suggestCorrections(ctx: CorrectionContext): Correction[] {
  if (gapOf(ctx.gap) <= 0) return [];
  const levers: Correction[] = [saveMore(ctx), retireLater(ctx), spendLess(ctx)];
  const claim = ctx.socialSecurity ? claimLater(ctx, ctx.socialSecurity) : null;
  if (claim) levers.push(claim);
  const equity = ctx.marketHistory ? higherReturn(ctx, ctx.marketHistory) : null;
  if (equity) levers.push(equity);
  const combined = combination(ctx, levers);
  if (combined) levers.push(combined);
  return levers.sort((a, b) => Number(b.closesGap) - Number(a.closesGap) || a.effort - b.effort);
}
