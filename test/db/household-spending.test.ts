import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../src/app/accounts.ts";
import { addHouseholdRule, analyzeHousehold, importIntoHousehold } from "../../src/app/household-spending.ts";
import { BUDGET_CATEGORIES } from "../../src/core/spending/categories.ts";
import { cardCsv, checkingCsv, generateDemoHousehold } from "../../src/core/spending/demo-household.ts";
import { MonthlyRollup } from "../../src/core/spending/monthly-rollup.ts";
import { referenceData } from "../../src/data/reference-data.ts";
import type { Database } from "../../src/db/database.ts";
import { allTransactions, monthlyRollupJson } from "../../src/db/repositories/household-spending.ts";
import type { User } from "../../src/db/repositories/users.ts";
import { DATABASE_KINDS, freshDatabase } from "../support/databases.ts";

describe.each(DATABASE_KINDS)("a household's stored spending on %s", (kind) => {
  let db: Database;
  let household: string;
  let owner: User;
  beforeAll(async () => {
    db = await freshDatabase(kind);
    const client = await createAccount(db, {
      email: "roll@up.test",
      password: "long enough pw",
      role: "client",
    });
    household = client.householdId!;
    owner = client.user;
    const statements = generateDemoHousehold({ seed: 3, months: 14, start: "2025-01" });
    await importIntoHousehold(db, household, "checking.csv", [checkingCsv(statements.checking)], {
      columns: undefined,
    });
    await importIntoHousehold(db, household, "card.csv", [cardCsv(statements.card)], { columns: undefined });
  });
  afterAll(async () => {
    await db.close();
  });

  /** The roll-up the database keeps must equal the one computed in memory from the same rows, to the cent. */
  async function expectRollupMatchesTransactions() {
    const expected = new MonthlyRollup();
    for (const row of await allTransactions(db, household)) {
      expected.add(row.transaction.date, row.transaction.amount.cents, row.category);
    }
    const stored = JSON.parse(
      await monthlyRollupJson(db, owner, household, "0001-01-01", "9999-12-01"),
    ) as Record<string, string>[];
    const rows = expected.rows();
    expect(stored.map((m) => m.month)).toEqual(rows.map((r) => r.month));
    stored.forEach((month, i) => {
      const row = rows[i]!;
      for (const c of BUDGET_CATEGORIES) expect(month[c]).toBe(row.categories[c].toString());
      expect(month.income).toBe(row.income.toString());
      expect(month.uncategorized).toBe(row.uncategorized.toString());
      expect(month.total_spending).toBe(row.totalSpending.toString());
    });
  }

  it("analyses complete months only, saying which month in progress it left out", async () => {
    const all = await analyzeHousehold(db, household, undefined, referenceData());
    expect([all.patterns.firstMonth, all.patterns.lastMonth, all.patterns.months]).toEqual([
      "2025-01-01",
      "2026-02-01",
      14,
    ]);
    const midFebruary = await analyzeHousehold(db, household, undefined, referenceData(), "2026-02-15");
    expect([midFebruary.patterns.lastMonth, midFebruary.patterns.months]).toEqual(["2026-01-01", 13]);
    expect(midFebruary.notes.filter((n) => n.startsWith("2026-02 is in progress: its "))).toHaveLength(1);
    // With nothing before the month in progress, that month is all there is to analyse.
    const firstMonth = await analyzeHousehold(db, household, undefined, referenceData(), "2025-01-10");
    expect(firstMonth.patterns.months).toBe(14);
    expect(firstMonth.notes.some((n) => n.includes("is in progress"))).toBe(false);
  });

  it("rolls up every month exactly as the in-memory roll-up does", async () => {
    await expectRollupMatchesTransactions();
  });

  it("keeps the roll-up exact after a rule re-categorizes transactions", async () => {
    const result = await addHouseholdRule(db, household, { match: "COSTCO", category: "entertainment" });
    expect(result.recategorized).toBeGreaterThan(0);
    await expectRollupMatchesTransactions();
  });
});
