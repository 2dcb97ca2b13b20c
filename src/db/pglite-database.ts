import { PGlite, types } from "@electric-sql/pglite";
import type { Database, Queryable } from "./database.ts";

/**
 * The embedded database: PostgreSQL in WebAssembly, persisted in a folder (or in memory for
 * tests). One connection, so it suits one household's workbench, not a busy multi-user server.
 */
export async function openPglite(dataDir: string | null): Promise<Database> {
  // DATE columns stay text (YYYY-MM-DD), as with the server driver, instead of becoming a Date.
  const options = { parsers: { [types.DATE]: (text: string) => text } };
  const db = dataDir === null ? new PGlite(options) : new PGlite(dataDir, options);
  await db.waitReady;
  const query: Queryable["query"] = async (sql, params) => {
    const result = await db.query(sql, params ? [...params] : []);
    return result.rows as never;
  };
  return {
    kind: "pglite",
    query,
    transaction(work) {
      return db.transaction(async (tx) =>
        work({
          async query(sql, params) {
            const result = await tx.query(sql, params ? [...params] : []);
            return result.rows as never;
          },
          async exec(sql) {
            await tx.exec(sql);
          },
        }),
      );
    },
    async close() {
      await db.close();
    },
  };
}
