import { parseMetricMessage } from "../../app/metric-event.ts";
import type { OutboxRow } from "../../db/repositories/outbox.ts";
import type { MetricsProducer } from "./kafka-clients.ts";
import type { MetricsHub } from "./metrics-hub.ts";
import type { EventPublisher } from "./outbox-relay.ts";

/** Publishes outbox rows to Kafka: key = client_id, value = the event JSON, in one produce call. */
export function kafkaPublisher(producer: MetricsProducer): EventPublisher {
  return {
    async publish(rows) {
      await producer.send({ messages: rows.map((r) => ({ topic: r.topic, key: r.key, value: r.value })) });
    },
  };
}

/**
 * The embedded default (no KAFKA_BROKERS): delivers outbox rows straight to the dashboard hub,
 * through the same schema check the Kafka consumer applies.
 */
export function inProcessPublisher(
  hub: MetricsHub,
  onInvalid: (row: OutboxRow, reason: string) => void,
): EventPublisher {
  return {
    async publish(rows) {
      for (const row of rows) {
        const parsed = parseMetricMessage(row.value);
        if (parsed.ok) hub.deliver(parsed.event);
        else onInvalid(row, parsed.reason);
      }
    },
  };
}
