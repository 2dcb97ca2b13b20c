import { describe, expect, it } from "vitest";
import { Money } from "../../src/core/money.ts";
import { type Correction, suggestCorrections } from "../../src/core/retirement/correction-suggester.ts";
import { projectGap } from "../../src/core/retirement/gap-engine.ts";
import { historyBetween } from "../../src/core/retirement/market-history.ts";
import { loadMarketHistory } from "../../src/data/markets.ts";
import { SEED_HOUSEHOLD_GAP } from "../support/households.ts";

const history = historyBetween(loadMarketHistory(), 1928, 2024);

const shortfall = SEED_HOUSEHOLD_GAP;

function find<T extends Correction["type"]>(list: Correction[], type: T): Extract<Correction, { type: T }> {
  const found = list.find((c) => c.type === type);
  if (!found) throw new Error(`no ${type} correction`);
  return found as Extract<Correction, { type: T }>;
}

const context = {
  gap: shortfall,
  currentAgeMonths: 45 * 12,
  annualIncome: Money.parse("185000"),
  socialSecurity: null,
  marketHistory: history,
};

describe("corrections for the seed household's shortfall", () => {
  const corrections = suggestCorrections(context);

  it("each lever that says it closes the gap really does, re-run through the gap engine", () => {
    const save = find(corrections, "save_more");
    expect(
      projectGap({ ...shortfall, monthlyContribution: save.newMonthlyContribution }).gap,
    ).toBeLessThanOrEqual(0.005);
    const spend = find(corrections, "spend_less");
    expect(projectGap({ ...shortfall, desiredIncome: spend.newDesiredIncome }).gap).toBeLessThanOrEqual(0);
    const equity = find(corrections, "higher_return");
    expect(equity.closesGap).toBe(true);
    expect(projectGap({ ...shortfall, expectedReturn: equity.newReturn }).gap).toBeLessThanOrEqual(0.005);
    const combined = find(corrections, "combination");
    expect(
      projectGap({
        ...shortfall,
        monthlyContribution: shortfall.monthlyContribution.add(combined.extraMonthly),
        monthsToRetirement: shortfall.monthsToRetirement + combined.delayMonths,
        desiredIncome: shortfall.desiredIncome.subtract(combined.reduction),
      }).gap,
    ).toBeLessThanOrEqual(0.005);
  });

  it("the save-more lever is the smallest amount to the cent: one cent less leaves a gap", () => {
    const save = find(corrections, "save_more");
    const lessByACent = save.newMonthlyContribution.subtract(Money.parse("0.01"));
    expect(projectGap({ ...shortfall, monthlyContribution: lessByACent }).gap).toBeGreaterThan(0);
    expect(save.shareOfIncome).toBeCloseTo((save.extraMonthly.toNumber() * 12) / 185000, 10);
  });

  it("says retiring later cannot close it alone when even age 75 falls short", () => {
    const later = find(corrections, "retire_later");
    expect(later.closesGap).toBe(false);
    expect(later.newRetirementAgeMonths).toBe(75 * 12);
    expect(later.description).toMatch(/does not close the gap on its own/);
  });

  it("states the added risk of a higher-equity allocation from market history", () => {
    const equity = find(corrections, "higher_return");
    expect(equity.equityShare).toBeGreaterThan(equity.currentEquityShare);
    expect(equity.volatility).toBeGreaterThan(equity.currentVolatility);
    expect(equity.description).toMatch(/volatility .* → .*worst year/);
  });

  it("ranks moves that close the gap first, each group by effort", () => {
    const closing = corrections.filter((c) => c.closesGap);
    expect(corrections.slice(0, closing.length)).toEqual(closing);
    const efforts = closing.map((c) => c.effort);
    expect(efforts).toEqual([...efforts].sort((a, b) => a - b));
  });
});

describe("corrections never suggest the impossible", () => {
  it("marks extra saving beyond the household's income as not possible", () => {
    const corrections = suggestCorrections({ ...context, annualIncome: Money.parse("40000") });
    const save = find(corrections, "save_more");
    expect(save.closesGap).toBe(false);
    expect(save.description).toMatch(/more than the household earns/);
    expect(
      corrections.find((c) => c.type === "combination" && c.extraMonthly.toNumber() > 0),
    ).toBeUndefined();
  });

  it("caps retiring later at ten years when only years-to-retirement is known", () => {
    const later = find(suggestCorrections({ ...context, currentAgeMonths: null }), "retire_later");
    expect(later.delayMonths).toBeLessThanOrEqual(120);
    expect(later.newRetirementAgeMonths).toBeNull();
  });

  it("finds the exact month of retirement that closes a small gap", () => {
    const small = { ...shortfall, currentSavings: Money.parse("700000") };
    const later = find(suggestCorrections({ ...context, gap: small }), "retire_later");
    expect(later.closesGap).toBe(true);
    expect(projectGap({ ...small, monthsToRetirement: later.newMonthsToRetirement }).gap).toBeLessThanOrEqual(
      0.005,
    );
    expect(projectGap({ ...small, monthsToRetirement: later.newMonthsToRetirement - 1 }).gap).toBeGreaterThan(
      0.005,
    );
  });

  it("suggests nothing for a funded plan", () => {
    expect(
      suggestCorrections({ ...context, gap: { ...shortfall, currentSavings: Money.parse("5000000") } }),
    ).toEqual([]);
  });

  it("claims Social Security later only to the month that closes the gap, with the bridge counted", () => {
    // A benefit that rises 8% a year from 62 (illustrative) for a worker retiring at 67.
    const annualAt = (claim: number) => Money.fromNumber(30000 * (1 + (0.08 * (claim - 62 * 12)) / 12));
    const gap = { ...shortfall, currentSavings: Money.parse("700000"), socialSecurity: annualAt(67 * 12) };
    const corrections = suggestCorrections({
      ...context,
      gap,
      socialSecurity: { claimAgeMonths: 67 * 12, retirementAgeMonths: 67 * 12, annualAt },
    });
    const claim = find(corrections, "claim_ss_later");
    // required(c) = ((desired − SS(c)) ÷ 4% + SS(c) × bridge years) × inflation factor
    const raw = projectGap(gap);
    const required = (c: number) =>
      ((120000 - annualAt(c).toNumber()) / 0.04 + (annualAt(c).toNumber() * (c - 67 * 12)) / 12) *
      raw.inflationFactor;
    expect(claim.closesGap).toBe(true);
    expect(required(claim.claimAgeMonths)).toBeLessThanOrEqual(raw.projected);
    expect(required(claim.claimAgeMonths - 1)).toBeGreaterThan(raw.projected);
    expect(claim.bridgeYears).toBeCloseTo((claim.claimAgeMonths - 67 * 12) / 12, 10);
  });
});
