import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PLANNER, ensureDemoData } from "../../src/app/demo-data.ts";
import { migrate } from "../../src/db/migrate.ts";
import { openDatabase } from "../../src/db/open-database.ts";
import {
  claimRelayLease,
  countUnsentOutbox,
  relayLeaseHolder,
  releaseRelayLease,
} from "../../src/db/repositories/outbox.ts";
import { clientsOf, insertInteraction } from "../../src/db/repositories/planner-metrics.ts";
import { findUserByEmail } from "../../src/db/repositories/users.ts";
import { testBrokers } from "../support/kafka.ts";
import { runCli, runCliJson } from "../support/run-cli.ts";

describe("finplan planner metrics on the demo firm", () => {
  let dir: string;
  let household = "";
  const saved = { dir: process.env.FINPLAN_DATA_DIR, brokers: process.env.KAFKA_BROKERS };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "finplan-cli-metrics-"));
    process.env.FINPLAN_DATA_DIR = dir;
    const db = await openDatabase({ dataDir: dir });
    await migrate(db);
    await ensureDemoData(db, { year: 2026, month: 11, day: 25 });
    const planner = await findUserByEmail(db, DEMO_PLANNER);
    household = (await clientsOf(db, planner?.id as string))[0]?.id as string;
    await insertInteraction(db, {
      id: randomUUID(),
      householdId: household,
      plannerId: planner?.id ?? null,
      kind: "meeting",
      occurredAt: new Date(),
      responseMinutes: null,
    });
    await db.close();
  });
  afterAll(() => {
    for (const [key, value] of [
      ["FINPLAN_DATA_DIR", saved.dir],
      ["KAFKA_BROKERS", saved.brokers],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints each client's engagement, adherence and goals in an aligned table", async () => {
    const run = await runCli(["planner", "metrics", "--planner", DEMO_PLANNER]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Client\s+Engagement\s+Adherence/);
    expect(run.stdout).toContain("Retirement");
    const json = await runCliJson(["planner", "metrics", "--planner", DEMO_PLANNER]);
    const clients = json.clients as { metrics: { household_id: string; engagement: { score: number } } }[];
    expect(clients).toHaveLength(3);
    const met = clients.find((c) => c.metrics.household_id === household);
    expect(met?.metrics.engagement.score).toBeGreaterThan(0);
  });

  it("publishes the metrics to Kafka with --publish and KAFKA_BROKERS", async () => {
    process.env.KAFKA_BROKERS = testBrokers().join(",");
    const json = await runCliJson(["planner", "metrics", "--planner", DEMO_PLANNER, "--publish"]);
    expect(json.published).toMatch(/^Published \d+ events; \d+ outbox rows sent to Kafka/);
    const db = await openDatabase({ dataDir: dir });
    const [unsent] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL",
    );
    await db.close();
    expect(unsent?.n).toBe(0);
  });

  it("leaves the events to a running server whose relay holds the outbox lease, and says so", async () => {
    process.env.KAFKA_BROKERS = testBrokers().join(",");
    const db = await openDatabase({ dataDir: dir });
    await claimRelayLease(db, "server on host-a", 60_000);
    await db.close();
    const json = await runCliJson(["planner", "metrics", "--planner", DEMO_PLANNER, "--publish"]);
    expect(json.published).toMatch(
      /^Wrote \d+ events to the outbox; the running server \(server on host-a\) publishes them to Kafka\.$/,
    );
    const after = await openDatabase({ dataDir: dir });
    expect(await countUnsentOutbox(after)).toBeGreaterThan(0);
    expect((await relayLeaseHolder(after))?.holder).toBe("server on host-a");
    await releaseRelayLease(after, "server on host-a");
    await after.close();
  });

  it("rejects an unknown planner with exit code 2 and the flag name", async () => {
    const run = await runCli(["planner", "metrics", "--planner", "nobody@firm.test"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: --planner: no planner "nobody@firm.test"');
  });
});
