import { describe, expect, it } from "vitest";
import { Money } from "../../src/core/money.ts";
import { planAdherence } from "../../src/core/planner/adherence.ts";

const m = (text: string) => Money.parse(text);
const none = { income: null, saved: null, targetSavingsRate: null, budgets: [], contributions: [] };

describe("plan adherence", () => {
  it("scores savings as actual rate over target rate, capped at 100", () => {
    const half = planAdherence({ ...none, income: m("10000"), saved: m("750"), targetSavingsRate: 0.15 });
    expect(half.savingsRate).toBeCloseTo(0.075, 12);
    expect(half.savings).toBe(50);
    expect(
      planAdherence({ ...none, income: m("10000"), saved: m("3000"), targetSavingsRate: 0.15 }).savings,
    ).toBe(100);
  });

  it("weights each category by its budget: 10% over scores 90, double the budget 0", () => {
    const report = planAdherence({
      ...none,
      budgets: [
        { category: "food_dining", budget: m("500"), actual: m("550") },
        { category: "travel", budget: m("500"), actual: m("1000") },
        { category: "housing", budget: m("3000"), actual: m("2900") },
      ],
    });
    expect(report.categories.map((c) => c.score)).toEqual([90, 0, 100]);
    expect(report.budget).toBeCloseTo(((500 * 0.9 + 0 + 3000) / 4000) * 100, 1);
  });

  it("counts 529 contributions up to the schedule, so extra in one account does not hide a missed one", () => {
    const report = planAdherence({
      ...none,
      contributions: [
        { beneficiary: "Ava", scheduled: m("300"), contributed: m("600") },
        { beneficiary: "Ben", scheduled: m("300"), contributed: m("0") },
      ],
    });
    expect(report.contributions529).toBe(50);
  });

  it("averages the components present and is null with no inputs", () => {
    expect(planAdherence(none)).toMatchObject({
      score: null,
      savings: null,
      budget: null,
      contributions529: null,
    });
    const report = planAdherence({
      ...none,
      income: m("8000"),
      saved: m("800"),
      targetSavingsRate: 0.2,
      contributions: [{ beneficiary: "Ava", scheduled: m("250"), contributed: m("250") }],
    });
    expect(report.score).toBe(75);
  });

  it("leaves savings out when there was no income that month", () => {
    expect(
      planAdherence({ ...none, income: m("0"), saved: m("0"), targetSavingsRate: 0.1 }).savings,
    ).toBeNull();
  });
});
