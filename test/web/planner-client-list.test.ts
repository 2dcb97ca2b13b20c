import { describe, expect, it } from "vitest";
import {
  type ClientSummary,
  type GoalProgress,
  keepLiveMarks,
  type MetricEvent,
  mergeMetricEvent,
  parseMetricEvent,
} from "../../web/src/api/planner-metrics.ts";
import { riskLevel, riskOf, sortClients } from "../../web/src/views/client-risk.ts";

function client(
  name: string,
  engagement: number,
  adherence: number | null,
  goalProgress: number | null,
  goals: GoalProgress["status"][] = [],
): ClientSummary {
  return {
    id: `id-${name}`,
    name,
    state: "NY",
    retirement: null,
    metrics: {
      household_id: `id-${name}`,
      period: "2026-11",
      engagement: { score: engagement, activity: 0, recency: 0, responsiveness: null, interactions: 0 },
      adherence_month: adherence === null ? null : "2026-10",
      adherence: { score: adherence },
      goals: goals.map((status, i) => ({
        id: `g${i}`,
        kind: "custom",
        name: `Goal ${i}`,
        funded_ratio: 0.5,
        progress: 0.5,
        status,
        trend: null,
      })),
      goal_progress: goalProgress,
    },
  };
}

const event = (over: Partial<MetricEvent>): MetricEvent => ({
  event_id: "e1",
  planner_id: "p1",
  client_id: "id-Rivera",
  metric_type: "engagement_score",
  metric_value: "62.1",
  period: "2026-11",
  timestamp: "2026-11-25T10:00:00.000Z",
  ...over,
});

describe("risk of a client", () => {
  it("is 100 minus the weakest present score, naming it", () => {
    expect(riskOf(client("A", 80, 55, 90))).toEqual({ value: 45, weakest: "adherence" });
    expect(riskOf(client("B", 12.5, null, null))).toEqual({ value: 87.5, weakest: "engagement" });
    expect(riskOf(client("C", 95, null, 70.3))).toEqual({ value: 29.7, weakest: "goals" });
  });

  it("is high from 50, medium from 25, low below", () => {
    expect(riskLevel({ value: 50, weakest: "goals" })).toBe("high");
    expect(riskLevel({ value: 49.9, weakest: "goals" })).toBe("medium");
    expect(riskLevel({ value: 25, weakest: "goals" })).toBe("medium");
    expect(riskLevel({ value: 24.9, weakest: "goals" })).toBe("low");
  });

  it("sorts highest risk first, ties by off-track then at-risk goals, then the lower mean, then name", () => {
    const clients = [
      client("Able", 90, null, 90),
      client("Baker", 0, null, 80, ["at_risk"]),
      client("Cole", 0, null, 60, ["off_track"]),
      client("Dunn", 0, null, 95, ["on_track"]),
      client("Eades", 0, null, 90, ["on_track"]),
      client("Fox", 0, null, 95, ["on_track"]),
    ];
    expect(sortClients(clients, "risk").map((c) => c.name)).toEqual([
      "Cole",
      "Baker",
      "Eades",
      "Dunn",
      "Fox",
      "Able",
    ]);
    expect(sortClients(clients, "name").map((c) => c.name)).toEqual([
      "Able",
      "Baker",
      "Cole",
      "Dunn",
      "Eades",
      "Fox",
    ]);
    expect(sortClients(clients, "engagement").map((c) => c.name)).toEqual([
      "Baker",
      "Cole",
      "Dunn",
      "Eades",
      "Fox",
      "Able",
    ]);
  });
});

describe("a metric event from the stream", () => {
  const page = {
    items: [client("Rivera", 0, null, 82), client("Chen", 10, 70, 95)],
    total: 2,
    limit: 200,
    offset: 0,
  };

  it("sets the score it names on its client and marks the client as updated live", () => {
    const engaged = mergeMetricEvent(page, event({}));
    expect(engaged?.items[0]?.metrics.engagement.score).toBe(62.1);
    expect(engaged?.items[0]?.live_at).toBe("2026-11-25T10:00:00.000Z");
    expect(engaged?.items[1]).toBe(page.items[1]);
    const adherence = mergeMetricEvent(page, event({ metric_type: "plan_adherence", metric_value: "71.5" }));
    expect(adherence?.items[0]?.metrics.adherence.score).toBe(71.5);
    const goals = mergeMetricEvent(page, event({ metric_type: "goal_progress", metric_value: "40.0" }));
    expect(goals?.items[0]?.metrics.goal_progress).toBe(40);
    // The original page is not changed in place: the query cache compares by reference.
    expect(page.items[0]?.metrics.engagement.score).toBe(0);
  });

  it("leaves the page as it is for another planner's client or before the list has loaded", () => {
    expect(mergeMetricEvent(page, event({ client_id: "someone-else" }))).toBe(page);
    expect(mergeMetricEvent(undefined, event({}))).toBeUndefined();
  });

  it("stays marked as live on its client when the list is refetched", () => {
    const merged = mergeMetricEvent(page, event({}));
    const refetched = { ...page, items: [client("Rivera", 62.1, null, 82), client("Chen", 10, 70, 95)] };
    const kept = keepLiveMarks(merged, refetched);
    expect(kept.items.map((c) => c.live_at)).toEqual(["2026-11-25T10:00:00.000Z", undefined]);
    expect(keepLiveMarks(page, refetched)).toBe(refetched);
    expect(keepLiveMarks(undefined, refetched)).toBe(refetched);
  });

  it("is parsed only when it keeps the contract", () => {
    expect(parseMetricEvent(JSON.stringify(event({})))).toEqual(event({}));
    for (const bad of [
      "not json",
      "null",
      JSON.stringify(event({ metric_type: "mood" as MetricEvent["metric_type"] })),
      JSON.stringify(event({ metric_value: "high" })),
      JSON.stringify({ ...event({}), client_id: 7 }),
    ]) {
      expect(parseMetricEvent(bad)).toBeNull();
    }
  });
});
