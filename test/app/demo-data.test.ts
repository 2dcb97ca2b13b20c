import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PLANNER, ensureDemoData } from "../../src/app/demo-data.ts";
import { clientMetrics } from "../../src/app/planner-metrics.ts";
import { referenceData } from "../../src/data/reference-data.ts";
import type { Database } from "../../src/db/database.ts";
import { listVisibleHouseholds } from "../../src/db/repositories/households.ts";
import { findUserByEmail } from "../../src/db/repositories/users.ts";
import { freshDatabase } from "../support/databases.ts";

describe("the demo firm", () => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase("pglite");
  });
  afterAll(async () => {
    await db.close();
  });

  it("gives the demo planner three client households with profiles and 529 beneficiaries, once", async () => {
    expect(await ensureDemoData(db, { year: 2026, month: 11, day: 25 })).toBe(true);
    expect(await ensureDemoData(db, { year: 2026, month: 11, day: 25 })).toBe(false);
    const planner = await findUserByEmail(db, DEMO_PLANNER);
    const { items } = await listVisibleHouseholds(db, planner!, 50, 0);
    expect(items.map((h) => h.name)).toEqual(["Chen household", "Okafor household", "Rivera household"]);
    const [profiles] = await db.query<{ n: unknown }>("SELECT count(*) AS n FROM retirement_profiles");
    expect(Number(profiles!.n)).toBe(3);
    const [children] = await db.query<{ n: unknown }>("SELECT count(*) AS n FROM beneficiaries");
    expect(Number(children!.n)).toBe(3);
    // Two years of generated statements per household, rolled up by month.
    const perHousehold = await db.query<{ household_id: string; months: unknown; transactions: unknown }>(
      `SELECT h.id AS household_id,
         (SELECT count(*) FROM spending_categories s WHERE s.household_id = h.id) AS months,
         (SELECT count(*) FROM transactions t WHERE t.household_id = h.id) AS transactions
       FROM households h`,
    );
    for (const row of perHousehold) {
      expect(Number(row.months)).toBeGreaterThanOrEqual(24);
      expect(Number(row.transactions)).toBeGreaterThan(500);
    }
  });

  it("gives every demo household a plan to measure: adherence and goal progress have values", async () => {
    const asOf = new Date("2026-11-25T12:00:00Z");
    const planner = await findUserByEmail(db, DEMO_PLANNER);
    const { items } = await listVisibleHouseholds(db, planner!, 50, 0);
    for (const household of items) {
      const metrics = await clientMetrics(db, household.id, referenceData(), asOf);
      expect(metrics.engagement.score, household.name).toBeGreaterThan(0);
      expect(metrics.adherence.score, household.name).not.toBeNull();
      expect(metrics.goalProgress, household.name).not.toBeNull();
      // The retirement goal plus the household's own goals.
      expect(metrics.goals.length, household.name).toBeGreaterThanOrEqual(2);
    }
    const [contributions] = await db.query<{ n: unknown }>("SELECT count(*) AS n FROM contributions_529");
    expect(Number(contributions!.n)).toBe(9);
  });
});
