import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeMetricEvent, METRICS_TOPIC, type MetricEvent } from "../../src/app/metric-event.ts";
import type { Database } from "../../src/db/database.ts";
import { createMetricsProducer } from "../../src/server/streaming/kafka-clients.ts";
import { freshDatabase } from "../support/databases.ts";
import { sampleMetricEvent, testBrokers } from "../support/kafka.ts";
import { interactionReachesOnlyItsPlanner } from "../support/metrics-scenarios.ts";
import { type MetricsServer, startMetricsServer } from "../support/metrics-server.ts";
import { openSse } from "../support/sse.ts";

describe("the planner dashboard stream through the real Kafka broker", () => {
  let db: Database;
  let server: MetricsServer;

  beforeAll(async () => {
    db = await freshDatabase("pglite");
    server = await startMetricsServer(db, testBrokers(), `dashboard-test-${randomUUID()}`);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it("delivers an interaction's metric event to its planner and not to another planner", async () => {
    const event = await interactionReachesOnlyItsPlanner(server, { kind: "task_done" });
    const [row] = await db.query<{ payload: MetricEvent }>(
      "SELECT payload FROM outbox ORDER BY id DESC LIMIT 1",
    );
    expect(event).toEqual(row?.payload);
  });

  it("skips a message that breaks the schema and keeps consuming", async () => {
    const ann = await server.login("ann@firm.test");
    const stream = await openSse<MetricEvent>(`${server.url}/api/planner/metrics/stream`, ann);
    const producer = createMetricsProducer(testBrokers(), `bad-message-${randomUUID()}`);
    try {
      const good = sampleMetricEvent({
        client_id: server.annHousehold,
        planner_id: (await db.query<{ id: string }>("SELECT id FROM users WHERE email = 'ann@firm.test'"))[0]
          ?.id,
      });
      await producer.send({
        messages: [
          { topic: METRICS_TOPIC, key: server.annHousehold, value: "{not json" },
          {
            topic: METRICS_TOPIC,
            key: server.annHousehold,
            value: JSON.stringify({ ...good, metric_value: 12 }),
          },
          { topic: METRICS_TOPIC, key: server.annHousehold, value: encodeMetricEvent(good) },
        ],
      });
      await stream.waitFor((events) => events.some((e) => e.event_id === good.event_id));
      expect(stream.events.filter((e) => e.event_id === good.event_id)).toEqual([good]);
    } finally {
      stream.close();
      await producer.close();
    }
  });
});
