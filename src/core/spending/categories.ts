/**
 * The household budget categories. The twelve spending categories make up `total_spending`;
 * savings contributions and investments are money kept, not spent; income and transfers are
 * flows that are never counted as spending; `uncategorized` is what no rule recognised, reported
 * on its own so its share is always visible.
 */
export const SPENDING_CATEGORIES = [
  "housing",
  "transportation",
  "food_groceries",
  "food_dining",
  "healthcare",
  "insurance",
  "education",
  "childcare",
  "entertainment",
  "travel",
  "subscriptions",
  "debt_payments",
] as const;

export const SAVING_CATEGORIES = ["savings_contributions", "investments"] as const;

/** The fourteen Money columns of a monthly roll-up row (the seed's `spending_categories` shape). */
export const BUDGET_CATEGORIES = [...SPENDING_CATEGORIES, ...SAVING_CATEGORIES] as const;

export const CATEGORIES = [...BUDGET_CATEGORIES, "income", "transfers", "uncategorized"] as const;

export type SpendingCategory = (typeof SPENDING_CATEGORIES)[number];
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];
export type Category = (typeof CATEGORIES)[number];

const ALL = new Set<string>(CATEGORIES);
const BUDGET = new Set<string>(BUDGET_CATEGORIES);

export function isCategory(text: string): text is Category {
  return ALL.has(text);
}

export function isBudgetCategory(category: string): category is BudgetCategory {
  return BUDGET.has(category);
}

/** "food_dining" → "food dining", for messages and tables. */
export function categoryLabel(category: Category): string {
  return category.replace(/_/g, " ");
}
