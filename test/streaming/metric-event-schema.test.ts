import { describe, expect, it } from "vitest";
import { checkMetricEvent, encodeMetricEvent, parseMetricMessage } from "../../src/app/metric-event.ts";
import { sampleMetricEvent } from "../support/kafka.ts";

describe("the metric event schema", () => {
  it("accepts a valid event and round-trips it through the wire form", () => {
    const event = sampleMetricEvent();
    expect(parseMetricMessage(encodeMetricEvent(event))).toEqual({ ok: true, event });
  });

  it.each([
    ["event_id", { event_id: "not-a-uuid" }, "event_id: must be a UUID"],
    ["client_id", { client_id: 42 }, "client_id: must be a UUID"],
    ["metric_type", { metric_type: "happiness" }, "metric_type: must be one of"],
    ["metric_value as a number", { metric_value: 72.5 }, "metric_value: must be a decimal string"],
    ["metric_value text", { metric_value: "7e2" }, "metric_value: must be a decimal string"],
    ["period", { period: "2026-13" }, "period: must be a month YYYY-MM"],
    ["timestamp", { timestamp: "yesterday" }, "timestamp: must be an ISO 8601 date-time"],
  ])("rejects a bad %s with a field-level reason", (_, override, reason) => {
    const result = checkMetricEvent({ ...sampleMetricEvent(), ...override });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it("rejects missing fields, unknown fields, non-JSON and empty messages", () => {
    const { planner_id: _, ...missing } = sampleMetricEvent();
    const result = checkMetricEvent(missing);
    expect(!result.ok && result.reason).toContain("planner_id");
    const extra = checkMetricEvent({ ...sampleMetricEvent(), secret: "x" });
    expect(!extra.ok && extra.reason).toContain("secret");
    expect(parseMetricMessage("{oops")).toEqual({ ok: false, reason: "message: not JSON" });
    expect(parseMetricMessage("")).toEqual({ ok: false, reason: "message: empty value" });
  });

  it("refuses to encode an event that breaks the contract", () => {
    expect(() => encodeMetricEvent({ ...sampleMetricEvent(), period: "Nov" })).toThrow(/period/);
  });
});
