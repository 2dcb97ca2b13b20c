/**
 * Annual market history (data/markets/annual_returns.csv: S&P 500 total return, 10-year Treasury
 * total return and December-to-December CPI inflation, nominal decimals) and statistics of a
 * portfolio rebalanced yearly to a stock share.
 */
export interface MarketYear {
  readonly year: number;
  readonly stocks: number;
  readonly bonds: number;
  readonly inflation: number;
}

/** The yearly return of a portfolio rebalanced each year to `stockShare` in stocks, the rest in bonds. */
export function blendedReturn(year: MarketYear, stockShare: number): number {
  return stockShare * year.stocks + (1 - stockShare) * year.bonds;
}

export interface PortfolioStatistics {
  readonly stockShare: number;
  readonly fromYear: number;
  readonly toYear: number;
  /** Compound annual growth rate: (Π(1 + r))^(1/n) − 1. */
  readonly geometricMean: number;
  /** Sample standard deviation of the annual returns. */
  readonly volatility: number;
  /** Sample standard deviation of ln(1 + r), the σ a lognormal simulation needs. */
  readonly logVolatility: number;
  readonly worstYear: { readonly year: number; readonly return: number };
}

function sampleStdDev(values: readonly number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

/** Statistics already computed, per history and stock share (histories never change once loaded). */
const statisticsMemo = new WeakMap<readonly MarketYear[], Map<number, PortfolioStatistics>>();

export function portfolioStatistics(history: readonly MarketYear[], stockShare: number): PortfolioStatistics {
  let memo = statisticsMemo.get(history);
  if (!memo) {
    memo = new Map();
    statisticsMemo.set(history, memo);
  }
  let stats = memo.get(stockShare);
  if (!stats) {
    stats = computeStatistics(history, stockShare);
    memo.set(stockShare, stats);
  }
  return stats;
}

function computeStatistics(history: readonly MarketYear[], stockShare: number): PortfolioStatistics {
  if (history.length < 2) throw new RangeError("portfolio statistics need at least two years of history");
  const returns = history.map((y) => blendedReturn(y, stockShare));
  const logReturns = returns.map((r) => Math.log1p(r));
  const logSum = logReturns.reduce((a, b) => a + b, 0);
  let worst = 0;
  returns.forEach((r, index) => {
    if (r < (returns[worst] ?? r)) worst = index;
  });
  return {
    stockShare,
    fromYear: history[0]!.year,
    toYear: history[history.length - 1]!.year,
    geometricMean: Math.expm1(logSum / returns.length),
    volatility: sampleStdDev(returns),
    logVolatility: sampleStdDev(logReturns),
    worstYear: { year: history[worst]!.year, return: returns[worst]! },
  };
}

/** Stock shares are searched in steps of 0.1%. */
const SHARE_STEPS = 1000;

/**
 * Compound annual growth of every stock share from 0 to 100% in 0.1% steps, computed once per
 * history (a corrections search asks for it many times; the history arrays never change).
 */
const growthTables = new WeakMap<readonly MarketYear[], Float64Array>();

function growthByShare(history: readonly MarketYear[]): Float64Array {
  let table = growthTables.get(history);
  if (!table) {
    table = new Float64Array(SHARE_STEPS + 1);
    for (let step = 0; step <= SHARE_STEPS; step++) {
      table[step] = portfolioStatistics(history, step / SHARE_STEPS).geometricMean;
    }
    growthTables.set(history, table);
  }
  return table;
}

/**
 * The smallest stock share (to 0.1%) whose historical compound return reaches `targetReturn`,
 * 0 when bonds alone reach it, or null when even 100% stocks fall short.
 */
export function stockShareForReturn(history: readonly MarketYear[], targetReturn: number): number | null {
  const table = growthByShare(history);
  if (table[SHARE_STEPS]! < targetReturn) return null;
  for (let step = 0; step <= SHARE_STEPS; step++) {
    if (table[step]! >= targetReturn) return step / SHARE_STEPS;
  }
  return 1;
}

/** Years of `history` from `from` to `to` inclusive. */
export function historyBetween(history: readonly MarketYear[], from: number, to: number): MarketYear[] {
  return history.filter((y) => y.year >= from && y.year <= to);
}
