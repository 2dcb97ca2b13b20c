/**
 * The recommended 529 glide path: how much of the account to hold in equity, bonds and money
 * market as enrollment nears.
 *
 * The default (MODERATE) path runs through these anchors, by years to enrollment:
 *
 *   18 or more: 90% equity / 10% bonds      5: 50 / 50
 *   10:         70% equity / 30% bonds      2: 30 / 70
 *    0:         10% equity / 90% money market
 *
 * Between anchors the equity share is interpolated linearly in the years to enrollment.
 *
 * Non-equity: above 2 years it is all bonds. From 2 years to 0 it moves linearly from bonds to
 * money market: the money-market share of the non-equity part is (2 − y) / 2, so at 1 year the
 * 80% non-equity is 40% bonds and 40% money market, and at enrollment all 90% is money market.
 *
 * Risk tolerance shifts the equity share by up to 10 percentage points, shrinking to nothing at
 * enrollment: shift = min(y, 10) points, added for AGGRESSIVE and subtracted for CONSERVATIVE,
 * then bounded to 0–100. Because the moderate path falls by at least 2.5 points a year wherever
 * the shift grows by 1 point a year, every risk level's equity share never rises as enrollment nears.
 *
 * Rounding (whole percents that always sum to 100): equity = round(exact equity), money market
 * = round(exact money-market share), both half away from zero, and bonds = 100 − equity − money
 * market. Rounding is monotone, so it keeps the never-rising property.
 */

export type RiskTolerance = "conservative" | "moderate" | "aggressive";

export const RISK_TOLERANCES: readonly RiskTolerance[] = ["conservative", "moderate", "aggressive"];

/** The moderate path's anchors: [years to enrollment, equity percent], in descending years. */
export const GLIDE_PATH_ANCHORS: readonly (readonly [number, number])[] = [
  [18, 90],
  [10, 70],
  [5, 50],
  [2, 30],
  [0, 10],
];

/** Years before enrollment at which bonds start moving into money market. */
export const MONEY_MARKET_START_YEARS = 2;
/** The largest risk shift in equity percentage points, reached at this many years out. */
export const MAX_RISK_SHIFT = 10;

/** An allocation in whole percents that sum to 100. */
export interface Allocation {
  readonly equity: number;
  readonly fixedIncome: number;
  readonly moneyMarket: number;
}

export interface GlidePathYear {
  readonly yearsToEnrollment: number;
  readonly allocation: Allocation;
}

/** The moderate path's exact (unrounded) equity percent at `years` to enrollment. */
export function moderateEquityPercent(years: number): number {
  const first = GLIDE_PATH_ANCHORS[0]!;
  if (years >= first[0]) return first[1];
  if (years <= 0) return GLIDE_PATH_ANCHORS[GLIDE_PATH_ANCHORS.length - 1]![1];
  for (let i = 1; i < GLIDE_PATH_ANCHORS.length; i++) {
    const [loYears, loEquity] = GLIDE_PATH_ANCHORS[i]!;
    const [hiYears, hiEquity] = GLIDE_PATH_ANCHORS[i - 1]!;
    if (years >= loYears) {
      return loEquity + ((years - loYears) / (hiYears - loYears)) * (hiEquity - loEquity);
    }
  }
  return GLIDE_PATH_ANCHORS[GLIDE_PATH_ANCHORS.length - 1]![1];
}

/** The equity shift for a risk tolerance at `years` to enrollment (percentage points). */
export function riskShift(years: number, risk: RiskTolerance): number {
  const size = Math.min(Math.max(years, 0), MAX_RISK_SHIFT);
  return risk === "aggressive" ? size : risk === "conservative" ? -size : 0;
}

/** Rounds half away from zero (for non-negative percents: half up), avoiding banker's rounding surprises. */
function roundPercent(value: number): number {
  return Math.floor(value + 0.5 + 1e-9);
}

/**
 * The recommended allocation at `yearsToEnrollment` (0 or more; fractions allowed) for a risk
 * tolerance, in whole percents summing to 100.
 */
export function recommendAllocation(yearsToEnrollment: number, risk: RiskTolerance = "moderate"): Allocation {
  if (!Number.isFinite(yearsToEnrollment) || yearsToEnrollment < 0) {
    throw new RangeError(`years to enrollment must be 0 or more, got ${yearsToEnrollment}`);
  }
  const exactEquity = Math.min(
    100,
    Math.max(0, moderateEquityPercent(yearsToEnrollment) + riskShift(yearsToEnrollment, risk)),
  );
  const equity = roundPercent(exactEquity);
  const moneyMarketFraction =
    yearsToEnrollment >= MONEY_MARKET_START_YEARS
      ? 0
      : (MONEY_MARKET_START_YEARS - yearsToEnrollment) / MONEY_MARKET_START_YEARS;
  const moneyMarket = Math.min(100 - equity, roundPercent((100 - exactEquity) * moneyMarketFraction));
  return { equity, fixedIncome: 100 - equity - moneyMarket, moneyMarket };
}

/** The whole path, one row per whole year from `fromYears` (default 18) down to 0, for a chart. */
export function glidePath(risk: RiskTolerance = "moderate", fromYears = 18): GlidePathYear[] {
  const top = Math.max(Math.ceil(fromYears), 0);
  return Array.from({ length: top + 1 }, (_, i) => {
    const years = top - i;
    return { yearsToEnrollment: years, allocation: recommendAllocation(years, risk) };
  });
}
