import pg from "pg";
import { StartupError } from "../core/errors.ts";
import type { Database } from "./database.ts";

// DATE columns stay text (YYYY-MM-DD) instead of becoming a Date at local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (text) => text);

/**
 * Statement text → a name under which each pooled connection prepares it once, so the server
 * parses and plans a hot query (a visibility check, the monthly roll-up) once per connection
 * rather than on every request. Bounded, because statements whose text varies (a batch insert with
 * a generated placeholder list) would otherwise fill every connection's statement cache; past the
 * bound, new texts run unnamed as before.
 */
class PreparedNames {
  readonly #names = new Map<string, string>();
  constructor(private readonly limit = 500) {}

  of(sql: string): string | undefined {
    let name = this.#names.get(sql);
    if (name === undefined && this.#names.size < this.limit) {
      name = `finplan_${this.#names.size + 1}`;
      this.#names.set(sql, name);
    }
    return name;
  }
}

/** A PostgreSQL server reached through a connection pool (DATABASE_URL). */
export async function openPostgres(connectionString: string, maxConnections = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // Fail at start-up, with the driver's reason, rather than at the first request.
  const probe = await pool.connect().catch(async (error: Error) => {
    await pool.end();
    const url = new URL(connectionString);
    throw new StartupError(
      `cannot reach PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname} (DATABASE_URL): ${error.message}`,
      { cause: error },
    );
  });
  probe.release();
  const prepared = new PreparedNames();
  return {
    kind: "postgres",
    async query(sql, params) {
      const result = await pool.query({
        name: prepared.of(sql),
        text: sql,
        values: params ? [...params] : [],
      });
      return result.rows;
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({
          async query(sql, params) {
            const values = params ? [...params] : [];
            return (await client.query({ name: prepared.of(sql), text: sql, values })).rows;
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
