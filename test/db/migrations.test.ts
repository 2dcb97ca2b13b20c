import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.ts";
import { migrate, migrations } from "../../src/db/migrate.ts";
import { DATABASE_KINDS, freshDatabase } from "../support/databases.ts";

describe.each(DATABASE_KINDS)("migrations on %s", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase(kind);
  });
  afterAll(async () => {
    await db.close();
  });

  it("records every migration once; running again applies nothing", async () => {
    const recorded = await db.query<{ name: string }>("SELECT name FROM schema_migrations ORDER BY version");
    expect(recorded.map((r) => r.name)).toEqual(migrations().map((m) => m.name));
    expect(await migrate(db)).toEqual([]);
  });

  it("keeps money exact and computes total spending from the twelve spending categories", async () => {
    const id = "00000000-0000-4000-8000-000000000001";
    await db.query("INSERT INTO households (id, name) VALUES ($1, 'Test')", [id]);
    await db.query(
      `INSERT INTO spending_categories (household_id, month, housing, food_dining, travel, savings_contributions, investments)
       VALUES ($1, '2026-01-01', '0.10', '0.20', '1000000.01', '5000', '7000')`,
      [id],
    );
    const [row] = await db.query<{ month: string; total_spending: string }>(
      "SELECT month, total_spending FROM spending_categories WHERE household_id = $1",
      [id],
    );
    expect(row).toEqual({ month: "2026-01-01", total_spending: "1000000.31" });
  });

  it("rejects a roll-up month that is not the first of the month", async () => {
    const id = "00000000-0000-4000-8000-000000000001";
    await expect(
      db.query("INSERT INTO spending_categories (household_id, month) VALUES ($1, '2026-02-15')", [id]),
    ).rejects.toThrow();
  });

  it("rolls a failed transaction back whole", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(
          "INSERT INTO households (id, name) VALUES ('00000000-0000-4000-8000-000000000002', 'Half')",
        );
        await tx.query("INSERT INTO households (id, name) VALUES ('not-a-uuid', 'Broken')");
      }),
    ).rejects.toThrow();
    expect(await db.query("SELECT 1 FROM households WHERE name = 'Half'")).toEqual([]);
  });
});
