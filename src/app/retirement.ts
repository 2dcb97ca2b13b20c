import { z } from "zod";
import { ageInYears, type CalendarDate, wholeMonthsBetween } from "../core/dates.ts";
import { ValidationError } from "../core/errors.ts";
import { Money } from "../core/money.ts";
import { type Correction, suggestCorrections } from "../core/retirement/correction-suggester.ts";
import { estimateEarningsFromSalary } from "../core/retirement/earnings-estimate.ts";
import { computeGap, GAP_DEFAULTS, type GapInput, type GapReport } from "../core/retirement/gap-engine.ts";
import { type BacktestResult, runHistoricalBacktest } from "../core/retirement/historical-backtest.ts";
import { historyBetween, type MarketYear, portfolioStatistics } from "../core/retirement/market-history.ts";
import { type MonteCarloResult, runMonteCarlo } from "../core/retirement/monte-carlo.ts";
import {
  type EarningsYear,
  estimateSocialSecurity,
  fullRetirementAgeMonths,
  type SocialSecurityEstimate,
} from "../core/retirement/social-security.ts";
import { ageInMonths, integer, isoDate, money, rate } from "../core/validation.ts";
import type { ReferenceData } from "../data/reference-data.ts";

/**
 * Retirement use cases shared by the CLI and the HTTP API: one request schema each (snake_case
 * keys, values as text or JSON numbers), validated at the edge, then the pure engines.
 */

export const DEFAULT_BACKTEST_FROM = 1928;
export const DEFAULT_STOCK_SHARE = 0.6;
export const DEFAULT_RETIREMENT_YEARS = 30;
export const DEFAULT_PATHS = 10_000;

const singleSource = new WeakMap<readonly MarketYear[], readonly MarketYear[]>();

/** The market years from 1928 on (one source, Damodaran), the same array each time so engines can cache by it. */
function singleSourceHistory(history: readonly MarketYear[]): readonly MarketYear[] {
  let years = singleSource.get(history);
  if (!years) {
    years = historyBetween(history, DEFAULT_BACKTEST_FROM, Number.POSITIVE_INFINITY);
    singleSource.set(history, years);
  }
  return years;
}

/** A request whose as-of date has been settled: the one given, or today from the caller's clock. */
type Dated<T> = T & { as_of: CalendarDate };

function dated<T extends { as_of?: CalendarDate | undefined }>(request: T, today: CalendarDate): Dated<T> {
  return { ...request, as_of: request.as_of ?? today };
}

// ---------- Earnings history (HTTP bodies; the CLI reads the same from a CSV file) ----------

/** An earnings record as JSON: `[{year, earnings}]`, one row per year, years unique. */
export const earningsHistory = z
  .array(z.object({ year: integer({ min: 1951, max: 2200 }), earnings: money({ min: Money.ZERO }) }))
  .max(100)
  .superRefine((rows, ctx) => {
    const seen = new Set<number>();
    rows.forEach((row, index) => {
      if (seen.has(row.year))
        ctx.addIssue({ code: "custom", path: [index, "year"], message: `year ${row.year} appears twice` });
      seen.add(row.year);
    });
  })
  .transform((rows): EarningsYear[] => rows.map((r) => ({ year: r.year, earnings: r.earnings.toDecimal() })))
  .describe("covered earnings by year, as on an SSA statement; replaces salary");

// ---------- Social Security ----------

export const socialSecurityRequest = z.object({
  birth_date: isoDate,
  as_of: isoDate.optional(),
  salary: money({ min: Money.ZERO }).optional(),
  claim_age: ageInMonths({ min: 62, max: 70 }).optional(),
  spouse_birth_date: isoDate.optional(),
  spouse_claim_age: ageInMonths({ min: 62, max: 70 }).optional(),
  spouse_pia: money({ min: Money.ZERO }).optional(),
});
export type SocialSecurityRequest = z.output<typeof socialSecurityRequest>;

export interface SocialSecurityAnswer {
  readonly estimate: SocialSecurityEstimate;
  readonly earningsSource: "history" | "salary";
  readonly asOf: string;
}

function requireBirthBefore(birth: CalendarDate, asOf: CalendarDate): void {
  const age = ageInYears(birth, asOf);
  if (age < 0) throw new ValidationError("birth_date", "is after the as-of date");
  if (age > 110) throw new ValidationError("birth_date", "gives an age over 110");
}

/** Earnings from a supplied history, or estimated from a salary (exactly one of the two). */
function earningsRecord(
  request: { birth_date: CalendarDate; as_of: CalendarDate; salary?: Money | undefined },
  history: readonly EarningsYear[] | null,
  refs: ReferenceData,
): { earnings: readonly EarningsYear[]; source: "history" | "salary" } {
  if (history && request.salary) {
    throw new ValidationError("salary", "give either a salary or an earnings file, not both");
  }
  if (history) return { earnings: history, source: "history" };
  if (!request.salary) throw new ValidationError("salary", "is required when no earnings file is given");
  const earnings = estimateEarningsFromSalary(
    { birthDate: request.birth_date, salary: request.salary.toDecimal(), asOf: request.as_of },
    refs.socialSecurity,
  );
  return { earnings, source: "salary" };
}

export function socialSecurityEstimateFor(
  undated: SocialSecurityRequest,
  history: readonly EarningsYear[] | null,
  refs: ReferenceData,
  today: CalendarDate,
): SocialSecurityAnswer {
  const request = dated(undated, today);
  requireBirthBefore(request.birth_date, request.as_of);
  const { earnings, source } = earningsRecord(request, history, refs);
  const tables = refs.socialSecurity;
  const spouse =
    request.spouse_birth_date === undefined
      ? undefined
      : {
          birthDate: request.spouse_birth_date,
          claimAgeMonths:
            request.spouse_claim_age ?? fullRetirementAgeMonths(request.spouse_birth_date, tables),
          ownPia: request.spouse_pia ?? Money.ZERO,
        };
  if (spouse === undefined && (request.spouse_claim_age !== undefined || request.spouse_pia !== undefined)) {
    throw new ValidationError("spouse_birth_date", "is required for a spousal benefit");
  }
  const estimate = estimateSocialSecurity(
    {
      birthDate: request.birth_date,
      earnings,
      claimAgeMonths: request.claim_age ?? fullRetirementAgeMonths(request.birth_date, tables),
      ...(spouse ? { spouse } : {}),
    },
    tables,
  );
  return { estimate, earningsSource: source, asOf: formatDate(request.as_of) };
}

function formatDate(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

// ---------- Historical backtest ----------

export const backtestRequest = z.object({
  stock_share: rate({ min: 0, max: 1 }),
  withdrawal_rate: rate({ min: 0, max: 0.5, exclusiveMin: true }),
  years: integer({ min: 1, max: 100 }),
  from: integer({ min: 1800, max: 2200 }).optional(),
  to: integer({ min: 1800, max: 2200 }).optional(),
  initial_balance: money({ min: Money.fromDollars(1) }).optional(),
});
export type BacktestRequest = z.output<typeof backtestRequest>;

export function historicalBacktestFor(request: BacktestRequest, refs: ReferenceData): BacktestResult {
  const history = refs.marketHistory;
  return runHistoricalBacktest(history, {
    stockShare: request.stock_share,
    withdrawalRate: request.withdrawal_rate,
    years: request.years,
    fromYear: request.from ?? DEFAULT_BACKTEST_FROM,
    toYear: request.to ?? history[history.length - 1]!.year,
    initialBalance: (request.initial_balance ?? Money.fromDollars(1_000_000)).toNumber(),
  });
}

// ---------- Retirement gap ----------

export const gapRequest = z.object({
  age: integer({ min: 18, max: 100 }).optional(),
  birth_date: isoDate.optional(),
  as_of: isoDate.optional(),
  retirement_age: ageInMonths({ min: 40, max: 80 }).optional(),
  years_to_retirement: rate({ min: 0, max: 60, exclusiveMin: true }).optional(),
  savings: money({ min: Money.ZERO }),
  monthly_contribution: money({ min: Money.ZERO }),
  desired_income: money({ min: Money.fromDollars(1) }),
  social_security: money({ min: Money.ZERO }).optional(),
  salary: money({ min: Money.ZERO }).optional(),
  claim_age: ageInMonths({ min: 62, max: 70 }).optional(),
  income: money({ min: Money.fromDollars(1) }).optional(),
  return: rate({ min: -0.5, max: 0.5 }),
  inflation: rate({ min: -0.05, max: 0.2 }).default(GAP_DEFAULTS.inflation),
  withdrawal_rate: rate({ min: 0, max: 0.2, exclusiveMin: true }).default(GAP_DEFAULTS.withdrawalRate),
  contribution_growth: rate({ min: 0, max: 0.5 }).default(GAP_DEFAULTS.contributionGrowth),
  simulate: z
    .enum(["historical", "monte-carlo"], { message: 'must be "historical" or "monte-carlo"' })
    .optional(),
  stock_share: rate({ min: 0, max: 1 }).default(DEFAULT_STOCK_SHARE),
  volatility: rate({ min: 0, max: 0.8, exclusiveMin: true }).optional(),
  retirement_years: integer({ min: 1, max: 60 }).default(DEFAULT_RETIREMENT_YEARS),
  paths: integer({ min: 100, max: 100_000 }).default(DEFAULT_PATHS),
  seed: integer({ min: 0, max: 2 ** 31 - 1 }).default(1),
  from: integer({ min: 1800, max: 2200 }).optional(),
  to: integer({ min: 1800, max: 2200 }).optional(),
});
export type GapRequest = z.output<typeof gapRequest>;

export type Simulation =
  | { readonly kind: "historical"; readonly withdrawalRate: number; readonly result: BacktestResult }
  | { readonly kind: "monte-carlo"; readonly volatility: number; readonly result: MonteCarloResult };

export interface GapAnswer {
  readonly report: GapReport;
  readonly input: GapInput;
  readonly currentAgeMonths: number | null;
  readonly retirementAgeMonths: number | null;
  readonly socialSecurity: SocialSecurityAnswer | null;
  readonly corrections: readonly Correction[];
  readonly simulation: Simulation | null;
}

interface Timeline {
  readonly months: number;
  readonly currentAgeMonths: number | null;
  readonly retirementAgeMonths: number | null;
}

/** Months to retirement from the ages given, or from an explicit number of years. */
function timeline(request: Dated<GapRequest>): Timeline {
  let current: number | null = null;
  if (request.birth_date) {
    requireBirthBefore(request.birth_date, request.as_of);
    current = wholeMonthsBetween(request.birth_date, request.as_of);
    if (request.age !== undefined && Math.floor(current / 12) !== request.age) {
      throw new ValidationError("age", `does not match the birth date (age ${Math.floor(current / 12)})`);
    }
  } else if (request.age !== undefined) {
    current = request.age * 12;
  }
  if (request.years_to_retirement !== undefined) {
    if (request.retirement_age !== undefined) {
      throw new ValidationError(
        "years_to_retirement",
        "give either a retirement age or years to retirement, not both",
      );
    }
    const months = Math.round(request.years_to_retirement * 12);
    if (months < 1) throw new ValidationError("years_to_retirement", "must be at least one month");
    return {
      months,
      currentAgeMonths: current,
      retirementAgeMonths: current === null ? null : current + months,
    };
  }
  if (request.retirement_age === undefined) {
    throw new ValidationError("retirement_age", "is required (or give years to retirement)");
  }
  if (current === null)
    throw new ValidationError("age", "is required with a retirement age (or give a birth date)");
  if (request.retirement_age <= current) {
    throw new ValidationError(
      "retirement_age",
      `must be after the current age (${Math.floor(current / 12)})`,
    );
  }
  return {
    months: request.retirement_age - current,
    currentAgeMonths: current,
    retirementAgeMonths: request.retirement_age,
  };
}

function annualBenefit(monthly: Money): Money {
  return monthly.times(12);
}

/** The gap, its corrections and, when asked, a simulation of the plan's probability of success. */
export function retirementGapFor(
  undated: GapRequest,
  history: readonly EarningsYear[] | null,
  refs: ReferenceData,
  today: CalendarDate,
  options: { readonly corrections?: boolean } = {},
): GapAnswer {
  const request = dated(undated, today);
  const time = timeline(request);
  let ss: SocialSecurityAnswer | null = null;
  let socialSecurity = request.social_security;
  const canEstimate = request.birth_date !== undefined && (request.salary !== undefined || history !== null);
  if (canEstimate && request.birth_date) {
    ss = socialSecurityEstimateFor(
      {
        birth_date: request.birth_date,
        as_of: request.as_of,
        salary: request.salary,
        claim_age: request.claim_age,
      },
      history,
      refs,
      today,
    );
    socialSecurity ??= annualBenefit(ss.estimate.atClaimAge.monthly);
  }
  if (socialSecurity === undefined) {
    throw new ValidationError(
      "social_security",
      "is required: give the expected annual benefit (0 for none), or a birth date with a salary or earnings file to estimate it",
    );
  }
  const input: GapInput = {
    currentSavings: request.savings,
    monthlyContribution: request.monthly_contribution,
    monthsToRetirement: time.months,
    desiredIncome: request.desired_income,
    socialSecurity,
    expectedReturn: request.return,
    inflation: request.inflation,
    withdrawalRate: request.withdrawal_rate,
    contributionGrowth: request.contribution_growth,
  };
  const report = computeGap(input);
  const birth = request.birth_date;
  const estimate = ss?.estimate;
  // Corrections re-run the engine hundreds of times; a list of many households can skip them.
  const corrections =
    options.corrections === false
      ? []
      : suggestCorrections({
          gap: input,
          currentAgeMonths: time.currentAgeMonths,
          annualIncome: request.income ?? null,
          socialSecurity:
            estimate && birth && time.retirementAgeMonths !== null && request.social_security === undefined
              ? {
                  claimAgeMonths: estimate.atClaimAge.claimAgeMonths,
                  retirementAgeMonths: time.retirementAgeMonths,
                  annualAt: (claim) =>
                    annualBenefit(
                      socialSecurityEstimateFor(
                        { birth_date: birth, as_of: request.as_of, salary: request.salary, claim_age: claim },
                        history,
                        refs,
                        today,
                      ).estimate.atClaimAge.monthly,
                    ),
                }
              : null,
          marketHistory: singleSourceHistory(refs.marketHistory),
        });
  return {
    report,
    input,
    currentAgeMonths: time.currentAgeMonths,
    retirementAgeMonths: time.retirementAgeMonths,
    socialSecurity: ss,
    corrections,
    simulation: request.simulate ? simulate(request, input, report, refs) : null,
  };
}

/** The nominal income the portfolio must supply in the first year of retirement. */
function firstYearWithdrawal(input: GapInput, report: GapReport): number {
  const needed = Math.max(0, input.desiredIncome.toNumber() - input.socialSecurity.toNumber());
  return needed * report.inflationFactor;
}

function simulate(
  request: Dated<GapRequest>,
  input: GapInput,
  report: GapReport,
  refs: ReferenceData,
): Simulation {
  const withdrawal = firstYearWithdrawal(input, report);
  if (request.simulate === "historical") {
    const projected = report.projectedBalance.toNumber();
    const withdrawalRate = projected > 0 ? withdrawal / projected : Number.POSITIVE_INFINITY;
    if (!Number.isFinite(withdrawalRate)) {
      throw new ValidationError(
        "simulate",
        "nothing is projected at retirement, so there is nothing to backtest",
      );
    }
    const result = historicalBacktestFor(
      {
        stock_share: request.stock_share,
        withdrawal_rate: Math.max(withdrawalRate, Number.MIN_VALUE),
        years: request.retirement_years,
        from: request.from,
        to: request.to,
        initial_balance:
          report.projectedBalance.compare(Money.fromDollars(1)) >= 0 ? report.projectedBalance : undefined,
      },
      refs,
    );
    return { kind: "historical", withdrawalRate, result };
  }
  const statsHistory = historyBetween(
    refs.marketHistory,
    request.from ?? DEFAULT_BACKTEST_FROM,
    request.to ?? 9999,
  );
  const volatility =
    request.volatility ?? portfolioStatistics(statsHistory, request.stock_share).logVolatility;
  const result = runMonteCarlo({
    initialBalance: input.currentSavings.toNumber(),
    monthlyContribution: input.monthlyContribution.toNumber(),
    contributionGrowth: input.contributionGrowth,
    monthsToRetirement: input.monthsToRetirement,
    retirementMonths: request.retirement_years * 12,
    firstYearWithdrawal: withdrawal,
    inflation: input.inflation,
    expectedReturn: input.expectedReturn,
    volatility,
    paths: request.paths,
    seed: request.seed,
  });
  return { kind: "monte-carlo", volatility, result };
}
