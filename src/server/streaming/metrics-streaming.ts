import { recordMetricsChange } from "../../app/planner-metrics.ts";
import type { ReferenceData } from "../../data/reference-data.ts";
import type { Database } from "../../db/database.ts";
import type { Logger } from "../logger.ts";
import { createMetricsProducer, ensureMetricsTopic } from "./kafka-clients.ts";
import { type RunningConsumer, startMetricsConsumer } from "./metrics-consumer.ts";
import { MetricsHub } from "./metrics-hub.ts";
import { OutboxRelay, type RelayOptions } from "./outbox-relay.ts";
import { inProcessPublisher, kafkaPublisher } from "./publishers.ts";

/**
 * The metrics pipeline of a server: outbox relay → Kafka → consumer group → dashboard hub, or,
 * without brokers (the embedded default), outbox relay → dashboard hub in-process.
 */
export interface MetricsStreaming {
  readonly hub: MetricsHub;
  readonly relay: OutboxRelay;
  /** Wakes the relay after a transaction wrote events. */
  notify(): void;
  close(): Promise<void>;
}

export interface StreamingSettings {
  readonly db: Database;
  readonly logger: Logger;
  /** Kafka bootstrap brokers; null for in-process delivery. */
  readonly brokers: readonly string[] | null;
  readonly groupId?: string;
  readonly relay?: RelayOptions;
}

/** The pipeline around a running relay; `closeRest` releases what else it holds (Kafka clients). */
function pipeline(hub: MetricsHub, relay: OutboxRelay, closeRest: () => Promise<void>): MetricsStreaming {
  relay.start();
  return {
    hub,
    relay,
    notify: () => relay.notify(),
    async close() {
      hub.close();
      await relay.stop();
      await closeRest();
    },
  };
}

export async function startMetricsStreaming(settings: StreamingSettings): Promise<MetricsStreaming> {
  const { db, logger, brokers } = settings;
  const hub = new MetricsHub();
  if (!brokers) {
    const relay = new OutboxRelay(
      db,
      inProcessPublisher(hub, (row, reason) =>
        logger.warn({ outboxId: row.id, reason }, "skipped an invalid metric event"),
      ),
      logger,
      settings.relay,
    );
    return pipeline(hub, relay, async () => undefined);
  }
  await ensureMetricsTopic(brokers);
  const producer = createMetricsProducer(brokers);
  const relay = new OutboxRelay(db, kafkaPublisher(producer), logger, settings.relay);
  let consumer: RunningConsumer | null = null;
  try {
    consumer = await startMetricsConsumer(brokers, settings.groupId ?? "finplan-dashboard", hub, logger);
  } catch (error) {
    await producer.close();
    throw error;
  }
  return pipeline(hub, relay, async () => {
    await consumer?.close();
    await producer.close();
  });
}

/**
 * Recomputes every household's metrics on a schedule (each in its own transaction, with its
 * outbox events), so scores decay and months roll over without a change to trigger them.
 */
export function scheduleMetricsRecompute(
  db: Database,
  refs: ReferenceData,
  now: () => Date,
  onEvents: () => void,
  logger: Logger,
  everyMs: number,
): () => void {
  const run = async () => {
    const households = await db.query<{ household_id: string }>(
      "SELECT DISTINCT household_id FROM planner_clients",
    );
    for (const { household_id } of households) {
      await db.transaction((tx) => recordMetricsChange(tx, household_id, refs, now()));
    }
    onEvents();
  };
  const timer = setInterval(() => {
    run().catch((error: unknown) =>
      logger.warn(
        { error: error instanceof Error ? error.message : String(error) },
        "scheduled metrics failed",
      ),
    );
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Publishes every unsent outbox row to Kafka now (for one-shot commands); returns how many. */
export async function drainOutboxToKafka(
  db: Database,
  brokers: readonly string[],
  logger: Logger,
): Promise<number> {
  await ensureMetricsTopic(brokers);
  const producer = createMetricsProducer(brokers, "finplan-cli");
  try {
    const relay = new OutboxRelay(db, kafkaPublisher(producer), logger);
    let total = 0;
    for (let sent = await relay.relayOnce(); sent > 0; sent = await relay.relayOnce()) total += sent;
    return total;
  } finally {
    await producer.close();
  }
}
