import type { Correction, RetirementProfile } from "../api/retirement-types.ts";
import { addCents } from "./retirement-cents.ts";

/**
 * What a suggested correction changes in the stored profile, as the fields of POST
 * /api/retirement/gap: the what-if is the stored profile with these fields replaced. Money stays a
 * decimal string (sums in whole cents), ages go as years with months as a fraction of 12.
 */
export type ProfileChange = Partial<
  Pick<RetirementProfile, "monthly_contribution" | "retirement_age" | "desired_income" | "return">
>;

/** A correction as a what-if: the change to try, or why it cannot be tried on the gap. */
export type WhatIf = { readonly change: ProfileChange } | { readonly unavailable: string };

export function whatIfOf(correction: Correction, profile: RetirementProfile): WhatIf {
  switch (correction.type) {
    case "save_more":
      return { change: { monthly_contribution: correction.new_monthly_contribution } };
    case "retire_later":
      return correction.new_retirement_age_months === null
        ? { unavailable: "The profile has no age to move the retirement date from." }
        : { change: { retirement_age: correction.new_retirement_age_months / 12 } };
    case "spend_less":
      return { change: { desired_income: correction.new_desired_income } };
    case "higher_return":
      return { change: { return: correction.new_return } };
    case "combination":
      return {
        change: {
          monthly_contribution: addCents(profile.monthly_contribution, correction.extra_monthly),
          retirement_age: (retirementAgeMonths(profile) + correction.delay_months) / 12,
          desired_income: addCents(profile.desired_income, `-${correction.reduction}`),
        },
      };
    case "claim_ss_later":
      return {
        unavailable:
          "No what-if: the gap calculation does not count the years the portfolio pays before a later claim, so it would flatter this move.",
      };
  }
}

/** The profile's retirement age in whole months (the API rounds it to 4 places: 797 months is 66.4167). */
function retirementAgeMonths(profile: RetirementProfile): number {
  return Math.round(profile.retirement_age * 12);
}

/**
 * The gap request for the stored profile with `change` applied (no stored nulls sent). The age goes
 * as months ÷ 12, not the rounded years, which the gap endpoint would refuse as not whole months.
 */
export function whatIfRequest(profile: RetirementProfile, change: ProfileChange): Record<string, unknown> {
  const { social_security, salary, revision: _revision, ...rest } = profile;
  return {
    ...rest,
    retirement_age: retirementAgeMonths(profile) / 12,
    ...(social_security === null ? {} : { social_security }),
    ...(salary === null ? {} : { salary }),
    ...change,
  };
}
