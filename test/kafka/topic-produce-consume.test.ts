import { randomUUID } from "node:crypto";
import { Admin, ConfigResourceTypes } from "@platformatic/kafka";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  encodeMetricEvent,
  METRICS_TOPIC,
  type MetricEvent,
  parseMetricMessage,
} from "../../src/app/metric-event.ts";
import {
  createMetricsConsumer,
  createMetricsProducer,
  ensureMetricsTopic,
  type MetricsProducer,
} from "../../src/server/streaming/kafka-clients.ts";
import { sampleMetricEvent, testBrokers } from "../support/kafka.ts";

describe("the planner-relationship-metrics topic on a real Kafka broker", () => {
  const brokers = testBrokers();
  let producer: MetricsProducer;

  beforeAll(async () => {
    await ensureMetricsTopic(brokers);
    producer = createMetricsProducer(brokers, `topic-test-${randomUUID()}`);
  });
  afterAll(async () => {
    await producer?.close();
  });

  it("exists with 3 partitions and 30-day retention, and creating it again is a no-op", async () => {
    await ensureMetricsTopic(brokers);
    const admin = new Admin({ clientId: "topic-test", bootstrapBrokers: brokers });
    try {
      const metadata = await admin.metadata({ topics: [METRICS_TOPIC] });
      expect(metadata.topics.get(METRICS_TOPIC)?.partitionsCount).toBe(3);
      const [description] = await admin.describeConfigs({
        resources: [
          {
            resourceType: ConfigResourceTypes.TOPIC,
            resourceName: METRICS_TOPIC,
            configurationKeys: ["retention.ms"],
          },
        ],
      });
      const retention = description?.configs.find((c) => c.name === "retention.ms");
      expect(retention?.value).toBe("2592000000");
    } finally {
      await admin.close();
    }
  });

  it("delivers a produced metric to a consumer with the same content, and one key always to one partition", async () => {
    const clientId = randomUUID();
    const events: MetricEvent[] = [0, 1, 2, 3, 4].map((i) =>
      sampleMetricEvent({ client_id: clientId, metric_value: `${60 + i}.50` }),
    );
    const other = sampleMetricEvent();
    await producer.send({
      messages: [...events, other].map((e) => ({
        topic: METRICS_TOPIC,
        key: e.client_id,
        value: encodeMetricEvent(e),
      })),
    });

    const consumer = createMetricsConsumer(brokers, `topic-test-${randomUUID()}`);
    const wanted = new Set([...events, other].map((e) => e.event_id));
    const received = new Map<string, { event: MetricEvent; partition: number; key: string }>();
    try {
      const stream = await consumer.consume({ topics: [METRICS_TOPIC], mode: "earliest", autocommit: false });
      for await (const message of stream) {
        const parsed = parseMetricMessage(message.value);
        if (parsed.ok && wanted.has(parsed.event.event_id)) {
          received.set(parsed.event.event_id, {
            event: parsed.event,
            partition: message.partition,
            key: message.key,
          });
        }
        if (received.size === wanted.size) break;
      }
    } finally {
      await consumer.close(true);
    }

    for (const event of [...events, other]) {
      const got = received.get(event.event_id);
      expect(got?.event).toEqual(event);
      expect(got?.key).toBe(event.client_id);
    }
    const partitions = new Set(events.map((e) => received.get(e.event_id)?.partition));
    expect(partitions.size).toBe(1);
    // Same client, same partition, so the consumer saw its events in the order they were sent.
    const order = [...received.values()].filter((r) => r.key === clientId).map((r) => r.event.metric_value);
    expect(order).toEqual(events.map((e) => e.metric_value));
  });
});
