import type { Page } from "./types.ts";

/**
 * The planner's client list as `GET /api/planner/clients` answers it, and how a metric event from
 * `/api/planner/metrics/stream` changes it. Scores are 0–100 (see src/core/planner/*.ts for the
 * formulas); ratios are decimals. Pure: no DOM, so the merge is testable anywhere.
 */
export interface RetirementHeadline {
  funded_ratio: number;
  gap: string;
  on_track: boolean;
}

export type GoalStatus = "on_track" | "at_risk" | "off_track";
export type GoalTrend = "improving" | "steady" | "declining";

export interface GoalProgress {
  id: string;
  kind: "retirement" | "college" | "custom";
  name: string;
  funded_ratio: number;
  progress: number;
  status: GoalStatus;
  trend: GoalTrend | null;
}

export interface ClientMetrics {
  household_id: string;
  /** YYYY-MM the metrics were computed for. */
  period: string;
  engagement: {
    score: number;
    activity: number;
    recency: number;
    responsiveness: number | null;
    /** Interactions in the last 180 days. */
    interactions: number;
  };
  /** YYYY-MM of the spending month adherence was measured on; null without spending data. */
  adherence_month: string | null;
  adherence: { score: number | null };
  goals: GoalProgress[];
  /** Mean progress of the goals, 0–100; null without goals. */
  goal_progress: number | null;
}

export interface ClientSummary {
  id: string;
  name: string;
  state: string;
  retirement: RetirementHeadline | null;
  metrics: ClientMetrics;
  /** Set in the browser only: when the stream last changed this client's figures (ISO instant). */
  live_at?: string;
}

/** One event of the `planner-relationship-metrics` contract (DESIGN.md), as the stream sends it. */
export interface MetricEvent {
  event_id: string;
  planner_id: string;
  client_id: string;
  metric_type: "engagement_score" | "plan_adherence" | "goal_progress";
  /** A decimal string, e.g. "62.1". */
  metric_value: string;
  period: string;
  timestamp: string;
}

const METRIC_TYPES = new Set(["engagement_score", "plan_adherence", "goal_progress"]);

/** The event in a stream message's data, or null when it is not one (the page ignores it). */
export function parseMetricEvent(data: string): MetricEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const event = value as Partial<MetricEvent>;
  const ok =
    typeof event.client_id === "string" &&
    typeof event.metric_type === "string" &&
    METRIC_TYPES.has(event.metric_type) &&
    typeof event.metric_value === "string" &&
    Number.isFinite(Number(event.metric_value)) &&
    typeof event.period === "string" &&
    typeof event.timestamp === "string";
  return ok ? (event as MetricEvent) : null;
}

function withMetric(metrics: ClientMetrics, event: MetricEvent): ClientMetrics {
  // A score is a 0–100 figure with one decimal, not money: a number is exact enough to show it.
  const value = Number(event.metric_value);
  switch (event.metric_type) {
    case "engagement_score":
      return { ...metrics, period: event.period, engagement: { ...metrics.engagement, score: value } };
    case "plan_adherence":
      return { ...metrics, period: event.period, adherence: { ...metrics.adherence, score: value } };
    case "goal_progress":
      return { ...metrics, period: event.period, goal_progress: value };
  }
}

/**
 * The page with one metric event applied to its client: the score it names takes the event's
 * value and the client is marked as updated live. Events for clients not on the page leave it as is
 * (the same object, so nothing re-renders).
 */
export function mergeMetricEvent(
  page: Page<ClientSummary> | undefined,
  event: MetricEvent,
): Page<ClientSummary> | undefined {
  if (!page?.items.some((client) => client.id === event.client_id)) return page;
  return {
    ...page,
    items: page.items.map((client) =>
      client.id === event.client_id
        ? { ...client, metrics: withMetric(client.metrics, event), live_at: event.timestamp }
        : client,
    ),
  };
}

/** A refetched page with the live marks of the page it replaces (the server knows nothing of them). */
export function keepLiveMarks(
  previous: Page<ClientSummary> | undefined,
  fresh: Page<ClientSummary>,
): Page<ClientSummary> {
  const marks = new Map((previous?.items ?? []).flatMap((c) => (c.live_at ? [[c.id, c.live_at]] : [])));
  if (marks.size === 0) return fresh;
  return {
    ...fresh,
    items: fresh.items.map((c) => {
      const liveAt = marks.get(c.id);
      return liveAt ? { ...c, live_at: liveAt } : c;
    }),
  };
}
