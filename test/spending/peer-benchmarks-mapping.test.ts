import { describe, expect, it } from "vitest";
import { Money } from "../../src/core/money.ts";
import { analyzeSpending } from "../../src/core/spending/analyzer.ts";
import {
  bracketFor,
  compareWithPeers,
  peerAnnual,
  peerGroupFor,
} from "../../src/core/spending/benchmarks.ts";
import { BUDGET_CATEGORIES, type BudgetCategory } from "../../src/core/spending/categories.ts";
import { monthlyTotals } from "../../src/core/spending/monthly-rollup.ts";
import { loadConsumerExpenditure } from "../../src/data/bls.ts";

const table = loadConsumerExpenditure();

function patternsFor(income: number, monthly: Partial<Record<BudgetCategory, number>>) {
  const categories = Object.fromEntries(
    BUDGET_CATEGORIES.map((c) => [c, Money.fromNumber(monthly[c] ?? 0)]),
  ) as Record<BudgetCategory, Money>;
  return analyzeSpending({
    months: [monthlyTotals("2026-01-01", categories, Money.fromNumber(income / 12))],
    annualIncome: Money.fromDollars(income),
  });
}

describe("BLS CE peer benchmarks", () => {
  it("vendors CE 2024 Table 1203 with its source", () => {
    expect(table.year).toBe(2024);
    expect(table.sourceUrl).toContain("bls.gov/cex");
    expect(table.brackets.map((b) => b.id)).toContain("150k_200k");
  });

  it("builds each category from the published CE lines as category_mapping.md proposes", () => {
    const b = bracketFor(Money.fromDollars(180_000), table);
    expect(b.label).toBe("$150,000 to $199,999");
    expect(peerAnnual("food_groceries", b)).toBe(8305);
    expect(peerAnnual("food_dining", b)).toBe(6241);
    // housing 34,891 − personal services 990 − other lodging 2,054 + mortgage principal 4,555
    expect(peerAnnual("housing", b)).toBe(34_891 - 990 - 2_054 + 4_555);
    expect(peerAnnual("insurance", b)).toBe(2_643 + 776);
    expect(peerAnnual("travel", b)).toBe(2_054 + 1_670);
    expect(peerAnnual("childcare", b)).toBe(990);
    for (const c of ["subscriptions", "debt_payments", "savings_contributions", "investments"] as const) {
      expect(peerAnnual(c, b)).toBeNull();
    }
  });

  it("names peer groups by income and maps them onto the CE brackets in the data", () => {
    expect(peerGroupFor(Money.fromDollars(99_999))).toBe("BELOW_UPPER_MIDDLE");
    expect(peerGroupFor(Money.fromDollars(100_000))).toBe("UPPER_MIDDLE");
    expect(peerGroupFor(Money.fromDollars(250_000))).toBe("HNW");
    expect(peerGroupFor(Money.fromDollars(750_000))).toBe("UHNW");
    expect(bracketFor(Money.fromDollars(750_000), table).id).toBe("200k_plus");
  });

  it("compares shares of income and says which categories have no CE counterpart", () => {
    const comparison = compareWithPeers(
      patternsFor(180_000, { food_dining: 900, subscriptions: 120 }),
      table,
    );
    const dining = comparison.categories.find((c) => c.category === "food_dining")!;
    expect(dining.shareOfIncome).toBeCloseTo(10_800 / 180_000, 12);
    expect(dining.peerShare).toBeCloseTo(6241 / 171_847, 12);
    expect(dining.difference).toBeCloseTo(10_800 / 180_000 - 6241 / 171_847, 12);
    const subscriptions = comparison.categories.find((c) => c.category === "subscriptions")!;
    expect(subscriptions.peerShare).toBeNull();
    expect(subscriptions.note).toContain("no CE line");
    expect(comparison.peerDiningToGroceries).toBeCloseTo(6241 / 8305, 12);
    expect(comparison.aboveTopBracket).toBe(false);
  });

  it("says when an income is above the top bracket's mean", () => {
    const comparison = compareWithPeers(patternsFor(900_000, {}), table);
    expect(comparison.peerGroup).toBe("UHNW");
    expect(comparison.aboveTopBracket).toBe(true);
    expect(comparison.notes.join(" ")).toContain("CE publishes nothing higher");
  });
});
