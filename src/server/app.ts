import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Authenticated } from "../app/accounts.ts";
import type { FundListStore } from "../data/fund-list-store.ts";
import type { ReferenceData } from "../data/reference-data.ts";
import type { Database } from "../db/database.ts";
import { AuthCache } from "./auth-cache.ts";
import { authenticateRequests } from "./authentication.ts";
import { errorBody, respondToError, validationBody } from "./errors.ts";
import type { Logger } from "./logger.ts";
import { registerAuthRoutes } from "./routes/auth-routes.ts";
import { registerBeneficiaryRoutes } from "./routes/beneficiary-routes.ts";
import { registerDocs } from "./routes/docs-routes.ts";
import { registerEducationRoutes } from "./routes/education-routes.ts";
import { registerHouseholdRoutes } from "./routes/household-routes.ts";
import { registerPlanRoutes } from "./routes/plan-routes.ts";
import { registerPlannerMetricsRoutes } from "./routes/planner-metrics-routes.ts";
import { registerPlannerRoutes } from "./routes/planner-routes.ts";
import { registerRetirementRoutes } from "./routes/retirement-routes.ts";
import { registerRetirementSimulationRoutes } from "./routes/retirement-simulation-routes.ts";
import { registerSpendingRoutes } from "./routes/spending-routes.ts";
import type { MetricsStreaming } from "./streaming/metrics-streaming.ts";
import { registerWebApp } from "./web-app.ts";

/** What every route needs: the database, the reference tables, a clock and a logger. */
export interface ServerContext {
  readonly db: Database;
  readonly refs: ReferenceData;
  /** Versioned 529 fund lists (baseline published lists plus ingested versions). */
  readonly fundLists: FundListStore;
  /** The current instant; injected so tests control time (sessions, rate limits, as-of dates). */
  readonly now: () => Date;
  readonly logger: Logger;
  /** The metrics pipeline (outbox relay and dashboard hub); absent, the metrics stream answers 503. */
  readonly metrics?: Pick<MetricsStreaming, "hub" | "notify">;
}

export interface AppEnv {
  Variables: { auth: Authenticated };
}

export type App = OpenAPIHono<AppEnv>;

/** JSON bodies above this size are refused with 413. */
export const JSON_BODY_LIMIT = 256 * 1024;
/** Statement uploads may be larger: a decade of a busy card account is a few megabytes. */
export const UPLOAD_BODY_LIMIT = 20 * 1024 * 1024;
const UPLOAD_PATH = /^\/api\/households\/[^/]+\/transactions\/import$/;

/** The largest body accepted on a path. */
export function bodyLimitFor(path: string): number {
  return UPLOAD_PATH.test(path.split("?")[0] ?? path) ? UPLOAD_BODY_LIMIT : JSON_BODY_LIMIT;
}

/**
 * Refuses bodies above the path's limit with 413. A body that declares its length is judged by the
 * header alone (the HTTP parser never reads past a declared length), which leaves the body unread
 * so the server adapter can parse it straight from the socket; requests without a body pass; only
 * a streamed (chunked) body is counted as it arrives.
 */
function limitBodies(): MiddlewareHandler<AppEnv> {
  const tooLarge = (c: Context, maxSize: number) =>
    c.json(errorBody("payload_too_large", `the body is larger than ${maxSize} bytes`), 413);
  const streamed = new Map(
    [JSON_BODY_LIMIT, UPLOAD_BODY_LIMIT].map((maxSize) => [
      maxSize,
      bodyLimit({ maxSize, onError: (c) => tooLarge(c, maxSize) }),
    ]),
  );
  return (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const maxSize = bodyLimitFor(c.req.path);
    const declared = c.req.header("content-length");
    if (declared !== undefined && c.req.header("transfer-encoding") === undefined) {
      return Number(declared) > maxSize ? Promise.resolve(tooLarge(c, maxSize)) : next();
    }
    return streamed.get(maxSize)!(c, next);
  };
}

export function createApp(ctx: ServerContext): App {
  const app: App = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return c.json(validationBody(result.error), 400);
      return undefined;
    },
  });
  app.onError((error, c) => respondToError(c, error, ctx.logger));
  app.notFound((c) => c.json(errorBody("not_found", `no route ${c.req.method} ${c.req.path}`), 404));
  app.use("/api/*", limitBodies());
  const authCache = new AuthCache();
  app.use("/api/*", authenticateRequests({ ...ctx, authCache }));
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "finplan_session",
  });
  registerAuthRoutes(app, ctx, authCache);
  registerHouseholdRoutes(app, ctx);
  registerRetirementRoutes(app, ctx);
  registerRetirementSimulationRoutes(app, ctx);
  registerEducationRoutes(app, ctx);
  registerBeneficiaryRoutes(app, ctx);
  registerPlannerRoutes(app, ctx);
  registerSpendingRoutes(app, ctx);
  registerPlannerMetricsRoutes(app, ctx);
  registerPlanRoutes(app, ctx);
  registerDocs(app);
  registerWebApp(app);
  return app;
}
