import { z } from "zod";
import { ValidationError } from "../core/errors.ts";
import { Money } from "../core/money.ts";
import { analyzeSpending, type SpendingPatterns } from "../core/spending/analyzer.ts";
import { compareWithPeers, type PeerComparison } from "../core/spending/benchmarks.ts";
import { CATEGORIES, type Category } from "../core/spending/categories.ts";
import { type Categorization, Categorizer, type UserRule } from "../core/spending/categorizer.ts";
import { parseColumnMapping } from "../core/spending/import/csv-layout.ts";
import type { ImportReport } from "../core/spending/import/import-report.ts";
import type { ImportOptions } from "../core/spending/import/statement-import.ts";
import { MonthlyRollup } from "../core/spending/monthly-rollup.ts";
import type { MonthlyTotalsFile } from "../core/spending/monthly-totals-csv.ts";
import { findRecurringCharges, merchantKey } from "../core/spending/recurring-charges.ts";
import { findSavings, type Opportunity } from "../core/spending/savings-finder.ts";
import type { Transaction } from "../core/spending/transaction.ts";
import { integer, money } from "../core/validation.ts";
import type { ReferenceData } from "../data/reference-data.ts";

/**
 * Spending use cases shared by the CLI and the HTTP API: request schemas (snake_case keys) and
 * functions from validated requests and already-read inputs to answers. No I/O here.
 */

const statementFields = {
  account: z.string().trim().min(1, "must not be empty").optional(),
  columns: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      try {
        return parseColumnMapping(text);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  date_format: z
    .enum(["mdy", "dmy"], { message: 'must be "mdy" (03/14/2026) or "dmy" (14/03/2026)' })
    .optional(),
  sign: z
    .enum(["charges-negative", "charges-positive"], {
      message: 'must be "charges-negative" or "charges-positive"',
    })
    .optional(),
};

export const importRequest = z.object(statementFields);
export type ImportRequest = z.output<typeof importRequest>;

export const analyzeRequest = z.object({
  ...statementFields,
  income: money({ min: Money.fromDollars(1) }).optional(),
});
export type AnalyzeRequest = z.output<typeof analyzeRequest>;

/** The importer's options for a request; `today` (YYYY-MM-DD) makes later-dated rows a warning. */
export function importOptionsFor(
  request: ImportRequest,
  fallbackAccount: string,
  today?: string,
): ImportOptions {
  return {
    fallbackAccount,
    ...(today ? { today } : {}),
    ...(request.account ? { account: request.account } : {}),
    ...(request.columns ? { columns: request.columns } : {}),
    ...(request.date_format ? { dateOrder: request.date_format } : {}),
    ...(request.sign ? { sign: request.sign } : {}),
  };
}

export interface UncategorizedMerchant {
  readonly merchant: string;
  readonly transactions: number;
  readonly amount: Money;
}

export interface SpendingAnalysis {
  readonly patterns: SpendingPatterns;
  readonly peers: PeerComparison;
  readonly opportunities: readonly Opportunity[];
  readonly importReports: readonly ImportReport[];
  /** The largest merchants no rule recognised (money out), so the user can add rules. */
  readonly uncategorizedMerchants: readonly UncategorizedMerchant[];
  /** Every transaction with its categorization and the rule that decided it (empty for monthly totals). */
  readonly transactions: readonly {
    readonly transaction: Transaction;
    readonly categorization: Categorization;
  }[];
  readonly notes: readonly string[];
}

function finish(
  patterns: SpendingPatterns,
  refs: ReferenceData,
  extra: Pick<SpendingAnalysis, "importReports" | "uncategorizedMerchants" | "notes" | "transactions">,
): SpendingAnalysis {
  const peers = compareWithPeers(patterns, refs.consumerExpenditure);
  const notes = [...extra.notes];
  if (patterns.incomeSource === "observed") {
    notes.push(
      "no --income given: income is the deposits categorized as income (usually after tax), annualized",
    );
  }
  return { ...extra, patterns, peers, opportunities: findSavings({ patterns, peers }), notes };
}

function requireIncome(income: Money | undefined, observed: Money): void {
  if (income === undefined && observed.cents <= 0n) {
    throw new ValidationError(
      "income",
      "is required: the data shows no income, so shares of income cannot be computed",
    );
  }
}

const TOP_UNCATEGORIZED = 5;

/** Categorizes, rolls up and analyzes transactions already imported. */
export function analyzeTransactions(
  transactions: readonly Transaction[],
  userRules: readonly UserRule[],
  request: { readonly income?: Money | undefined },
  refs: ReferenceData,
  importReports: readonly ImportReport[] = [],
): SpendingAnalysis {
  if (transactions.length === 0) throw new ValidationError("file", "no transactions to analyze");
  const categorizer = new Categorizer(userRules);
  const rollup = new MonthlyRollup();
  const categorized: { transaction: Transaction; category: Category; categorization: Categorization }[] = [];
  const unknown = new Map<string, { transactions: number; cents: bigint }>();
  let lastDate = "";
  for (const transaction of transactions) {
    const categorization = categorizer.categorize(transaction);
    const category = categorization.category;
    rollup.add(transaction.date, transaction.amount.cents, category);
    categorized.push({ transaction, category, categorization });
    if (transaction.date > lastDate) lastDate = transaction.date;
    if (category === "uncategorized" && transaction.amount.cents < 0n) {
      const key = merchantKey(transaction.description) || transaction.description;
      const entry = unknown.get(key) ?? { transactions: 0, cents: 0n };
      entry.transactions++;
      entry.cents -= transaction.amount.cents;
      unknown.set(key, entry);
    }
  }
  const rows = rollup.rows();
  requireIncome(request.income, Money.sum(rows.map((r) => r.income)));
  const patterns = analyzeSpending({
    months: rows,
    annualIncome: request.income ?? null,
    recurringCharges: findRecurringCharges(categorized, lastDate),
  });
  const uncategorizedMerchants = [...unknown.entries()]
    .sort((a, b) => (b[1].cents > a[1].cents ? 1 : b[1].cents < a[1].cents ? -1 : 0))
    .slice(0, TOP_UNCATEGORIZED)
    .map(([merchant, e]) => ({ merchant, transactions: e.transactions, amount: Money.fromCents(e.cents) }));
  return finish(patterns, refs, {
    importReports,
    uncategorizedMerchants,
    notes: [],
    transactions: categorized,
  });
}

/** Analyzes monthly totals given directly (no transactions, so no recurring charges). */
export function analyzeMonthlyTotals(
  file: MonthlyTotalsFile,
  request: { readonly income?: Money | undefined },
  refs: ReferenceData,
): SpendingAnalysis {
  requireIncome(request.income, Money.sum(file.rows.map((r) => r.income)));
  const patterns = analyzeSpending({ months: file.rows, annualIncome: request.income ?? null });
  const notes = ["monthly totals only: recurring charges and duplicate subscriptions need transactions"];
  if (file.missingCategories.length > 0)
    notes.push(`columns not in the file, taken as zero: ${file.missingCategories.join(", ")}`);
  return finish(patterns, refs, { importReports: [], uncategorizedMerchants: [], notes, transactions: [] });
}

// ---------- user rules ----------

export const categorizeRequest = z.object({
  match: z.string().trim().min(2, "must be at least 2 characters").optional(),
  regex: z.string().min(1, "must not be empty").optional(),
  category: z.enum(CATEGORIES, { message: `must be one of ${CATEGORIES.join(", ")}` }),
  account: z.string().trim().min(1).optional(),
  min_amount: money({ min: Money.ZERO }).optional(),
  max_amount: money({ min: Money.ZERO }).optional(),
});
export type CategorizeRequest = z.output<typeof categorizeRequest>;

/** A user rule from a re-categorization; what it matches becomes its reason. */
export function userRuleFor(request: CategorizeRequest): Omit<UserRule, "id"> {
  if (request.match === undefined && request.regex === undefined) {
    throw new ValidationError("match", "is required (or give --regex)");
  }
  if (request.regex !== undefined) {
    try {
      new RegExp(request.regex, "i");
    } catch (error) {
      throw new ValidationError("regex", `is not a regular expression: ${(error as Error).message}`);
    }
  }
  if (request.min_amount && request.max_amount && request.min_amount.compare(request.max_amount) > 0) {
    throw new ValidationError("min_amount", "is above --max-amount");
  }
  const parts = [
    request.match === undefined ? null : `descriptions containing "${request.match}"`,
    request.regex === undefined ? null : `descriptions matching /${request.regex}/i`,
    request.account === undefined ? null : `on account ${request.account}`,
    request.min_amount === undefined ? null : `of at least ${request.min_amount.format()}`,
    request.max_amount === undefined ? null : `of at most ${request.max_amount.format()}`,
  ].filter((p) => p !== null);
  return {
    category: request.category,
    reason: `your rule: ${parts.join(", ")} are ${request.category}`,
    when: {
      ...(request.match === undefined ? {} : { contains: request.match }),
      ...(request.regex === undefined ? {} : { regex: request.regex }),
      ...(request.account === undefined ? {} : { account: request.account }),
      ...(request.min_amount === undefined ? {} : { minAmount: request.min_amount }),
      ...(request.max_amount === undefined ? {} : { maxAmount: request.max_amount }),
    },
  };
}

// ---------- demo data ----------

export const demoGenerateRequest = z.object({
  months: integer({ min: 1, max: 120 }).default(24),
  seed: integer({ min: 0, max: 2 ** 31 - 1 }).default(7),
  start: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month as YYYY-MM")
    .optional(),
});
export type DemoGenerateRequest = z.output<typeof demoGenerateRequest>;
