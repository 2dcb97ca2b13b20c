import { hostname } from "node:os";
import { recordMetricsChange } from "../../app/planner-metrics.ts";
import type { ReferenceData } from "../../data/reference-data.ts";
import type { Database } from "../../db/database.ts";
import { relayLeaseHolder } from "../../db/repositories/outbox.ts";
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

/**
 * The consumer group of a server's dashboards. Each server needs every event (its planners may
 * follow any client), so servers sharing a topic must not share a group, which would split the
 * partitions between them. Named after the host and port, it stays the same across a restart, so
 * the server resumes where it stopped instead of reading the topic's 30 days again.
 */
export function dashboardGroupId(port: number): string {
  return `finplan-dashboard-${hostname()}-${port}`;
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

export interface RecomputeSchedule {
  readonly db: Database;
  readonly refs: ReferenceData;
  readonly now: () => Date;
  /** Called after a round wrote its events (wakes the relay). */
  readonly onEvents: () => void;
  readonly logger: Logger;
  readonly everyMs: number;
  /**
   * Asked before each round; a round is skipped when it answers false. Servers sharing a database
   * pass "my relay holds the outbox lease", so one of them recomputes, not each.
   */
  readonly when?: () => boolean;
}

/**
 * Recomputes every household's metrics on a schedule (each in its own transaction, with its
 * outbox events), so scores decay and months roll over without a change to trigger them.
 */
export function scheduleMetricsRecompute({
  db,
  refs,
  now,
  onEvents,
  logger,
  everyMs,
  when = () => true,
}: RecomputeSchedule): () => void {
  const run = async () => {
    if (!when()) return;
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

/**
 * Publishes every unsent outbox row to Kafka now (for one-shot commands). Answers how many rows it
 * sent and, when a running server's relay holds the outbox lease (that server publishes them), who
 * holds it: then nothing is sent from here, so two relays never publish at once.
 */
export async function drainOutboxToKafka(
  db: Database,
  brokers: readonly string[],
  logger: Logger,
): Promise<{ sent: number; publishedBy: string | null }> {
  await ensureMetricsTopic(brokers);
  const producer = createMetricsProducer(brokers, "finplan-cli");
  const relay = new OutboxRelay(db, kafkaPublisher(producer), logger);
  try {
    let sent = 0;
    for (let batch = await relay.relayOnce(); batch !== null && batch > 0; batch = await relay.relayOnce())
      sent += batch;
    return { sent, publishedBy: relay.leader ? null : ((await relayLeaseHolder(db))?.holder ?? null) };
  } finally {
    await relay.releaseLease();
    await producer.close();
  }
}
