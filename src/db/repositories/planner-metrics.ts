import type { Interaction, InteractionKind } from "../../core/planner/engagement.ts";
import { BUDGET_CATEGORIES } from "../../core/spending/categories.ts";
import { asDecimalText, asIsoDate, type Queryable } from "../database.ts";

/** Stored inputs of the planner relationship metrics (client interactions, targets, goals). */

export interface NewInteraction {
  readonly id: string;
  readonly householdId: string;
  readonly plannerId: string | null;
  readonly kind: InteractionKind;
  readonly occurredAt: Date;
  readonly responseMinutes: number | null;
}

export async function insertInteraction(db: Queryable, i: NewInteraction): Promise<void> {
  await db.query(
    `INSERT INTO client_interactions (id, household_id, planner_id, kind, occurred_at, response_minutes)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [i.id, i.householdId, i.plannerId, i.kind, i.occurredAt.toISOString(), i.responseMinutes],
  );
}

export async function listInteractionsSince(
  db: Queryable,
  householdId: string,
  since: Date,
): Promise<Interaction[]> {
  const rows = await db.query<{ kind: InteractionKind; occurred_at: unknown; response_minutes: unknown }>(
    `SELECT kind, occurred_at, response_minutes FROM client_interactions
     WHERE household_id = $1 AND occurred_at >= $2 ORDER BY occurred_at`,
    [householdId, since.toISOString()],
  );
  return rows.map((r) => ({
    kind: r.kind,
    occurredAt: new Date(r.occurred_at as string | Date).getTime(),
    responseMinutes: r.response_minutes === null ? null : Number(r.response_minutes),
  }));
}

/** The amount columns of a stored roll-up month. */
const ROLLUP_COLUMNS = [...BUDGET_CATEGORIES, "income", "uncategorized", "total_spending"] as const;

/** The latest monthly spending roll-up before `month` (YYYY-MM-01), every amount as text. */
export async function latestSpendingMonthBefore(
  db: Queryable,
  householdId: string,
  month: string,
): Promise<{ month: string; columns: Record<string, string> } | null> {
  const [row] = await db.query(
    `SELECT month, ${ROLLUP_COLUMNS.join(", ")} FROM spending_categories
     WHERE household_id = $1 AND month < $2 ORDER BY month DESC LIMIT 1`,
    [householdId, month],
  );
  if (!row) return null;
  const columns: Record<string, string> = {};
  for (const [name, value] of Object.entries(row)) {
    if (name !== "month") columns[name] = asDecimalText(value);
  }
  return { month: asIsoDate(row.month), columns };
}

export async function findSavingsTarget(db: Queryable, householdId: string): Promise<number | null> {
  const [row] = await db.query<{ savings_rate: unknown }>(
    "SELECT savings_rate FROM plan_targets WHERE household_id = $1",
    [householdId],
  );
  return row ? Number(asDecimalText(row.savings_rate)) : null;
}

export async function listBudgets(
  db: Queryable,
  householdId: string,
): Promise<{ category: string; amount: string }[]> {
  const rows = await db.query<{ category: string; monthly_amount: unknown }>(
    "SELECT category, monthly_amount FROM category_budgets WHERE household_id = $1 ORDER BY category",
    [householdId],
  );
  return rows.map((r) => ({ category: r.category, amount: asDecimalText(r.monthly_amount) }));
}

/** Each beneficiary's scheduled monthly contribution and what was contributed in [from, to). */
export async function contributionsBetween(
  db: Queryable,
  householdId: string,
  from: string,
  to: string,
): Promise<{ name: string; scheduled: string; contributed: string }[]> {
  const rows = await db.query<{ name: string; monthly_contribution: unknown; contributed: unknown }>(
    `SELECT b.name, b.monthly_contribution,
            COALESCE((SELECT sum(c.amount) FROM contributions_529 c
                      WHERE c.beneficiary_id = b.id AND c.contributed_on >= $2 AND c.contributed_on < $3), 0)::numeric(14, 2)
              AS contributed
     FROM beneficiaries b WHERE b.household_id = $1 ORDER BY b.birth_date, b.name`,
    [householdId, from, to],
  );
  return rows.map((r) => ({
    name: r.name,
    scheduled: asDecimalText(r.monthly_contribution),
    contributed: asDecimalText(r.contributed),
  }));
}

/** Whether any 529 contribution was ever recorded for the household (otherwise none is measured). */
export async function hasContributionRecords(db: Queryable, householdId: string): Promise<boolean> {
  const rows = await db.query(
    "SELECT 1 FROM contributions_529 c JOIN beneficiaries b ON b.id = c.beneficiary_id WHERE b.household_id = $1 LIMIT 1",
    [householdId],
  );
  return rows.length > 0;
}

export interface GoalRow {
  readonly id: string;
  readonly kind: "retirement" | "college" | "custom";
  readonly name: string;
  readonly targetAmount: string | null;
  readonly targetDate: string | null;
  readonly currentAmount: string | null;
  readonly createdAt: Date;
}

export async function listGoals(db: Queryable, householdId: string): Promise<GoalRow[]> {
  const rows = await db.query<Record<string, unknown>>(
    "SELECT * FROM goals WHERE household_id = $1 ORDER BY created_at, id",
    [householdId],
  );
  return rows.map((r) => ({
    id: r.id as string,
    kind: r.kind as GoalRow["kind"],
    name: r.name as string,
    targetAmount: r.target_amount === null ? null : asDecimalText(r.target_amount),
    targetDate: r.target_date === null ? null : asIsoDate(r.target_date),
    currentAmount: r.current_amount === null ? null : asDecimalText(r.current_amount),
    createdAt: new Date(r.created_at as string | Date),
  }));
}

export async function previousGoalMeasurements(
  db: Queryable,
  householdId: string,
): Promise<Map<string, number>> {
  const rows = await db.query<{ goal_key: string; funded_ratio: unknown }>(
    "SELECT goal_key, funded_ratio FROM goal_measurements WHERE household_id = $1",
    [householdId],
  );
  return new Map(rows.map((r) => [r.goal_key, Number(asDecimalText(r.funded_ratio))]));
}

export async function saveGoalMeasurement(
  db: Queryable,
  householdId: string,
  goalKey: string,
  fundedRatio: number,
  at: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO goal_measurements (household_id, goal_key, funded_ratio, measured_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (household_id, goal_key) DO UPDATE SET funded_ratio = EXCLUDED.funded_ratio, measured_at = EXCLUDED.measured_at`,
    [householdId, goalKey, fundedRatio.toFixed(6), at.toISOString()],
  );
}

/** Planners linked to a household (each receives the household's metric events). */
export async function plannersOf(db: Queryable, householdId: string): Promise<string[]> {
  const rows = await db.query<{ planner_id: string }>(
    "SELECT planner_id FROM planner_clients WHERE household_id = $1 ORDER BY planner_id",
    [householdId],
  );
  return rows.map((r) => r.planner_id);
}

/** Households linked to a planner. */
export async function clientsOf(db: Queryable, plannerId: string): Promise<{ id: string; name: string }[]> {
  return db.query<{ id: string; name: string }>(
    `SELECT h.id, h.name FROM households h JOIN planner_clients pc ON pc.household_id = h.id
     WHERE pc.planner_id = $1 ORDER BY h.name, h.id`,
    [plannerId],
  );
}
