import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Database } from "./database.ts";

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));
const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
/** Serialises concurrent migrators on a server (any constant shared by every Finplan process). */
const MIGRATION_LOCK = 5_290_529;

export interface Migration {
  readonly version: string;
  readonly name: string;
  readonly sql: string;
}

/** The numbered SQL files in src/db/migrations, in order. */
export function migrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((file) => MIGRATION_FILE.test(file))
    .sort()
    .map((file) => ({
      version: file.slice(0, 4),
      name: file.replace(/\.sql$/, ""),
      sql: readFileSync(`${MIGRATIONS_DIR}${file}`, "utf8"),
    }));
}

/**
 * Applies every migration not yet recorded in `schema_migrations`, each in its own transaction with
 * its record, so a failure leaves the database at the previous version. Running it again applies
 * nothing. Returns the names applied.
 */
export async function migrate(db: Database): Promise<string[]> {
  await db.query(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  const applied: string[] = [];
  for (const migration of migrations()) {
    const done = await db.transaction(async (tx) => {
      if (db.kind === "postgres") await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      const existing = await tx.query("SELECT 1 FROM schema_migrations WHERE version = $1", [
        migration.version,
      ]);
      if (existing.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}
