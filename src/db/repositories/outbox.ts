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

/**
 * Takes or renews the outbox relay lease for `holder` for `ttlMs`: granted when nobody holds it,
 * when `holder` already does, or when the holder's lease has expired. Answers whether it was
 * granted. One statement, so two relays asking at once cannot both win.
 */
export async function claimRelayLease(db: Queryable, holder: string, ttlMs: number): Promise<boolean> {
  const granted = await db.query(
    `INSERT INTO outbox_relay_lease (id, holder, expires_at)
     VALUES (true, $1, clock_timestamp() + $2 * interval '1 millisecond')
     ON CONFLICT (id) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
     WHERE outbox_relay_lease.holder = EXCLUDED.holder OR outbox_relay_lease.expires_at < clock_timestamp()
     RETURNING holder`,
    [holder, ttlMs],
  );
  return granted.length === 1;
}

/** Gives the lease up, if `holder` has it, so another relay can take over at once. */
export async function releaseRelayLease(db: Queryable, holder: string): Promise<void> {
  await db.query("DELETE FROM outbox_relay_lease WHERE holder = $1", [holder]);
}

/** Who holds the outbox relay lease and until when, or null when nobody does. */
export async function relayLeaseHolder(db: Queryable): Promise<{ holder: string; expiresAt: Date } | null> {
  const [row] = await db.query<{ holder: string; expires_at: unknown }>(
    "SELECT holder, expires_at FROM outbox_relay_lease WHERE expires_at >= clock_timestamp()",
  );
  return row ? { holder: row.holder, expiresAt: new Date(row.expires_at as string | Date) } : null;
}
