import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import type { Database } from "../../src/db/database.ts";
import { migrate } from "../../src/db/migrate.ts";
import { openDatabase } from "../../src/db/open-database.ts";
import { openPostgres } from "../../src/db/postgres-database.ts";

/**
 * Both databases the product runs on, for integration suites that must pass on each:
 * an in-memory PGlite, and a fresh database on the real PostgreSQL server of this test run.
 */
export const DATABASE_KINDS = ["pglite", "postgres"] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

/** A new, migrated, empty database of the given kind; close it when done. */
export async function freshDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === "pglite") {
    const db = await openDatabase({ dataDir: "memory://" });
    await migrate(db);
    return db;
  }
  const serverUrl = inject("postgresUrl");
  const name = `finplan_test_${randomBytes(6).toString("hex")}`;
  const admin = await openPostgres(serverUrl, 1);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString() });
  await migrate(db);
  return db;
}
