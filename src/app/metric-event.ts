import { z } from "zod";

/**
 * The `planner-relationship-metrics` topic contract (DESIGN.md "Kafka topic contract"): one
 * schema, used by the producer before a message is written and by the consumer on every message
 * it reads. Key = client_id (the household), so one client's metrics stay in order on one
 * partition.
 */
export const METRICS_TOPIC = "planner-relationship-metrics";
export const METRICS_TOPIC_PARTITIONS = 3;
/** 30 days: 30 × 86,400,000 ms. */
export const METRICS_TOPIC_RETENTION_MS = "2592000000";

export const METRIC_TYPES = ["engagement_score", "plan_adherence", "goal_progress"] as const;
export type MetricType = (typeof METRIC_TYPES)[number];

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export const metricEventSchema = z.strictObject({
  event_id: z.uuid({ error: "must be a UUID" }),
  planner_id: z.uuid({ error: "must be a UUID" }),
  client_id: z.uuid({ error: "must be a UUID" }),
  metric_type: z.enum(METRIC_TYPES, { error: `must be one of ${METRIC_TYPES.join(", ")}` }),
  metric_value: z.string({ error: "must be a decimal string" }).regex(DECIMAL_TEXT, {
    error: 'must be a decimal string such as "72.5"',
  }),
  period: z.string({ error: "must be a month YYYY-MM" }).regex(PERIOD, { error: "must be a month YYYY-MM" }),
  timestamp: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }),
});

export type MetricEvent = z.infer<typeof metricEventSchema>;

export type ParsedMetricEvent =
  | { readonly ok: true; readonly event: MetricEvent }
  | { readonly ok: false; readonly reason: string };

/** Validates a decoded value; the reason names every bad field ("metric_value: must be …"). */
export function checkMetricEvent(value: unknown): ParsedMetricEvent {
  const result = metricEventSchema.safeParse(value);
  if (result.success) return { ok: true, event: result.data };
  const reason = result.error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "message"}: ${issue.message}`)
    .join("; ");
  return { ok: false, reason };
}

/** Decodes a message value (JSON text) and validates it. */
export function parseMetricMessage(value: string | Buffer | undefined | null): ParsedMetricEvent {
  if (value === undefined || value === null || value.length === 0)
    return { ok: false, reason: "message: empty value" };
  let decoded: unknown;
  try {
    decoded = JSON.parse(value.toString());
  } catch {
    return { ok: false, reason: "message: not JSON" };
  }
  return checkMetricEvent(decoded);
}

/** The message value for an event, refusing one that breaks the contract. */
export function encodeMetricEvent(event: MetricEvent): string {
  const checked = checkMetricEvent(event);
  if (!checked.ok) throw new TypeError(`invalid metric event: ${checked.reason}`);
  return JSON.stringify(checked.event);
}
