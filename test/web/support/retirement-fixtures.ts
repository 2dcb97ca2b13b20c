import type { RetirementProfile } from "../../../web/src/api/retirement-types.ts";

/**
 * A stored profile as GET retirement-profile answers it, with a stated Social Security benefit and
 * no salary (null), retiring at 797 months, which the API rounds to 66.4167 years: 66.4167 × 12 is
 * not a whole number of months, so a request must send the age as 797 / 12.
 */
export const STATED_PROFILE: RetirementProfile = {
  birth_date: "1981-03-14",
  retirement_age: 66.4167,
  savings: "350000.00",
  monthly_contribution: "2000.00",
  desired_income: "120000.00",
  social_security: "30000.00",
  salary: null,
  return: 0.05,
  revision: 3,
};
