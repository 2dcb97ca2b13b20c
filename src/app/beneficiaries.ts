import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ageInYears, type CalendarDate, formatIsoDate, parseIsoDate } from "../core/dates.ts";
import { ValidationError } from "../core/errors.ts";
import { Money } from "../core/money.ts";
import { isoDate, money, validate } from "../core/validation.ts";
import type { EducationReferenceData } from "../data/reference-data.ts";
import type { Queryable } from "../db/database.ts";
import { type Beneficiary, insertBeneficiary, updateBeneficiary } from "../db/repositories/beneficiaries.ts";
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
  checkBeneficiary(request, refs, today);
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

/** A change to a beneficiary: any of the fields it was added with, at least one. */
export const beneficiaryChange = beneficiaryRequest
  .partial()
  .refine((change) => Object.values(change).some((value) => value !== undefined), {
    error: "give at least one of name, birth_date, plan_id, balance, monthly_contribution",
  });
export type BeneficiaryChange = z.output<typeof beneficiaryChange>;

/** The rules a beneficiary must meet when added and after every change. */
function checkBeneficiary(
  b: { birth_date?: CalendarDate | undefined; plan_id?: string | undefined },
  refs: EducationReferenceData,
  today: CalendarDate,
): void {
  if (b.birth_date !== undefined) {
    const age = ageInYears(b.birth_date, today);
    if (age < 0) throw new ValidationError("birth_date", "is in the future");
    if (age > MAX_BENEFICIARY_AGE)
      throw new ValidationError("birth_date", `gives an age over ${MAX_BENEFICIARY_AGE}`);
  }
  if (b.plan_id !== undefined) planFor(refs, b.plan_id, "plan_id");
}

/** `beneficiary` with `change` applied and checked, stored; the fields left out stay as they were. */
export async function changeBeneficiary(
  db: Queryable,
  householdId: string,
  beneficiary: Beneficiary,
  change: BeneficiaryChange,
  refs: EducationReferenceData,
  today: CalendarDate,
): Promise<Beneficiary> {
  checkBeneficiary(change, refs, today);
  const changed: Beneficiary = {
    ...beneficiary,
    ...(change.name === undefined ? {} : { name: change.name }),
    ...(change.birth_date === undefined ? {} : { birthDate: formatIsoDate(change.birth_date) }),
    ...(change.plan_id === undefined ? {} : { planId: change.plan_id }),
    ...(change.balance === undefined ? {} : { balance: change.balance.toString() }),
    ...(change.monthly_contribution === undefined
      ? {}
      : { monthlyContribution: change.monthly_contribution.toString() }),
  };
  await updateBeneficiary(db, householdId, changed);
  return changed;
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
