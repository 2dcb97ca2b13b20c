import type { ClientSummary } from "../api/planner-metrics.ts";

/**
 * Risk: how much a client needs the planner's attention, 0–100, higher first. It is read off the
 * three relationship scores the API gives (each 0–100, higher is better):
 *
 *   risk = 100 − min(E, A, G)
 *
 * E = engagement score (always present: 0 without an interaction in the last 180 days),
 * A = plan adherence score (present once the household has a savings target or budgets and a month
 *     of spending on record), G = goal progress (mean progress of its goals, present with goals).
 * A score that is absent is left out of the minimum. The weakest score decides because one weak
 * area is enough to warrant a call: a fully funded client who has not been heard from in months is
 * as much at risk as an engaged one who is far behind on a goal.
 *
 * Ties (several clients not contacted for months all score 100) go to the client with more
 * off-track goals, then more at-risk goals, then the lower mean of its present scores, then by name.
 */
export const RISK_DEFINITION =
  "Risk = 100 − the client's weakest score (engagement, plan adherence or goal progress, each 0–100; " +
  "scores not measured yet are left out). Ties go to more off-track goals, then more at-risk goals.";

/**
 * What a goal's status measures (src/core/planner/goal-tracker.ts): a 20%-funded college fund set
 * a year before an eight-year target is ahead of its pace, while a 90%-funded retirement is not.
 */
export const GOAL_STATUS_DEFINITION =
  "A goal's status: retirement by its projected funded ratio (on track from 100%, at risk from 80%); " +
  "a college or savings goal by its funding against the share of the time to its target date passed " +
  "since it was set (on track at 95% of that pace, at risk from 75%).";

export type ScoreName = "engagement" | "adherence" | "goals";

export interface Risk {
  /** 0–100, rounded to 0.1. */
  readonly value: number;
  /** The score that set it. */
  readonly weakest: ScoreName;
}

export const SCORE_LABELS: Readonly<Record<ScoreName, string>> = {
  engagement: "engagement",
  adherence: "plan adherence",
  goals: "goal progress",
};

function presentScores(client: ClientSummary): [ScoreName, number][] {
  const m = client.metrics;
  const scores: [ScoreName, number | null][] = [
    ["engagement", m.engagement.score],
    ["adherence", m.adherence.score],
    ["goals", m.goal_progress],
  ];
  return scores.filter((s): s is [ScoreName, number] => s[1] !== null);
}

export function riskOf(client: ClientSummary): Risk {
  const [weakest, score] = presentScores(client).reduce((low, s) => (s[1] < low[1] ? s : low));
  return { value: Math.round((100 - score) * 10) / 10, weakest };
}

/** "high" from 50 (a score below 50), "medium" from 25, "low" below: for the badge's words and colour. */
export function riskLevel(risk: Risk): "high" | "medium" | "low" {
  if (risk.value >= 50) return "high";
  return risk.value >= 25 ? "medium" : "low";
}

const goalsWith = (client: ClientSummary, status: string) =>
  client.metrics.goals.filter((g) => g.status === status).length;

function meanScore(client: ClientSummary): number {
  const scores = presentScores(client).map((s) => s[1]);
  return scores.reduce((a, b) => a + b, 0) / scores.length;
}

const byName = (a: ClientSummary, b: ClientSummary) => a.name.localeCompare(b.name, "en");

/** Highest risk first, with the tie-breaks of the definition above. */
export function compareRisk(a: ClientSummary, b: ClientSummary): number {
  return (
    riskOf(b).value - riskOf(a).value ||
    goalsWith(b, "off_track") - goalsWith(a, "off_track") ||
    goalsWith(b, "at_risk") - goalsWith(a, "at_risk") ||
    meanScore(a) - meanScore(b) ||
    byName(a, b)
  );
}

export const SORT_ORDERS = {
  risk: { label: "Risk (highest first)", compare: compareRisk },
  engagement: {
    label: "Engagement (lowest first)",
    compare: (a: ClientSummary, b: ClientSummary) =>
      a.metrics.engagement.score - b.metrics.engagement.score || byName(a, b),
  },
  name: { label: "Name (A–Z)", compare: byName },
} as const;

export type SortOrder = keyof typeof SORT_ORDERS;

export function sortClients(clients: readonly ClientSummary[], order: SortOrder): ClientSummary[] {
  return [...clients].sort(SORT_ORDERS[order].compare);
}
