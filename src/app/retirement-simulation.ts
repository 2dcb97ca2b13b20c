import { z } from "zod";
import { type CalendarDate, formatIsoDate } from "../core/dates.ts";
import type { Money } from "../core/money.ts";
import { historyBetween, stockShareForReturn } from "../core/retirement/market-history.ts";
import { integer, rate } from "../core/validation.ts";
import type { ReferenceData } from "../data/reference-data.ts";
import type { Queryable } from "../db/database.ts";
import { DEFAULT_BACKTEST_FROM, DEFAULT_PATHS, DEFAULT_RETIREMENT_YEARS } from "./retirement.ts";
import { yearsOf } from "./retirement-json.ts";
import { findRetirementProfile, profileGap } from "./retirement-profiles.ts";

/**
 * A household's portfolio path from today through retirement, simulated from its stored retirement
 * profile with the seeded Monte Carlo engine (src/core/retirement/monte-carlo.ts): the 10th, 50th
 * and 90th percentile of the nominal balance at the end of each year. The same profile, as-of date,
 * seed and number of paths always give the same answer.
 *
 * The simulation is the one `finplan retirement gap --simulate monte-carlo` runs: the profile's
 * expected return as the median annual return, the volatility of a portfolio with `stock_share` in
 * stocks (historical, 1928 on), the profile's contributions until retirement, then withdrawals of
 * (desired income − Social Security) × (1 + inflation)^years, rising with inflation.
 *
 * The profile stores a return, not an allocation. Without a `stock_share`, the share is the one
 * whose historical compound return (1928 on) first reaches the profile's return, the same reading
 * the higher-return correction makes (`stockShareForReturn`), so the bands and the corrections
 * describe one portfolio; a return above the all-stock history is simulated as 100% stocks.
 */

/** At most 20,000 paths: a simulation runs on the request's thread (about 0.2 s at that size). */
export const MAX_HOUSEHOLD_PATHS = 20_000;

export const simulationSettings = z.object({
  paths: integer({ min: 100, max: MAX_HOUSEHOLD_PATHS }).default(DEFAULT_PATHS),
  seed: integer({ min: 0, max: 2 ** 31 - 1 }).default(1),
  retirement_years: integer({ min: 1, max: 60 }).default(DEFAULT_RETIREMENT_YEARS),
  stock_share: rate({ min: 0, max: 1 }).optional(),
});
export type MonteCarloSettings = z.output<typeof simulationSettings>;

export type StockShareSource =
  | "given"
  | "implied by the expected return"
  | "all stocks: the return is above history";

/** The stock share that sets the volatility, and where it came from (see the module comment). */
export function simulatedStockShare(
  given: number | undefined,
  expectedReturn: number,
  refs: ReferenceData,
): { share: number; source: StockShareSource } {
  if (given !== undefined) return { share: given, source: "given" };
  const history = historyBetween(refs.marketHistory, DEFAULT_BACKTEST_FROM, Number.POSITIVE_INFINITY);
  const implied = stockShareForReturn(history, expectedReturn);
  return implied === null
    ? { share: 1, source: "all stocks: the return is above history" }
    : { share: implied, source: "implied by the expected return" };
}

export interface SimulationYear {
  /** Years from the as-of date (1 = the end of the first year; the last may be a part year). */
  readonly year: number;
  /** The household's age at the end of that year, in years. */
  readonly age: number;
  readonly phase: "saving" | "retired";
  readonly p10: Money;
  readonly p50: Money;
  readonly p90: Money;
}

export interface HouseholdSimulation {
  readonly asOf: string;
  readonly seed: number;
  readonly paths: number;
  readonly stockShare: number;
  readonly stockShareSource: StockShareSource;
  readonly volatility: number;
  readonly retirementYears: number;
  readonly successProbability: number;
  readonly method: string;
  readonly currentAge: number;
  readonly retirementAge: number;
  readonly yearsToRetirement: number;
  /** The deterministic projection and requirement at retirement, as the gap report gives them. */
  readonly projectedBalance: Money;
  readonly requiredBalance: Money;
  readonly years: readonly SimulationYear[];
}

/** The simulation for a household's stored profile; null when it has no profile yet. */
export async function householdSimulation(
  db: Queryable,
  householdId: string,
  settings: MonteCarloSettings,
  refs: ReferenceData,
  today: CalendarDate,
): Promise<HouseholdSimulation | null> {
  const row = await findRetirementProfile(db, householdId);
  if (!row) return null;
  const stock = simulatedStockShare(settings.stock_share, Number(row.expectedReturn), refs);
  const answer = profileGap(row, refs, today, {
    corrections: false,
    simulation: { ...settings, stock_share: stock.share },
  });
  const simulation = answer.simulation;
  // A stored profile always has a birth date and a retirement age, so both ages are known.
  if (simulation?.kind !== "monte-carlo" || answer.currentAgeMonths === null) {
    throw new Error("a household simulation must be a Monte Carlo run from a known age");
  }
  const current = answer.currentAgeMonths;
  const saving = answer.input.monthsToRetirement;
  const totalMonths = saving + settings.retirement_years * 12;
  const result = simulation.result;
  return {
    asOf: formatIsoDate(today),
    seed: result.seed,
    paths: result.paths,
    stockShare: stock.share,
    stockShareSource: stock.source,
    volatility: simulation.volatility,
    retirementYears: settings.retirement_years,
    successProbability: result.successProbability,
    method: result.method,
    currentAge: yearsOf(current),
    retirementAge: yearsOf(current + saving),
    yearsToRetirement: yearsOf(saving),
    projectedBalance: answer.report.projectedBalance,
    requiredBalance: answer.report.requiredBalance,
    years: result.percentiles.map((p) => {
      const endMonth = Math.min(p.year * 12, totalMonths);
      return {
        year: p.year,
        age: yearsOf(current + endMonth),
        phase: endMonth > saving ? "retired" : "saving",
        p10: p.p10,
        p50: p.p50,
        p90: p.p90,
      };
    }),
  };
}
