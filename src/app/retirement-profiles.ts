import { z } from "zod";
import { type CalendarDate, formatIsoDate } from "../core/dates.ts";
import { StaleWriteError, ValidationError } from "../core/errors.ts";
import { Money } from "../core/money.ts";
import { ageInMonths, isoDate, money, rate, validate } from "../core/validation.ts";
import type { ReferenceData } from "../data/reference-data.ts";
import type { Queryable } from "../db/database.ts";
import { householdIncome } from "../db/repositories/households.ts";
import {
  findRetirementProfile,
  type RetirementProfileRow,
  type StoredRetirementProfile,
  saveRetirementProfile,
} from "../db/repositories/retirement-profiles.ts";
import { type GapAnswer, gapRequest, retirementGapFor } from "./retirement.ts";
import type { MonteCarloSettings } from "./retirement-simulation.ts";

/**
 * A household's retirement profile: the inputs of the gap engine kept between reviews. What GET
 * answers can be sent back as it is: null stands for an input not given, and `revision` is read
 * from If-Match, not the body.
 */
export const retirementProfileRequest = z.object({
  birth_date: isoDate,
  retirement_age: ageInMonths({ min: 40, max: 80 }),
  savings: money({ min: Money.ZERO }),
  monthly_contribution: money({ min: Money.ZERO }),
  desired_income: money({ min: Money.fromDollars(1) }),
  social_security: money({ min: Money.ZERO }).nullish(),
  salary: money({ min: Money.ZERO }).nullish(),
  return: rate({ min: -0.5, max: 0.5 }),
});
export type RetirementProfileRequest = z.output<typeof retirementProfileRequest>;

/** The profile in its wire form (snake_case, money as decimal strings), as GET returns it. */
export function profileJson(row: RetirementProfileRow) {
  return {
    birth_date: row.birthDate,
    retirement_age: Math.round((row.retirementAgeMonths / 12) * 10_000) / 10_000,
    savings: Money.parse(row.savings).toString(),
    monthly_contribution: Money.parse(row.monthlyContribution).toString(),
    desired_income: Money.parse(row.desiredIncome).toString(),
    social_security: row.socialSecurity === null ? null : Money.parse(row.socialSecurity).toString(),
    salary: row.salary === null ? null : Money.parse(row.salary).toString(),
    return: Number(row.expectedReturn),
  };
}

/**
 * Replaces a household's profile. `ifRevision` (from HTTP If-Match) makes the save conditional on
 * the stored profile still being the one the caller read, so a stale editor cannot overwrite a
 * newer save; 0 means the caller saw no profile.
 */
export async function putRetirementProfile(
  db: Queryable,
  householdId: string,
  request: RetirementProfileRequest,
  ifRevision?: number,
): Promise<StoredRetirementProfile> {
  if (request.social_security == null && request.salary == null) {
    throw new ValidationError(
      "social_security",
      "give the expected annual benefit, or a salary to estimate it from",
    );
  }
  const row: RetirementProfileRow = {
    birthDate: formatIsoDate(request.birth_date),
    retirementAgeMonths: request.retirement_age,
    savings: request.savings.toString(),
    monthlyContribution: request.monthly_contribution.toString(),
    desiredIncome: request.desired_income.toString(),
    socialSecurity: request.social_security?.toString() ?? null,
    salary: request.salary?.toString() ?? null,
    expectedReturn: String(request.return),
  };
  const revision = await saveRetirementProfile(db, householdId, row, ifRevision);
  if (revision === null) {
    throw new StaleWriteError(
      ifRevision === 0
        ? "this household already has a retirement profile; load it and apply the change again"
        : `the retirement profile changed since revision ${ifRevision} was read; load it and apply the change again`,
    );
  }
  return { ...row, revision };
}

/** The gap for a household's stored profile, as of `today`; null when it has no profile yet. */
export async function householdGap(
  db: Queryable,
  householdId: string,
  refs: ReferenceData,
  today: CalendarDate,
  options: { readonly corrections?: boolean } = {},
): Promise<GapAnswer | null> {
  const row = await findRetirementProfile(db, householdId);
  if (!row) return null;
  // The household's income lets "save more" say what share of it the saving takes, and whether it fits.
  const income = await householdIncome(db, householdId);
  return profileGap(row, refs, today, { ...options, income });
}

/**
 * The gap for a stored profile, as of `today`; `simulation` adds a seeded Monte Carlo run of it
 * (see retirement-simulation.ts).
 */
export function profileGap(
  row: RetirementProfileRow,
  refs: ReferenceData,
  today: CalendarDate,
  options: {
    readonly corrections?: boolean;
    readonly simulation?: Required<MonteCarloSettings>;
    /** The household's gross annual income (decimal text), when known. */
    readonly income?: string | null;
  } = {},
): GapAnswer {
  const wire = profileJson(row);
  const request = validate(gapRequest, {
    birth_date: wire.birth_date,
    retirement_age: row.retirementAgeMonths / 12,
    savings: wire.savings,
    monthly_contribution: wire.monthly_contribution,
    desired_income: wire.desired_income,
    social_security: wire.social_security ?? undefined,
    salary: wire.salary ?? undefined,
    return: wire.return,
    // An income of 0 on record says nothing about what the household can save.
    ...(options.income && !Money.parse(options.income).isZero() ? { income: options.income } : {}),
    ...(options.simulation ? { simulate: "monte-carlo", ...options.simulation } : {}),
  });
  return retirementGapFor(request, null, refs, today, options);
}

export { findRetirementProfile };
