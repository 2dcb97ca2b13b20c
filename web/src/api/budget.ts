import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { Category } from "../../../src/core/spending/categories.ts";
import { api } from "./client.ts";
import { householdPath, keys } from "./hooks.ts";
import type { Page } from "./types.ts";
import { type UploadProgress, uploadForm } from "./upload.ts";

export type { Category } from "../../../src/core/spending/categories.ts";
export { CATEGORIES } from "../../../src/core/spending/categories.ts";

export interface CategorySpending {
  monthly_average: string;
  share_of_income: number | null;
  /** The peer households' share of income (BLS Consumer Expenditure Survey), null when not comparable. */
  peer_share: number | null;
  /** share_of_income − peer_share. */
  difference: number | null;
  peer_note?: string;
}

export interface SavingsOpportunity {
  category: string;
  annual_savings: string;
  reason: string;
  confidence: "low" | "medium" | "high";
  rule_id: string;
}

export interface SpendingAnalysis {
  months: number;
  first_month: string;
  last_month: string;
  categories: Record<string, CategorySpending>;
  /** The peer households: the BLS Consumer Expenditure Survey income bracket the household falls in. */
  peers: { bracket: { label: string }; source: string; above_top_bracket: boolean; notes: string[] };
  opportunities: SavingsOpportunity[];
  notes: string[];
}

/** One month of the roll-up: every category amount, income, uncategorized and total_spending. */
export type MonthlySpending = {
  month: string;
  total_spending: string;
  income: string;
  uncategorized: string;
} & Record<string, string>;

export interface Transaction {
  id: string;
  date: string;
  account: string;
  description: string;
  amount: string;
  category: Category;
  /** The rule that chose the category: `builtin:<tier>:<phrase>`, `builtin:mcc:<range>`, a rule's UUID, or "none". */
  rule_id: string;
  /** That rule's reason in words; null only for a rule id the server no longer knows. */
  reason: string | null;
}

/** What `POST …/transactions/import` answers: the import report (as `finplan budget import --json`). */
export interface ImportReport {
  file: string;
  format: string;
  account: string;
  rows_read: number;
  imported: number;
  duplicates_skipped: number;
  pending_skipped: number;
  rejected_count: number;
  rejected: { line: number; reason: string }[];
  assumptions: string[];
  /** What looks wrong in rows imported all the same (e.g. dates after today). */
  warnings: string[];
}

export interface AddedRule {
  rule_id: string;
  reason: string;
  recategorized: number;
}

/** The queries an import or a new rule changes. */
const BUDGET_PARTS = ["spending-analysis", "spending-monthly", "transactions"] as const;

function refreshBudget(client: QueryClient, id: string): Promise<void> {
  return Promise.all(
    BUDGET_PARTS.map((part) => client.invalidateQueries({ queryKey: keys.household(id, part) })),
  ).then(() => undefined);
}

/** The household's budget: spending by category against peers, patterns and savings opportunities. */
export function useBudget(id: string) {
  return useQuery({
    queryKey: keys.household(id, "spending-analysis"),
    queryFn: () => api.get<SpendingAnalysis>(`${householdPath(id)}/spending/analysis`),
  });
}

/** Every imported month, oldest first. */
export function useMonthlySpending(id: string) {
  return useQuery({
    queryKey: keys.household(id, "spending-monthly"),
    queryFn: () => api.get<{ months: MonthlySpending[] }>(`${householdPath(id)}/spending/monthly`),
  });
}

/** One page of transactions, newest first; the previous page stays on screen while the next loads. */
export function useTransactions(id: string, offset: number, limit: number) {
  return useQuery({
    queryKey: [...keys.household(id, "transactions"), offset, limit],
    queryFn: () =>
      api.get<Page<Transaction>>(`${householdPath(id)}/transactions?limit=${limit}&offset=${offset}`),
    placeholderData: keepPreviousData,
  });
}

/** Uploads a statement file (CSV, OFX or QFX), reporting progress; the budget figures refresh after. */
/** How to read a statement when the file does not say: the API guesses each one when left out. */
export interface StatementOptions {
  readonly account?: string;
  readonly date_format?: "mdy" | "dmy";
  readonly sign?: "charges-negative" | "charges-positive";
}

export function useStatementUpload(id: string, onProgress: (progress: UploadProgress) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, options }: { file: File; options: StatementOptions }) => {
      const form = new FormData();
      form.append("file", file);
      for (const [field, value] of Object.entries(options)) if (value) form.append(field, value);
      return uploadForm<ImportReport>(`${householdPath(id)}/transactions/import`, form, onProgress);
    },
    onSuccess: () => refreshBudget(client, id),
  });
}

/**
 * Re-categorizes by adding a household rule: descriptions containing `match` are `category`.
 * The API re-categorizes every stored transaction with it; the budget figures refresh after.
 */
export function useAddCategoryRule(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rule: { match: string; category: Category }) =>
      api.post<AddedRule>(`${householdPath(id)}/category-rules`, rule),
    onSuccess: () => refreshBudget(client, id),
  });
}
