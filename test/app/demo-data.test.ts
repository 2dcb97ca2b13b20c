import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PLANNER, ensureDemoData } from "../../src/app/demo-data.ts";
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
    expect(await ensureDemoData(db)).toBe(true);
    expect(await ensureDemoData(db)).toBe(false);
    const planner = await findUserByEmail(db, DEMO_PLANNER);
    const { items } = await listVisibleHouseholds(db, planner!, 50, 0);
    expect(items.map((h) => h.name)).toEqual(["Chen household", "Okafor household", "Rivera household"]);
    const [profiles] = await db.query<{ n: unknown }>("SELECT count(*) AS n FROM retirement_profiles");
    expect(Number(profiles!.n)).toBe(3);
    const [children] = await db.query<{ n: unknown }>("SELECT count(*) AS n FROM beneficiaries");
    expect(Number(children!.n)).toBe(3);
  });
});
