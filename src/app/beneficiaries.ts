import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ageInYears, type CalendarDate, formatIsoDate, parseIsoDate } from "../core/dates.ts";
import { ValidationError } from "../core/errors.ts";
import { Money } from "../core/money.ts";
import { isoDate, money, validate } from "../core/validation.ts";
import type { EducationReferenceData } from "../data/reference-data.ts";
import type { Queryable } from "../db/database.ts";
import { type Beneficiary, insertBeneficiary } from "../db/repositories/beneficiaries.ts";
import {
  contributionPlanFor,
  MAX_BENEFICIARY_AGE,
  type PlanAnswer,
  planFor,
  planRequest,
  type RecommendAnswer,
  recommendFor,
  recommendRequest,
} from "./education.ts";

/** A household's 529 beneficiaries, and the college plan for each from what is stored. */

export const beneficiaryRequest = z.object({
  name: z.string({ error: "is required" }).trim().min(1, { error: "is required" }).max(120),
  birth_date: isoDate,
  plan_id: z.string().trim().toLowerCase().optional(),
  balance: money({ min: Money.ZERO }).optional(),
  monthly_contribution: money({ min: Money.ZERO }).optional(),
});
export type BeneficiaryRequest = z.output<typeof beneficiaryRequest>;

export function beneficiaryJson(b: Beneficiary) {
  return {
    id: b.id,
    name: b.name,
    birth_date: b.birthDate,
    plan_id: b.planId,
    balance: Money.parse(b.balance).toString(),
    monthly_contribution: Money.parse(b.monthlyContribution).toString(),
  };
}

export async function addBeneficiary(
  db: Queryable,
  householdId: string,
  request: BeneficiaryRequest,
  refs: EducationReferenceData,
  today: CalendarDate,
): Promise<Beneficiary> {
  const age = ageInYears(request.birth_date, today);
  if (age < 0) throw new ValidationError("birth_date", "is in the future");
  if (age > MAX_BENEFICIARY_AGE)
    throw new ValidationError("birth_date", `gives an age over ${MAX_BENEFICIARY_AGE}`);
  if (request.plan_id !== undefined) planFor(refs, request.plan_id, "plan_id");
  const beneficiary: Beneficiary = {
    id: randomUUID(),
    name: request.name,
    birthDate: formatIsoDate(request.birth_date),
    planId: request.plan_id ?? null,
    balance: (request.balance ?? Money.ZERO).toString(),
    monthlyContribution: (request.monthly_contribution ?? Money.ZERO).toString(),
  };
  await insertBeneficiary(db, householdId, beneficiary);
  return beneficiary;
}

/** What college to plan for: a named College Board average or a cost the family gives. */
export const collegeChoice = z.object({
  college: z.enum(["public-in-state", "public-out-of-state", "private"]).optional(),
  annual_cost: money({ min: Money.fromDollars(1) }).optional(),
});

export interface CollegePlan {
  readonly beneficiary: Beneficiary;
  readonly recommendation: RecommendAnswer;
  readonly plan: PlanAnswer;
}

/** The glide-path recommendation and contribution plan for a stored beneficiary, as of `today`. */
export function collegePlanFor(
  beneficiary: Beneficiary,
  choice: z.output<typeof collegeChoice>,
  refs: EducationReferenceData,
  today: CalendarDate,
): CollegePlan {
  const birth = parseIsoDate(beneficiary.birthDate);
  const asOf = formatIsoDate(today);
  const recommendation = recommendFor(
    validate(recommendRequest, {
      birth_date: beneficiary.birthDate,
      as_of: asOf,
      ...(beneficiary.planId ? { plan: beneficiary.planId } : {}),
    }),
    refs,
  );
  const plan = contributionPlanFor(
    validate(planRequest, {
      age: ageInYears(birth, today),
      balance: beneficiary.balance,
      monthly: beneficiary.monthlyContribution,
      college: choice.college,
      annual_cost: choice.annual_cost?.toString(),
      as_of: asOf,
    }),
    refs,
  );
  return { beneficiary, recommendation, plan };
}
