import { randomUUID } from "node:crypto";
import { Money } from "../../core/money.ts";
import { BUDGET_CATEGORIES, type Category } from "../../core/spending/categories.ts";
import type { RuleConditions, UserRule } from "../../core/spending/categorizer.ts";
import type { ImportReport } from "../../core/spending/import/import-report.ts";
import type { MonthlyTotals } from "../../core/spending/monthly-rollup.ts";
import type { Transaction } from "../../core/spending/transaction.ts";
import { asDecimalText, asInteger, asIsoDate, type Queryable } from "../database.ts";
import { visibility } from "./households.ts";
import type { User } from "./users.ts";

/** A stored transaction: the imported row and the category it was given, with the deciding rule. */
export interface StoredTransaction {
  readonly transaction: Transaction;
  readonly category: Category;
  readonly ruleId: string;
}

/** Rows per INSERT: 11 parameters each stays under PostgreSQL's 65,535 bind parameters. */
const INSERT_BATCH = 5000;

/** Every transaction id (OFX FITID or CSV fingerprint) a household already has, for duplicate-safe re-import. */
export async function knownTransactionIds(db: Queryable, householdId: string): Promise<Set<string>> {
  const rows = await db.query<{ fingerprint: string }>(
    "SELECT fingerprint FROM transactions WHERE household_id = $1",
    [householdId],
  );
  return new Set(rows.map((r) => r.fingerprint));
}

export async function insertImportBatch(
  db: Queryable,
  householdId: string,
  fileName: string,
  report: ImportReport,
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO import_batches (id, household_id, file_name, format, rows_read, imported, duplicates, rejected, report)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      householdId,
      fileName,
      report.format,
      report.rowsRead,
      report.imported,
      report.duplicatesSkipped,
      report.rejectedCount,
      JSON.stringify(report),
    ],
  );
  return id;
}

/** Inserts transactions in batches; a row whose id the household already has is skipped. */
export async function insertTransactions(
  db: Queryable,
  householdId: string,
  batchId: string,
  rows: readonly StoredTransaction[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const chunk = rows.slice(start, start + INSERT_BATCH);
    const params: unknown[] = [];
    const values = chunk.map((row, i) => {
      const t = row.transaction;
      params.push(randomUUID(), householdId, batchId, t.account, t.date, t.description, t.amount.toString());
      params.push(row.category, row.ruleId, t.mcc === undefined ? null : String(t.mcc), t.id);
      const base = i * 11;
      return `(${Array.from({ length: 11 }, (_, k) => `$${base + k + 1}`).join(", ")})`;
    });
    await db.query(
      `INSERT INTO transactions (id, household_id, batch_id, account, posted_on, description, amount, category, rule_id, mcc, fingerprint)
       VALUES ${values.join(", ")} ON CONFLICT (household_id, fingerprint) DO NOTHING`,
      params,
    );
  }
}

interface TransactionRow extends Record<string, unknown> {
  fingerprint: string;
  account: string;
  posted_on: unknown;
  description: string;
  amount: unknown;
  category: Category;
  rule_id: string | null;
  mcc: string | null;
}

function toStored(row: TransactionRow): StoredTransaction {
  return {
    transaction: {
      id: row.fingerprint,
      account: row.account,
      date: asIsoDate(row.posted_on),
      amount: Money.parse(asDecimalText(row.amount)),
      description: row.description,
      ...(row.mcc === null ? {} : { mcc: Number(row.mcc) }),
    },
    category: row.category,
    ruleId: row.rule_id ?? "",
  };
}

/** All of a household's transactions in date order (for analysis and re-categorization). */
export async function allTransactions(db: Queryable, householdId: string): Promise<StoredTransaction[]> {
  const rows = await db.query<TransactionRow>(
    "SELECT * FROM transactions WHERE household_id = $1 ORDER BY posted_on, fingerprint",
    [householdId],
  );
  return rows.map(toStored);
}

/**
 * A page of transactions, newest first; each with the reason of the household rule that chose its
 * category (null when a built-in rule did: those reasons live in the categorizer, not the database).
 */
export async function transactionPage(
  db: Queryable,
  householdId: string,
  limit: number,
  offset: number,
): Promise<{ items: (StoredTransaction & { userRuleReason: string | null })[]; total: number }> {
  const rows = await db.query<TransactionRow & { user_rule_reason: string | null }>(
    `SELECT t.*, r.reason AS user_rule_reason
     FROM transactions t LEFT JOIN category_rules r ON r.household_id = t.household_id AND r.id::text = t.rule_id
     WHERE t.household_id = $1 ORDER BY t.posted_on DESC, t.fingerprint LIMIT $2 OFFSET $3`,
    [householdId, limit, offset],
  );
  const [count] = await db.query<{ n: unknown }>(
    "SELECT count(*) AS n FROM transactions WHERE household_id = $1",
    [householdId],
  );
  return {
    items: rows.map((row) => ({ ...toStored(row), userRuleReason: row.user_rule_reason })),
    total: asInteger(count?.n ?? 0),
  };
}

/**
 * Per month and category: the exact NUMERIC sum of the amounts, and the sum of the negative ones
 * (money out), computed by the database instead of reading every row back.
 */
export async function monthlyCategorySums(
  db: Queryable,
  householdId: string,
): Promise<{ month: string; category: Category; total: Money; outflows: Money }[]> {
  const rows = await db.query<{ month: string; category: Category; total: unknown; outflows: unknown }>(
    `SELECT to_char(posted_on, 'YYYY-MM-01') AS month, category, sum(amount) AS total,
            coalesce(sum(amount) FILTER (WHERE amount < 0), 0) AS outflows
     FROM transactions WHERE household_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
    [householdId],
  );
  return rows.map((r) => ({
    month: r.month,
    category: r.category,
    total: Money.parse(asDecimalText(r.total)),
    outflows: Money.parse(asDecimalText(r.outflows)),
  }));
}

/** Stores new categories for transactions (after a rule changed), by transaction id. */
export async function updateCategories(
  db: Queryable,
  householdId: string,
  changes: readonly { id: string; category: Category; ruleId: string }[],
): Promise<void> {
  // One statement per chunk of rows (arrays unnested into a join), not one round trip per row.
  for (let start = 0; start < changes.length; start += UPDATE_CHUNK) {
    const chunk = changes.slice(start, start + UPDATE_CHUNK);
    await db.query(
      `UPDATE transactions t SET category = c.category, rule_id = c.rule_id
       FROM unnest($2::text[], $3::text[], $4::text[]) AS c (fingerprint, category, rule_id)
       WHERE t.household_id = $1 AND t.fingerprint = c.fingerprint`,
      [householdId, chunk.map((c) => c.id), chunk.map((c) => c.category), chunk.map((c) => c.ruleId)],
    );
  }
}

/** Rows per re-categorization statement: large enough to amortize, small enough to bound one statement. */
const UPDATE_CHUNK = 5_000;

/** Replaces the household's monthly roll-up with `rows` (one per month). */
export async function replaceMonthlyRollup(
  db: Queryable,
  householdId: string,
  rows: readonly MonthlyTotals[],
): Promise<void> {
  await db.query("DELETE FROM spending_categories WHERE household_id = $1", [householdId]);
  const columns = [...BUDGET_CATEGORIES, "income", "uncategorized"];
  for (const row of rows) {
    const values = [
      ...BUDGET_CATEGORIES.map((c) => row.categories[c].toString()),
      row.income.toString(),
      row.uncategorized.toString(),
    ];
    const placeholders = values.map((_, i) => `$${i + 3}`).join(", ");
    await db.query(
      `INSERT INTO spending_categories (household_id, month, ${columns.join(", ")}) VALUES ($1, $2, ${placeholders})`,
      [householdId, row.month, ...values],
    );
  }
  // The API's JSON of each month, built once here rather than on every read (migration 0004).
  await db.query(
    "UPDATE spending_categories s SET month_json = spending_month_json(s) WHERE household_id = $1",
    [householdId],
  );
}

/**
 * The stored roll-up between two months (first days, inclusive), oldest first, as the JSON array
 * the API sends: `[{month, housing: "1234.50", …, income, uncategorized, total_spending}]`. Each
 * month's JSON was built by the database when the roll-up was written (`spending_month_json`,
 * amounts as exact NUMERIC text); this query joins them, in the same statement that checks `user`
 * may see the household. "[]" when it may not, or has no months in the range (callers tell the two
 * apart).
 */
export async function monthlyRollupJson(
  db: Queryable,
  user: User,
  householdId: string,
  from: string,
  to: string,
): Promise<string> {
  const [row] = await db.query<{ months: string | null }>(
    `SELECT '[' || string_agg(s.month_json, ',' ORDER BY s.month) || ']' AS months
     FROM spending_categories s JOIN households h ON h.id = s.household_id
     WHERE s.household_id = $2 AND s.month BETWEEN $3 AND $4 AND ${visibility(user, "h", "$1")}`,
    [user.id, householdId, from, to],
  );
  return row?.months ?? "[]";
}

interface RuleRow extends Record<string, unknown> {
  id: string;
  category: Category;
  reason: string;
  conditions: unknown;
}

/** The household's own rules, newest first (a newer rule wins over an older one). */
export async function categoryRules(db: Queryable, householdId: string): Promise<UserRule[]> {
  const rows = await db.query<RuleRow>(
    "SELECT id, category, reason, conditions FROM category_rules WHERE household_id = $1 ORDER BY created_at DESC, id",
    [householdId],
  );
  return rows.map((row) => {
    const stored = (
      typeof row.conditions === "string" ? JSON.parse(row.conditions) : row.conditions
    ) as Record<string, string>;
    const when: RuleConditions = {
      ...(stored.contains === undefined ? {} : { contains: stored.contains }),
      ...(stored.regex === undefined ? {} : { regex: stored.regex }),
      ...(stored.account === undefined ? {} : { account: stored.account }),
      ...(stored.min_amount === undefined ? {} : { minAmount: Money.parse(stored.min_amount) }),
      ...(stored.max_amount === undefined ? {} : { maxAmount: Money.parse(stored.max_amount) }),
    };
    return { id: row.id, category: row.category, reason: row.reason, when };
  });
}

export async function insertCategoryRule(db: Queryable, householdId: string, rule: UserRule): Promise<void> {
  const w = rule.when;
  const conditions = {
    ...(w.contains === undefined ? {} : { contains: w.contains }),
    ...(w.regex === undefined ? {} : { regex: w.regex }),
    ...(w.account === undefined ? {} : { account: w.account }),
    ...(w.minAmount === undefined ? {} : { min_amount: w.minAmount.toString() }),
    ...(w.maxAmount === undefined ? {} : { max_amount: w.maxAmount.toString() }),
  };
  await db.query(
    "INSERT INTO category_rules (id, household_id, category, reason, conditions) VALUES ($1, $2, $3, $4, $5)",
    [rule.id, householdId, rule.category, rule.reason, JSON.stringify(conditions)],
  );
}
