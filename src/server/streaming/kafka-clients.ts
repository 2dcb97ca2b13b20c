import {
  Admin,
  Consumer,
  ProduceAcks,
  Producer,
  stringDeserializers,
  stringSerializers,
} from "@platformatic/kafka";
import {
  METRICS_TOPIC,
  METRICS_TOPIC_PARTITIONS,
  METRICS_TOPIC_RETENTION_MS,
} from "../../app/metric-event.ts";

/**
 * Kafka clients for the metrics topic (@platformatic/kafka, which speaks the Kafka 4 protocol).
 * KAFKA_BROKERS is a comma-separated list of host:port.
 */
export function brokersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] | null {
  const list = (env.KAFKA_BROKERS ?? "")
    .split(",")
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  return list.length > 0 ? list : null;
}

/** Creates the topic with its contract (3 partitions, 30-day retention) when it is missing. */
export async function ensureMetricsTopic(brokers: readonly string[]): Promise<void> {
  const admin = new Admin({ clientId: "finplan-admin", bootstrapBrokers: [...brokers], retries: 5 });
  try {
    const topics = await admin.listTopics();
    if (topics.includes(METRICS_TOPIC)) return;
    try {
      await admin.createTopics({
        topics: [METRICS_TOPIC],
        partitions: METRICS_TOPIC_PARTITIONS,
        replicas: 1,
        configs: [{ name: "retention.ms", value: METRICS_TOPIC_RETENTION_MS }],
      });
    } catch (error) {
      // Another process created it between the list and the create.
      if (!(await admin.listTopics()).includes(METRICS_TOPIC)) throw error;
    }
  } finally {
    await admin.close();
  }
}

export type MetricsProducer = Producer<string, string, string, string>;

/**
 * An idempotent producer (the broker drops a retried batch it already has), acks from all
 * in-sync replicas, lz4-compressed batches. Keys are hashed with murmur2 like Kafka's own
 * default partitioner, so a client_id always maps to the same partition.
 */
export function createMetricsProducer(
  brokers: readonly string[],
  clientId = "finplan-metrics",
): MetricsProducer {
  return new Producer({
    clientId,
    bootstrapBrokers: [...brokers],
    serializers: stringSerializers,
    idempotent: true,
    acks: ProduceAcks.ALL,
    compression: "lz4",
    retries: 3,
    retryDelay: 250,
  });
}

export type MetricsConsumer = Consumer<string, string, string, string>;

export function createMetricsConsumer(brokers: readonly string[], groupId: string): MetricsConsumer {
  return new Consumer({
    clientId: `${groupId}-consumer`,
    groupId,
    bootstrapBrokers: [...brokers],
    deserializers: stringDeserializers,
    retries: true,
    retryDelay: 500,
  });
}
