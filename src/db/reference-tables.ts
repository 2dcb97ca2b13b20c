import type { ReferenceData } from "../data/reference-data.ts";
import type { Database } from "./database.ts";

const MAX_YEARS_TO_ENROLLMENT = 30;

export interface LoadedCounts {
  readonly plans: number;
  readonly glidePathYears: number;
}

/**
 * Copies the reference data that queries join against into its tables: the 529 plans and each
 * plan's primary published glide path (the first path the data lists for it). Idempotent: every
 * run replaces the rows with the current files, in one transaction. The SSA and market series are
 * read from data/ at start-up and need no table.
 */
export async function loadReferenceTables(db: Database, refs: ReferenceData): Promise<LoadedCounts> {
  const { plans, glidePaths } = refs.education;
  return db.transaction(async (tx) => {
    for (const plan of plans) {
      await tx.query(
        `INSERT INTO plans_529 (plan_id, state, name, details, as_of) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (plan_id) DO UPDATE SET state = $2, name = $3, details = $4, as_of = $5`,
        [plan.id, plan.state, plan.name, JSON.stringify(plan), plan.dataAsOf],
      );
    }
    await tx.query("DELETE FROM glide_paths_529");
    let years = 0;
    const done = new Set<string>();
    for (const path of glidePaths) {
      if (path.planId === null || done.has(path.planId)) continue;
      done.add(path.planId);
      const seen = new Set<number>();
      for (const portfolio of path.portfolios) {
        // An open band such as "18 and more" is stored up to the latest college age the product plans for.
        const last = Math.min(Math.floor(portfolio.yearsMax), MAX_YEARS_TO_ENROLLMENT);
        for (let y = Math.max(0, Math.ceil(portfolio.yearsMin)); y <= last; y++) {
          if (seen.has(y)) continue;
          seen.add(y);
          await tx.query(
            `INSERT INTO glide_paths_529 (plan_id, years_to_enrollment, path_id, portfolio, equity, source)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [
              path.planId,
              y,
              path.id,
              portfolio.label,
              (portfolio.equityPercent / 100).toFixed(6),
              path.source,
            ],
          );
          years++;
        }
      }
    }
    return { plans: plans.length, glidePathYears: years };
  });
}
