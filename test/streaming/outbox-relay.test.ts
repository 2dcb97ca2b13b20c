import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { METRICS_TOPIC } from "../../src/app/metric-event.ts";
import type { Database } from "../../src/db/database.ts";
import {
  claimRelayLease,
  countUnsentOutbox,
  insertOutboxEvent,
  type OutboxRow,
  relayLeaseHolder,
} from "../../src/db/repositories/outbox.ts";
import { createLogger } from "../../src/server/logger.ts";
import { OutboxRelay } from "../../src/server/streaming/outbox-relay.ts";
import { DATABASE_KINDS, freshDatabase } from "../support/databases.ts";
import { sampleMetricEvent } from "../support/kafka.ts";

const CLIENTS = [randomUUID(), randomUUID(), randomUUID()];

/** Writes `n` events round-robin over three clients, each in its own transaction, as the app does. */
async function writeEvents(db: Database, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const event = sampleMetricEvent({ client_id: CLIENTS[i % 3] as string, metric_value: `${i}.0` });
    await db.transaction((tx) =>
      insertOutboxEvent(tx, {
        eventId: event.event_id,
        topic: METRICS_TOPIC,
        key: event.client_id,
        payload: event,
      }),
    );
    ids.push(event.event_id);
  }
  return ids;
}

/** A publisher that fails its first `failures` calls, like a broker that is down, then records. */
function flakyPublisher(failures: number) {
  const published: OutboxRow[] = [];
  let calls = 0;
  return {
    published,
    get calls() {
      return calls;
    },
    async publish(rows: readonly OutboxRow[]) {
      calls += 1;
      if (calls <= failures) throw new Error("broker unavailable");
      published.push(...rows);
    },
  };
}

describe("outbox relay", () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDatabase("pglite");
  });
  afterEach(async () => {
    await db.close();
  });

  it("publishes in id order, so each key's events stay in the order they were written", async () => {
    const written = await writeEvents(db, 25);
    const publisher = flakyPublisher(0);
    const relay = new OutboxRelay(db, publisher, createLogger("silent"), { batchSize: 10 });
    expect(await relay.relayOnce()).toBe(10);
    expect(await relay.relayOnce()).toBe(10);
    expect(await relay.relayOnce()).toBe(5);
    expect(await relay.relayOnce()).toBe(0);
    expect(publisher.published.map((r) => r.eventId)).toEqual(written);
    for (const client of CLIENTS) {
      const values = publisher.published
        .filter((r) => r.key === client)
        .map((r) => JSON.parse(r.value).metric_value);
      expect(values).toEqual([...values].sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b)));
    }
    expect(await countUnsentOutbox(db)).toBe(0);
  });

  it("keeps failed rows unsent with the error recorded, then delivers all of them once the publisher recovers", async () => {
    const written = await writeEvents(db, 12);
    const publisher = flakyPublisher(3);
    const relay = new OutboxRelay(db, publisher, createLogger("silent"), {
      batchSize: 5,
      pollMs: 5,
      initialBackoffMs: 5,
      maxBackoffMs: 20,
    });
    await expect(relay.relayOnce()).rejects.toThrow("broker unavailable");
    const [failed] = await db.query<{ attempts: number; last_error: string; sent: boolean }>(
      "SELECT attempts, last_error, sent_at IS NOT NULL AS sent FROM outbox ORDER BY id LIMIT 1",
    );
    expect(failed).toEqual({ attempts: 1, last_error: "broker unavailable", sent: false });

    relay.start();
    while ((await countUnsentOutbox(db)) > 0) await new Promise((r) => setTimeout(r, 10));
    await relay.stop();
    expect(publisher.calls).toBeGreaterThan(3);
    expect(publisher.published.map((r) => r.eventId)).toEqual(written);
  });

  it("backs off exponentially up to the cap", () => {
    const relay = new OutboxRelay(db, flakyPublisher(0), createLogger("silent"), {
      initialBackoffMs: 100,
      maxBackoffMs: 1_000,
    });
    expect([1, 2, 3, 4, 5, 6].map((n) => relay.backoffMs(n))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });
});

describe.each(DATABASE_KINDS)("outbox relays of several servers on one %s database", (kind) => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDatabase(kind);
  });
  afterEach(async () => {
    await db.close();
  });

  const relayOf = (holder: string, publish: (rows: readonly OutboxRow[]) => Promise<void>) =>
    new OutboxRelay(db, { publish }, createLogger("silent"), { batchSize: 20, pollMs: 5, holder });
  const untilSent = async () => {
    while ((await countUnsentOutbox(db)) > 0) await new Promise((r) => setTimeout(r, 10));
  };

  it("publish every row once and in id order, one relay at a time", async () => {
    const written = await writeEvents(db, 300);
    const sent: { by: string; eventId: string }[] = [];
    // A publisher that yields mid-batch, so the other relay gets every chance to interleave.
    const publisherFor = (by: string) => async (rows: readonly OutboxRow[]) => {
      for (const row of rows) {
        sent.push({ by, eventId: row.eventId });
        await new Promise((r) => setImmediate(r));
      }
    };
    const first = relayOf("server A", publisherFor("server A"));
    const second = relayOf("server B", publisherFor("server B"));
    first.start();
    second.start();
    await untilSent();
    await Promise.all([first.stop(), second.stop()]);
    expect(sent.map((s) => s.eventId)).toEqual(written);
    expect(new Set(sent.map((s) => s.by)).size).toBe(1);
  });

  it("hand over when the publishing relay stops: the other one takes the lease and publishes", async () => {
    const published: string[] = [];
    const first = relayOf("server A", async (rows) => void published.push(...rows.map(() => "A")));
    const second = relayOf("server B", async (rows) => void published.push(...rows.map(() => "B")));
    await writeEvents(db, 5);
    expect(await first.relayOnce()).toBe(5);
    expect(await second.relayOnce()).toBeNull();
    await first.stop();
    await writeEvents(db, 4);
    expect(await second.relayOnce()).toBe(4);
    expect(second.leader).toBe(true);
    expect(published).toEqual(["A", "A", "A", "A", "A", "B", "B", "B", "B"]);
    await second.stop();
  });

  it("wait out the lease of a relay that died holding it, then publish", async () => {
    expect(await claimRelayLease(db, "server that died", 300)).toBe(true);
    await writeEvents(db, 3);
    const survivor = relayOf("server B", async () => undefined);
    expect(await survivor.relayOnce()).toBeNull();
    expect((await relayLeaseHolder(db))?.holder).toBe("server that died");
    await new Promise((r) => setTimeout(r, 400));
    expect(await survivor.relayOnce()).toBe(3);
    expect((await relayLeaseHolder(db))?.holder).toBe("server B");
    await survivor.stop();
    expect(await relayLeaseHolder(db)).toBeNull();
  });
});
