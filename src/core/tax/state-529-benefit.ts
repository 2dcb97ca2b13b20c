import Decimal from "decimal.js";
import { Money } from "../money.ts";

/**
 * State income-tax benefit for a 529 contribution, from one state's rule record
 * (data/529/state_tax_benefits.json, tax year 2025 with 2026 values where published).
 *
 * Deduction states: deductible = min(contribution + prior carryforward, cap), where the cap is
 * the filing status's limit × beneficiaries (per_beneficiary), × accounts (per_account; one
 * account per beneficiary is assumed), or the limit itself (per_taxpayer); unlimited states
 * have no cap. When income is given the deduction is also limited to it. Tax saved =
 * deductible × marginal rate (the given rate, else the state's top rate), half-even to the cent.
 * Excess contributions carry forward only in states whose record has carryforward years.
 *
 * Credit states: credit = min(contribution × credit rate, credit cap (× beneficiaries when per
 * beneficiary)); the rate comes from the AGI tier where the state sets it by income (Oregon).
 * Tax saved = the credit. Credits are nonrefundable unless the record says otherwise, so the
 * saving assumes enough state tax to absorb it.
 *
 * Plans: the resident state's own plans always qualify; any state's plan qualifies in a parity
 * state (Arkansas at its lower out-of-state cap); otherwise another state's plan earns nothing.
 */

export type BenefitType = "deduction" | "credit" | "none" | "no_income_tax";
export type LimitBasis = "per_taxpayer" | "per_beneficiary" | "per_account" | "unlimited";
export type FilingStatus = "single" | "mfj";

export interface ByFiling<T> {
  readonly single: T;
  readonly mfj: T;
}

/** A benefit lost entirely above an income limit (Delaware, Maine, New Jersey). */
export interface IncomeCliff {
  readonly limit: ByFiling<Money>;
  /** True when income equal to the limit still qualifies. */
  readonly inclusive: boolean;
  readonly text: string;
}

/** Oregon: the credit rate by AGI, tiers in ascending order; the last has no upper bound. */
export interface CreditTier {
  readonly incomeMax: Money | null;
  readonly rate: Decimal;
}

export interface State529Rule {
  readonly state: string;
  readonly stateName: string;
  readonly taxYear: number;
  readonly hasIncomeTax: boolean;
  readonly benefitType: BenefitType;
  readonly parity: boolean;
  readonly deductionLimit: ByFiling<Money | null>;
  readonly limitBasis: LimitBasis | null;
  readonly limitBasisDetail: string;
  readonly creditRate: Decimal | null;
  readonly creditMax: ByFiling<Money | null>;
  readonly creditTiers: readonly CreditTier[] | null;
  readonly carryforwardYears: number | "unlimited" | null;
  readonly incomeCliff: IncomeCliff | null;
  /** Arkansas: the lower cap for contributions to other states' plans. */
  readonly outOfStateLimit: ByFiling<Money> | null;
  /** Minnesota: a subtraction or, instead, a credit. */
  readonly taxpayerChoice: string | null;
  readonly age70PlusUnlimited: boolean;
  readonly recapture: string | null;
  readonly topRate: Decimal;
  readonly topRateNextYear: Decimal | null;
  /** Limits for the year after `taxYear` where the record gives them. */
  readonly nextYear: {
    readonly deductionLimit: ByFiling<Money | null> | null;
    readonly creditMax: ByFiling<Money | null> | null;
  };
  readonly confidence: string;
  readonly sources: readonly string[];
}

export interface BenefitInput {
  readonly planState: string;
  readonly contribution: Money;
  readonly filing: FilingStatus;
  readonly beneficiaries: number;
  readonly taxYear: number;
  /** The household's state marginal rate; the state's top rate when absent. */
  readonly marginalRate?: Decimal | undefined;
  /** State taxable income (or the AGI the state's income tests use). */
  readonly income?: Money | undefined;
  /** Contributions from earlier years not yet deducted. */
  readonly priorCarryforward?: Money | undefined;
}

export interface StateBenefit {
  readonly state: string;
  readonly qualifies: boolean;
  readonly deductibleAmount: Money;
  readonly creditAmount: Money;
  readonly taxSaved: Money;
  /** Contributions carried to later years (created this year). */
  readonly carryforward: Money;
  /** The cap applied this year; null when unlimited or not applicable. */
  readonly cap: Money | null;
  readonly marginalRate: Decimal | null;
  readonly notes: readonly string[];
}

function zero(rule: State529Rule, notes: string[], qualifies = false): StateBenefit {
  return {
    state: rule.state,
    qualifies,
    deductibleAmount: Money.ZERO,
    creditAmount: Money.ZERO,
    taxSaved: Money.ZERO,
    carryforward: Money.ZERO,
    cap: null,
    marginalRate: null,
    notes,
  };
}

function multiplier(rule: State529Rule, beneficiaries: number, notes: string[]): number {
  if (rule.limitBasis === "per_beneficiary") return beneficiaries;
  if (rule.limitBasis === "per_account") {
    notes.push(`the limit is per account; one account per beneficiary assumed (${beneficiaries})`);
    return beneficiaries;
  }
  return 1;
}

/** The year's limits: the next year's where the record gives them, else this year's with a note. */
function yearLimits(rule: State529Rule, taxYear: number, notes: string[]) {
  const next = taxYear > rule.taxYear;
  const nextDeduction = rule.nextYear.deductionLimit;
  const nextCredit = rule.nextYear.creditMax;
  const deduction = next && nextDeduction?.single ? nextDeduction : rule.deductionLimit;
  const credit = next && nextCredit?.single ? nextCredit : rule.creditMax;
  const usesOld =
    next &&
    ((rule.benefitType === "deduction" &&
      deduction === rule.deductionLimit &&
      rule.limitBasis !== "unlimited") ||
      (rule.benefitType === "credit" && credit === rule.creditMax));
  if (usesOld) notes.push(`${taxYear} limit not in the data; the ${rule.taxYear} limit is used`);
  const rate = next ? (rule.topRateNextYear ?? rule.topRate) : rule.topRate;
  if (next && rule.topRateNextYear === null && rule.hasIncomeTax) {
    notes.push(`${taxYear} top rate not in the data; the ${rule.taxYear} top rate is used`);
  }
  return { deduction, credit, topRate: rate };
}

function failsIncomeCliff(rule: State529Rule, input: BenefitInput, notes: string[]): boolean {
  const cliff = rule.incomeCliff;
  if (cliff === null) return false;
  const limit = cliff.limit[input.filing];
  if (input.income === undefined) {
    notes.push(`income limit: ${cliff.text} Assumed met (no income given).`);
    return false;
  }
  const over = cliff.inclusive ? input.income.compare(limit) > 0 : input.income.compare(limit) >= 0;
  if (over)
    notes.push(
      `no benefit: income ${input.income.format({ cents: false })} is over the limit. ${cliff.text}`,
    );
  return over;
}

function creditRateFor(rule: State529Rule, input: BenefitInput, notes: string[]): Decimal {
  if (rule.creditTiers === null) return rule.creditRate ?? new Decimal(0);
  if (input.income === undefined) {
    const last = rule.creditTiers[rule.creditTiers.length - 1]!;
    notes.push(
      `the credit rate depends on income; with no income given the highest-income tier's ${last.rate.times(100).toString()}% is used`,
    );
    return last.rate;
  }
  const income = input.income;
  const tier = rule.creditTiers.find((t) => t.incomeMax === null || income.compare(t.incomeMax) <= 0);
  return (tier ?? rule.creditTiers[rule.creditTiers.length - 1]!).rate;
}

function creditBenefit(
  rule: State529Rule,
  input: BenefitInput,
  credit: ByFiling<Money | null>,
  notes: string[],
) {
  const rate = creditRateFor(rule, input, notes);
  const max = credit[input.filing];
  const cap =
    max === null ? null : Money.fromCents(max.cents * BigInt(multiplier(rule, input.beneficiaries, [])));
  const raw = input.contribution.times(rate);
  const amount = cap !== null && raw.compare(cap) > 0 ? cap : raw;
  notes.push(
    `credit ${rate.times(100).toString()}% of contributions${cap ? `, at most ${cap.format()}` : ""}; assumes enough ${rule.state} tax to absorb it`,
  );
  return {
    state: rule.state,
    qualifies: true,
    deductibleAmount: Money.ZERO,
    creditAmount: amount,
    taxSaved: amount,
    carryforward: Money.ZERO,
    cap,
    marginalRate: null,
  };
}

function carryforwardNote(rule: State529Rule): string {
  const years = rule.carryforwardYears;
  return years === "unlimited" ? "carried forward until used" : `carried forward up to ${years} years`;
}

function deductionBenefit(
  rule: State529Rule,
  input: BenefitInput,
  limits: ByFiling<Money | null>,
  rate: Decimal,
  notes: string[],
) {
  const home = input.planState === rule.state;
  let limit = limits[input.filing];
  if (!home && rule.outOfStateLimit) {
    limit = rule.outOfStateLimit[input.filing];
    notes.push(
      `another state's plan: the lower out-of-state limit of ${limit.format({ cents: false })} applies`,
    );
  }
  const unlimited = rule.limitBasis === "unlimited" || limit === null;
  const cap =
    unlimited || limit === null
      ? null
      : Money.fromCents(limit.cents * BigInt(multiplier(rule, input.beneficiaries, notes)));
  const prior = input.priorCarryforward ?? Money.ZERO;
  if (!prior.isZero() && rule.carryforwardYears === null) {
    notes.push(`${rule.state} has no carryforward in the data; the prior carryforward is ignored`);
  }
  const available = rule.carryforwardYears === null ? input.contribution : input.contribution.add(prior);
  let deductible = cap !== null && available.compare(cap) > 0 ? cap : available;
  if (input.income !== undefined && deductible.compare(input.income) > 0) {
    deductible = input.income;
    notes.push("the deduction is limited to the income given");
  }
  const excess = available.subtract(deductible);
  const carries = rule.carryforwardYears !== null && excess.compare(Money.ZERO) > 0;
  if (excess.compare(Money.ZERO) > 0) {
    notes.push(
      carries
        ? `${excess.format()} over the limit is ${carryforwardNote(rule)}`
        : `${excess.format()} over the limit earns no ${rule.state} deduction (no carryforward)`,
    );
  }
  if (unlimited) notes.push("no dollar limit on the deduction");
  return {
    state: rule.state,
    qualifies: true,
    deductibleAmount: deductible,
    creditAmount: Money.ZERO,
    taxSaved: deductible.times(rate),
    carryforward: carries ? excess : Money.ZERO,
    cap,
    marginalRate: rate,
  };
}

/** Notes that hold whatever the amount: parity, recapture, special cases, data confidence. */
function standingNotes(rule: State529Rule, input: BenefitInput): string[] {
  const notes: string[] = [];
  if (rule.parity) notes.push(`${rule.stateName} is a parity state: any state's 529 plan qualifies`);
  if (rule.taxpayerChoice === "credit_or_deduction" && rule.creditMax.single) {
    notes.push(
      `${rule.stateName} offers instead a credit of ${rule.creditRate?.times(100).toString()}% up to ${rule.creditMax.single.format({ cents: false })}, ` +
        "phased out by income; its current phase-out threshold is not in the data, so the subtraction is shown",
    );
  }
  if (rule.age70PlusUnlimited) notes.push("account owners aged 70 or over may deduct the whole contribution");
  if (rule.state === "PA" && input.filing === "mfj") {
    notes.push("the joint limit needs each spouse to have PA taxable income of at least the single limit");
  }
  if (rule.recapture) notes.push(`recapture: ${rule.recapture}`);
  if (rule.confidence !== "high") notes.push(`data confidence for ${rule.state}: ${rule.confidence}`);
  return notes;
}

/** The resident state's benefit for one year's contribution to a plan of `input.planState`. */
export function stateTaxBenefit(rule: State529Rule, input: BenefitInput): StateBenefit {
  if (!rule.hasIncomeTax || rule.benefitType === "no_income_tax") {
    return zero(rule, [`${rule.stateName} has no state income tax, so there is nothing to deduct`], true);
  }
  if (rule.benefitType === "none") {
    return zero(rule, [`${rule.stateName} gives no income-tax benefit for 529 contributions`], true);
  }
  const home = input.planState === rule.state;
  if (!home && !rule.parity) {
    return zero(rule, [
      `only ${rule.stateName} plans earn the ${rule.state} ${rule.benefitType}; a ${input.planState} plan earns nothing`,
    ]);
  }
  const notes: string[] = [];
  const limits = yearLimits(rule, input.taxYear, notes);
  if (failsIncomeCliff(rule, input, notes)) return zero(rule, [...notes, ...standingNotes(rule, input)]);
  const rate = input.marginalRate ?? limits.topRate;
  if (input.marginalRate === undefined && rule.benefitType === "deduction") {
    notes.push(
      `marginal rate: ${rule.stateName}'s top rate ${rate.times(100).toString()}% (no marginal rate was given; the household's own rate gives a closer figure)`,
    );
  }
  const result =
    rule.benefitType === "credit"
      ? creditBenefit(rule, input, limits.credit, notes)
      : deductionBenefit(rule, input, limits.deduction, rate, notes);
  return { ...result, notes: [...notes, ...standingNotes(rule, input)] };
}

/** Whether a plan of `planState` earns the resident state's benefit (or there is none to lose). */
export function keepsStateBenefit(
  rule: State529Rule,
  planState: string,
): "yes" | "no" | "no benefit to keep" {
  if (!rule.hasIncomeTax || rule.benefitType === "none" || rule.benefitType === "no_income_tax") {
    return "no benefit to keep";
  }
  return planState === rule.state || rule.parity ? "yes" : "no";
}
