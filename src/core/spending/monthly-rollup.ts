import { Money } from "../money.ts";
import { BUDGET_CATEGORIES, type BudgetCategory, type Category, SPENDING_CATEGORIES } from "./categories.ts";
import { monthOf } from "./transaction.ts";

/**
 * One row per household per month, in the shape of the `spending_categories` table: the month
 * (its first day), one Money column per budget category, `total_spending`, `income` and
 * `savings_rate`.
 *
 *   category column = money out − money back (refunds) in that category, so outflows count positive;
 *   total_spending  = Σ of the twelve spending categories, housing … debt_payments
 *                     (savings contributions and investments are money kept, not spent);
 *   income          = Σ of deposits categorized as income;
 *   savings_rate    = (income − total_spending) ÷ income, null when income ≤ 0.
 *
 * Transfers (card payments, moves between own accounts) are never counted. Outflows no rule
 * recognised are kept apart in `uncategorized` and are not in total_spending, so the savings rate
 * reads high by exactly that much until they are re-categorized; callers report the share.
 */
export interface MonthlyTotals {
  readonly month: string;
  readonly categories: Readonly<Record<BudgetCategory, Money>>;
  readonly totalSpending: Money;
  readonly income: Money;
  readonly savingsRate: number | null;
  readonly uncategorized: Money;
}

const COLUMN = new Map<Category, number>(BUDGET_CATEGORIES.map((c, i) => [c, i]));
const INCOME = BUDGET_CATEGORIES.length;
const UNCATEGORIZED = INCOME + 1;
const WIDTH = UNCATEGORIZED + 1;
const SPENDING_COLUMNS = SPENDING_CATEGORIES.map((c) => COLUMN.get(c)!);

/** Builds a row from category amounts and income, computing the total and the savings rate. */
export function monthlyTotals(
  month: string,
  categories: Readonly<Record<BudgetCategory, Money>>,
  income: Money,
  uncategorized: Money = Money.ZERO,
): MonthlyTotals {
  const totalSpending = Money.sum(SPENDING_CATEGORIES.map((c) => categories[c]));
  return {
    month,
    categories,
    totalSpending,
    income,
    savingsRate: savingsRate(income, totalSpending),
    uncategorized,
  };
}

/** (income − spending) ÷ income, or null when there is no income to divide by. */
export function savingsRate(income: Money, spending: Money): number | null {
  if (income.cents <= 0n) return null;
  return Number(income.cents - spending.cents) / Number(income.cents);
}

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, "0")}-01`;
}

/** Accumulates categorized transactions in exact cents, one row of columns per month. */
export class MonthlyRollup {
  private readonly months = new Map<string, bigint[]>();
  /** The row of the last date's month: statements are mostly in date order. */
  private lastPrefix = "";
  private lastRow: bigint[] = [];

  /** `amountCents` in the holder's view: negative is money out. */
  add(date: string, amountCents: bigint, category: Category): void {
    let row = this.lastRow;
    if (!date.startsWith(this.lastPrefix) || this.lastPrefix === "") {
      const month = monthOf(date);
      row = this.months.get(month) ?? new Array<bigint>(WIDTH).fill(0n);
      this.months.set(month, row);
      this.lastPrefix = date.slice(0, 8);
      this.lastRow = row;
    }
    const column = COLUMN.get(category);
    if (column !== undefined) row[column]! -= amountCents;
    else if (category === "income") row[INCOME]! += amountCents;
    else if (category === "uncategorized" && amountCents < 0n) row[UNCATEGORIZED]! -= amountCents;
  }

  /** Every month from the first to the last seen; a month with no transactions is all zeros. */
  rows(): MonthlyTotals[] {
    const seen = [...this.months.keys()].sort();
    if (seen.length === 0) return [];
    const rows: MonthlyTotals[] = [];
    const zero = new Array<bigint>(WIDTH).fill(0n);
    for (let month = seen[0]!; month <= seen[seen.length - 1]!; month = nextMonth(month)) {
      const cents = this.months.get(month) ?? zero;
      const categories = Object.fromEntries(
        BUDGET_CATEGORIES.map((c, i) => [c, Money.fromCents(cents[i]!)]),
      ) as Record<BudgetCategory, Money>;
      let total = 0n;
      for (const column of SPENDING_COLUMNS) total += cents[column]!;
      const income = Money.fromCents(cents[INCOME]!);
      const totalSpending = Money.fromCents(total);
      rows.push({
        month,
        categories,
        totalSpending,
        income,
        savingsRate: savingsRate(income, totalSpending),
        uncategorized: Money.fromCents(cents[UNCATEGORIZED]!),
      });
    }
    return rows;
  }
}
