import { asDecimalText, asIsoDate, type Queryable } from "../database.ts";
import type { User } from "./users.ts";

export interface HouseholdMember {
  readonly id: string;
  readonly name: string;
  readonly relationship: "self" | "spouse" | "child" | "other";
  readonly birthDate: string | null;
  readonly userId: string | null;
}

export interface Household {
  readonly id: string;
  readonly name: string;
  readonly state: string | null;
  readonly filingStatus: "single" | "mfj" | null;
  /** Exact decimal text of the annual income, or null. */
  readonly annualIncome: string | null;
}

interface HouseholdRow extends Record<string, unknown> {
  id: string;
  name: string;
  state: string | null;
  filing_status: "single" | "mfj" | null;
  annual_income: unknown;
}

function toHousehold(row: HouseholdRow): Household {
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    filingStatus: row.filing_status,
    annualIncome: row.annual_income === null ? null : asDecimalText(row.annual_income),
  };
}

export async function insertHousehold(db: Queryable, household: Household): Promise<void> {
  await db.query(
    "INSERT INTO households (id, name, state, filing_status, annual_income) VALUES ($1, $2, $3, $4, $5)",
    [household.id, household.name, household.state, household.filingStatus, household.annualIncome],
  );
}

export async function insertMember(
  db: Queryable,
  householdId: string,
  member: HouseholdMember,
): Promise<void> {
  await db.query(
    "INSERT INTO household_members (id, household_id, user_id, name, relationship, birth_date) VALUES ($1, $2, $3, $4, $5, $6)",
    [member.id, householdId, member.userId, member.name, member.relationship, member.birthDate],
  );
}

export async function linkPlanner(db: Queryable, plannerId: string, householdId: string): Promise<void> {
  await db.query(
    "INSERT INTO planner_clients (planner_id, household_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    [plannerId, householdId],
  );
}

/**
 * The SQL condition for "households this user may see", as one place for every query:
 * a client their own household, a planner the households linked to them, an admin all.
 */
export function visibility(user: User, alias: string, param: string): string {
  switch (user.role) {
    case "admin":
      // Always true; still mentions the parameter so every query binds it the same way.
      return `${param}::uuid IS NOT NULL`;
    case "planner":
      return `EXISTS (SELECT 1 FROM planner_clients pc WHERE pc.household_id = ${alias}.id AND pc.planner_id = ${param})`;
    case "client":
      return `EXISTS (SELECT 1 FROM household_members m WHERE m.household_id = ${alias}.id AND m.user_id = ${param})`;
  }
}

export async function listVisibleHouseholds(
  db: Queryable,
  user: User,
  limit: number,
  offset: number,
): Promise<{ items: Household[]; total: number }> {
  const where = visibility(user, "h", "$1");
  const rows = await db.query<HouseholdRow>(
    `SELECT h.* FROM households h WHERE ${where} ORDER BY h.name, h.id LIMIT $2 OFFSET $3`,
    [user.id, limit, offset],
  );
  const [count] = await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM households h WHERE ${where}`, [
    user.id,
  ]);
  return { items: rows.map(toHousehold), total: Number(count?.n ?? 0) };
}

/** The household if this user may see it; null otherwise (callers answer 404 either way). */
export async function findVisibleHousehold(db: Queryable, user: User, id: string): Promise<Household | null> {
  const [row] = await db.query<HouseholdRow>(
    `SELECT h.* FROM households h WHERE h.id = $2 AND ${visibility(user, "h", "$1")}`,
    [user.id, id],
  );
  return row ? toHousehold(row) : null;
}

/** The household's gross annual income as exact decimal text, or null when not recorded. */
export async function householdIncome(db: Queryable, householdId: string): Promise<string | null> {
  const [row] = await db.query<{ annual_income: unknown }>(
    "SELECT annual_income FROM households WHERE id = $1",
    [householdId],
  );
  return row && row.annual_income !== null ? asDecimalText(row.annual_income) : null;
}

export async function listMembers(db: Queryable, householdId: string): Promise<HouseholdMember[]> {
  const rows = await db.query<{
    id: string;
    name: string;
    relationship: HouseholdMember["relationship"];
    birth_date: unknown;
    user_id: string | null;
  }>(
    "SELECT id, name, relationship, birth_date, user_id FROM household_members WHERE household_id = $1 ORDER BY name",
    [householdId],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    relationship: r.relationship,
    birthDate: r.birth_date === null ? null : asIsoDate(r.birth_date),
    userId: r.user_id,
  }));
}

export async function updateHousehold(db: Queryable, household: Household): Promise<void> {
  await db.query(
    "UPDATE households SET name = $2, state = $3, filing_status = $4, annual_income = $5 WHERE id = $1",
    [household.id, household.name, household.state, household.filingStatus, household.annualIncome],
  );
}
