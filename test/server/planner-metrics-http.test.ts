import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../src/app/accounts.ts";
import type { MetricEvent } from "../../src/app/metric-event.ts";
import type { Database } from "../../src/db/database.ts";
import { DATABASE_KINDS, freshDatabase } from "../support/databases.ts";
import { interactionReachesOnlyItsPlanner } from "../support/metrics-scenarios.ts";
import { type MetricsServer, startMetricsServer } from "../support/metrics-server.ts";
import { openSse } from "../support/sse.ts";

describe.each(DATABASE_KINDS)("planner metrics over HTTP with in-process delivery on %s", (kind) => {
  let db: Database;
  let server: MetricsServer;

  beforeAll(async () => {
    db = await freshDatabase(kind);
    server = await startMetricsServer(db, null);
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  it("records an interaction and streams the recomputed metrics to the client's planner only", async () => {
    const event = await interactionReachesOnlyItsPlanner(server, { kind: "meeting" });
    expect(event).toMatchObject({
      client_id: server.annHousehold,
      metric_type: "engagement_score",
      // One meeting just now: activity 100(1 − e^(−10/20)) = 39.3, recency 100, no replies:
      // 0.625 · 39.35 + 0.375 · 100 = 62.1.
      metric_value: "62.1",
    });
  });

  it("streams a client linked after the planner's dashboard opened, without reconnecting", async () => {
    const ann = await server.login("ann@firm.test");
    const stream = await openSse<MetricEvent>(`${server.url}/api/planner/metrics/stream`, ann);
    try {
      const newcomer = await createAccount(db, {
        email: `new-${kind}@client.test`,
        password: "long enough pw",
        role: "client",
        planner: "ann@firm.test",
      });
      const response = await server.call(`/api/households/${newcomer.householdId}/interactions`, {
        method: "POST",
        token: ann,
        body: JSON.stringify({ kind: "meeting" }),
      });
      expect(response.status).toBe(201);
      await stream.waitFor((events) => events.some((e) => e.client_id === newcomer.householdId));
    } finally {
      stream.close();
    }
  });

  it("emits goal progress when a retirement profile is saved, in the same transaction as the profile", async () => {
    const ann = await server.login("ann@firm.test");
    const stream = await openSse<MetricEvent>(`${server.url}/api/planner/metrics/stream`, ann);
    try {
      const response = await server.call(`/api/households/${server.annHousehold}/retirement-profile`, {
        method: "PUT",
        token: ann,
        body: JSON.stringify({
          birth_date: "1981-03-14",
          retirement_age: 65,
          savings: "350000",
          monthly_contribution: "2000",
          desired_income: "120000",
          social_security: "30000",
          return: 0.06,
        }),
      });
      expect(response.status).toBe(200);
      await stream.waitFor((events) => events.some((e) => e.metric_type === "goal_progress"));
      const goal = stream.events.find((e) => e.metric_type === "goal_progress");
      expect(goal?.client_id).toBe(server.annHousehold);
      const [measured] = await db.query<{ goal_key: string }>(
        "SELECT goal_key FROM goal_measurements WHERE household_id = $1",
        [server.annHousehold],
      );
      expect(measured?.goal_key).toBe("retirement");
    } finally {
      stream.close();
    }
  });

  it("answers 404 for another planner's household and 400 for a bad interaction, writing nothing", async () => {
    const bob = await server.login("bob@firm.test");
    const before = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM client_interactions");
    const foreign = await server.call(`/api/households/${server.annHousehold}/interactions`, {
      method: "POST",
      token: bob,
      body: JSON.stringify({ kind: "meeting" }),
    });
    expect(foreign.status).toBe(404);
    for (const body of [
      { kind: "coffee" },
      { kind: "message", response_minutes: -5 },
      { kind: "login", occurred_at: "soon" },
    ]) {
      const bad = await server.call(`/api/households/${server.bobHousehold}/interactions`, {
        method: "POST",
        token: bob,
        body: JSON.stringify(body),
      });
      expect(bad.status).toBe(400);
    }
    const after = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM client_interactions");
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("documents the stream in the OpenAPI document, with the metric event's schema", async () => {
    const doc = (await (await server.call("/api/openapi.json")).json()) as {
      paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const stream = doc.paths["/api/planner/metrics/stream"]?.get;
    expect(Object.keys(stream?.responses ?? {})).toEqual(expect.arrayContaining(["200", "401", "403"]));
    expect(Object.keys(stream?.responses["200"]?.content ?? {})).toEqual(["text/event-stream"]);
    expect(Object.keys(doc.components.schemas.MetricEvent?.properties ?? {})).toEqual(
      expect.arrayContaining(["event_id", "client_id", "metric_type", "metric_value", "period", "timestamp"]),
    );
  });

  it("refuses the metrics stream to a client and to an anonymous caller", async () => {
    const carla = await server.login("carla@client.test");
    expect((await server.call("/api/planner/metrics/stream", { token: carla })).status).toBe(403);
    expect((await server.call("/api/planner/metrics/stream")).status).toBe(401);
  });
});
