/**
 * A Finplan API server for the HTTP benchmarks, in its own process so the load generator does not
 * share its event loop: a fresh database (PGlite in memory, or DATABASE_URL), one planner, the demo
 * households. Prints one JSON line {url, token} when ready; stops on SIGTERM.
 */

import { createAccount, issueToken } from "../../src/app/accounts.ts";
import { ensureDemoData } from "../../src/app/demo-data.ts";
import { utcDateOf } from "../../src/core/dates.ts";
import { defaultFundListStore } from "../../src/data/fund-list-store.ts";
import { referenceData } from "../../src/data/reference-data.ts";
import { migrate } from "../../src/db/migrate.ts";
import { openDatabase } from "../../src/db/open-database.ts";
import { createApp } from "../../src/server/app.ts";
import { listen } from "../../src/server/listen.ts";
import { createLogger } from "../../src/server/logger.ts";

const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: "memory://" });
await migrate(db);
await ensureDemoData(db, utcDateOf(new Date()));
const { user } = await createAccount(db, {
  email: "bench@finplan.test",
  password: "benchmark-password",
  role: "planner",
});
const session = await issueToken(db, user, "api", "bench", new Date());
const refs = referenceData();
const app = createApp({
  db,
  refs,
  fundLists: defaultFundListStore(refs.education.baselineFundLists),
  now: () => new Date(),
  logger: createLogger("silent"),
});
const server = await listen(app, 0, "127.0.0.1");
process.stdout.write(`${JSON.stringify({ url: server.url, token: session.token })}\n`);
process.once("SIGTERM", async () => {
  await server.close();
  await db.close();
  process.exit(0);
});
