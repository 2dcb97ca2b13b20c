import { ValidationError } from "../errors.ts";
import { Money } from "../money.ts";
import { seededRandom } from "../random.ts";
import { percentileInPlace } from "../statistics.ts";

/**
 * Monte Carlo projection of a household's portfolio from now through retirement.
 *
 * Model, in monthly steps:
 * - monthly log return ~ Normal(ln(1 + r)/12, σ/√12): `expectedReturn` r is the median (geometric)
 *   annual return, the same rate the deterministic gap projection compounds at, and `volatility` σ
 *   the annual standard deviation of log returns;
 * - saving years: balance × growth, then the month's contribution (end of month), raised every
 *   12 months by `contributionGrowth`;
 * - retirement years: the month's withdrawal (annual ÷ 12, raised every 12 months by inflation)
 *   comes out at the start of the month, the rest grows; a path fails when the balance cannot
 *   cover a withdrawal, and stays at 0;
 * - the generator is seeded, so the same inputs and seed give identical results.
 * Percentiles are of the nominal balance at the end of each year, across paths.
 */
export interface MonteCarloInput {
  readonly initialBalance: number;
  readonly monthlyContribution: number;
  readonly contributionGrowth: number;
  readonly monthsToRetirement: number;
  readonly retirementMonths: number;
  /** Withdrawal for the first year of retirement, nominal; later years rise with inflation. */
  readonly firstYearWithdrawal: number;
  readonly inflation: number;
  readonly expectedReturn: number;
  readonly volatility: number;
  readonly paths: number;
  readonly seed: number;
}

export interface YearPercentiles {
  /** Years from now (1 = end of the first year). */
  readonly year: number;
  readonly p10: Money;
  readonly p50: Money;
  readonly p90: Money;
}

export interface MonteCarloResult {
  readonly method: string;
  readonly paths: number;
  readonly seed: number;
  readonly successProbability: number;
  readonly percentiles: readonly YearPercentiles[];
}

export const MONTE_CARLO_METHOD =
  "Monte Carlo in monthly steps: lognormal returns with the expected return as the median annual " +
  "return and the given annual volatility of log returns; contributions at the end of each month until " +
  "retirement; inflation-indexed withdrawals at the start of each month after; a path fails when it " +
  "cannot cover a withdrawal.";

export const MAX_PATHS = 100_000;

export function runMonteCarlo(input: MonteCarloInput): MonteCarloResult {
  if (!Number.isInteger(input.paths) || input.paths < 1 || input.paths > MAX_PATHS) {
    throw new ValidationError("paths", `must be a whole number from 1 to ${MAX_PATHS}`);
  }
  const totalMonths = input.monthsToRetirement + input.retirementMonths;
  const years = Math.ceil(totalMonths / 12);
  const random = seededRandom(input.seed);
  const drift = Math.log1p(input.expectedReturn) / 12;
  const sigma = input.volatility / Math.sqrt(12);
  // Year-major layout: each year's balances across paths are contiguous for the percentile pass.
  const yearEnd = new Float64Array(years * input.paths);
  let failures = 0;

  const saving = input.monthsToRetirement;
  for (let path = 0; path < input.paths; path++) {
    let balance = input.initialBalance;
    let contribution = input.monthlyContribution;
    let withdrawal = input.firstYearWithdrawal / 12;
    let failed = false;
    let month = 0;
    // Saving months: grow, then add the end-of-month contribution.
    while (month < saving) {
      const blockEnd = Math.min(saving, month + 12);
      for (; month < blockEnd; month++) {
        balance = balance * Math.exp(drift + sigma * random.normal()) + contribution;
        if (month % 12 === 11) yearEnd[((month / 12) | 0) * input.paths + path] = balance;
      }
      if (month % 12 === 0) contribution *= 1 + input.contributionGrowth;
    }
    // Retirement months: the withdrawal comes out first, the rest grows; a path that cannot pay fails.
    while (month < totalMonths && !failed) {
      const blockEnd = Math.min(totalMonths, month + 12);
      for (; month < blockEnd; month++) {
        if (balance < withdrawal) {
          failed = true;
          balance = 0;
          break;
        }
        balance = (balance - withdrawal) * Math.exp(drift + sigma * random.normal());
        if (month % 12 === 11) yearEnd[((month / 12) | 0) * input.paths + path] = balance;
      }
      withdrawal *= 1 + input.inflation;
    }
    if (failed) failures++;
    // A failed path holds 0 for its remaining year ends; the final partial year ends at the last month.
    for (let year = failed ? Math.floor(month / 12) : years - 1; year < years; year++) {
      if (failed || totalMonths % 12 !== 0) yearEnd[year * input.paths + path] = balance;
    }
  }

  const percentiles: YearPercentiles[] = [];
  for (let year = 0; year < years; year++) {
    const column = yearEnd.subarray(year * input.paths, (year + 1) * input.paths);
    percentiles.push({
      year: year + 1,
      p10: Money.fromNumber(percentileInPlace(column, 0.1)),
      p50: Money.fromNumber(percentileInPlace(column, 0.5)),
      p90: Money.fromNumber(percentileInPlace(column, 0.9)),
    });
  }
  return {
    method: MONTE_CARLO_METHOD,
    paths: input.paths,
    seed: input.seed,
    successProbability: (input.paths - failures) / input.paths,
    percentiles,
  };
}
