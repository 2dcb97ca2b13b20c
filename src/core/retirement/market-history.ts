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

export function portfolioStatistics(history: readonly MarketYear[], stockShare: number): PortfolioStatistics {
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

/**
 * The smallest stock share (to 0.1%) whose historical compound return reaches `targetReturn`,
 * 0 when bonds alone reach it, or null when even 100% stocks fall short.
 */
export function stockShareForReturn(history: readonly MarketYear[], targetReturn: number): number | null {
  const growth = (share: number) => portfolioStatistics(history, share).geometricMean;
  if (growth(1) < targetReturn) return null;
  for (let permille = 0; permille <= 1000; permille++) {
    if (growth(permille / 1000) >= targetReturn) return permille / 1000;
  }
  return 1;
}

/** Years of `history` from `from` to `to` inclusive. */
export function historyBetween(history: readonly MarketYear[], from: number, to: number): MarketYear[] {
  return history.filter((y) => y.year >= from && y.year <= to);
}
