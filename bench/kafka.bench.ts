import { randomUUID } from "node:crypto";
import { encodeMetricEvent, METRICS_TOPIC, type MetricEvent } from "../src/app/metric-event.ts";
import { enqueueMetricEvent } from "../src/app/planner-metrics.ts";
import { percentileInPlace } from "../src/core/statistics.ts";
import type { Database } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import { openDatabase } from "../src/db/open-database.ts";
import { createLogger } from "../src/server/logger.ts";
import { createMetricsProducer, ensureMetricsTopic } from "../src/server/streaming/kafka-clients.ts";
import { startMetricsStreaming } from "../src/server/streaming/metrics-streaming.ts";
import { startKafka } from "../test/setup/kafka-broker.ts";
import type { BenchmarkResult, BenchmarkSuite } from "./harness.ts";

const PRODUCE_EVENTS = 200_000;
const PRODUCE_BATCH = 2_000;
const IN_FLIGHT = 4;
const LATENCY_RATE = 1_000; // events per second
const LATENCY_SECONDS = 10;
const TICK_MS = 10;

function event(i: number, clients: readonly string[]): MetricEvent {
  return {
    event_id: randomUUID(),
    planner_id: "7c0f1a64-0b7e-4a53-9e89-2f5b8e6f1d01",
    client_id: clients[i % clients.length] as string,
    metric_type: "engagement_score",
    metric_value: `${(i % 1000) / 10}`,
    period: "2026-11",
    timestamp: "2026-11-25T09:00:00.000Z",
  };
}

/** Idempotent, acks=all, lz4 producer: PRODUCE_EVENTS schema-checked events in batches, IN_FLIGHT sends at once. */
async function producerThroughput(brokers: string[], clients: readonly string[]): Promise<number> {
  const producer = createMetricsProducer(brokers, "bench-producer");
  try {
    const batches = Array.from({ length: PRODUCE_EVENTS / PRODUCE_BATCH }, (_, b) =>
      Array.from({ length: PRODUCE_BATCH }, (_, i) => {
        const e = event(b * PRODUCE_BATCH + i, clients);
        return { topic: METRICS_TOPIC, key: e.client_id, value: e };
      }),
    );
    await producer.send({
      messages: batches[0]!.slice(0, 10).map((m) => ({ ...m, value: encodeMetricEvent(m.value) })),
    });
    const start = performance.now();
    let next = 0;
    const lane = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        await producer.send({ messages: batch.map((m) => ({ ...m, value: encodeMetricEvent(m.value) })) });
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
    return PRODUCE_EVENTS / ((performance.now() - start) / 1000);
  } finally {
    await producer.close();
  }
}

/** One transaction writing the events to the outbox, as a change in the app does. */
function writeOutbox(db: Database, events: readonly MetricEvent[]): Promise<void> {
  return db.transaction(async (tx) => {
    for (const e of events) {
      await enqueueMetricEvent(tx, e);
    }
  });
}

/**
 * Outbox → relay → Kafka → consumer group → dashboard hub at LATENCY_RATE events/s: every TICK_MS
 * a transaction writes its share of events and wakes the relay; latency runs from the commit to
 * the hub's delivery.
 */
async function endToEndLatency(db: Database, brokers: string[], clients: readonly string[]) {
  const streaming = await startMetricsStreaming({
    db,
    logger: createLogger("warn"),
    brokers,
    groupId: `bench-${randomUUID()}`,
  });
  const committed = new Map<string, number>();
  const latencies: number[] = [];
  const total = LATENCY_RATE * LATENCY_SECONDS;
  let finished!: () => void;
  const done = new Promise<void>((resolve) => {
    finished = resolve;
  });
  streaming.hub.subscribe((e) => {
    const at = committed.get(e.event_id);
    if (at === undefined) return;
    latencies.push(performance.now() - at);
    if (latencies.length === total) finished();
  });
  try {
    // Warm-up: the producer's id, the group join and the first fetches happen before timing.
    const warm = Array.from({ length: 100 }, (_, i) => event(i, clients));
    const warmIds = new Set(warm.map((e) => e.event_id));
    const warmed = new Promise<void>((resolve) => {
      const stop = streaming.hub.subscribe((e) => {
        warmIds.delete(e.event_id);
        if (warmIds.size === 0) {
          stop();
          resolve();
        }
      });
    });
    await writeOutbox(db, warm);
    streaming.notify();
    await warmed;
    const perTick = (LATENCY_RATE * TICK_MS) / 1000;
    const start = performance.now();
    for (let tick = 0; tick * perTick < total; tick++) {
      const wait = start + tick * TICK_MS - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const events = Array.from({ length: perTick }, (_, i) => event(tick * perTick + i, clients));
      await writeOutbox(db, events);
      const now = performance.now();
      for (const e of events) committed.set(e.event_id, now);
      streaming.notify();
    }
    await Promise.race([done, new Promise((r) => setTimeout(r, 60_000))]);
  } finally {
    await streaming.close();
  }
  const sample = Float64Array.from(latencies);
  const p50 = sample.length > 0 ? percentileInPlace(sample, 0.5) : Number.NaN;
  const p99 = sample.length > 0 ? percentileInPlace(sample, 0.99) : Number.NaN;
  return { p50, p99, received: latencies.length, total };
}

export const kafkaBenchmarks: BenchmarkSuite = {
  name: "Kafka metrics",
  async run(): Promise<BenchmarkResult[]> {
    const broker = await startKafka();
    const db = await openDatabase({ dataDir: "memory://" });
    try {
      await migrate(db);
      const brokers = [broker.bootstrap];
      await ensureMetricsTopic(brokers);
      const clients = Array.from({ length: 500 }, () => randomUUID());
      const throughput = await producerThroughput(brokers, clients);
      const latency = await endToEndLatency(db, brokers, clients);
      return [
        {
          name: "Kafka producer throughput (local broker)",
          measured: throughput,
          unit: "events/s",
          goal: "min",
          target: 50_000,
          detail: `${PRODUCE_EVENTS.toLocaleString("en-US")} events, idempotent, acks=all, lz4, ${PRODUCE_BATCH} per send, ${IN_FLIGHT} in flight`,
        },
        {
          name: "Outbox → consumer latency p99 at 1,000 events/s",
          measured: latency.p99,
          unit: "ms",
          goal: "max",
          target: 200,
          detail: `p50 ${latency.p50.toFixed(1)} ms; ${latency.received}/${latency.total} events received; PGlite outbox`,
        },
      ];
    } finally {
      await db.close();
      await broker.stop();
    }
  },
};
