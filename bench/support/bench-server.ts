/**
 * A Finplan API server for the HTTP benchmarks, in its own process so the load generator does not
 * share its event loop: a fresh database (DATABASE_URL when set, else PGlite in memory), the demo
 * firm, a benchmark planner with two client households — one holding ten years of generated
 * statements, one empty for the import benchmark. Prints one JSON line when ready; stops on SIGTERM.
 */
import { createAccount, issueToken } from "../../src/app/accounts.ts";
import { ensureDemoData } from "../../src/app/demo-data.ts";
import { importIntoHousehold } from "../../src/app/household-spending.ts";
import { utcDateOf } from "../../src/core/dates.ts";
import { cardCsv, checkingCsv, generateDemoHousehold } from "../../src/core/spending/demo-household.ts";
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
const password = "benchmark-password";
const { user } = await createAccount(db, { email: "bench@finplan.test", password, role: "planner" });
const tenYears = await createAccount(db, {
  email: "ten-years@finplan.test",
  password,
  role: "client",
  planner: user.email,
});
const empty = await createAccount(db, {
  email: "import@finplan.test",
  password,
  role: "client",
  planner: user.email,
});
const statements = generateDemoHousehold({ seed: 11, months: 120, start: "2016-01" });
for (const [name, text] of [
  ["checking.csv", checkingCsv(statements.checking)],
  ["card.csv", cardCsv(statements.card)],
]) {
  await importIntoHousehold(db, tenYears.householdId!, name!, [text!], { columns: undefined });
}
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
process.stdout.write(
  `${JSON.stringify({
    url: server.url,
    token: session.token,
    tenYearsHousehold: tenYears.householdId,
    emptyHousehold: empty.householdId,
  })}\n`,
);
process.once("SIGTERM", async () => {
  await server.close();
  await db.close();
  process.exit(0);
});
