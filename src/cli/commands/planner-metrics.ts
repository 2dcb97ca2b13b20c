import type { Command } from "commander";
import { type ClientMetrics, clientMetrics, recordMetricsChange } from "../../app/planner-metrics.ts";
import { ValidationError } from "../../core/errors.ts";
import { referenceData } from "../../data/reference-data.ts";
import { migrate } from "../../db/migrate.ts";
import { databaseSettingsFromEnv, openDatabase } from "../../db/open-database.ts";
import { clientsOf } from "../../db/repositories/planner-metrics.ts";
import { findUserByEmail, findUserById, type User } from "../../db/repositories/users.ts";
import { createLogger } from "../../server/logger.ts";
import { brokersFromEnv } from "../../server/streaming/kafka-clients.ts";
import { drainOutboxToKafka } from "../../server/streaming/metrics-streaming.ts";
import { percent, print, printJson, renderTable } from "../output.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUS_MARK = { on_track: "on track", at_risk: "AT RISK", off_track: "OFF TRACK" } as const;
const TREND_MARK = { improving: "↑", steady: "→", declining: "↓" } as const;

const score = (value: number | null) => (value === null ? "—" : value.toFixed(1));

/** What became of the events written: sent from here, or left to the server that holds the outbox lease. */
function publishedText(
  events: number,
  drained: { sent: number; publishedBy: string | null },
  brokers: readonly string[],
): string {
  return drained.publishedBy === null
    ? `Published ${events} events; ${drained.sent} outbox rows sent to Kafka at ${brokers.join(",")}.`
    : `Wrote ${events} events to the outbox; the running server (${drained.publishedBy}) publishes them to Kafka.`;
}

function goalSummary(metrics: ClientMetrics): string {
  if (metrics.goals.length === 0) return "no goals with a target";
  return metrics.goals
    .map(
      (g) =>
        `${g.name} ${percent(g.fundedRatio, 0)} ${STATUS_MARK[g.status]}${g.trend ? ` ${TREND_MARK[g.trend]}` : ""}`,
    )
    .join("; ");
}

function render(
  planner: User,
  rows: { name: string; metrics: ClientMetrics }[],
  published: string | null,
): string {
  const period = rows[0]?.metrics.period ?? "";
  const table = renderTable(
    ["Client", "Engagement", "Adherence", "Adh. month", "Goals", "Goal progress"],
    rows.map(({ name, metrics }) => [
      name,
      score(metrics.engagement.score),
      score(metrics.adherence.score),
      metrics.adherenceMonth ?? "—",
      score(metrics.goalProgress),
      goalSummary(metrics),
    ]),
    ["left", "right", "right", "left", "right", "left"],
  );
  return [
    `Relationship metrics for ${planner.email}, period ${period} (scores 0–100)`,
    "",
    rows.length === 0 ? "No linked clients." : table,
    "",
    "Engagement: recency-weighted interactions (30-day half-life). Adherence: savings rate, budgets and 529",
    "contributions against the plan for the latest month of spending on record. Goals: funded ratio, status, trend.",
    ...(published ? ["", published] : []),
  ].join("\n");
}

async function findPlanner(db: Parameters<typeof findUserById>[0], who: string): Promise<User> {
  const user = UUID.test(who) ? await findUserById(db, who) : await findUserByEmail(db, who);
  if (user?.role !== "planner") throw new ValidationError("--planner", `no planner "${who}"`);
  return user;
}

export function registerPlannerMetricsCommand(parent: Command): void {
  parent
    .command("metrics")
    .description(
      "Each linked client's engagement, plan adherence and goal progress as of now. With --publish the " +
        "metrics are also written as events (planner-relationship-metrics) and sent to Kafka when " +
        "KAFKA_BROKERS is set; without it they wait in the outbox for the server's relay.",
    )
    .requiredOption("--planner <email or id>", "the planner whose clients to report")
    .option("--publish", "emit the metrics as events")
    .option("--json", "print JSON")
    .action(async (options: { planner: string; publish?: boolean; json?: boolean }) => {
      const refs = referenceData();
      const db = await openDatabase(databaseSettingsFromEnv());
      try {
        await migrate(db);
        const planner = await findPlanner(db, options.planner.trim());
        const now = new Date();
        const rows = [];
        for (const client of await clientsOf(db, planner.id)) {
          rows.push({ name: client.name, metrics: await clientMetrics(db, client.id, refs, now) });
        }
        let published: string | null = null;
        if (options.publish) {
          let events = 0;
          for (const { metrics } of rows) {
            events += (await db.transaction((tx) => recordMetricsChange(tx, metrics.householdId, refs, now)))
              .length;
          }
          const brokers = brokersFromEnv();
          published = brokers
            ? publishedText(events, await drainOutboxToKafka(db, brokers, createLogger("warn")), brokers)
            : `Wrote ${events} events to the outbox; the server delivers them (KAFKA_BROKERS is not set).`;
        }
        if (options.json) printJson({ planner: planner.email, clients: rows, published });
        else print(render(planner, rows, published));
      } finally {
        await db.close();
      }
    });
}
