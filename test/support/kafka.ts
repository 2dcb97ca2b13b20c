import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import type { MetricEvent } from "../../src/app/metric-event.ts";

/** The bootstrap address of this test run's real Kafka broker (test/setup/kafka-broker.ts). */
export function testBrokers(): string[] {
  return [inject("kafkaBrokers")];
}

/** A valid metric event for a client; fields can be overridden. */
export function sampleMetricEvent(overrides: Partial<MetricEvent> = {}): MetricEvent {
  return {
    event_id: randomUUID(),
    planner_id: "7c0f1a64-0b7e-4a53-9e89-2f5b8e6f1d01",
    client_id: randomUUID(),
    metric_type: "engagement_score",
    metric_value: "72.40",
    period: "2026-11",
    timestamp: "2026-11-25T09:00:00.000Z",
    ...overrides,
  };
}
