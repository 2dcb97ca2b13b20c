import { ValidationError } from "../errors.ts";
import { Money } from "../money.ts";
import { median } from "../statistics.ts";
import { blendedReturn, type MarketYear } from "./market-history.ts";

export interface BacktestInput {
  readonly stockShare: number;
  readonly withdrawalRate: number;
  readonly years: number;
  readonly fromYear: number;
  readonly toYear: number;
  /** Starting balance; success does not depend on it, ending balances scale with it. */
  readonly initialBalance: number;
}

export interface BacktestWindow {
  readonly startYear: number;
  readonly succeeded: boolean;
  /** First year whose withdrawal the balance could not cover (null when the window succeeded). */
  readonly depletedIn: number | null;
  readonly endingBalance: number;
}

export interface BacktestResult {
  readonly method: string;
  readonly years: number;
  readonly fromYear: number;
  readonly toYear: number;
  readonly windows: number;
  readonly successRate: number;
  readonly failedStartYears: readonly number[];
  readonly worstEndingBalance: Money;
  readonly worstStartYear: number;
  readonly medianEndingBalance: Money;
  readonly detail: readonly BacktestWindow[];
}

export const BACKTEST_METHOD =
  "Rolling historical windows (Trinity-study method in annual steps): the first withdrawal is the " +
  "withdrawal rate times the starting balance and rises each year by the prior year's CPI inflation; " +
  "it is taken at the start of each year, the rest earns that year's return of a portfolio rebalanced " +
  "yearly to the stock share (S&P 500 total return) and bonds (10-year Treasury total return); a window " +
  "fails when the balance cannot cover a withdrawal. Every start year whose whole window lies in the range counts.";

/** One window: `years` years starting at `history[start]`. */
function runWindow(history: readonly MarketYear[], start: number, input: BacktestInput): BacktestWindow {
  let balance = input.initialBalance;
  let withdrawal = input.withdrawalRate * input.initialBalance;
  for (let k = 0; k < input.years; k++) {
    const year = history[start + k]!;
    if (balance < withdrawal) {
      return { startYear: history[start]!.year, succeeded: false, depletedIn: year.year, endingBalance: 0 };
    }
    balance = (balance - withdrawal) * (1 + blendedReturn(year, input.stockShare));
    withdrawal *= 1 + year.inflation;
  }
  return { startYear: history[start]!.year, succeeded: true, depletedIn: null, endingBalance: balance };
}

/** Runs every window inside [fromYear, toYear] of `history` (consecutive years, ascending). */
export function runHistoricalBacktest(history: readonly MarketYear[], input: BacktestInput): BacktestResult {
  const first = history[0]?.year ?? 0;
  const last = history[history.length - 1]?.year ?? 0;
  if (input.fromYear < first || input.fromYear > last) {
    throw new ValidationError("from", `must be within the data, ${first}-${last}`);
  }
  if (input.toYear > last || input.toYear < input.fromYear) {
    throw new ValidationError("to", `must be within the data (${first}-${last}) and not before --from`);
  }
  if (input.toYear - input.fromYear + 1 < input.years) {
    throw new ValidationError(
      "years",
      `a ${input.years}-year window does not fit in ${input.fromYear}-${input.toYear}`,
    );
  }
  const offset = input.fromYear - first;
  const windows: BacktestWindow[] = [];
  for (let start = offset; start + input.years - 1 <= input.toYear - first; start++) {
    windows.push(runWindow(history, start, input));
  }
  const endings = windows.map((w) => w.endingBalance);
  let worst = windows[0]!;
  for (const w of windows) if (w.endingBalance < worst.endingBalance) worst = w;
  const failed = windows.filter((w) => !w.succeeded).map((w) => w.startYear);
  return {
    method: BACKTEST_METHOD,
    years: input.years,
    fromYear: input.fromYear,
    toYear: input.toYear,
    windows: windows.length,
    successRate: (windows.length - failed.length) / windows.length,
    failedStartYears: failed,
    worstEndingBalance: Money.fromNumber(worst.endingBalance),
    worstStartYear: worst.startYear,
    medianEndingBalance: Money.fromNumber(median(endings)),
    detail: windows,
  };
}
