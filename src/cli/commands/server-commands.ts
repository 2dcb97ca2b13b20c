import type { Command } from "commander";
import { createAccount, createAccountRequest } from "../../app/accounts.ts";
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_PLANNER, ensureDemoData } from "../../app/demo-data.ts";
import { utcDateOf } from "../../core/dates.ts";
import { integer, validate } from "../../core/validation.ts";
import { defaultFundListStore } from "../../data/fund-list-store.ts";
import { referenceData } from "../../data/reference-data.ts";
import type { Database } from "../../db/database.ts";
import { migrate } from "../../db/migrate.ts";
import { databaseSettingsFromEnv, describeDatabase, openDatabase } from "../../db/open-database.ts";
import { loadReferenceTables } from "../../db/reference-tables.ts";
import { createApp } from "../../server/app.ts";
import { listen } from "../../server/listen.ts";
import { createLogger } from "../../server/logger.ts";
import { brokersFromEnv } from "../../server/streaming/kafka-clients.ts";
import {
  dashboardGroupId,
  scheduleMetricsRecompute,
  startMetricsStreaming,
} from "../../server/streaming/metrics-streaming.ts";
import { flagName, requestFromOptions, withFlagNames } from "../options.ts";
import { print, printJson } from "../output.ts";

/** Opens the configured database (DATABASE_URL, else the embedded one), runs `work`, closes it. */
async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(databaseSettingsFromEnv());
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

export function registerServerCommands(program: Command): void {
  program
    .command("serve")
    .description(
      "Start the HTTP API: migrate the database, load the reference data, and serve /api (docs at /docs). " +
        "Uses DATABASE_URL when set, else the embedded database in FINPLAN_DATA_DIR (default ./.finplan/db). " +
        "PORT sets the port (default 8080). Planner metrics go through Kafka when KAFKA_BROKERS is set " +
        "(host:port,…), else straight to the dashboard stream in-process; they are recomputed on each change and hourly.",
    )
    .option("--port <port>", "port to listen on (default: PORT or 8080)")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--demo", "create the demo planner and three sample client households if they are missing")
    .action(async (options: { port?: string; host: string; demo?: boolean }) => {
      const port = validate(
        integer({ min: 0, max: 65_535 }),
        options.port ?? process.env.PORT ?? "8080",
        () => (options.port ? flagName("port") : "PORT"),
      );
      const settings = databaseSettingsFromEnv();
      const logger = createLogger();
      const refs = referenceData();
      const db = await openDatabase(settings);
      const applied = await migrate(db);
      await loadReferenceTables(db, refs);
      if (options.demo) await ensureDemoData(db, utcDateOf(new Date()));
      const fundLists = defaultFundListStore(refs.education.baselineFundLists);
      const metrics = await startMetricsStreaming({
        db,
        logger,
        brokers: brokersFromEnv(),
        groupId: dashboardGroupId(port),
      });
      const stopSchedule = scheduleMetricsRecompute({
        db,
        refs,
        now: () => new Date(),
        onEvents: metrics.notify,
        logger,
        everyMs: 3_600_000,
        // Of several servers on one database, the one publishing the outbox recomputes.
        when: () => metrics.relay.leader,
      });
      const server = await listen(
        createApp({ db, refs, fundLists, now: () => new Date(), logger, metrics }),
        port,
        options.host,
      ).catch(async (error: unknown) => {
        // Nothing may keep the process alive after a failed start: stop what already runs.
        stopSchedule();
        await metrics.close();
        await db.close();
        throw error;
      });
      print(
        `Finplan API on ${server.url}  (docs: ${server.url}/docs, database: ${describeDatabase(settings)})`,
      );
      if (applied.length > 0) print(`Migrations applied: ${applied.join(", ")}`);
      if (options.demo) {
        print(`Demo logins (password ${DEMO_PASSWORD}): planner ${DEMO_PLANNER}, admin ${DEMO_ADMIN},`);
        print("  clients rivera@demo.finplan, chen@demo.finplan, okafor@demo.finplan");
        print(
          `Try: curl -s -X POST ${server.url}/api/auth/login -H 'content-type: application/json' ` +
            `-d '{"email":"${DEMO_PLANNER}","password":"${DEMO_PASSWORD}"}'`,
        );
      }
      const stop = async () => {
        stopSchedule();
        // Closing the pipeline first ends the open dashboard streams, so the server can close.
        await metrics.close();
        await server.close();
        await db.close();
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });

  const db = program.command("db").description("database maintenance");
  db.command("migrate")
    .description("apply the numbered SQL migrations not yet applied (safe to run again)")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const applied = await withDatabase(migrate);
      if (options.json) printJson({ applied });
      else print(applied.length === 0 ? "Database is up to date." : `Applied: ${applied.join(", ")}`);
    });

  const data = program.command("data").description("reference data");
  data
    .command("load")
    .description(
      "validate every reference file in data/ and copy the 529 plans and glide paths into the database " +
        "(safe to run again: rows are replaced with the current files)",
    )
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      const refs = referenceData();
      const counts = await withDatabase(async (db) => {
        await migrate(db);
        return loadReferenceTables(db, refs);
      });
      if (options.json) printJson(counts);
      else print(`Loaded ${counts.plans} 529 plans and ${counts.glidePathYears} glide-path years.`);
    });

  const user = program.command("user").description("user accounts");
  user
    .command("create")
    .description(
      "create a user; a client also gets a household, linked to their planner when --planner is given",
    )
    .requiredOption("--email <email>", "login email")
    .requiredOption("--password <password>", "at least 10 characters")
    .requiredOption("--role <role>", "client, planner or admin")
    .option("--planner <email>", "for a client: their planner's email")
    .option("--display-name <name>", "name shown in the app (default: the part of the email before @)")
    .option("--json", "print JSON")
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const request = requestFromOptions(createAccountRequest, options);
      const created = await withFlagNames(() =>
        withDatabase(async (db) => {
          await migrate(db);
          return createAccount(db, request);
        }),
      );
      if (options.json) printJson({ user: created.user, householdId: created.householdId });
      else
        print(
          `Created ${created.user.role} ${created.user.email} (${created.user.id})` +
            (created.householdId ? `, household ${created.householdId}` : ""),
        );
    });
}
