import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referenceData } from "../../src/data/reference-data.ts";
import type { Database } from "../../src/db/database.ts";
import { loadReferenceTables } from "../../src/db/reference-tables.ts";
import { DATABASE_KINDS, freshDatabase } from "../support/databases.ts";

describe.each(DATABASE_KINDS)("reference tables on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase(kind);
  });
  afterAll(async () => {
    await db.close();
  });

  it("loads every 529 plan and the primary glide paths, the same on a second run", async () => {
    const refs = referenceData();
    const first = await loadReferenceTables(db, refs);
    const second = await loadReferenceTables(db, refs);
    expect(second).toEqual(first);
    expect(first.plans).toBe(refs.education.plans.length);
    const [plans] = await db.query<{ n: unknown }>("SELECT count(*) AS n FROM plans_529");
    expect(Number(plans!.n)).toBe(first.plans);
    const [years] = await db.query<{ n: unknown }>("SELECT count(*) AS n FROM glide_paths_529");
    expect(Number(years!.n)).toBe(first.glidePathYears);
    expect(first.glidePathYears).toBeGreaterThan(0);
  });

  it("keeps spending_categories a plain table where TimescaleDB is not installed (its guarded SQL ran)", async () => {
    const [timescale] = await db.query<{ n: unknown }>(
      "SELECT count(*) AS n FROM pg_extension WHERE extname = 'timescaledb'",
    );
    expect(Number(timescale!.n)).toBe(0);
    const [table] = await db.query<{ relkind: string }>(
      "SELECT relkind FROM pg_class WHERE relname = 'spending_categories'",
    );
    expect(table!.relkind).toBe("r");
  });
});
