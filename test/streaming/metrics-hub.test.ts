import { describe, expect, it } from "vitest";
import type { MetricEvent } from "../../src/app/metric-event.ts";
import { MetricsHub } from "../../src/server/streaming/metrics-hub.ts";
import { sampleMetricEvent } from "../support/kafka.ts";

describe("metrics hub", () => {
  it("delivers each event_id once to every listener, and stops after unsubscribe", () => {
    const hub = new MetricsHub();
    const a: MetricEvent[] = [];
    const b: MetricEvent[] = [];
    hub.subscribe((e) => a.push(e));
    const stopB = hub.subscribe((e) => b.push(e));
    const event = sampleMetricEvent();
    expect(hub.deliver(event)).toBe(true);
    expect(hub.deliver({ ...event })).toBe(false);
    stopB();
    hub.deliver(sampleMetricEvent());
    expect(a).toHaveLength(2);
    expect(b).toHaveLength(1);
    expect(hub.duplicatesDropped).toBe(1);
  });

  it("forgets the oldest ids beyond its memory bound", () => {
    const hub = new MetricsHub(2);
    const [first, second, third] = [sampleMetricEvent(), sampleMetricEvent(), sampleMetricEvent()];
    for (const e of [first, second, third]) hub.deliver(e);
    expect(hub.deliver(third)).toBe(false);
    expect(hub.deliver(first)).toBe(true);
  });
});
