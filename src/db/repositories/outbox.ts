import { asInteger, type Queryable } from "../database.ts";

/**
 * The transactional outbox: events are inserted with the change that caused them (same
 * transaction), and the relay reads them back in id order.
 */
export interface OutboxRow {
  readonly id: number;
  readonly eventId: string;
  readonly topic: string;
  readonly key: string;
  /** The event as JSON text, exactly as it will be published. */
  readonly value: string;
}

export async function insertOutboxEvent(
  db: Queryable,
  event: { eventId: string; topic: string; key: string; payload: unknown },
): Promise<void> {
  await db.query("INSERT INTO outbox (event_id, topic, message_key, payload) VALUES ($1, $2, $3, $4)", [
    event.eventId,
    event.topic,
    event.key,
    JSON.stringify(event.payload),
  ]);
}

export async function unsentOutboxRows(db: Queryable, limit: number): Promise<OutboxRow[]> {
  const rows = await db.query<{
    id: unknown;
    event_id: string;
    topic: string;
    message_key: string;
    payload: string;
  }>(
    `SELECT id, event_id, topic, message_key, payload::text AS payload FROM outbox
     WHERE sent_at IS NULL ORDER BY id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: asInteger(r.id),
    eventId: r.event_id,
    topic: r.topic,
    key: r.message_key,
    value: r.payload,
  }));
}

export async function markOutboxSent(db: Queryable, ids: readonly number[]): Promise<void> {
  await db.query("UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])", [
    ids.map(String),
  ]);
}

export async function recordOutboxFailure(
  db: Queryable,
  ids: readonly number[],
  error: string,
): Promise<void> {
  await db.query("UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])", [
    ids.map(String),
    error.slice(0, 500),
  ]);
}

export async function countUnsentOutbox(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: unknown }>("SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL");
  return asInteger(row?.n ?? 0);
}
