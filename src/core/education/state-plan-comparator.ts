import type Decimal from "decimal.js";
import { Money } from "../money.ts";
import {
  type FilingStatus,
  type State529Rule,
  type StateBenefit,
  stateTaxBenefit,
} from "../tax/state-529-benefit.ts";
import { pathReturns, projectBalance } from "./contribution-planner.ts";
import type { FundList } from "./fund-list.ts";
import type { RiskTolerance } from "./glide-path.ts";
import type { AssetClassReturns, Plan529 } from "./plan.ts";

/**
 * Ranks every 529 plan for one household by net value over the years until enrollment:
 *
 *   net value = Σ state tax saved on each year's contribution − fee drag
 *
 * Tax saved: the resident state's benefit (core/tax/state-529-benefit.ts) on the annual
 * contribution in each year of saving, at this year's rules, carrying excess contributions
 * forward where the state allows. A plan earns it when it is the home state's, or in a parity
 * state any plan does. Sums are nominal and undiscounted.
 *
 * Fee drag: the balance projected at enrollment along the glide path gross of fees, minus the
 * balance net of the age-appropriate portfolio's expense ratio (taken from each year's return)
 * and the annual account fee (taken at each year end). The expense ratio comes, in order of
 * preference, from the plan's newest fund list (the enrollment-year or age-based portfolio whose
 * year is nearest the beneficiary's enrollment year), the midpoint of the plan's published
 * age-based fee range, or the midpoint of its all-portfolio fee range (flagged). A plan with
 * none of these has no net value: it is listed after the ranked plans, not dropped.
 */

export interface Household {
  readonly residentState: string;
  readonly yearsToEnrollment: number;
  readonly enrollmentYear: number;
  readonly annualContribution: Money;
  readonly currentBalance: Money;
  readonly filing: FilingStatus;
  readonly beneficiaries: number;
  readonly taxYear: number;
  readonly income?: Money | undefined;
  readonly marginalRate?: Decimal | undefined;
  readonly risk: RiskTolerance;
}

export interface PlanFees {
  readonly expenseRatio: number | null;
  readonly expenseSource: string;
  readonly accountFee: Money;
  readonly accountFeeKnown: boolean;
}

export interface PlanComparison {
  /** 1 = best; plans tied on net value share a rank; null when fee data is missing. */
  readonly rank: number | null;
  readonly tied: boolean;
  readonly plan: Plan529;
  readonly fees: PlanFees;
  readonly firstYearTaxSaved: Money;
  readonly taxSaved: Money;
  readonly feeDrag: Money | null;
  readonly netValue: Money | null;
  readonly reason: string;
  readonly benefitNotes: readonly string[];
}

export interface ComparisonInputs {
  readonly plans: readonly Plan529[];
  readonly rule: State529Rule;
  readonly returns: AssetClassReturns;
  /** The newest fund list of a plan, when there is one. */
  readonly fundList: (planId: string) => FundList | null;
}

const YEARS_IN_NAME = /\b(19|20)\d{2}\b/g;
const GLIDE_TYPES = new Set(["target_enrollment", "age_based"]);

function fromFundList(list: FundList, enrollmentYear: number): { ratio: number; source: string } | null {
  const candidates = list.options.filter((o) => GLIDE_TYPES.has(o.type) && o.expenseRatio !== null);
  let best: { ratio: number; name: string; distance: number } | null = null;
  for (const option of candidates) {
    const years = [...option.name.matchAll(YEARS_IN_NAME)].map((m) => Number(m[0]));
    if (years.length === 0) continue;
    const distance = Math.min(...years.map((y) => Math.abs(y - enrollmentYear)));
    if (best === null || distance < best.distance)
      best = { ratio: option.expenseRatio!, name: option.name, distance };
  }
  if (best) return { ratio: best.ratio, source: `fund list v${list.version}: ${best.name}` };
  if (candidates.length === 0) return null;
  const sorted = candidates.map((o) => o.expenseRatio!).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return {
    ratio: median,
    source: `fund list v${list.version}: median of ${candidates.length} age-based options`,
  };
}

const WAIVED_FOR_RESIDENTS = /(waived (for|if).*resident|for non-?residents)/i;

/** The fee figures the comparison uses for one plan, and where they come from. */
export function planFees(
  plan: Plan529,
  list: FundList | null,
  enrollmentYear: number,
  residentState: string,
): PlanFees {
  const listed = list ? fromFundList(list, enrollmentYear) : null;
  const range = plan.ageBasedFees ?? plan.allOptionsFees;
  const expense = listed
    ? { ratio: listed.ratio, source: listed.source }
    : range
      ? {
          ratio: (range.min + range.max) / 2,
          source: `midpoint of ${(range.min * 100).toFixed(2)}-${(range.max * 100).toFixed(2)}% (${range.scope})${plan.ageBasedFees ? "" : ", not specific to age-based portfolios"}`,
        }
      : { ratio: null, source: "no expense ratio in the data" };
  const waived = plan.state === residentState && WAIVED_FOR_RESIDENTS.test(plan.accountFeeNote ?? "");
  return {
    expenseRatio: expense.ratio,
    expenseSource: expense.source,
    accountFee: waived || plan.accountFee === null ? Money.ZERO : plan.accountFee,
    accountFeeKnown: plan.accountFee !== null,
  };
}

function taxSavedOverYears(household: Household, rule: State529Rule, planState: string) {
  let carry = Money.ZERO;
  let total = Money.ZERO;
  let first: StateBenefit | null = null;
  for (let year = 0; year < household.yearsToEnrollment; year++) {
    const benefit = stateTaxBenefit(rule, {
      planState,
      contribution: household.annualContribution,
      filing: household.filing,
      beneficiaries: household.beneficiaries,
      taxYear: household.taxYear,
      marginalRate: household.marginalRate,
      income: household.income,
      priorCarryforward: carry,
    });
    first ??= benefit;
    total = total.add(benefit.taxSaved);
    carry = benefit.carryforward;
  }
  return { total, first };
}

function benefitKind(rule: State529Rule, plan: Plan529): string {
  const kind = rule.benefitType === "credit" ? "credit" : "deduction";
  return plan.state === rule.state ? `home-state ${kind}` : `${rule.state} parity ${kind}`;
}

function reasonFor(
  row: Omit<PlanComparison, "reason" | "rank" | "tied">,
  cheapest: Omit<PlanComparison, "reason" | "rank" | "tied"> | null,
  rule: State529Rule,
  years: number,
): string {
  if (row.feeDrag === null)
    return `fee data missing (${row.fees.expenseSource}); tax benefit ${row.firstYearTaxSaved.format({ cents: false })} a year`;
  const perYear = row.firstYearTaxSaved.format({ cents: false });
  const drag = row.feeDrag.format({ cents: false });
  if (cheapest === null || cheapest.feeDrag === null) return `${drag} in fees over ${years} years`;
  const more = row.feeDrag.subtract(cheapest.feeDrag);
  const isCheapest = more.compare(Money.ZERO) <= 0;
  if (row.firstYearTaxSaved.isZero()) {
    const why = row.benefitNotes[0] ?? `no ${rule.state} tax benefit`;
    return isCheapest
      ? `lowest fees (${drag} over ${years} years); ${why}`
      : `${why}; ${more.format({ cents: false })} more in fees than ${cheapest.plan.name}`;
  }
  const kind = benefitKind(rule, row.plan);
  if (isCheapest) return `${kind} worth ${perYear} a year and the lowest fees (${drag} over ${years} years)`;
  const verb = row.taxSaved.compare(more) >= 0 ? "outweighs" : "does not make up for";
  return `${kind} worth ${perYear} a year ${verb} ${more.format({ cents: false })} more in fees than ${cheapest.plan.name}`;
}

export function compareStatePlans(household: Household, inputs: ComparisonInputs): PlanComparison[] {
  const returns = pathReturns(household.yearsToEnrollment, household.risk, inputs.returns);
  const monthly = household.annualContribution.toNumber() / 12;
  const start = household.currentBalance.toNumber();
  const gross = projectBalance(start, monthly, returns);
  const benefitByState = new Map<string, ReturnType<typeof taxSavedOverYears>>();
  const rows = inputs.plans.map((plan) => {
    const fees = planFees(plan, inputs.fundList(plan.id), household.enrollmentYear, household.residentState);
    let benefit = benefitByState.get(plan.state);
    if (!benefit) {
      benefit = taxSavedOverYears(household, inputs.rule, plan.state);
      benefitByState.set(plan.state, benefit);
    }
    const feeDrag =
      fees.expenseRatio === null
        ? null
        : Money.fromNumber(
            gross - projectBalance(start, monthly, returns, fees.expenseRatio, fees.accountFee.toNumber()),
          );
    return {
      plan,
      fees,
      firstYearTaxSaved: benefit.first?.taxSaved ?? Money.ZERO,
      taxSaved: benefit.total,
      feeDrag,
      netValue: feeDrag === null ? null : benefit.total.subtract(feeDrag),
      benefitNotes: benefit.first?.notes ?? [],
    };
  });
  const priced = rows.filter((r) => r.netValue !== null);
  const cheapest = priced.reduce<(typeof rows)[number] | null>(
    (best, r) => (best === null || r.feeDrag!.compare(best.feeDrag!) < 0 ? r : best),
    null,
  );
  priced.sort((a, b) => b.netValue!.compare(a.netValue!) || a.plan.id.localeCompare(b.plan.id));
  const ranked: PlanComparison[] = priced.map((r, i) => {
    const same = (p: (typeof rows)[number]) => p.netValue!.compare(r.netValue!) === 0;
    const first = i > 0 && same(priced[i - 1]!) ? priced.findIndex(same) : i;
    const tied = first < i || (i + 1 < priced.length && same(priced[i + 1]!));
    const reason = reasonFor(r, cheapest, inputs.rule, household.yearsToEnrollment);
    return { ...r, rank: first + 1, tied, reason };
  });
  const unpriced = rows
    .filter((r) => r.netValue === null)
    .sort((a, b) => b.taxSaved.compare(a.taxSaved) || a.plan.id.localeCompare(b.plan.id))
    .map((r) => ({
      ...r,
      rank: null,
      tied: false,
      reason: reasonFor(r, cheapest, inputs.rule, household.yearsToEnrollment),
    }));
  return [...ranked, ...unpriced];
}
