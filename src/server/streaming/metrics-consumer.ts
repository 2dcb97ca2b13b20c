import { METRICS_TOPIC, parseMetricMessage } from "../../app/metric-event.ts";
import type { Logger } from "../logger.ts";
import { createMetricsConsumer, type MetricsConsumer } from "./kafka-clients.ts";
import type { MetricsHub } from "./metrics-hub.ts";

export interface RunningConsumer {
  close(): Promise<void>;
}

export interface ConsumerOptions {
  /** How often the stall watchdog compares the position with the topic's end offsets. */
  readonly stallCheckMs?: number;
}

/**
 * The server's consumer group on the metrics topic: every valid event goes to the dashboard hub
 * (which drops event_ids it has already delivered); a message that breaks the schema is logged
 * with its reason and skipped. A new group starts from the earliest retained message.
 *
 * After a broker restart the client library can leave a fetch loop idle while messages wait on
 * the broker. A watchdog therefore checks the topic's end offsets every few seconds: when nothing
 * arrived since the last check although a partition's end is past what was consumed, it replaces
 * the consumer with a fresh member of the same group, which resumes from the committed offsets;
 * anything read twice is dropped by the hub.
 */
export async function startMetricsConsumer(
  brokers: readonly string[],
  groupId: string,
  hub: MetricsHub,
  logger: Logger,
  options: ConsumerOptions = {},
): Promise<RunningConsumer> {
  const next = new Map<number, bigint>();
  let received = 0;
  let consumer: MetricsConsumer | null = null;
  let closing = false;

  async function open(): Promise<void> {
    const created = createMetricsConsumer(brokers, groupId);
    const stream = await created.consume({
      topics: [METRICS_TOPIC],
      mode: "committed",
      fallbackMode: "earliest",
      autocommit: 500,
      maxWaitTime: 100,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
    });
    stream.on("data", (message) => {
      received += 1;
      next.set(message.partition, message.offset + 1n);
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
    consumer = created;
  }

  let seenAtLastCheck = -1;
  async function checkForStall(): Promise<void> {
    if (!consumer || closing) return;
    const ends = (await consumer.listOffsets({ topics: [METRICS_TOPIC] })).get(METRICS_TOPIC) ?? [];
    const behind = ends.some((end, partition) => {
      if (!next.has(partition)) next.set(partition, end); // first look: only later growth counts
      return end > (next.get(partition) ?? end);
    });
    const idle = received === seenAtLastCheck;
    seenAtLastCheck = received;
    if (!(behind && idle) || closing) return;
    logger.warn({ groupId }, "metrics consumer idle behind the topic end; rejoining the group");
    const stale = consumer;
    consumer = null;
    try {
      await stale.close(true);
    } catch {
      // the old member may already be gone with its connections
    }
    if (!closing) await open();
  }

  await open();
  const watchdog = setInterval(() => {
    checkForStall().catch((error: unknown) =>
      logger.warn(
        { error: error instanceof Error ? error.message : String(error) },
        "metrics consumer check failed",
      ),
    );
  }, options.stallCheckMs ?? 3_000);
  watchdog.unref();

  return {
    async close() {
      closing = true;
      clearInterval(watchdog);
      await consumer?.close(true);
    },
  };
}
