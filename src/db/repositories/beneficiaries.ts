import { asDecimalText, asIsoDate, type Queryable } from "../database.ts";

/** A child (or other beneficiary) saving for college in a household. Money as exact text. */
export interface Beneficiary {
  readonly id: string;
  readonly name: string;
  readonly birthDate: string;
  readonly planId: string | null;
  readonly balance: string;
  readonly monthlyContribution: string;
}

interface Row extends Record<string, unknown> {
  id: string;
  name: string;
  birth_date: unknown;
  plan_id: string | null;
  balance: unknown;
  monthly_contribution: unknown;
}

function toBeneficiary(row: Row): Beneficiary {
  return {
    id: row.id,
    name: row.name,
    birthDate: asIsoDate(row.birth_date),
    planId: row.plan_id,
    balance: asDecimalText(row.balance),
    monthlyContribution: asDecimalText(row.monthly_contribution),
  };
}

export async function insertBeneficiary(db: Queryable, householdId: string, b: Beneficiary): Promise<void> {
  await db.query(
    `INSERT INTO beneficiaries (id, household_id, name, birth_date, plan_id, balance, monthly_contribution)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [b.id, householdId, b.name, b.birthDate, b.planId, b.balance, b.monthlyContribution],
  );
}

/** Rewrites a beneficiary of this household (the id and household never change). */
export async function updateBeneficiary(db: Queryable, householdId: string, b: Beneficiary): Promise<void> {
  await db.query(
    `UPDATE beneficiaries SET name = $3, birth_date = $4, plan_id = $5, balance = $6, monthly_contribution = $7
     WHERE household_id = $1 AND id = $2`,
    [householdId, b.id, b.name, b.birthDate, b.planId, b.balance, b.monthlyContribution],
  );
}

export async function listBeneficiaries(db: Queryable, householdId: string): Promise<Beneficiary[]> {
  const rows = await db.query<Row>(
    "SELECT * FROM beneficiaries WHERE household_id = $1 ORDER BY birth_date, name",
    [householdId],
  );
  return rows.map(toBeneficiary);
}

/** The beneficiary only when it belongs to this household (callers answer 404 otherwise). */
export async function findBeneficiary(
  db: Queryable,
  householdId: string,
  id: string,
): Promise<Beneficiary | null> {
  const [row] = await db.query<Row>("SELECT * FROM beneficiaries WHERE household_id = $1 AND id = $2", [
    householdId,
    id,
  ]);
  return row ? toBeneficiary(row) : null;
}
