import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { Money } from "../../src/core/money.ts";
import { type BenefitInput, stateTaxBenefit } from "../../src/core/tax/state-529-benefit.ts";
import { referenceData } from "../../src/data/reference-data.ts";

const rules = referenceData().education.stateRules.byState;

function benefit(
  state: string,
  input: Partial<Omit<BenefitInput, "contribution">> & { contribution: string },
) {
  return stateTaxBenefit(rules.get(state)!, {
    planState: state,
    filing: "single",
    beneficiaries: 1,
    taxYear: 2025,
    ...input,
    contribution: Money.parse(input.contribution),
  });
}

// Expected figures come from data/529/state_tax_benefits.json (tax year 2025).
describe("state 529 tax benefit by rule shape", () => {
  it("NY: per-taxpayer cap $10,000 MFJ regardless of beneficiaries, at the 10.9% top rate, no carryforward", () => {
    const b = benefit("NY", { contribution: "15000", filing: "mfj", beneficiaries: 3 });
    expect(b.deductibleAmount.toString()).toBe("10000.00");
    expect(b.taxSaved.toString()).toBe("1090.00");
    expect(b.carryforward.toString()).toBe("0.00");
    expect(b.notes.some((n) => n.includes("no carryforward"))).toBe(true);
  });

  it("NY resident in another state's plan gets nothing (no parity)", () => {
    const b = benefit("NY", { contribution: "15000", planState: "UT" });
    expect(b.qualifies).toBe(false);
    expect(b.taxSaved.isZero()).toBe(true);
  });

  it("IL: $10,000 single at a given marginal rate", () => {
    const b = benefit("IL", { contribution: "12000", marginalRate: new Decimal("0.0495") });
    expect(b.deductibleAmount.toString()).toBe("10000.00");
    expect(b.taxSaved.toString()).toBe("495.00");
  });

  it("PA: per-beneficiary $19,000, any state's plan (parity)", () => {
    const b = benefit("PA", { contribution: "40000", planState: "NV", beneficiaries: 2 });
    expect(b.deductibleAmount.toString()).toBe("38000.00");
    expect(b.taxSaved.toString()).toBe("1166.60"); // 38,000 × 3.07%
    expect(b.notes.some((n) => n.includes("parity"))).toBe(true);
  });

  it("AZ: parity state, $2,000 per beneficiary single", () => {
    const b = benefit("AZ", { contribution: "3000", planState: "NY" });
    expect(b.deductibleAmount.toString()).toBe("2000.00");
    expect(b.taxSaved.toString()).toBe("50.00"); // 2.5%
  });

  it("IN: 20% credit capped at $1,500 per return", () => {
    expect(benefit("IN", { contribution: "5000" }).creditAmount.toString()).toBe("1000.00");
    const capped = benefit("IN", { contribution: "10000", filing: "mfj" });
    expect(capped.creditAmount.toString()).toBe("1500.00");
    expect(capped.taxSaved.toString()).toBe("1500.00");
    expect(capped.deductibleAmount.isZero()).toBe(true);
  });

  it("UT: 4.5% credit capped per beneficiary ($224.10 MFJ each)", () => {
    expect(benefit("UT", { contribution: "5000", filing: "mfj" }).creditAmount.toString()).toBe("224.10");
    expect(
      benefit("UT", { contribution: "20000", filing: "mfj", beneficiaries: 2 }).creditAmount.toString(),
    ).toBe("448.20");
  });

  it("OR: credit rate from the AGI tier, capped at $180 single", () => {
    expect(
      benefit("OR", { contribution: "1000", income: Money.parse("25000") }).creditAmount.toString(),
    ).toBe("180.00");
    expect(
      benefit("OR", { contribution: "1000", income: Money.parse("120000") }).creditAmount.toString(),
    ).toBe("100.00");
    const noIncome = benefit("OR", { contribution: "1000" });
    expect(noIncome.creditAmount.toString()).toBe("50.00"); // highest tier, 5%
    expect(noIncome.notes.some((n) => n.includes("highest-income tier"))).toBe(true);
  });

  it("VA: per-account $4,000 with unlimited carryforward of the excess", () => {
    const b = benefit("VA", { contribution: "10000", priorCarryforward: Money.parse("1000") });
    expect(b.deductibleAmount.toString()).toBe("4000.00");
    expect(b.carryforward.toString()).toBe("7000.00");
    expect(b.taxSaved.toString()).toBe("230.00"); // 5.75%
  });

  it("CO: per-beneficiary cap $25,400 single, no carryforward in the data", () => {
    const b = benefit("CO", { contribution: "30000" });
    expect(b.deductibleAmount.toString()).toBe("25400.00");
    expect(b.taxSaved.toString()).toBe("1117.60"); // 4.4%
  });

  it("AR: lower $3,000 cap for another state's plan, excess carried 4 years", () => {
    const b = benefit("AR", { contribution: "5000", planState: "NV" });
    expect(b.deductibleAmount.toString()).toBe("3000.00");
    expect(b.carryforward.toString()).toBe("2000.00");
  });

  it("SC and NM: unlimited deduction, limited to income when given", () => {
    expect(benefit("SC", { contribution: "50000" }).deductibleAmount.toString()).toBe("50000.00");
    expect(
      benefit("NM", { contribution: "50000", income: Money.parse("40000") }).deductibleAmount.toString(),
    ).toBe("40000.00");
  });

  it("NJ and DE: income cliffs", () => {
    expect(benefit("NJ", { contribution: "5000", income: Money.parse("250000") }).taxSaved.isZero()).toBe(
      true,
    );
    expect(
      benefit("NJ", { contribution: "5000", income: Money.parse("200000") }).deductibleAmount.toString(),
    ).toBe("5000.00");
    // DE: AGI must be below $100,000 single (the instructions' exclusive wording).
    expect(benefit("DE", { contribution: "1000", income: Money.parse("100000") }).taxSaved.isZero()).toBe(
      true,
    );
  });

  it("CA: no benefit; TX: no income tax", () => {
    expect(benefit("CA", { contribution: "5000" }).notes[0]).toContain("no income-tax benefit");
    expect(benefit("TX", { contribution: "5000" }).notes[0]).toContain("no state income tax");
  });

  it("uses 2026 limits where the data has them (MT $4,600) and says so where not", () => {
    expect(benefit("MT", { contribution: "9000", taxYear: 2026 }).deductibleAmount.toString()).toBe(
      "4600.00",
    );
    expect(benefit("NY", { contribution: "9000", taxYear: 2026 }).notes[0]).toContain(
      "2026 limit not in the data",
    );
  });
});
