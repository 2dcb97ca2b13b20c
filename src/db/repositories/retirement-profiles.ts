import { asDecimalText, asInteger, asIsoDate, type Queryable } from "../database.ts";

/** A household's stored retirement inputs, as exact text (money, rates) and ISO dates. */
export interface RetirementProfileRow {
  readonly birthDate: string;
  readonly retirementAgeMonths: number;
  readonly savings: string;
  readonly monthlyContribution: string;
  readonly desiredIncome: string;
  readonly socialSecurity: string | null;
  readonly salary: string | null;
  readonly expectedReturn: string;
}

/** A stored profile with its revision, raised by every save (see migration 0005). */
export interface StoredRetirementProfile extends RetirementProfileRow {
  readonly revision: number;
}

export async function findRetirementProfile(
  db: Queryable,
  householdId: string,
): Promise<StoredRetirementProfile | null> {
  const [row] = await db.query("SELECT * FROM retirement_profiles WHERE household_id = $1", [householdId]);
  if (!row) return null;
  const optional = (value: unknown) => (value === null ? null : asDecimalText(value));
  return {
    birthDate: asIsoDate(row.birth_date),
    retirementAgeMonths: asInteger(row.retirement_age_months),
    savings: asDecimalText(row.savings),
    monthlyContribution: asDecimalText(row.monthly_contribution),
    desiredIncome: asDecimalText(row.desired_income),
    socialSecurity: optional(row.social_security),
    salary: optional(row.salary),
    expectedReturn: asDecimalText(row.expected_return),
    revision: asInteger(row.revision),
  };
}

const PROFILE_COLUMNS = `household_id, birth_date, retirement_age_months, savings, monthly_contribution,
  desired_income, social_security, salary, expected_return`;
const PROFILE_UPDATE = `birth_date = $2, retirement_age_months = $3, savings = $4, monthly_contribution = $5,
  desired_income = $6, social_security = $7, salary = $8, expected_return = $9, updated_at = now(),
  revision = retirement_profiles.revision + 1`;

/**
 * Saves a household's profile and answers its new revision. With `ifRevision`, the save happens
 * only when the stored profile is still at that revision (0: only when nothing is stored yet);
 * otherwise nothing is written and the answer is null.
 */
export async function saveRetirementProfile(
  db: Queryable,
  householdId: string,
  p: RetirementProfileRow,
  ifRevision?: number,
): Promise<number | null> {
  const values = [
    householdId,
    p.birthDate,
    p.retirementAgeMonths,
    p.savings,
    p.monthlyContribution,
    p.desiredIncome,
    p.socialSecurity,
    p.salary,
    p.expectedReturn,
  ];
  const insert = `INSERT INTO retirement_profiles (${PROFILE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;
  const [saved] =
    ifRevision === undefined
      ? await db.query(
          `${insert} ON CONFLICT (household_id) DO UPDATE SET ${PROFILE_UPDATE} RETURNING revision`,
          values,
        )
      : ifRevision === 0
        ? await db.query(`${insert} ON CONFLICT (household_id) DO NOTHING RETURNING revision`, values)
        : await db.query(
            `UPDATE retirement_profiles SET ${PROFILE_UPDATE} WHERE household_id = $1 AND revision = $10 RETURNING revision`,
            [...values, ifRevision],
          );
  return saved ? asInteger(saved.revision) : null;
}
