import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Money } from "../../src/core/money.ts";
import { analyzeSpending } from "../../src/core/spending/analyzer.ts";
import { compareWithPeers } from "../../src/core/spending/benchmarks.ts";
import { BUDGET_CATEGORIES, type BudgetCategory } from "../../src/core/spending/categories.ts";
import { monthlyTotals } from "../../src/core/spending/monthly-rollup.ts";
import type { RecurringCharge } from "../../src/core/spending/recurring-charges.ts";
import { findSavings, type SavingsRule } from "../../src/core/spending/savings-finder.ts";
import { loadConsumerExpenditure } from "../../src/data/bls.ts";

const table = loadConsumerExpenditure();

function charge(
  merchant: string,
  account: string,
  monthly: string,
  category: RecurringCharge["category"] = "subscriptions",
): RecurringCharge {
  const latestAmount = Money.parse(monthly);
  return {
    merchant,
    description: merchant.toUpperCase(),
    account,
    category,
    period: "monthly",
    charges: 6,
    latestAmount,
    annualizedCost: latestAmount.times(12),
    firstDate: "2026-01-05",
    lastDate: "2026-06-05",
    active: true,
  };
}

function data(
  monthly: Partial<Record<BudgetCategory, number>>,
  recurring: RecurringCharge[] = [],
  income = 180_000,
) {
  const categories = Object.fromEntries(
    BUDGET_CATEGORIES.map((c) => [c, Money.fromNumber(monthly[c] ?? 0)]),
  ) as Record<BudgetCategory, Money>;
  const patterns = analyzeSpending({
    months: [monthlyTotals("2026-06-01", categories, Money.fromNumber(income / 12))],
    annualIncome: Money.fromDollars(income),
    recurringCharges: recurring,
  });
  return { patterns, peers: compareWithPeers(patterns, table) };
}

describe("savings opportunities", () => {
  it("ranks findings by annual dollars, each with evidence and a confidence", () => {
    const found = findSavings(
      data(
        {
          food_dining: 1500,
          food_groceries: 900,
          insurance: 700,
          debt_payments: 2400,
          travel: 1200,
          subscriptions: 60,
        },
        [charge("spotify", "card", "11.99"), charge("apple music", "checking", "10.99")],
      ),
    );
    const amounts = found.map((o) => o.annualSavings.cents);
    expect([...amounts].sort((a, b) => (b > a ? 1 : b < a ? -1 : 0))).toEqual(amounts);
    expect(found.map((o) => o.ruleId)).toEqual(
      expect.arrayContaining([
        "duplicate-subscriptions",
        "dining-vs-groceries",
        "insurance-above-peers",
        "debt-payment-share",
        "travel-above-peers",
      ]),
    );
    const duplicate = found.find((o) => o.ruleId === "duplicate-subscriptions")!;
    expect(duplicate.annualSavings.toString()).toBe("131.88"); // keeps Spotify, cancels Apple Music 10.99 × 12
    expect(duplicate.confidence).toBe("medium");
    // Named as the statements show them, with the account each is paid from.
    expect(duplicate.reason).toContain("(SPOTIFY on account card, APPLE MUSIC on account checking)");
    const debt = found.find((o) => o.ruleId === "debt-payment-share")!;
    expect(debt.annualSavings.toString()).toBe("10800.00"); // 28,800 − 10% of 180,000
    for (const o of found) {
      expect(o.reason.length).toBeGreaterThan(10);
      expect(Object.keys(o.evidence).length).toBeGreaterThan(0);
    }
  });

  it("never claims the same dollar twice: later findings get only what earlier ones left", () => {
    const subscriptionsAbove: SavingsRule = {
      id: "subscriptions-above-peers",
      description: "test rule: every subscription dollar above zero",
      evaluate: (d) => [
        {
          category: "subscriptions",
          basis: "excess",
          annualSavings: d.patterns.categories
            .find((c) => c.category === "subscriptions")!
            .monthlyAverage.times(12),
          reason: "subscriptions above peers",
          confidence: "low",
          evidence: { x: 1 },
        },
      ],
    };
    const household = data({ subscriptions: 30 }, [
      charge("netflix", "card", "15.00"),
      charge("netflix", "checking", "15.00"),
    ]);
    const duplicate = findSavings(household).find((o) => o.ruleId === "duplicate-subscriptions");
    expect(duplicate?.annualSavings.toString()).toBe("180.00");
    expect(duplicate?.confidence).toBe("high");
    const both = findSavings(household, [
      {
        id: "dup",
        description: "",
        evaluate: (d) => findSavings(d).filter((o) => o.ruleId === "duplicate-subscriptions"),
      },
      subscriptionsAbove,
    ]);
    expect(both.map((o) => [o.ruleId, o.annualSavings.toString()])).toEqual([
      ["dup", "180.00"],
      ["subscriptions-above-peers", "180.00"], // 360 a year in total, 180 already claimed
    ]);
  });

  it("keeps the sum of opportunities per category within what the category costs, for any household", () => {
    const monthly = fc.record(
      Object.fromEntries(BUDGET_CATEGORIES.map((c) => [c, fc.integer({ min: 0, max: 20_000 })])) as Record<
        BudgetCategory,
        fc.Arbitrary<number>
      >,
    );
    fc.assert(
      fc.property(monthly, fc.integer({ min: 100_000, max: 900_000 }), (amounts, income) => {
        const household = data(
          amounts,
          [charge("spotify", "a", "12.00"), charge("spotify", "b", "12.00")],
          income,
        );
        const claimed = new Map<string, bigint>();
        for (const o of findSavings(household)) {
          expect(o.annualSavings.cents > 0n).toBe(true);
          claimed.set(o.category, (claimed.get(o.category) ?? 0n) + o.annualSavings.cents);
        }
        for (const [category, cents] of claimed) {
          const annual = household.patterns.categories
            .find((c) => c.category === category)!
            .monthlyAverage.times(12);
          expect(cents <= annual.cents).toBe(true);
        }
        expect(claimed.has("savings_contributions") || claimed.has("investments")).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
