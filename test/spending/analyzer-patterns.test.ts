import { describe, expect, it } from "vitest";
import { Money } from "../../src/core/money.ts";
import { analyzeSpending, averageMoney } from "../../src/core/spending/analyzer.ts";
import { BUDGET_CATEGORIES, type BudgetCategory } from "../../src/core/spending/categories.ts";
import { monthlyTotals } from "../../src/core/spending/monthly-rollup.ts";
import { findRecurringCharges } from "../../src/core/spending/recurring-charges.ts";
import { robustZScores, trendPerYear } from "../../src/core/spending/robust-statistics.ts";
import type { Transaction } from "../../src/core/spending/transaction.ts";

function months(
  count: number,
  amounts: (i: number) => Partial<Record<BudgetCategory, number>>,
  income: (i: number) => number,
) {
  return Array.from({ length: count }, (_, i) => {
    const month = `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`;
    const given = amounts(i);
    const categories = Object.fromEntries(
      BUDGET_CATEGORIES.map((c) => [c, Money.fromNumber(given[c] ?? 0)]),
    ) as Record<BudgetCategory, Money>;
    return monthlyTotals(month, categories, Money.fromNumber(income(i)));
  });
}

describe("spending patterns", () => {
  it("averages exactly and rounds half-even to the cent", () => {
    expect(averageMoney(Money.parse("10.00"), 3).toString()).toBe("3.33");
    expect(averageMoney(Money.parse("0.05"), 2).toString()).toBe("0.02");
    expect(averageMoney(Money.parse("0.07"), 2).toString()).toBe("0.04");
  });

  it("measures trend as the least-squares slope per year over the mean", () => {
    // 1000, 1010, …: slope 10/month = 120/year; mean of 0..11 → 1055.
    expect(trendPerYear(Array.from({ length: 12 }, (_, i) => 1000 + 10 * i))).toBeCloseTo(120 / 1055, 12);
    expect(trendPerYear([5, 5])).toBeNull();
  });

  it("flags a month far from the median by robust z, even when most months are identical", () => {
    const z = robustZScores([100, 100, 100, 100, 100, 100, 100, 900]);
    expect(z[7]).toBeGreaterThan(3.5);
    expect(z.slice(0, 7).every((v) => v === 0)).toBe(true);
  });

  it("finds seasonality, anomalies, shares of the given income and lifestyle creep", () => {
    const rows = months(
      24,
      (i) => ({
        travel: i % 12 === 6 ? 6000 : 300,
        housing: 4000,
        food_dining: 800 + 20 * i,
        healthcare: i === 15 ? 5200 : 400 + (i % 3) * 10,
      }),
      () => 12_000,
    );
    const patterns = analyzeSpending({ months: rows, annualIncome: Money.fromDollars(180_000) });
    const travel = patterns.categories.find((c) => c.category === "travel")!;
    expect(travel.seasonality?.peakMonth).toBe(7);
    expect(travel.seasonality?.peakIndex).toBeCloseTo(6000 / ((6000 * 2 + 300 * 22) / 24), 10);
    const housing = patterns.categories.find((c) => c.category === "housing")!;
    expect(housing.shareOfIncome).toBeCloseTo((4000 * 12) / 180_000, 12);
    expect(housing.anomalies).toEqual([]);
    const healthcare = patterns.categories.find((c) => c.category === "healthcare")!;
    expect(healthcare.anomalies.map((a) => a.month)).toEqual(["2025-04-01"]);
    expect(patterns.lifestyleCreep?.flagged).toBe(true);
    expect(patterns.lifestyleCreep?.incomeGrowthPerYear).toBeCloseTo(0, 12);
    expect(patterns.incomeSource).toBe("given");
    expect(patterns.savingsRateBasis).toBe("observed deposits");
  });

  it("finds a monthly subscription and its annualized cost, and ignores irregular spending", () => {
    const tx = (date: string, description: string, amount: string, account = "card"): Transaction => ({
      id: `${date}${description}${account}`,
      account,
      date,
      amount: Money.parse(amount),
      description,
    });
    const items = [
      ...["2026-01-14", "2026-02-14", "2026-03-16", "2026-04-14", "2026-05-14"].map((d, i) =>
        tx(d, `NETFLIX.COM 866-57${i}`, i === 4 ? "-24.99" : "-22.99"),
      ),
      ...["2026-01-03", "2026-01-09", "2026-02-27", "2026-05-01"].map((d) => tx(d, "SHELL OIL 1", "-50.00")),
      ...["2025-06-01", "2025-07-01", "2025-08-01"].map((d) => tx(d, "OLD GYM", "-40.00")),
    ].map((transaction) => ({ transaction, category: "subscriptions" as const }));
    const found = findRecurringCharges(items, "2026-05-31");
    expect(found.map((c) => [c.merchant, c.period, c.annualizedCost.toString(), c.active])).toEqual([
      ["old gym", "monthly", "480.00", false],
      ["netflix com", "monthly", "299.88", true],
    ]);
  });
});
