import type { Logger } from "../logger.ts";
import { createMetricsConsumer } from "./kafka-clients.ts";
import { METRICS_TOPIC, parseMetricMessage } from "./metric-event.ts";
import type { MetricsHub } from "./metrics-hub.ts";

export interface RunningConsumer {
  close(): Promise<void>;
}

/**
 * The server's consumer group on the metrics topic: every valid event goes to the dashboard hub
 * (which drops event_ids it has already delivered); a message that breaks the schema is logged
 * with its reason and skipped. A new group starts from the earliest retained message.
 */
export async function startMetricsConsumer(
  brokers: readonly string[],
  groupId: string,
  hub: MetricsHub,
  logger: Logger,
): Promise<RunningConsumer> {
  const consumer = createMetricsConsumer(brokers, groupId);
  const stream = await consumer.consume({
    topics: [METRICS_TOPIC],
    mode: "committed",
    fallbackMode: "earliest",
    autocommit: 500,
    maxWaitTime: 100,
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
  });
  stream.on("data", (message) => {
    const parsed = parseMetricMessage(message.value);
    if (parsed.ok) hub.deliver(parsed.event);
    else
      logger.warn(
        {
          topic: METRICS_TOPIC,
          partition: message.partition,
          offset: String(message.offset),
          reason: parsed.reason,
        },
        "skipped an invalid metric event",
      );
  });
  stream.on("error", (error: Error) => logger.warn({ error: error.message }, "metrics consumer error"));
  return {
    async close() {
      await stream.close();
      await consumer.close(true);
    },
  };
}
