import { mkdirSync } from "node:fs";
import type { Database } from "./database.ts";
import { openPglite } from "./pglite-database.ts";
import { openPostgres } from "./postgres-database.ts";

export const DEFAULT_DATA_DIR = "./.finplan/db";

export interface DatabaseSettings {
  /** A PostgreSQL URL; when absent the embedded database is used. */
  readonly databaseUrl?: string | undefined;
  /** Folder of the embedded database; `memory://` keeps it in memory. */
  readonly dataDir?: string | undefined;
}

/** Settings from the environment: DATABASE_URL, else FINPLAN_DATA_DIR (default ./.finplan/db). */
export function databaseSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  return { databaseUrl: env.DATABASE_URL || undefined, dataDir: env.FINPLAN_DATA_DIR || DEFAULT_DATA_DIR };
}

export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  if (settings.databaseUrl) return openPostgres(settings.databaseUrl);
  const dir = settings.dataDir ?? DEFAULT_DATA_DIR;
  if (dir === "memory://") return openPglite(null);
  mkdirSync(dir, { recursive: true });
  return openPglite(dir);
}

/** A short description for logs and start-up output, without credentials. */
export function describeDatabase(settings: DatabaseSettings): string {
  if (settings.databaseUrl) {
    const url = new URL(settings.databaseUrl);
    return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  }
  return `embedded PGlite in ${settings.dataDir ?? DEFAULT_DATA_DIR}`;
}
