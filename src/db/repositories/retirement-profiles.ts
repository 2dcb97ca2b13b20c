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

export async function findRetirementProfile(
  db: Queryable,
  householdId: string,
): Promise<RetirementProfileRow | null> {
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
  };
}

export async function saveRetirementProfile(
  db: Queryable,
  householdId: string,
  p: RetirementProfileRow,
): Promise<void> {
  await db.query(
    `INSERT INTO retirement_profiles (household_id, birth_date, retirement_age_months, savings, monthly_contribution, desired_income,
       social_security, salary, expected_return, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
     ON CONFLICT (household_id) DO UPDATE SET birth_date = $2, retirement_age_months = $3, savings = $4, monthly_contribution = $5,
       desired_income = $6, social_security = $7, salary = $8, expected_return = $9, updated_at = now()`,
    [
      householdId,
      p.birthDate,
      p.retirementAgeMonths,
      p.savings,
      p.monthlyContribution,
      p.desiredIncome,
      p.socialSecurity,
      p.salary,
      p.expectedReturn,
    ],
  );
}
