import { randomUUID } from "node:crypto";
import { ValidationError } from "../core/errors.ts";
import type { Money } from "../core/money.ts";
import { Categorizer } from "../core/spending/categorizer.ts";
import type { ImportReport } from "../core/spending/import/import-report.ts";
import { createStatementImport } from "../core/spending/import/statement-import.ts";
import { MonthlyRollup } from "../core/spending/monthly-rollup.ts";
import { monthOf, type Transaction } from "../core/spending/transaction.ts";
import type { ReferenceData } from "../data/reference-data.ts";
import type { Database, Queryable } from "../db/database.ts";
import {
  allTransactions,
  categoryRules,
  insertCategoryRule,
  insertImportBatch,
  insertTransactions,
  knownTransactionIds,
  monthlyCategorySums,
  replaceMonthlyRollup,
  type StoredTransaction,
  updateCategories,
} from "../db/repositories/household-spending.ts";
import {
  analyzeTransactions,
  type CategorizeRequest,
  type ImportRequest,
  importOptionsFor,
  type SpendingAnalysis,
  userRuleFor,
} from "./spending.ts";

/**
 * A household's transactions in the database: import (duplicate-safe, all or nothing), the
 * monthly roll-up kept in `spending_categories`, the household's own rules, and analysis of what
 * is stored. Shared by the HTTP API; the CLI keeps its ledger in files (src/data/transaction-store.ts).
 */

/**
 * Rebuilds the roll-up from the stored transactions as categorized now. The database sums each
 * month's categories exactly; the sums go through the same MonthlyRollup as single amounts (the
 * roll-up is linear, and for uncategorized it counts only money out, so that sum is passed).
 */
async function rebuildRollup(db: Queryable, householdId: string): Promise<void> {
  const rollup = new MonthlyRollup();
  for (const sum of await monthlyCategorySums(db, householdId)) {
    const amount = sum.category === "uncategorized" ? sum.outflows : sum.total;
    rollup.add(sum.month, amount.cents, sum.category);
  }
  await replaceMonthlyRollup(db, householdId, rollup.rows());
}

/**
 * Imports one statement (text chunks from an upload) into a household. Transactions it already
 * has (same OFX FITID or CSV fingerprint and occurrence) are skipped. A file that is not a
 * statement throws before anything is written; otherwise the batch, its transactions and the
 * refreshed roll-up commit together.
 */
export async function importIntoHousehold(
  db: Database,
  householdId: string,
  fileName: string,
  chunks: AsyncIterable<string> | Iterable<string>,
  request: ImportRequest,
  /** The import day (YYYY-MM-DD): rows dated after it are imported with a warning in the report. */
  today?: string,
): Promise<ImportReport> {
  const seen = await knownTransactionIds(db, householdId);
  const categorizer = new Categorizer(await categoryRules(db, householdId));
  const fresh: StoredTransaction[] = [];
  const run = createStatementImport(
    importOptionsFor(request, fileName, today),
    seen,
    (transaction: Transaction) => {
      const categorization = categorizer.categorize(transaction);
      fresh.push({ transaction, category: categorization.category, ruleId: categorization.ruleId });
    },
  );
  for await (const chunk of chunks) run.push(chunk);
  const report = run.end();
  await db.transaction(async (tx) => {
    const batchId = await insertImportBatch(tx, householdId, fileName, report);
    await insertTransactions(tx, householdId, batchId, fresh);
    await rebuildRollup(tx, householdId);
  });
  return report;
}

/**
 * Analysis of everything stored for the household, with its rules; income from the request or the
 * household. With `today` (YYYY-MM-DD), the month in progress is left out (and a note says so)
 * while earlier months exist: a few days of a month averaged as a whole one would dilute every
 * monthly average.
 */
export async function analyzeHousehold(
  db: Queryable,
  householdId: string,
  income: Money | undefined,
  refs: ReferenceData,
  today?: string,
): Promise<SpendingAnalysis> {
  const stored = (await allTransactions(db, householdId)).map((s) => s.transaction);
  if (stored.length === 0)
    throw new ValidationError(
      "transactions",
      "this household has no transactions yet; import a statement first",
    );
  const rules = await categoryRules(db, householdId);
  const complete = today ? stored.filter((t) => t.date < monthOf(today)) : stored;
  const leftOut = stored.length - complete.length;
  if (!today || leftOut === 0 || complete.length === 0) {
    return analyzeTransactions(stored, rules, { income }, refs);
  }
  const analysis = analyzeTransactions(complete, rules, { income }, refs);
  const some = leftOut === 1 ? "1 transaction" : `${leftOut} transactions`;
  return {
    ...analysis,
    notes: [
      ...analysis.notes,
      `${today.slice(0, 7)} is in progress: its ${some} so far (through ${today}, or dated later) ${leftOut === 1 ? "is" : "are"} left out of the averages until the month is over`,
    ],
  };
}

/**
 * Adds a household rule (as from a re-categorization) and re-categorizes every stored transaction
 * with it, refreshing the roll-up, in one transaction. Returns the rule and how many transactions changed.
 */
export async function addHouseholdRule(
  db: Database,
  householdId: string,
  request: CategorizeRequest,
): Promise<{ ruleId: string; reason: string; recategorized: number }> {
  const rule = { id: randomUUID(), ...userRuleFor(request) };
  return db.transaction(async (tx) => {
    await insertCategoryRule(tx, householdId, rule);
    const categorizer = new Categorizer(await categoryRules(tx, householdId));
    const stored = await allTransactions(tx, householdId);
    const changes: { id: string; category: StoredTransaction["category"]; ruleId: string }[] = [];
    for (const row of stored) {
      const c = categorizer.categorize(row.transaction);
      if (c.category !== row.category || c.ruleId !== row.ruleId) {
        changes.push({ id: row.transaction.id, category: c.category, ruleId: c.ruleId });
      }
    }
    await updateCategories(tx, householdId, changes);
    await rebuildRollup(tx, householdId);
    return { ruleId: rule.id, reason: rule.reason, recategorized: changes.length };
  });
}
