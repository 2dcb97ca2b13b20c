import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../src/app/accounts.ts";
import { clientMetrics } from "../../src/app/planner-metrics.ts";
import { referenceData } from "../../src/data/reference-data.ts";
import type { Database } from "../../src/db/database.ts";
import { countUnsentOutbox } from "../../src/db/repositories/outbox.ts";
import { createLogger } from "../../src/server/logger.ts";
import { scheduleMetricsRecompute } from "../../src/server/streaming/metrics-streaming.ts";
import { DATABASE_KINDS, freshDatabase } from "../support/databases.ts";

const AS_OF = new Date("2026-11-20T12:00:00Z");

describe.each(DATABASE_KINDS)("metrics from stored plan data on %s", (kind) => {
  let db: Database;
  let household: string;

  beforeAll(async () => {
    db = await freshDatabase(kind);
    await createAccount(db, { email: "ann@firm.test", password: "correct horse battery", role: "planner" });
    const client = await createAccount(db, {
      email: "carla@client.test",
      password: "correct horse battery",
      role: "client",
      planner: "ann@firm.test",
    });
    household = client.householdId as string;
    await db.query(
      `INSERT INTO spending_categories (household_id, month, food_dining, travel, income, savings_contributions, investments)
       VALUES ($1, '2026-10-01', 550, 1000, 10000, 500, 250)`,
      [household],
    );
    await db.query("INSERT INTO plan_targets (household_id, savings_rate) VALUES ($1, 0.15)", [household]);
    await db.query(
      "INSERT INTO category_budgets (household_id, category, monthly_amount) VALUES ($1, 'food_dining', 500), ($1, 'travel', 500)",
      [household],
    );
    const beneficiary = randomUUID();
    await db.query(
      "INSERT INTO beneficiaries (id, household_id, name, birth_date, balance, monthly_contribution) VALUES ($1, $2, 'Ava', '2015-05-01', 20000, 400)",
      [beneficiary, household],
    );
    await db.query(
      "INSERT INTO contributions_529 (id, beneficiary_id, contributed_on, amount) VALUES ($1, $2, '2026-10-15', 300)",
      [randomUUID(), beneficiary],
    );
    await db.query(
      "INSERT INTO goals (id, household_id, kind, name, target_amount, target_date, created_at) VALUES ($1, $2, 'college', 'Ava college', 80000, '2033-09-01', '2020-09-01T00:00:00Z')",
      [randomUUID(), household],
    );
  });
  afterAll(async () => {
    await db.close();
  });

  it("measures adherence on the latest complete month on record and the college goal against its target", async () => {
    // November is the month in progress on the 20th: its spending so far is not judged yet.
    await db.query(
      `INSERT INTO spending_categories (household_id, month, food_dining, travel, income)
       VALUES ($1, '2026-11-01', 90, 0, 0)`,
      [household],
    );
    const metrics = await clientMetrics(db, household, referenceData(), AS_OF);
    await db.query("DELETE FROM spending_categories WHERE household_id = $1 AND month = '2026-11-01'", [
      household,
    ]);
    expect(metrics.adherenceMonth).toBe("2026-10");
    // Saved 750 of 10,000 = 7.5% against 15% → 50; budgets (500·0.9 + 500·0) / 1000 → 45; 529: 300 of 400 → 75.
    expect(metrics.adherence).toMatchObject({ savings: 50, budget: 45, contributions529: 75, score: 56.7 });
    const college = metrics.goals.find((g) => g.kind === "college");
    // 20,000 of 80,000 = 0.25 with about 47% of the time from 2020-09 to 2033-09 gone: pace ≈ 0.53.
    expect(college).toMatchObject({ fundedRatio: 0.25, status: "off_track", trend: null });
  });

  /** A recompute every `everyMs` as of AS_OF; `rounds()` counts the rounds that wrote events. */
  function schedule(everyMs: number, when?: () => boolean) {
    let ran = 0;
    const stop = scheduleMetricsRecompute({
      db,
      refs: referenceData(),
      now: () => AS_OF,
      onEvents: () => ran++,
      logger: createLogger("silent"),
      everyMs,
      ...(when ? { when } : {}),
    });
    return { stop, rounds: () => ran };
  }

  it("recomputes linked households on a schedule and writes their events to the outbox", async () => {
    const before = await countUnsentOutbox(db);
    const { stop, rounds } = schedule(50);
    while (rounds() === 0) await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(await countUnsentOutbox(db)).toBeGreaterThanOrEqual(before + 3);
    const metrics = await clientMetrics(db, household, referenceData(), AS_OF);
    expect(metrics.goals.find((g) => g.kind === "college")?.trend).toBe("steady");
  });

  it("skips scheduled rounds while told to: another server's relay holds the outbox lease", async () => {
    const before = await countUnsentOutbox(db);
    let asked = 0;
    const { stop, rounds } = schedule(20, () => {
      asked += 1;
      return false;
    });
    while (asked < 3) await new Promise((r) => setTimeout(r, 10));
    stop();
    expect(rounds()).toBe(0);
    expect(await countUnsentOutbox(db)).toBe(before);
  });
});
