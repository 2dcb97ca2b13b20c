import { describe, expect, it } from "vitest";
import { referenceData } from "../../src/data/reference-data.ts";

describe("529 reference data", () => {
  const refs = referenceData().education;

  it("has all 50 states and DC, each with sources", () => {
    const states = [...refs.stateRules.byState.keys()];
    expect(states).toHaveLength(51);
    expect(states).toContain("DC");
    for (const rule of refs.stateRules.byState.values()) expect(rule.sources.length).toBeGreaterThan(0);
  });

  it("has plans for every jurisdiction but Wyoming (none in plans.json), and fund lists for nine plans", () => {
    const planStates = new Set(refs.plans.map((p) => p.state));
    expect(planStates.size).toBe(50);
    expect(planStates.has("WY")).toBe(false);
    expect(refs.baselineFundLists.size).toBe(9);
    expect(refs.baselineFundLists.get("il-bright-start")?.map((l) => l.version)).toEqual([1, 2]);
  });

  it("keeps the sources of college costs, gift exclusion and returns", () => {
    expect(refs.collegeCosts.sources.length).toBeGreaterThan(0);
    expect(refs.collegeCosts.annualCharges["public-in-state"].toString()).toBe("25850.00"); // 11,950 + 13,900
    expect(refs.giftExclusions.find((e) => e.year === 2025)?.perDonorPerBeneficiary.toString()).toBe(
      "19000.00",
    );
    expect(refs.returns.source).toContain("1928");
    expect(refs.returns.equity).toBeGreaterThan(refs.returns.fixedIncome);
    expect(refs.returns.fixedIncome).toBeGreaterThan(refs.returns.moneyMarket);
  });
});
