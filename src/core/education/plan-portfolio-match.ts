/**
 * A plan's own published age-based or enrollment-year portfolio that best matches a recommended
 * allocation, from the published glide paths (data/529/glide_paths.json).
 */

/** One published portfolio on a plan's glide path, placed by the years to enrollment it serves. */
export interface PublishedPortfolio {
  /** As published: an age band ("6-7") or a target year ("2040"). */
  readonly label: string;
  readonly yearsMin: number;
  readonly yearsMax: number;
  readonly equityPercent: number;
}

export interface PublishedGlidePath {
  readonly id: string;
  readonly planId: string | null;
  readonly name: string;
  readonly type: string;
  readonly asOf: string;
  readonly source: string;
  readonly portfolios: readonly PublishedPortfolio[];
}

export interface PortfolioMatch {
  readonly pathId: string;
  readonly pathName: string;
  readonly portfolio: string;
  readonly equityPercent: number;
  /** Published equity − recommended equity, in percentage points (positive: the plan holds more). */
  readonly equityDifference: number;
  readonly asOf: string;
  readonly source: string;
}

/** A published portfolio more than this many years away from the beneficiary's is not a match. */
export const MAX_YEAR_DISTANCE = 1;

function yearDistance(portfolio: PublishedPortfolio, years: number): number {
  if (years < portfolio.yearsMin) return portfolio.yearsMin - years;
  if (years > portfolio.yearsMax) return years - portfolio.yearsMax;
  return 0;
}

/**
 * Among every published path of `planId`, the portfolio serving `yearsToEnrollment` (or within
 * one year of it) whose equity share is closest to `recommendedEquity`. Portfolios whose year
 * band contains the beneficiary's come before merely nearby ones; ties keep the data file's order.
 * Null when the plan publishes no path covering those years.
 */
export function bestPlanPortfolio(
  paths: readonly PublishedGlidePath[],
  planId: string,
  yearsToEnrollment: number,
  recommendedEquity: number,
): PortfolioMatch | null {
  let best: { match: PortfolioMatch; distance: number } | null = null;
  for (const path of paths) {
    if (path.planId !== planId) continue;
    for (const portfolio of path.portfolios) {
      const distance = yearDistance(portfolio, yearsToEnrollment);
      if (distance > MAX_YEAR_DISTANCE) continue;
      const difference = portfolio.equityPercent - recommendedEquity;
      const better =
        best === null ||
        distance < best.distance ||
        (distance === best.distance && Math.abs(difference) < Math.abs(best.match.equityDifference));
      if (better) {
        best = {
          distance,
          match: {
            pathId: path.id,
            pathName: path.name,
            portfolio: portfolio.label,
            equityPercent: portfolio.equityPercent,
            equityDifference: difference,
            asOf: path.asOf,
            source: path.source,
          },
        };
      }
    }
  }
  return best?.match ?? null;
}
