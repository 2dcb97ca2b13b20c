import pg from "pg";
import type { Database } from "./database.ts";

// DATE columns stay text (YYYY-MM-DD) instead of becoming a Date at local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (text) => text);

/** A PostgreSQL server reached through a connection pool (DATABASE_URL). */
export async function openPostgres(connectionString: string, maxConnections = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // Fail at start-up, with the driver's reason, rather than at the first request.
  const probe = await pool.connect();
  probe.release();
  return {
    kind: "postgres",
    async query(sql, params) {
      const result = await pool.query(sql, params ? [...params] : []);
      return result.rows;
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({
          async query(sql, params) {
            return (await client.query(sql, params ? [...params] : [])).rows;
          },
          async exec(sql) {
            await client.query(sql);
          },
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
