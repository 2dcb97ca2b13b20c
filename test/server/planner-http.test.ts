import { describe, expect, it } from "vitest";
import type { MetricEvent } from "../../src/app/metric-event.ts";
import { DATABASE_KINDS } from "../support/databases.ts";
import { metricsServerForSuite } from "../support/metrics-server.ts";
import { openSse } from "../support/sse.ts";

/** The parts of a client list item the planner dashboard reads. */
interface ClientItem {
  id: string;
  name: string;
  retirement: { funded_ratio: number; gap: string; on_track: boolean } | null;
  metrics: {
    household_id: string;
    period: string;
    engagement: { score: number; interactions: number };
    adherence_month: string | null;
    adherence: { score: number | null };
    goals: { id: string; kind: string; funded_ratio: number; status: string; trend: string | null }[];
    goal_progress: number | null;
  };
}

interface ClientPage {
  items: ClientItem[];
  total: number;
}

describe.each(DATABASE_KINDS)("the planner's client list over HTTP on %s", (kind) => {
  const suite = metricsServerForSuite(kind);

  async function clients(token: string): Promise<ClientPage> {
    const response = await suite.server.call("/api/planner/clients", { token });
    expect(response.status).toBe(200);
    return (await response.json()) as ClientPage;
  }

  it("lists each client with its relationship metrics, before any interaction or plan", async () => {
    const { server } = suite;
    const ann = await server.login("ann@firm.test");
    const page = await clients(ann);
    expect(page.total).toBe(1);
    const [client] = page.items;
    expect(client?.id).toBe(server.annHousehold);
    expect(client?.metrics).toMatchObject({
      household_id: server.annHousehold,
      period: new Date().toISOString().slice(0, 7),
      engagement: { score: 0, interactions: 0 },
      adherence_month: null,
      adherence: { score: null },
      goals: [],
      goal_progress: null,
    });
    expect(client?.retirement).toBeNull();
  });

  it("answers the same figures the metrics stream sent for an interaction and a retirement profile", async () => {
    const { server } = suite;
    const ann = await server.login("ann@firm.test");
    const stream = await openSse<MetricEvent>(`${server.url}/api/planner/metrics/stream`, ann);
    try {
      const interaction = await server.call(`/api/households/${server.annHousehold}/interactions`, {
        method: "POST",
        token: ann,
        body: JSON.stringify({ kind: "meeting" }),
      });
      expect(interaction.status).toBe(201);
      // A retirement profile emits the goal progress event.
      const retiresAt62 = { birth_date: "1975-07-01", retirement_age: 62, savings: "500000", return: 0.055 };
      const profile = await server.call(`/api/households/${server.annHousehold}/retirement-profile`, {
        method: "PUT",
        token: ann,
        body: JSON.stringify({
          ...retiresAt62,
          monthly_contribution: "1500",
          desired_income: "100000",
          social_security: "28000",
        }),
      });
      expect(profile.status).toBe(200);
      await stream.waitFor((events) => events.some((e) => e.metric_type === "goal_progress"));
      const latest = (type: string) => stream.events.filter((e) => e.metric_type === type).at(-1);

      const [client] = (await clients(ann)).items;
      // One meeting just now: 0.625 · 100(1 − e^(−10/20)) + 0.375 · 100 = 62.1.
      expect(client?.metrics.engagement).toMatchObject({ score: 62.1, interactions: 1 });
      expect(client?.metrics.engagement.score.toFixed(1)).toBe(latest("engagement_score")?.metric_value);
      expect(client?.metrics.goal_progress?.toFixed(1)).toBe(latest("goal_progress")?.metric_value);
      // The retirement goal is the headline's funded ratio, judged by the goal tracker's thresholds.
      const [goal] = client?.metrics.goals ?? [];
      expect(goal).toMatchObject({ id: "retirement", kind: "retirement" });
      expect(goal?.funded_ratio).toBeCloseTo(client?.retirement?.funded_ratio ?? Number.NaN, 4);
      const expectedStatus =
        (goal?.funded_ratio ?? 0) >= 1
          ? "on_track"
          : (goal?.funded_ratio ?? 0) >= 0.8
            ? "at_risk"
            : "off_track";
      expect(goal?.status).toBe(expectedStatus);
    } finally {
      stream.close();
    }
  });

  it("shows a planner only their own clients and refuses clients and anonymous callers", async () => {
    const { server } = suite;
    const bob = await server.login("bob@firm.test");
    const page = await clients(bob);
    expect(page.items.map((item) => item.id)).toEqual([server.bobHousehold]);
    expect(page.items[0]?.metrics.engagement.interactions).toBe(0);

    const carla = await server.login("carla@client.test");
    expect((await server.call("/api/planner/clients", { token: carla })).status).toBe(403);
    expect((await server.call("/api/planner/clients")).status).toBe(401);
  });

  it("answers 400 naming the field for a bad page", async () => {
    const { server } = suite;
    const bob = await server.login("bob@firm.test");
    for (const query of ["limit=0", "limit=201", "offset=-1", "limit=ten"]) {
      const response = await server.call(`/api/planner/clients?${query}`, { token: bob });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { fields?: Record<string, string> };
      expect(Object.keys(body.fields ?? {})).toEqual([query.split("=")[0]]);
    }
  });
});
