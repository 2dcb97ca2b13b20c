import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type CalendarDate, formatIsoDate } from "../core/dates.ts";
import { ValidationError } from "../core/errors.ts";
import { Money } from "../core/money.ts";
import { SPENDING_CATEGORIES } from "../core/spending/categories.ts";
import { isoDate, money, rate } from "../core/validation.ts";
import type { Queryable } from "../db/database.ts";
import {
  deleteGoal,
  findGoal,
  insertContribution,
  insertGoal,
  replaceBudgets,
  saveSavingsTarget,
  updateGoal,
} from "../db/repositories/plan-inputs.ts";
import {
  findSavingsTarget,
  type GoalRow,
  listBudgets,
  listGoals,
} from "../db/repositories/planner-metrics.ts";

/**
 * What a household's plan is measured against, as the planner and the household agree it: the
 * savings rate, a monthly budget per spending category, goals with a target amount and date, and
 * the 529 contributions actually made. Plan adherence and goal progress (src/core/planner) read
 * these; every change is followed by recomputed relationship metrics in the same transaction.
 */

/** Largest budget or goal amount accepted: well beyond any household, small enough to catch typos. */
const MAX_AMOUNT = Money.parse("100000000");

export const planTargetsRequest = z.object({
  savings_rate: rate({ min: 0, max: 1 })
    .nullable()
    .optional()
    .meta({ description: "share of income to save, as a decimal (0.15); null clears it" }),
  budgets: z
    .partialRecord(
      z.enum(SPENDING_CATEGORIES, { error: "is not a spending category" }),
      money({ min: Money.ZERO, max: MAX_AMOUNT }),
    )
    .optional()
    .meta({ description: "monthly budget per spending category; replaces all budgets when given" }),
});
export type PlanTargetsRequest = z.output<typeof planTargetsRequest>;

const goalName = z.string({ error: "is required" }).trim().min(1, { error: "is required" }).max(120);

export const goalRequest = z.object({
  kind: z.enum(["college", "custom"], { error: "must be college or custom" }).meta({
    description:
      "a college goal is measured by the household's 529 balances; a custom goal by current_amount",
  }),
  name: goalName,
  target_amount: money({ min: Money.parse("0.01"), max: MAX_AMOUNT }),
  target_date: isoDate,
  current_amount: money({ min: Money.ZERO, max: MAX_AMOUNT }).optional(),
});
export type GoalRequest = z.output<typeof goalRequest>;

export const goalUpdate = z.object({
  name: goalName.optional(),
  target_amount: money({ min: Money.parse("0.01"), max: MAX_AMOUNT }).optional(),
  target_date: isoDate.optional(),
  current_amount: money({ min: Money.ZERO, max: MAX_AMOUNT }).optional(),
});
export type GoalUpdate = z.output<typeof goalUpdate>;

export const contributionRequest = z.object({
  contributed_on: isoDate,
  amount: money({ min: Money.parse("0.01"), max: MAX_AMOUNT }),
});
export type ContributionRequest = z.output<typeof contributionRequest>;

export function goalJson(goal: GoalRow) {
  return {
    id: goal.id,
    kind: goal.kind,
    name: goal.name,
    target_amount: goal.targetAmount,
    target_date: goal.targetDate,
    current_amount: goal.currentAmount,
  };
}

/** The household's targets, budgets and goals, as the API answers them. */
export async function planInputs(db: Queryable, householdId: string) {
  return {
    savings_rate: await findSavingsTarget(db, householdId),
    budgets: Object.fromEntries(
      (await listBudgets(db, householdId)).map((b) => [b.category, Money.parse(b.amount).toString()]),
    ),
    goals: (await listGoals(db, householdId)).map(goalJson),
  };
}

export async function setPlanTargets(
  tx: Queryable,
  householdId: string,
  request: PlanTargetsRequest,
): Promise<void> {
  if (request.savings_rate !== undefined) await saveSavingsTarget(tx, householdId, request.savings_rate);
  if (request.budgets !== undefined) {
    const budgets = Object.entries(request.budgets).map(([category, amount]) => ({
      category,
      amount: (amount as Money).toString(),
    }));
    await replaceBudgets(tx, householdId, budgets);
  }
}

/** ISO dates compare as text, so YYYY-MM-DD strings order like the days they name. */
function futureDate(date: CalendarDate, today: CalendarDate): string {
  const text = formatIsoDate(date);
  if (text <= formatIsoDate(today)) throw new ValidationError("target_date", "must be after today");
  return text;
}

export async function addGoal(
  tx: Queryable,
  householdId: string,
  request: GoalRequest,
  today: CalendarDate,
  now: Date,
): Promise<GoalRow> {
  if (request.kind === "college" && request.current_amount !== undefined)
    throw new ValidationError("current_amount", "is measured from the 529 balances for a college goal");
  const goal: GoalRow = {
    id: randomUUID(),
    kind: request.kind,
    name: request.name,
    targetAmount: request.target_amount.toString(),
    targetDate: futureDate(request.target_date, today),
    currentAmount: request.kind === "custom" ? (request.current_amount ?? Money.ZERO).toString() : null,
    createdAt: now,
  };
  await insertGoal(tx, householdId, goal);
  return goal;
}

export async function changeGoal(
  tx: Queryable,
  householdId: string,
  goalId: string,
  request: GoalUpdate,
  today: CalendarDate,
): Promise<GoalRow | null> {
  const goal = await findGoal(tx, householdId, goalId);
  if (!goal || goal.kind === "retirement") return null;
  if (goal.kind === "college" && request.current_amount !== undefined)
    throw new ValidationError("current_amount", "is measured from the 529 balances for a college goal");
  const changed: GoalRow = {
    ...goal,
    name: request.name ?? goal.name,
    targetAmount: request.target_amount?.toString() ?? goal.targetAmount,
    targetDate: request.target_date ? futureDate(request.target_date, today) : goal.targetDate,
    currentAmount: request.current_amount?.toString() ?? goal.currentAmount,
  };
  await updateGoal(tx, householdId, changed);
  return changed;
}

export async function removeGoal(tx: Queryable, householdId: string, goalId: string): Promise<boolean> {
  return deleteGoal(tx, householdId, goalId);
}

/** Records a contribution to a beneficiary (the caller has found it in the household). */
export async function recordContribution(
  tx: Queryable,
  beneficiaryId: string,
  request: ContributionRequest,
  today: CalendarDate,
): Promise<{ id: string; contributed_on: string; amount: string }> {
  if (formatIsoDate(request.contributed_on) > formatIsoDate(today))
    throw new ValidationError("contributed_on", "is in the future");
  const contribution = {
    id: randomUUID(),
    contributed_on: formatIsoDate(request.contributed_on),
    amount: request.amount.toString(),
  };
  await insertContribution(tx, beneficiaryId, contribution);
  return contribution;
}
