import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { authenticate } from "../app/accounts.ts";
import type { Database } from "../db/database.ts";
import type { AppEnv } from "./app.ts";
import type { AuthCache } from "./auth-cache.ts";
import { errorBody } from "./errors.ts";

export const SESSION_COOKIE = "finplan_session";
export const CSRF_COOKIE = "finplan_csrf";
export const CSRF_HEADER = "x-csrf-token";

/** Routes anyone may call: logging in, the OpenAPI document and the health check. */
const PUBLIC = new Set(["/api/auth/login", "/api/openapi.json", "/api/health"]);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every other /api route needs a user: a bearer token (CLI, integrations) or the session cookie
 * (web). The user always comes from the token, never from the request body. Cookie-authenticated
 * requests that change state must also echo the session's CSRF token in the X-CSRF-Token header
 * (double submit), which a cross-site form cannot do.
 */
export function authenticateRequests(ctx: {
  readonly db: Database;
  readonly now: () => Date;
  readonly authCache: AuthCache;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (PUBLIC.has(c.req.path)) return next();
    const header = c.req.header("authorization");
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = getCookie(c, SESSION_COOKIE);
    const token = bearer ?? cookie;
    let auth = token ? ctx.authCache.get(token, ctx.now()) : null;
    if (token && !auth) {
      auth = await authenticate(ctx.db, token, ctx.now());
      if (auth) ctx.authCache.put(token, auth, ctx.now());
    }
    if (!auth) return c.json(errorBody("unauthorized", "log in, or send Authorization: Bearer <token>"), 401);
    if (!bearer && !SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== auth.csrfToken) {
      return c.json(errorBody("forbidden", "missing or wrong X-CSRF-Token header for a cookie session"), 403);
    }
    c.set("auth", auth);
    return next();
  };
}
