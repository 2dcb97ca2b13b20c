import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Money } from "../../src/core/money.ts";
import { CATEGORIES, SPENDING_CATEGORIES } from "../../src/core/spending/categories.ts";
import { MonthlyRollup } from "../../src/core/spending/monthly-rollup.ts";

describe("monthly roll-up", () => {
  it("adds outflows per category to the cent, nets refunds, keeps transfers and saving out of total spending", () => {
    const rollup = new MonthlyRollup();
    rollup.add("2026-03-02", -10_001n, "food_groceries"); // $100.01
    rollup.add("2026-03-09", -20_002n, "food_groceries"); // $200.02
    rollup.add("2026-03-10", 1_240n, "food_groceries"); // refund $12.40
    rollup.add("2026-03-15", 621_540n, "income");
    rollup.add("2026-03-16", -341_218n, "housing");
    rollup.add("2026-03-20", -284_012n, "transfers");
    rollup.add("2026-03-21", -100_000n, "savings_contributions");
    rollup.add("2026-03-22", -4_599n, "uncategorized");
    rollup.add("2026-03-23", 999n, "uncategorized"); // money in that no rule recognised: not an outflow
    const [march] = rollup.rows();
    expect(march!.month).toBe("2026-03-01");
    expect(march!.categories.food_groceries.toString()).toBe("287.63");
    expect(march!.categories.savings_contributions.toString()).toBe("1000.00");
    expect(march!.totalSpending.toString()).toBe("3699.81");
    expect(march!.income.toString()).toBe("6215.40");
    expect(march!.uncategorized.toString()).toBe("45.99");
    expect(march!.savingsRate).toBeCloseTo((621_540 - 369_981) / 621_540, 12);
  });

  it("fills months without transactions with zeros so averages divide by the right count", () => {
    const rollup = new MonthlyRollup();
    rollup.add("2025-11-30", -100n, "travel");
    rollup.add("2026-02-01", -100n, "travel");
    const rows = rollup.rows();
    expect(rows.map((r) => r.month)).toEqual(["2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01"]);
    expect(rows[1]!.totalSpending.isZero()).toBe(true);
    expect(rows[1]!.savingsRate).toBeNull();
  });

  it("has category columns that sum to total spending to the cent, for any transactions", () => {
    const transaction = fc.record({
      day: fc.integer({ min: 0, max: 400 }),
      cents: fc.bigInt({ min: -5_000_000n, max: 5_000_000n }),
      category: fc.constantFrom(...CATEGORIES),
    });
    fc.assert(
      fc.property(fc.array(transaction, { maxLength: 200 }), (transactions) => {
        const rollup = new MonthlyRollup();
        for (const t of transactions) {
          const date = new Date(Date.UTC(2025, 0, 1 + t.day)).toISOString().slice(0, 10);
          rollup.add(date, t.cents, t.category);
        }
        for (const row of rollup.rows()) {
          expect(Money.sum(SPENDING_CATEGORIES.map((c) => row.categories[c])).cents).toBe(
            row.totalSpending.cents,
          );
        }
        const spent = transactions
          .filter((t) => (SPENDING_CATEGORIES as readonly string[]).includes(t.category))
          .reduce((sum, t) => sum - t.cents, 0n);
        expect(rollup.rows().reduce((sum, r) => sum + r.totalSpending.cents, 0n)).toBe(spent);
      }),
    );
  });
});
