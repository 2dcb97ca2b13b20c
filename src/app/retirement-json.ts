import type { GapFigures } from "../core/retirement/gap-engine.ts";
import type { BacktestResult } from "../core/retirement/historical-backtest.ts";
import type { GapAnswer, Simulation, SocialSecurityAnswer } from "./retirement.ts";

/**
 * The JSON form of retirement answers: what `finplan retirement … --json` prints and what the HTTP
 * API returns, key for key (snake_case, money as 2-place decimal strings, rates as fractions).
 * Nested engine objects (corrections, percentiles) keep their camelCase here: both edges pass the
 * whole answer through `toJsonValue` once (printJson, wire).
 */

/** An age in months as a number of years (66 and 6 months → 66.5), rounded to 4 places. */
export function yearsOf(months: number): number {
  return Math.round((months / 12) * 10_000) / 10_000;
}

export function socialSecurityJson(answer: SocialSecurityAnswer) {
  const e = answer.estimate;
  return {
    aime: e.aime,
    pia: e.pia,
    full_retirement_age: yearsOf(e.fullRetirementAgeMonths),
    full_retirement_age_months: e.fullRetirementAgeMonths,
    claim_age: yearsOf(e.atClaimAge.claimAgeMonths),
    benefit_at_62: e.at62.monthly,
    benefit_at_fra: e.atFullRetirementAge.monthly,
    benefit_at_70: e.at70.monthly,
    benefit_at_claim_age: e.atClaimAge.monthly,
    annual_benefit_at_claim_age: e.atClaimAge.monthly.times(12),
    eligibility_year: e.eligibilityYear,
    indexing_year: e.indexingYear,
    earnings_source: answer.earningsSource,
    as_of: answer.asOf,
    benefits_by_age: e.byAge.map((b) => ({
      age: yearsOf(b.claimAgeMonths),
      monthly: b.monthly,
      adjustment: b.adjustment,
    })),
    spousal: e.spousal && {
      claim_age: yearsOf(e.spousal.claimAgeMonths),
      full_retirement_age: yearsOf(e.spousal.fullRetirementAgeMonths),
      excess_at_fra: e.spousal.excessAtFra,
      adjustment: e.spousal.adjustment,
      monthly: e.spousal.monthly,
    },
    earnings: e.earnings.map((y) => ({
      year: y.year,
      earnings: y.earnings.toFixed(2),
      capped: y.capped.toFixed(2),
      index_factor: y.indexFactor.toDecimalPlaces(6).toNumber(),
      indexed: y.indexed.toFixed(2),
      counted: y.counted,
    })),
    assumptions: e.assumptions,
  };
}

export function backtestJson(result: BacktestResult) {
  return {
    success_rate: result.successRate,
    windows: result.windows,
    failed_start_years: result.failedStartYears,
    worst_ending_balance: result.worstEndingBalance,
    worst_start_year: result.worstStartYear,
    median_ending_balance: result.medianEndingBalance,
    years: result.years,
    from: result.fromYear,
    to: result.toYear,
    method: result.method,
  };
}

function figuresJson(f: GapFigures) {
  return {
    projected_balance: f.projectedBalance,
    required_balance: f.requiredBalance,
    gap: f.gap,
    funded_ratio: f.fundedRatio,
    required_additional_monthly: f.requiredAdditionalMonthly,
  };
}

function simulationJson(simulation: Simulation) {
  if (simulation.kind === "historical") {
    return {
      kind: "historical",
      withdrawal_rate: simulation.withdrawalRate,
      ...backtestJson(simulation.result),
    };
  }
  const r = simulation.result;
  return {
    kind: "monte-carlo",
    success_probability: r.successProbability,
    paths: r.paths,
    seed: r.seed,
    volatility: simulation.volatility,
    percentiles: r.percentiles,
    method: r.method,
  };
}

export function gapJson(answer: GapAnswer) {
  const { report, input } = answer;
  return {
    ...figuresJson(report),
    today_dollars: figuresJson(report.todayDollars),
    years_to_retirement: report.years,
    inputs: {
      current_savings: input.currentSavings,
      monthly_contribution: input.monthlyContribution,
      desired_income: input.desiredIncome,
      social_security: input.socialSecurity,
      expected_return: input.expectedReturn,
      inflation: input.inflation,
      withdrawal_rate: input.withdrawalRate,
      contribution_growth: input.contributionGrowth,
    },
    social_security_estimate: answer.socialSecurity && socialSecurityJson(answer.socialSecurity),
    corrections: answer.corrections,
    ...(answer.simulation ? { simulation: simulationJson(answer.simulation) } : {}),
  };
}
