import type { Queryable } from "../database.ts";
import type { User } from "./users.ts";

export interface StoredToken {
  readonly id: string;
  readonly userId: string;
  readonly kind: "session" | "api";
  readonly csrfToken: string | null;
}

export async function insertToken(
  db: Queryable,
  token: StoredToken & { readonly tokenHash: string; readonly name: string | null; readonly expiresAt: Date },
): Promise<void> {
  await db.query(
    "INSERT INTO auth_tokens (id, token_hash, user_id, kind, name, csrf_token, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    [
      token.id,
      token.tokenHash,
      token.userId,
      token.kind,
      token.name,
      token.csrfToken,
      token.expiresAt.toISOString(),
    ],
  );
}

/** The live (unexpired, unrevoked) token with this hash and its user, in one query. */
export async function findLiveToken(
  db: Queryable,
  tokenHash: string,
  now: Date,
): Promise<{ token: StoredToken; user: User; expiresAt: Date } | null> {
  const [row] = await db.query<{
    id: string;
    user_id: string;
    kind: "session" | "api";
    csrf_token: string | null;
    expires_at: Date | string;
    email: string;
    role: User["role"];
    display_name: string;
  }>(
    `SELECT t.id, t.user_id, t.kind, t.csrf_token, t.expires_at, u.email, u.role, u.display_name
     FROM auth_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2`,
    [tokenHash, now.toISOString()],
  );
  if (!row) return null;
  return {
    token: { id: row.id, userId: row.user_id, kind: row.kind, csrfToken: row.csrf_token },
    user: { id: row.user_id, email: row.email, role: row.role, displayName: row.display_name },
    expiresAt: new Date(row.expires_at),
  };
}

/** Revokes a token of this user; false when there is no such live token (or it is someone else's). */
export async function revokeToken(db: Queryable, id: string, userId: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    "UPDATE auth_tokens SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id",
    [id, userId, now.toISOString()],
  );
  return rows.length > 0;
}

export async function countRecentFailedLogins(db: Queryable, email: string, since: Date): Promise<number> {
  const [row] = await db.query<{ n: unknown }>(
    "SELECT count(*) AS n FROM login_attempts WHERE email = $1 AND attempted_at > $2",
    [email, since.toISOString()],
  );
  return Number(row?.n ?? 0);
}

export async function recordFailedLogin(db: Queryable, email: string, at: Date): Promise<void> {
  await db.query("INSERT INTO login_attempts (email, attempted_at) VALUES ($1, $2)", [
    email,
    at.toISOString(),
  ]);
}

export async function clearFailedLogins(db: Queryable, email: string): Promise<void> {
  await db.query("DELETE FROM login_attempts WHERE email = $1", [email]);
}
