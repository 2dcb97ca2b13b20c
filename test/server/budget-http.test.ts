import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.ts";
import { DATABASE_KINDS, freshDatabase } from "../support/databases.ts";
import { type MetricsServer, startMetricsServer } from "../support/metrics-server.ts";

/** The transaction list the budget dashboard shows: each transaction says which rule chose its category, and why. */

interface TransactionItem {
  description: string;
  category: string;
  rule_id: string;
  reason: string | null;
}

const STATEMENT = [
  "Date,Description,Amount",
  "03/02/2026,SAFEWAY #1442,-88.12",
  "03/03/2026,CORNER SHOP 17,-14.35",
  "03/04/2026,CORNER SHOP 17,-9.00",
].join("\n");

describe.each(DATABASE_KINDS)("transactions with their rule's reason over real HTTP on %s", (kind) => {
  let db: Database;
  let server: MetricsServer;
  let carla: string;

  beforeAll(async () => {
    db = await freshDatabase(kind);
    server = await startMetricsServer(db, null);
    carla = await server.login("carla@client.test");
    const form = new FormData();
    form.set("file", new File([STATEMENT], "march.csv", { type: "text/csv" }));
    // A multipart body: fetch sets its content type (with the boundary) itself.
    const imported = await fetch(`${server.url}/api/households/${server.annHousehold}/transactions/import`, {
      method: "POST",
      headers: { authorization: `Bearer ${carla}` },
      body: form,
    });
    expect(imported.status).toBe(201);
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  async function transactions(token = carla): Promise<TransactionItem[]> {
    const response = await server.call(`/api/households/${server.annHousehold}/transactions`, { token });
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: TransactionItem[] }).items;
  }

  it("gives a built-in rule's reason, and says when no rule matched", async () => {
    const items = await transactions();
    expect(items.map((t) => [t.description, t.category, t.rule_id, t.reason])).toEqual([
      ["CORNER SHOP 17", "uncategorized", "none", "no rule matched"],
      ["CORNER SHOP 17", "uncategorized", "none", "no rule matched"],
      [
        "SAFEWAY #1442",
        "food_groceries",
        "builtin:merchant:safeway",
        '"safeway" is a known food groceries merchant',
      ],
    ]);
  });

  it("gives the household rule's own reason once a re-categorization chose the category", async () => {
    const added = await server.call(`/api/households/${server.annHousehold}/category-rules`, {
      method: "POST",
      token: carla,
      body: JSON.stringify({ match: "corner shop", category: "food_groceries" }),
    });
    expect(added.status).toBe(201);
    const rule = (await added.json()) as { rule_id: string; reason: string; recategorized: number };
    expect(rule.recategorized).toBe(2);
    const corner = (await transactions()).filter((t) => t.description === "CORNER SHOP 17");
    expect(corner).toHaveLength(2);
    for (const t of corner) {
      expect(t).toMatchObject({
        category: "food_groceries",
        rule_id: rule.rule_id,
        reason: 'your rule: descriptions containing "corner shop" are food_groceries',
      });
    }
  });

  it("hides another planner's client (404), refuses a visitor (401) and names a bad page size (400)", async () => {
    const bob = await server.login("bob@firm.test");
    const hidden = await server.call(`/api/households/${server.annHousehold}/transactions`, { token: bob });
    expect(hidden.status).toBe(404);
    const visitor = await server.call(`/api/households/${server.annHousehold}/transactions`);
    expect(visitor.status).toBe(401);
    const bad = await server.call(`/api/households/${server.annHousehold}/transactions?limit=0`, {
      token: carla,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fields: Record<string, string> }).fields).toHaveProperty("limit");
  });
});
