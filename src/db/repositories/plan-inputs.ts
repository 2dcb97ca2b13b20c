import type { Queryable } from "../database.ts";
import { type GoalRow, listGoals } from "./planner-metrics.ts";

/** Writes of what a household's plan is measured against (reads are in planner-metrics.ts). */

export async function saveSavingsTarget(
  db: Queryable,
  householdId: string,
  rate: number | null,
): Promise<void> {
  if (rate === null) {
    await db.query("DELETE FROM plan_targets WHERE household_id = $1", [householdId]);
    return;
  }
  await db.query(
    `INSERT INTO plan_targets (household_id, savings_rate, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (household_id) DO UPDATE SET savings_rate = EXCLUDED.savings_rate, updated_at = now()`,
    [householdId, rate.toFixed(6)],
  );
}

export async function replaceBudgets(
  db: Queryable,
  householdId: string,
  budgets: readonly { category: string; amount: string }[],
): Promise<void> {
  await db.query("DELETE FROM category_budgets WHERE household_id = $1", [householdId]);
  for (const budget of budgets) {
    await db.query(
      "INSERT INTO category_budgets (household_id, category, monthly_amount) VALUES ($1, $2, $3)",
      [householdId, budget.category, budget.amount],
    );
  }
}

export async function insertGoal(db: Queryable, householdId: string, goal: GoalRow): Promise<void> {
  await db.query(
    `INSERT INTO goals (id, household_id, kind, name, target_amount, target_date, current_amount, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      goal.id,
      householdId,
      goal.kind,
      goal.name,
      goal.targetAmount,
      goal.targetDate,
      goal.currentAmount,
      goal.createdAt.toISOString(),
    ],
  );
}

export async function findGoal(db: Queryable, householdId: string, goalId: string): Promise<GoalRow | null> {
  return (await listGoals(db, householdId)).find((goal) => goal.id === goalId) ?? null;
}

export async function updateGoal(db: Queryable, householdId: string, goal: GoalRow): Promise<void> {
  await db.query(
    `UPDATE goals SET name = $3, target_amount = $4, target_date = $5, current_amount = $6
     WHERE household_id = $1 AND id = $2`,
    [householdId, goal.id, goal.name, goal.targetAmount, goal.targetDate, goal.currentAmount],
  );
}

/** Deletes the goal and its last measurement; false when the household has no such goal. */
export async function deleteGoal(db: Queryable, householdId: string, goalId: string): Promise<boolean> {
  const deleted = await db.query(
    "DELETE FROM goals WHERE household_id = $1 AND id = $2 AND kind <> 'retirement' RETURNING id",
    [householdId, goalId],
  );
  await db.query("DELETE FROM goal_measurements WHERE household_id = $1 AND goal_key = $2", [
    householdId,
    goalId,
  ]);
  return deleted.length > 0;
}

export async function insertContribution(
  db: Queryable,
  beneficiaryId: string,
  contribution: { id: string; contributed_on: string; amount: string },
): Promise<void> {
  await db.query(
    "INSERT INTO contributions_529 (id, beneficiary_id, contributed_on, amount) VALUES ($1, $2, $3, $4)",
    [contribution.id, beneficiaryId, contribution.contributed_on, contribution.amount],
  );
}
