import type { Authenticated } from "../app/accounts.ts";

/** How long a verified token is trusted without asking the database again. */
export const AUTH_CACHE_SECONDS = 10;
const MAX_ENTRIES = 10_000;

/**
 * Recently verified tokens, so a busy client does not cost a database round trip per request.
 * An entry lives AUTH_CACHE_SECONDS and never past the token's own expiry. A logout or revocation
 * handled by this process empties the cache at once; with several server processes, a token
 * revoked by another one stops working here within AUTH_CACHE_SECONDS.
 */
export class AuthCache {
  private readonly entries = new Map<string, { auth: Authenticated; until: number }>();

  get(token: string, now: Date): Authenticated | null {
    const entry = this.entries.get(token);
    if (!entry) return null;
    if (entry.until <= now.getTime()) {
      this.entries.delete(token);
      return null;
    }
    return entry.auth;
  }

  put(token: string, auth: Authenticated, now: Date): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const until = Math.min(now.getTime() + AUTH_CACHE_SECONDS * 1000, auth.expiresAt.getTime());
    this.entries.set(token, { auth, until });
  }

  /** Forget everything: called on every logout and token revocation. */
  clear(): void {
    this.entries.clear();
  }
}
