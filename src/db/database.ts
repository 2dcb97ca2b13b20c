/**
 * One small query interface over both databases the project runs on: PGlite (PostgreSQL compiled
 * to WebAssembly, the embedded default) and a PostgreSQL server (DATABASE_URL). SQL is written
 * once, parameterized with $1, $2…, in the dialect both accept.
 */
export interface Queryable {
  query<Row extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<Row[]>;
}

/** Statements inside one transaction; `exec` runs several statements without parameters (migrations). */
export interface Transaction extends Queryable {
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The drivers disagree on some types (an INT8 comes back as a number, a bigint or a string; the
 * pg driver returns NUMERIC as a string, as does PGlite). Repositories read columns through these
 * helpers, the one place the difference is settled.
 */
export function asInteger(value: unknown): number {
  const n =
    typeof value === "bigint" ? Number(value) : typeof value === "string" ? Number(value) : (value as number);
  if (!Number.isSafeInteger(n)) throw new TypeError(`expected an integer column, got ${String(value)}`);
  return n;
}

/** A NUMERIC column as its exact decimal text (never through a float). */
export function asDecimalText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "bigint") return value.toString();
  throw new TypeError(`expected a NUMERIC column as text, got ${typeof value}`);
}

/** A DATE column as YYYY-MM-DD (both drivers are set to return DATE as text). */
export function asIsoDate(value: unknown): string {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  throw new TypeError(`expected a DATE column as YYYY-MM-DD, got ${String(value)}`);
}
