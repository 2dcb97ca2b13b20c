import { Money } from "../money.ts";
import { median } from "../statistics.ts";
import { BUDGET_CATEGORIES, type BudgetCategory } from "./categories.ts";
import type { MonthlyTotals } from "./monthly-rollup.ts";
import type { RecurringCharge } from "./recurring-charges.ts";
import {
  ANOMALY_MIN_DOLLARS,
  ANOMALY_MIN_SHARE_OF_MEDIAN,
  ANOMALY_THRESHOLD,
  MIN_MONTHS_FOR_ANOMALIES,
  robustZScores,
  trendPerYear,
} from "./robust-statistics.ts";

/**
 * Spending patterns from monthly totals (rolled up from transactions, or given directly):
 *
 * - monthly average = Σ category ÷ months, exact to the cent (half-even);
 * - share of income = monthly average × 12 ÷ annual income (the income given, else the income
 *   observed in the months);
 * - trend per year: least-squares slope of the monthly totals (see robust-statistics.ts);
 * - seasonality (≥ 12 months): for each calendar month, its average ÷ the overall monthly
 *   average (1.30 = 30% above a typical month);
 * - anomalous months (≥ 6 months): |robust z| > 3.5 on the category's monthly totals, and at
 *   least $100 and 25% of the median month away from the median;
 * - lifestyle creep (≥ 12 months with income in at least 3 of 4 of them): spending's trend per
 *   year against income's; flagged when spending grows and outpaces income by more than
 *   CREEP_MARGIN a year;
 * - recurring charges come from transactions (recurring-charges.ts) and are passed in.
 */
export interface CategoryPattern {
  readonly category: BudgetCategory;
  readonly total: Money;
  readonly monthlyAverage: Money;
  readonly shareOfIncome: number;
  readonly trendPerYear: number | null;
  readonly seasonality: Seasonality | null;
  readonly anomalies: readonly AnomalousMonth[];
}

export interface Seasonality {
  /** Index per calendar month, January first: month average ÷ overall monthly average. */
  readonly profile: readonly number[];
  readonly peakMonth: number;
  readonly peakIndex: number;
}

export interface AnomalousMonth {
  readonly month: string;
  readonly amount: Money;
  readonly robustZ: number;
}

export interface LifestyleCreep {
  readonly spendingGrowthPerYear: number;
  readonly incomeGrowthPerYear: number;
  readonly flagged: boolean;
}

export interface SpendingPatterns {
  readonly months: number;
  readonly firstMonth: string;
  readonly lastMonth: string;
  readonly annualIncome: Money;
  readonly incomeSource: "given" | "observed";
  readonly categories: readonly CategoryPattern[];
  readonly totalSpending: {
    readonly monthlyAverage: Money;
    readonly shareOfIncome: number;
    readonly trendPerYear: number | null;
  };
  /** (Σ income − Σ spending) ÷ Σ income over the period, and which income it used. */
  readonly savingsRate: number | null;
  readonly savingsRateBasis: "observed deposits" | "given income";
  readonly uncategorized: { readonly monthlyAverage: Money; readonly shareOfOutflows: number };
  readonly lifestyleCreep: LifestyleCreep | null;
  readonly recurringCharges: readonly RecurringCharge[];
}

/** Spending must outgrow income by more than this a year (2 percentage points) to call it creep. */
export const CREEP_MARGIN = 0.02;

/** total ÷ n in cents, rounded half-even. */
export function averageMoney(total: Money, n: number): Money {
  const count = BigInt(n);
  const negative = total.cents < 0n;
  const abs = negative ? -total.cents : total.cents;
  let quotient = abs / count;
  const twice = (abs % count) * 2n;
  if (twice > count || (twice === count && quotient % 2n === 1n)) quotient++;
  return Money.fromCents(negative ? -quotient : quotient);
}

function share(part: Money, whole: Money): number {
  return whole.cents === 0n ? 0 : Number(part.cents) / Number(whole.cents);
}

function seasonality(rows: readonly MonthlyTotals[], values: readonly number[]): Seasonality | null {
  if (rows.length < 12) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean <= 0) return null;
  const sums = new Array<number>(12).fill(0);
  const counts = new Array<number>(12).fill(0);
  rows.forEach((row, i) => {
    const m = Number(row.month.slice(5, 7)) - 1;
    sums[m]! += values[i]!;
    counts[m]!++;
  });
  const profile = sums.map((s, m) => s / counts[m]! / mean);
  const peakIndex = Math.max(...profile);
  return { profile, peakMonth: profile.indexOf(peakIndex) + 1, peakIndex };
}

function anomalies(
  rows: readonly MonthlyTotals[],
  values: readonly number[],
  amounts: readonly Money[],
): AnomalousMonth[] {
  if (rows.length < MIN_MONTHS_FOR_ANOMALIES) return [];
  const center = median(values);
  const material = Math.max(ANOMALY_MIN_DOLLARS, ANOMALY_MIN_SHARE_OF_MEDIAN * Math.abs(center));
  return robustZScores(values)
    .map((z, i) => ({ month: rows[i]!.month, amount: amounts[i]!, robustZ: z }))
    .filter((a, i) => Math.abs(a.robustZ) > ANOMALY_THRESHOLD && Math.abs(values[i]! - center) >= material);
}

function lifestyleCreep(rows: readonly MonthlyTotals[]): LifestyleCreep | null {
  const withIncome = rows.filter((r) => r.income.cents > 0n).length;
  if (rows.length < 12 || withIncome < 0.75 * rows.length) return null;
  const spending = trendPerYear(rows.map((r) => r.totalSpending.toNumber()));
  const income = trendPerYear(rows.map((r) => r.income.toNumber()));
  if (spending === null || income === null) return null;
  return {
    spendingGrowthPerYear: spending,
    incomeGrowthPerYear: income,
    flagged: spending > 0 && spending - income > CREEP_MARGIN,
  };
}

export function analyzeSpending(input: {
  readonly months: readonly MonthlyTotals[];
  readonly annualIncome: Money | null;
  readonly recurringCharges?: readonly RecurringCharge[];
}): SpendingPatterns {
  const rows = input.months;
  if (rows.length === 0) throw new RangeError("no months to analyze");
  const n = rows.length;
  const observedIncome = Money.sum(rows.map((r) => r.income));
  const annualIncome = input.annualIncome ?? averageMoney(observedIncome, n).times(12);
  const incomeSource = input.annualIncome ? "given" : "observed";
  const categories = BUDGET_CATEGORIES.map((category): CategoryPattern => {
    const amounts = rows.map((r) => r.categories[category]);
    const values = amounts.map((a) => a.toNumber());
    const total = Money.sum(amounts);
    const monthlyAverage = averageMoney(total, n);
    return {
      category,
      total,
      monthlyAverage,
      shareOfIncome: share(monthlyAverage.times(12), annualIncome),
      trendPerYear: trendPerYear(values),
      seasonality: seasonality(rows, values),
      anomalies: anomalies(rows, values, amounts),
    };
  });
  const totalSpending = Money.sum(rows.map((r) => r.totalSpending));
  const spendingAverage = averageMoney(totalSpending, n);
  const uncategorized = Money.sum(rows.map((r) => r.uncategorized));
  const saved = Money.sum(
    categories
      .filter((c) => c.category === "savings_contributions" || c.category === "investments")
      .map((c) => c.total),
  );
  const outflows = totalSpending.add(saved).add(uncategorized);
  const incomeBase = observedIncome.cents > 0n ? observedIncome : averageMoney(annualIncome.times(n), 12);
  return {
    months: n,
    firstMonth: rows[0]!.month,
    lastMonth: rows[n - 1]!.month,
    annualIncome,
    incomeSource,
    categories,
    totalSpending: {
      monthlyAverage: spendingAverage,
      shareOfIncome: share(spendingAverage.times(12), annualIncome),
      trendPerYear: trendPerYear(rows.map((r) => r.totalSpending.toNumber())),
    },
    savingsRate:
      incomeBase.cents > 0n
        ? Number(incomeBase.cents - totalSpending.cents) / Number(incomeBase.cents)
        : null,
    savingsRateBasis: observedIncome.cents > 0n ? "observed deposits" : "given income",
    uncategorized: {
      monthlyAverage: averageMoney(uncategorized, n),
      shareOfOutflows: share(uncategorized, outflows),
    },
    lifestyleCreep: lifestyleCreep(rows),
    recurringCharges: input.recurringCharges ?? [],
  };
}
