import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueMetricEvent } from "../../src/app/planner-metrics.ts";
import type { Database } from "../../src/db/database.ts";
import { countUnsentOutbox } from "../../src/db/repositories/outbox.ts";
import { createLogger } from "../../src/server/logger.ts";
import {
  type MetricsStreaming,
  startMetricsStreaming,
} from "../../src/server/streaming/metrics-streaming.ts";
import { type KafkaBroker, startKafka } from "../setup/kafka-broker.ts";
import { freshDatabase } from "../support/databases.ts";
import { sampleMetricEvent } from "../support/kafka.ts";

const EVENTS = 10_000;
const PER_TRANSACTION = 100;
const HALT_AFTER = 3_000;
const CLIENTS = Array.from({ length: 50 }, () => randomUUID());

/**
 * The broker goes away in the middle of a stream of events and comes back: the outbox keeps every
 * event while it is down, the relay retries, and the dashboard receives every event_id exactly
 * once. This suite runs its own broker, so stopping it disturbs no other test.
 */
describe("a broker outage in the middle of 10,000 events", () => {
  let broker: KafkaBroker;
  let db: Database;
  let streaming: MetricsStreaming;

  beforeAll(async () => {
    broker = await startKafka();
    db = await freshDatabase("pglite");
    streaming = await startMetricsStreaming({
      db,
      logger: createLogger(process.env.LOG_LEVEL ?? "silent"),
      brokers: [broker.bootstrap],
      groupId: `outage-${randomUUID()}`,
      relay: { pollMs: 10, initialBackoffMs: 100, maxBackoffMs: 1_000 },
    });
  }, 120_000);
  afterAll(async () => {
    await streaming?.close();
    await db?.close();
    await broker?.stop();
  }, 60_000);

  it("delivers every event_id to the dashboard exactly once", async () => {
    const deliveries = new Map<string, number>();
    let allDelivered!: () => void;
    const done = new Promise<void>((resolve) => {
      allDelivered = resolve;
    });
    streaming.hub.subscribe((event) => {
      deliveries.set(event.event_id, (deliveries.get(event.event_id) ?? 0) + 1);
      if (deliveries.size === EVENTS) allDelivered();
    });

    const written: string[] = [];
    let haltedWhileUnsent = 0;
    let deliveredBeforeHalt = 0;
    for (let start = 0; start < EVENTS; start += PER_TRANSACTION) {
      await db.transaction(async (tx) => {
        for (let i = start; i < start + PER_TRANSACTION; i++) {
          const event = sampleMetricEvent({
            client_id: CLIENTS[i % CLIENTS.length] as string,
            metric_value: `${i}.0`,
          });
          await enqueueMetricEvent(tx, event);
          written.push(event.event_id);
        }
      });
      streaming.notify();
      // Let the relay and the consumer run between transactions, so events are in flight when the broker stops.
      await new Promise((r) => setTimeout(r, 20));
      if (start + PER_TRANSACTION === HALT_AFTER) {
        deliveredBeforeHalt = deliveries.size;
        await broker.halt();
      }
    }
    haltedWhileUnsent = await countUnsentOutbox(db);
    await broker.resume();
    await done;

    // The broker stopped mid-stream: some events had arrived, and those written while it was down
    // waited in the outbox.
    expect(deliveredBeforeHalt).toBeGreaterThan(0);
    expect(deliveredBeforeHalt).toBeLessThan(EVENTS);
    expect(haltedWhileUnsent).toBeGreaterThanOrEqual(EVENTS - HALT_AFTER);
    expect(new Set(deliveries.keys())).toEqual(new Set(written));
    expect([...deliveries.values()].every((n) => n === 1)).toBe(true);
    // The relay marks a batch sent once the broker acknowledges it, which can come just after the
    // consumer has already delivered it: give the last marks a moment.
    let unsent = await countUnsentOutbox(db);
    for (let waited = 0; unsent > 0 && waited < 15_000; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
      unsent = await countUnsentOutbox(db);
    }
    expect(unsent).toBe(0);
  }, 120_000);
});
