import { randomUUID } from "node:crypto";
import { utcDateOf } from "../core/dates.ts";
import { Money } from "../core/money.ts";
import { type AdherenceReport, planAdherence } from "../core/planner/adherence.ts";
import { type EngagementScore, engagementScore, WINDOW_DAYS } from "../core/planner/engagement.ts";
import {
  elapsedShare,
  type GoalMeasure,
  type GoalProgress,
  overallGoalProgress,
  trackGoal,
} from "../core/planner/goal-tracker.ts";
import type { ReferenceData } from "../data/reference-data.ts";
import type { Queryable } from "../db/database.ts";
import { listBeneficiaries } from "../db/repositories/beneficiaries.ts";
import { insertOutboxEvent } from "../db/repositories/outbox.ts";
import {
  contributionsBetween,
  findSavingsTarget,
  hasContributionRecords,
  latestSpendingMonthBefore,
  listBudgets,
  listGoals,
  listInteractionsSince,
  plannersOf,
  previousGoalMeasurements,
  saveGoalMeasurement,
} from "../db/repositories/planner-metrics.ts";
import { METRICS_TOPIC, type MetricEvent, type MetricType } from "./metric-event.ts";
import type { GapAnswer } from "./retirement.ts";
import { householdGap } from "./retirement-profiles.ts";

/**
 * A client's relationship metrics as of an instant: engagement, plan adherence for the latest
 * complete month of spending on record (before the as-of month), and progress per goal. The retirement goal is the household's
 * retirement profile (funded ratio from the gap engine); a college goal is measured by the
 * household's 529 balances against its target. 529 contributions count toward adherence once the
 * household has any recorded contribution.
 */
export interface ClientMetrics {
  readonly householdId: string;
  /** YYYY-MM of the as-of instant. */
  readonly period: string;
  readonly engagement: EngagementScore;
  /** The month adherence was measured on (YYYY-MM), null without spending data. */
  readonly adherenceMonth: string | null;
  readonly adherence: AdherenceReport;
  readonly goals: readonly GoalProgress[];
  readonly goalProgress: number | null;
}

const MS_PER_DAY = 86_400_000;

function monthStart(period: string): string {
  return `${period}-01`;
}

function nextMonthStart(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

async function adherenceFor(db: Queryable, householdId: string, period: string) {
  // The month in progress is not over, so its spending says nothing yet about following the plan.
  const spending = await latestSpendingMonthBefore(db, householdId, monthStart(period));
  const month = spending?.month ?? monthStart(period);
  const budgets = await listBudgets(db, householdId);
  // Contributions are measured once the household records them; before that there is nothing to compare.
  const contributions = (await hasContributionRecords(db, householdId))
    ? await contributionsBetween(db, householdId, month, nextMonthStart(month))
    : [];
  const col = (name: string) => Money.parse(spending?.columns[name] ?? "0");
  const report = planAdherence({
    income: spending ? col("income") : null,
    saved: spending ? col("savings_contributions").add(col("investments")) : null,
    targetSavingsRate: await findSavingsTarget(db, householdId),
    budgets: spending
      ? budgets
          .filter((b) => b.category in spending.columns)
          .map((b) => ({ category: b.category, budget: Money.parse(b.amount), actual: col(b.category) }))
      : [],
    contributions: contributions.map((c) => ({
      beneficiary: c.name,
      scheduled: Money.parse(c.scheduled),
      contributed: Money.parse(c.contributed),
    })),
  });
  return { month: spending ? spending.month.slice(0, 7) : null, report };
}

/** The household's retirement gap as of `asOf`'s UTC day, without corrections: what the retirement goal measures. */
export function retirementGapAsOf(db: Queryable, householdId: string, refs: ReferenceData, asOf: Date) {
  return householdGap(db, householdId, refs, utcDateOf(asOf), { corrections: false });
}

async function goalMeasures(db: Queryable, householdId: string, gap: GapAnswer | null, asOf: Date) {
  const previous = await previousGoalMeasurements(db, householdId);
  const measures: (GoalMeasure & { key: string })[] = [];
  if (gap && gap.report.fundedRatio !== null) {
    measures.push({
      key: "retirement",
      id: "retirement",
      kind: "retirement",
      name: "Retirement",
      fundedRatio: gap.report.fundedRatio,
      elapsedShare: null,
      previousFundedRatio: previous.get("retirement") ?? null,
    });
  }
  const balances = Money.sum((await listBeneficiaries(db, householdId)).map((b) => Money.parse(b.balance)));
  for (const goal of await listGoals(db, householdId)) {
    if (goal.kind === "retirement" || goal.targetAmount === null || goal.targetDate === null) continue;
    const target = Money.parse(goal.targetAmount);
    if (target.isZero()) continue;
    const current = goal.kind === "college" ? balances : Money.parse(goal.currentAmount ?? "0");
    measures.push({
      key: goal.id,
      id: goal.id,
      kind: goal.kind,
      name: goal.name,
      fundedRatio: Number(current.cents) / Number(target.cents),
      elapsedShare: elapsedShare(
        goal.createdAt.getTime(),
        Date.parse(`${goal.targetDate}T00:00:00Z`),
        asOf.getTime(),
      ),
      previousFundedRatio: previous.get(goal.id) ?? null,
    });
  }
  return measures;
}

/**
 * `gap` is the household's retirement gap when the caller has already computed it with
 * `retirementGapAsOf` for the same instant (the client list shows it too); otherwise it is computed here.
 */
export async function clientMetrics(
  db: Queryable,
  householdId: string,
  refs: ReferenceData,
  asOf: Date,
  gap?: GapAnswer | null,
): Promise<ClientMetrics> {
  const period = asOf.toISOString().slice(0, 7);
  const interactions = await listInteractionsSince(
    db,
    householdId,
    new Date(asOf.getTime() - WINDOW_DAYS * MS_PER_DAY),
  );
  const adherence = await adherenceFor(db, householdId, period);
  const retirementGap = gap === undefined ? await retirementGapAsOf(db, householdId, refs, asOf) : gap;
  const goals = (await goalMeasures(db, householdId, retirementGap, asOf)).map(trackGoal);
  return {
    householdId,
    period,
    engagement: engagementScore(interactions, asOf.getTime()),
    adherenceMonth: adherence.month,
    adherence: adherence.report,
    goals,
    goalProgress: overallGoalProgress(goals),
  };
}

/** The metric events for one planner: one per metric that has a value. */
export function metricEvents(metrics: ClientMetrics, plannerId: string, asOf: Date): MetricEvent[] {
  const values: [MetricType, number | null][] = [
    ["engagement_score", metrics.engagement.score],
    ["plan_adherence", metrics.adherence.score],
    ["goal_progress", metrics.goalProgress],
  ];
  return values
    .filter((v): v is [MetricType, number] => v[1] !== null)
    .map(([type, value]) => ({
      event_id: randomUUID(),
      planner_id: plannerId,
      client_id: metrics.householdId,
      metric_type: type,
      metric_value: value.toFixed(1),
      period: metrics.period,
      timestamp: asOf.toISOString(),
    }));
}

/**
 * Recomputes a household's metrics and writes their events to the outbox, one set per linked
 * planner, and the goal measurements for the next trend. Call it inside the transaction of the
 * change that caused it, so the events exist exactly when the change does.
 */
export async function recordMetricsChange(
  tx: Queryable,
  householdId: string,
  refs: ReferenceData,
  asOf: Date,
): Promise<MetricEvent[]> {
  const metrics = await clientMetrics(tx, householdId, refs, asOf);
  for (const goal of metrics.goals)
    await saveGoalMeasurement(tx, householdId, goal.id, goal.fundedRatio, asOf);
  const events = (await plannersOf(tx, householdId)).flatMap((planner) =>
    metricEvents(metrics, planner, asOf),
  );
  for (const event of events) await enqueueMetricEvent(tx, event);
  return events;
}

/** Writes one metric event to the outbox, keyed by its client, within the caller's transaction. */
export async function enqueueMetricEvent(tx: Queryable, event: MetricEvent): Promise<void> {
  await insertOutboxEvent(tx, {
    eventId: event.event_id,
    topic: METRICS_TOPIC,
    key: event.client_id,
    payload: event,
  });
}
