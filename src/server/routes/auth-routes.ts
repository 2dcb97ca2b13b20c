import { createRoute, z } from "@hono/zod-openapi";
import { setCookie } from "hono/cookie";
import {
  createAccount,
  createAccountRequest,
  issueToken,
  login,
  loginRequest,
  revoke,
} from "../../app/accounts.ts";
import { ForbiddenError, NotFoundError } from "../../core/errors.ts";
import { listUsers } from "../../db/repositories/users.ts";
import type { App, ServerContext } from "../app.ts";
import type { AuthCache } from "../auth-cache.ts";
import { CSRF_COOKIE, SESSION_COOKIE } from "../authentication.ts";
import {
  authenticated,
  ErrorSchema,
  errorResponses,
  notFoundResponse,
  PageQuery,
  pageOf,
  UUID,
} from "./shared-schemas.ts";

const UserSchema = z
  .object({
    id: z.string().uuid(),
    email: z.string(),
    role: z.enum(["client", "planner", "admin"]),
    display_name: z.string(),
  })
  .openapi("User");

const LoginResponse = z
  .object({ token: z.string(), csrf_token: z.string(), expires_at: z.string(), user: UserSchema })
  .openapi("Session");

function userJson(user: {
  id: string;
  email: string;
  role: "client" | "planner" | "admin";
  displayName: string;
}) {
  return { id: user.id, email: user.email, role: user.role, display_name: user.displayName };
}

export function registerAuthRoutes(app: App, ctx: ServerContext, authCache: AuthCache): void {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/auth/login",
      tags: ["auth"],
      summary: "Log in with email and password",
      description:
        "Returns a token for `Authorization: Bearer` and sets an HttpOnly session cookie for the web, with a CSRF " +
        "token (also in the `finplan_csrf` cookie) to send as `X-CSRF-Token` on state-changing cookie requests. " +
        "Five failed attempts for one email within 15 minutes lock further attempts for that window (429).",
      request: { body: { content: { "application/json": { schema: loginRequest } }, required: true } },
      responses: {
        200: { description: "Logged in", content: { "application/json": { schema: LoginResponse } } },
        ...errorResponses,
        429: {
          description: "Too many failed attempts",
          content: { "application/json": { schema: ErrorSchema } },
        },
      },
    }),
    async (c) => {
      const session = await login(ctx.db, c.req.valid("json"), ctx.now());
      const secure = new URL(c.req.url).protocol === "https:";
      const maxAge = Math.floor((session.expiresAt.getTime() - ctx.now().getTime()) / 1000);
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: "Strict",
        path: "/",
        secure,
        maxAge,
      });
      setCookie(c, CSRF_COOKIE, session.csrfToken, {
        httpOnly: false,
        sameSite: "Strict",
        path: "/",
        secure,
        maxAge,
      });
      return c.json(
        {
          token: session.token,
          csrf_token: session.csrfToken,
          expires_at: session.expiresAt.toISOString(),
          user: userJson(session.user),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/auth/logout",
      tags: ["auth"],
      summary: "Log out: revoke the token or session used for this request",
      security: authenticated,
      responses: { 204: { description: "Logged out" }, ...errorResponses },
    }),
    async (c) => {
      const auth = c.get("auth");
      await revoke(ctx.db, auth.user, auth.tokenId, ctx.now());
      authCache.clear();
      setCookie(c, SESSION_COOKIE, "", { path: "/", maxAge: 0 });
      setCookie(c, CSRF_COOKIE, "", { path: "/", maxAge: 0 });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/me",
      tags: ["auth"],
      summary: "The logged-in user",
      security: authenticated,
      responses: {
        200: { description: "The user", content: { "application/json": { schema: UserSchema } } },
        ...errorResponses,
      },
    }),
    (c) => c.json(userJson(c.get("auth").user), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/auth/tokens",
      tags: ["auth"],
      summary: "Create a long-lived API token for the CLI or an integration",
      security: authenticated,
      request: {
        body: {
          content: { "application/json": { schema: z.object({ name: z.string().trim().min(1).max(80) }) } },
          required: true,
        },
      },
      responses: {
        201: {
          description: "The token, shown once",
          content: {
            "application/json": {
              schema: z.object({ id: z.string(), token: z.string(), expires_at: z.string() }),
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const issued = await issueToken(ctx.db, c.get("auth").user, "api", c.req.valid("json").name, ctx.now());
      return c.json(
        { id: issued.tokenId, token: issued.token, expires_at: issued.expiresAt.toISOString() },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/auth/tokens/{id}",
      tags: ["auth"],
      summary: "Revoke one of your tokens or sessions",
      security: authenticated,
      request: { params: z.object({ id: z.string() }) },
      responses: { 204: { description: "Revoked" }, ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const id = c.req.valid("param").id;
      const revoked = UUID.test(id) && (await revoke(ctx.db, c.get("auth").user, id, ctx.now()));
      if (!revoked) throw new NotFoundError("no such token");
      authCache.clear();
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/users",
      tags: ["admin"],
      summary: "List users (admin)",
      security: authenticated,
      request: { query: PageQuery },
      responses: {
        200: {
          description: "A page of users",
          content: {
            "application/json": {
              schema: z.object({
                items: z.array(UserSchema),
                total: z.number(),
                limit: z.number(),
                offset: z.number(),
              }),
            },
          },
        },
        ...errorResponses,
        403: { description: "Not an admin", content: { "application/json": { schema: ErrorSchema } } },
      },
    }),
    async (c) => {
      if (c.get("auth").user.role !== "admin") throw new ForbiddenError("only an admin manages users");
      const { limit, offset } = c.req.valid("query");
      const page = await listUsers(ctx.db, limit, offset);
      return c.json(pageOf(page.items.map(userJson), page.total, limit, offset), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/users",
      tags: ["admin"],
      summary: "Create a user (admin); a client gets a household, linked to their planner when given",
      security: authenticated,
      request: {
        body: { content: { "application/json": { schema: createAccountRequest } }, required: true },
      },
      responses: {
        201: {
          description: "Created",
          content: {
            "application/json": {
              schema: z.object({ user: UserSchema, household_id: z.string().nullable() }),
            },
          },
        },
        ...errorResponses,
        403: { description: "Not an admin", content: { "application/json": { schema: ErrorSchema } } },
        409: {
          description: "Email already registered",
          content: { "application/json": { schema: ErrorSchema } },
        },
      },
    }),
    async (c) => {
      if (c.get("auth").user.role !== "admin") throw new ForbiddenError("only an admin manages users");
      const created = await createAccount(ctx.db, c.req.valid("json"));
      return c.json({ user: userJson(created.user), household_id: created.householdId }, 201);
    },
  );
}
