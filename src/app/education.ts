import Decimal from "decimal.js";
import { z } from "zod";
import type { CalendarDate } from "../core/dates.ts";
import {
  type ContributionPlan,
  DEFAULT_COST_INFLATION,
  giftExclusionFor,
  planContributions,
} from "../core/education/contribution-planner.ts";
import {
  DEFAULT_ENROLLMENT_AGE,
  type EnrollmentTiming,
  enrollmentTiming,
} from "../core/education/enrollment.ts";
import { diffFundLists, type FundList, type FundListDiff } from "../core/education/fund-list.ts";
import { type ImportProblem, parseFundList } from "../core/education/fund-list-import.ts";
import { type FundValidation, FundValidator, type Selection } from "../core/education/fund-validator.ts";
import {
  type Allocation,
  type GlidePathYear,
  glidePath,
  RISK_TOLERANCES,
  recommendAllocation,
} from "../core/education/glide-path.ts";
import { COLLEGE_TYPES, type CollegeType, type Plan529 } from "../core/education/plan.ts";
import { bestPlanPortfolio, type PortfolioMatch } from "../core/education/plan-portfolio-match.ts";
import { compareStatePlans, type PlanComparison } from "../core/education/state-plan-comparator.ts";
import { ValidationError } from "../core/errors.ts";
import { Money } from "../core/money.ts";
import {
  keepsStateBenefit,
  type State529Rule,
  type StateBenefit,
  stateTaxBenefit,
} from "../core/tax/state-529-benefit.ts";
import { integer, isoDate, money, rate } from "../core/validation.ts";
import type { FundListStore } from "../data/fund-list-store.ts";
import type { EducationReferenceData } from "../data/reference-data.ts";

/**
 * 529 use cases shared by the CLI and the HTTP API: one request schema each (snake_case keys,
 * values as text or JSON numbers), validated at the edge, then the pure engines.
 */

export const MAX_BENEFICIARY_AGE = 30;
export const DEFAULT_ANNUAL_CONTRIBUTION = Money.fromDollars(6000);
/** The tax years the state rule data covers (2025, with 2026 values where published). */
export const TAX_YEARS = { min: 2025, max: 2026 };

const age = integer({ min: 0, max: MAX_BENEFICIARY_AGE });
const enrollmentAge = integer({ min: 14, max: MAX_BENEFICIARY_AGE }).default(DEFAULT_ENROLLMENT_AGE);
const risk = z
  .enum(RISK_TOLERANCES as [string, ...string[]], { message: "must be conservative, moderate or aggressive" })
  .default("moderate")
  .transform((r) => r as (typeof RISK_TOLERANCES)[number]);
const filing = z.enum(["single", "mfj"], { message: 'must be "single" or "mfj"' }).default("single");
const stateCode = z
  .string({ message: "is required (a two-letter code such as NY)" })
  .transform((s) => s.trim().toUpperCase());
const taxYear = integer(TAX_YEARS).optional();

function ruleFor(refs: EducationReferenceData, state: string, field: string): State529Rule {
  const rule = refs.stateRules.byState.get(state);
  if (!rule)
    throw new ValidationError(field, `unknown state "${state}" (use a two-letter code such as NY or DC)`);
  return rule;
}

export function planFor(refs: EducationReferenceData, id: string, field = "plan"): Plan529 {
  const plan = refs.plans.find((p) => p.id === id.trim().toLowerCase());
  if (!plan) {
    throw new ValidationError(field, `unknown plan "${id}" (run "finplan 529 plans" for the plan ids)`);
  }
  return plan;
}

function timing(request: {
  age?: number | undefined;
  birth_date?: CalendarDate | undefined;
  as_of: CalendarDate;
  enrollment_age: number;
}): EnrollmentTiming {
  if (request.age === undefined && request.birth_date === undefined) {
    throw new ValidationError("age", "is required (or give a birth date)");
  }
  if (request.birth_date !== undefined) {
    const years = request.as_of.year - request.birth_date.year;
    if (years < 0) throw new ValidationError("birth_date", "is after the as-of date");
    if (years > MAX_BENEFICIARY_AGE)
      throw new ValidationError("birth_date", `gives an age over ${MAX_BENEFICIARY_AGE}`);
  }
  return enrollmentTiming({
    asOf: request.as_of,
    birthDate: request.birth_date,
    age: request.age,
    enrollmentAge: request.enrollment_age,
  });
}

function defaultTaxYear(asOf: CalendarDate): number {
  return Math.min(TAX_YEARS.max, Math.max(TAX_YEARS.min, asOf.year));
}

// ---------- Glide path ----------

export const recommendRequest = z.object({
  age: age.optional(),
  birth_date: isoDate.optional(),
  as_of: isoDate,
  risk,
  enrollment_age: enrollmentAge,
  plan: z.string().optional(),
});
export type RecommendRequest = z.output<typeof recommendRequest>;

export interface RecommendAnswer {
  readonly timing: EnrollmentTiming;
  readonly risk: string;
  readonly allocation: Allocation;
  readonly path: readonly GlidePathYear[];
  readonly plan: Plan529 | null;
  readonly planMatch: PortfolioMatch | null;
}

export function recommendFor(request: RecommendRequest, refs: EducationReferenceData): RecommendAnswer {
  const t = timing(request);
  const allocation = recommendAllocation(t.yearsToEnrollment, request.risk);
  const plan = request.plan === undefined ? null : planFor(refs, request.plan);
  return {
    timing: t,
    risk: request.risk,
    allocation,
    path: glidePath(request.risk, Math.max(18, t.yearsToEnrollment)),
    plan,
    planMatch: plan
      ? bestPlanPortfolio(refs.glidePaths, plan.id, t.yearsToEnrollment, allocation.equity)
      : null,
  };
}

// ---------- State tax benefit ----------

export const taxBenefitRequest = z.object({
  state: stateCode,
  contribution: money({ min: Money.ZERO }),
  plan_state: stateCode.optional(),
  filing,
  beneficiaries: integer({ min: 1, max: 20 }).default(1),
  marginal_rate: rate({ min: 0, max: 0.2 }).optional(),
  income: money({ min: Money.ZERO }).optional(),
  prior_carryforward: money({ min: Money.ZERO }).optional(),
  tax_year: taxYear,
  as_of: isoDate,
});
export type TaxBenefitRequest = z.output<typeof taxBenefitRequest>;

export interface TaxBenefitAnswer {
  readonly rule: State529Rule;
  readonly planState: string;
  readonly taxYear: number;
  readonly benefit: StateBenefit;
}

export function taxBenefitFor(request: TaxBenefitRequest, refs: EducationReferenceData): TaxBenefitAnswer {
  const rule = ruleFor(refs, request.state, "state");
  const planState = request.plan_state ?? rule.state;
  ruleFor(refs, planState, "plan_state");
  const year = request.tax_year ?? defaultTaxYear(request.as_of);
  const benefit = stateTaxBenefit(rule, {
    planState,
    contribution: request.contribution,
    filing: request.filing,
    beneficiaries: request.beneficiaries,
    taxYear: year,
    marginalRate:
      request.marginal_rate === undefined ? undefined : new Decimal(String(request.marginal_rate)),
    income: request.income,
    priorCarryforward: request.prior_carryforward,
  });
  return { rule, planState, taxYear: year, benefit };
}

// ---------- Plan comparison ----------

export const compareRequest = z.object({
  state: stateCode,
  age,
  contribution: money({ min: Money.ZERO }).default(DEFAULT_ANNUAL_CONTRIBUTION),
  balance: money({ min: Money.ZERO }).default(Money.ZERO),
  filing,
  beneficiaries: integer({ min: 1, max: 20 }).default(1),
  income: money({ min: Money.ZERO }).optional(),
  marginal_rate: rate({ min: 0, max: 0.2 }).optional(),
  risk,
  enrollment_age: enrollmentAge,
  tax_year: taxYear,
  as_of: isoDate,
});
export type CompareRequest = z.output<typeof compareRequest>;

export interface CompareAnswer {
  readonly rule: State529Rule;
  readonly timing: EnrollmentTiming;
  readonly annualContribution: Money;
  readonly taxYear: number;
  readonly rows: readonly PlanComparison[];
}

export function compareFor(
  request: CompareRequest,
  refs: EducationReferenceData,
  store: FundListStore,
): CompareAnswer {
  const rule = ruleFor(refs, request.state, "state");
  const t = timing(request);
  const year = request.tax_year ?? defaultTaxYear(request.as_of);
  const rows = compareStatePlans(
    {
      residentState: rule.state,
      yearsToEnrollment: t.yearsToEnrollment,
      enrollmentYear: t.enrollmentYear,
      annualContribution: request.contribution,
      currentBalance: request.balance,
      filing: request.filing,
      beneficiaries: request.beneficiaries,
      taxYear: year,
      income: request.income,
      marginalRate:
        request.marginal_rate === undefined ? undefined : new Decimal(String(request.marginal_rate)),
      risk: request.risk,
    },
    { plans: refs.plans, rule, returns: refs.returns, fundList: (id) => store.latest(id) },
  );
  return { rule, timing: t, annualContribution: request.contribution, taxYear: year, rows };
}

// ---------- Contribution plan ----------

export const planRequest = z.object({
  age,
  balance: money({ min: Money.ZERO }).default(Money.ZERO),
  monthly: money({ min: Money.ZERO }).default(Money.ZERO),
  annual_cost: money({ min: Money.fromDollars(1) }).optional(),
  college: z
    .enum(COLLEGE_TYPES as [CollegeType, ...CollegeType[]], {
      message: `must be one of ${COLLEGE_TYPES.join(", ")}`,
    })
    .optional(),
  inflation: rate({ min: 0, max: 0.2 }).default(DEFAULT_COST_INFLATION),
  risk,
  enrollment_age: enrollmentAge,
  as_of: isoDate,
});
export type PlanRequest = z.output<typeof planRequest>;

export interface PlanAnswer {
  readonly timing: EnrollmentTiming;
  readonly costSource: string;
  readonly returnsSource: string;
  readonly exclusionExact: boolean;
  readonly plan: ContributionPlan;
}

export function contributionPlanFor(request: PlanRequest, refs: EducationReferenceData): PlanAnswer {
  if ((request.annual_cost === undefined) === (request.college === undefined)) {
    throw new ValidationError("annual_cost", "give either --annual-cost or --college (not both)");
  }
  const t = timing(request);
  const costs = refs.collegeCosts;
  const annualCost = request.annual_cost ?? costs.annualCharges[request.college!];
  const costSource =
    request.annual_cost !== undefined
      ? "the annual cost given"
      : `College Board, ${costs.report}: average published tuition, fees, housing and food, ${request.college}, ${costs.academicYear}`;
  const { exclusion, exact } = giftExclusionFor(refs.giftExclusions, request.as_of.year);
  const plan = planContributions({
    yearsToEnrollment: t.yearsToEnrollment,
    currentBalance: request.balance,
    monthlyContribution: request.monthly,
    annualCostToday: annualCost,
    costInflation: request.inflation,
    risk: request.risk,
    returns: refs.returns,
    giftExclusion: exclusion,
  });
  return { timing: t, costSource, returnsSource: refs.returns.source, exclusionExact: exact, plan };
}

// ---------- Fund validation ----------

export const validateRequest = z.object({
  plan: z.string({ message: "is required" }),
  option: z.array(z.string()).min(1, { message: "give at least one --option" }),
  state: stateCode.optional(),
});
export type ValidateRequest = z.output<typeof validateRequest>;

export interface ValidateAnswer {
  readonly plan: Plan529;
  readonly validation: FundValidation;
  readonly stateBenefit: { readonly state: string; readonly keeps: string } | null;
}

/** `"name=60"` → name and weight 60; the last "=" separates, so names may contain "=". */
export function parseSelection(text: string): Selection {
  const at = text.lastIndexOf("=");
  if (at < 0) return { query: text.trim(), weight: null };
  const weight = text.slice(at + 1).trim();
  if (!/^\d+(\.\d+)?$/.test(weight)) {
    throw new ValidationError("option", `"${text}": the weight after "=" must be a percent such as 60`);
  }
  const query = text.slice(0, at).trim();
  if (query === "") throw new ValidationError("option", `"${text}" has no option name`);
  return { query, weight: new Decimal(weight) };
}

export function validateFor(
  request: ValidateRequest,
  refs: EducationReferenceData,
  store: FundListStore,
): ValidateAnswer {
  const plan = planFor(refs, request.plan);
  const versions = store.versions(plan.id);
  if (versions.length === 0) {
    throw new ValidationError(
      "plan",
      `no fund list for ${plan.id}; ingest one with "finplan 529 ingest-fund-list"`,
    );
  }
  const selections = request.option.map(parseSelection);
  const validation = new FundValidator(versions).validate(selections);
  const rule = request.state === undefined ? null : ruleFor(refs, request.state, "state");
  return {
    plan,
    validation,
    stateBenefit: rule ? { state: rule.state, keeps: keepsStateBenefit(rule, plan.state) } : null,
  };
}

// ---------- Fund-list ingestion ----------

export interface IngestAnswer {
  readonly plan: Plan529;
  readonly saved: FundList;
  readonly diff: FundListDiff;
}

/** A list that fails any check: nothing was stored. */
export class FundListRejected extends Error {
  override readonly name = "FundListRejected";
  constructor(readonly problems: readonly ImportProblem[]) {
    super(
      `the fund list was rejected (${problems.length} problem${problems.length === 1 ? "" : "s"}); nothing was stored`,
    );
  }
}

export function ingestFundList(
  input: { planId: string; content: string; format: "json" | "csv"; asOf: string; fileName: string },
  refs: EducationReferenceData,
  store: FundListStore,
): IngestAnswer {
  const plan = planFor(refs, input.planId);
  const parsed = parseFundList(input.content, input.format);
  if (!parsed.ok) throw new FundListRejected(parsed.problems);
  const previous = store.latest(plan.id);
  const saved = store.save(plan.id, {
    asOf: parsed.list.asOf ?? input.asOf,
    source: parsed.list.source ?? input.fileName,
    options: parsed.list.options,
  });
  return { plan, saved, diff: diffFundLists(previous, saved) };
}
