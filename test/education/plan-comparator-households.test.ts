import { describe, expect, it } from "vitest";
import { compareStatePlans, type Household } from "../../src/core/education/state-plan-comparator.ts";
import { Money } from "../../src/core/money.ts";
import { referenceData } from "../../src/data/reference-data.ts";

const refs = referenceData().education;

function compare(state: string, overrides: Partial<Household> = {}) {
  const household: Household = {
    residentState: state,
    yearsToEnrollment: 13,
    enrollmentYear: 2039,
    annualContribution: Money.parse("6000"),
    currentBalance: Money.ZERO,
    filing: "single",
    beneficiaries: 1,
    taxYear: 2025,
    risk: "moderate",
    ...overrides,
  };
  return compareStatePlans(household, {
    plans: refs.plans,
    rule: refs.stateRules.byState.get(state)!,
    returns: refs.returns,
    fundList: (id) => refs.baselineFundLists.get(id)?.at(-1) ?? null,
  });
}

describe("state plan comparator", () => {
  it("ranks the home plan first for a New York household: $5,000 × 10.9% = $545 a year for 13 years", () => {
    const rows = compare("NY");
    expect(rows[0]!.plan.id).toBe("ny-529-direct");
    expect(rows[0]!.firstYearTaxSaved.toString()).toBe("545.00");
    expect(rows[0]!.taxSaved.toString()).toBe("7085.00");
    expect(rows[0]!.reason).toMatch(
      /^home-state deduction worth \$545 a year outweighs \$\d[\d,]* more in fees than/,
    );
  });

  it("ranks by fees alone for a Texas household (no income tax), cheapest first", () => {
    const rows = compare("TX").filter((r) => r.rank !== null);
    expect(rows.every((r) => r.taxSaved.isZero())).toBe(true);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i]!.feeDrag!.compare(rows[i - 1]!.feeDrag!)).toBeGreaterThanOrEqual(0);
    expect(rows[0]!.reason).toContain("lowest fees");
  });

  it("gives every plan the deduction in a parity state (Pennsylvania)", () => {
    const rows = compare("PA");
    expect(rows.every((r) => r.firstYearTaxSaved.toString() === "184.20")).toBe(true); // 6,000 × 3.07%
  });

  it("lists plans with no fee data after the ranked ones, unranked, and shows ties", () => {
    const rows = compare("CA");
    const unranked = rows.filter((r) => r.rank === null);
    expect(unranked.length).toBeGreaterThan(0);
    expect(rows.slice(rows.length - unranked.length).every((r) => r.rank === null)).toBe(true);
    expect(unranked[0]!.reason).toContain("fee data missing");
    const tied = rows.filter((r) => r.tied);
    for (const r of tied) expect(tied.some((t) => t !== r && t.rank === r.rank)).toBe(true);
  });
});
