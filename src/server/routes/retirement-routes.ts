import { createRoute } from "@hono/zod-openapi";
import { wire } from "../../app/json.ts";
import {
  backtestRequest,
  earningsHistory,
  gapRequest,
  historicalBacktestFor,
  retirementGapFor,
  socialSecurityEstimateFor,
  socialSecurityRequest,
} from "../../app/retirement.ts";
import { backtestJson, gapJson, socialSecurityJson } from "../../app/retirement-json.ts";
import {
  findRetirementProfile,
  householdGap,
  profileJson,
  putRetirementProfile,
  retirementProfileRequest,
} from "../../app/retirement-profiles.ts";
import { utcDateOf } from "../../core/dates.ts";
import { NotFoundError } from "../../core/errors.ts";
import type { App, ServerContext } from "../app.ts";
import { HouseholdParams, visibleHousehold } from "./household-routes.ts";
import { changeWithMetrics } from "./metrics-change.ts";
import { authenticated, jsonAnswer, jsonBody, notFoundResponse } from "./shared-schemas.ts";

export function registerRetirementRoutes(app: App, ctx: ServerContext): void {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/retirement/gap",
      tags: ["retirement"],
      summary: "Retirement gap, corrective moves and, optionally, a simulation",
      description:
        "Takes the flags of `finplan retirement gap` as snake_case keys (`--monthly-contribution` → " +
        "`monthly_contribution`) and answers with exactly the JSON of `finplan retirement gap --json`. Money as " +
        "decimal strings or numbers, rates as decimals. `earnings` (a list of {year, earnings}) replaces the CLI's " +
        "--earnings-file.",
      security: authenticated,
      request: { body: jsonBody(gapRequest.extend({ earnings: earningsHistory.optional() })) },
      responses: jsonAnswer("The gap report"),
    }),
    (c) => {
      const { earnings, ...request } = c.req.valid("json");
      const result = retirementGapFor(request, earnings ?? null, ctx.refs, utcDateOf(ctx.now()));
      return c.json(wire(gapJson(result)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/retirement/social-security",
      tags: ["retirement"],
      summary: "Social Security retirement estimate (as `finplan retirement ss --json`)",
      security: authenticated,
      request: { body: jsonBody(socialSecurityRequest.extend({ earnings: earningsHistory.optional() })) },
      responses: jsonAnswer(
        "AIME, PIA and the monthly benefit at 62, full retirement age, 70 and the chosen age",
      ),
    }),
    (c) => {
      const { earnings, ...request } = c.req.valid("json");
      const result = socialSecurityEstimateFor(request, earnings ?? null, ctx.refs, utcDateOf(ctx.now()));
      return c.json(wire(socialSecurityJson(result)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/retirement/backtest",
      tags: ["retirement"],
      summary: "Historical backtest of a withdrawal rate (as `finplan retirement backtest --json`)",
      security: authenticated,
      request: { body: jsonBody(backtestRequest) },
      responses: jsonAnswer("Success rate, windows and failed start years"),
    }),
    (c) => c.json(wire(backtestJson(historicalBacktestFor(c.req.valid("json"), ctx.refs))), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/households/{id}/retirement-profile",
      tags: ["retirement"],
      summary: "A household's stored retirement inputs",
      security: authenticated,
      request: { params: HouseholdParams },
      responses: { ...jsonAnswer("The profile"), ...notFoundResponse },
    }),
    async (c) => {
      const household = await visibleHousehold(ctx.db, c.get("auth").user, c.req.valid("param").id);
      const profile = await findRetirementProfile(ctx.db, household.id);
      if (!profile) throw new NotFoundError("this household has no retirement profile yet");
      return c.json(wire(profileJson(profile)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/households/{id}/retirement-profile",
      tags: ["retirement"],
      summary: "Save a household's retirement inputs (replaces the previous ones)",
      security: authenticated,
      request: { params: HouseholdParams, body: jsonBody(retirementProfileRequest) },
      responses: { ...jsonAnswer("The saved profile"), ...notFoundResponse },
    }),
    async (c) => {
      const household = await visibleHousehold(ctx.db, c.get("auth").user, c.req.valid("param").id);
      const request = c.req.valid("json");
      // The profile and the recomputed metrics events commit together (transactional outbox).
      const { result: saved } = await changeWithMetrics(ctx, household.id, (tx) =>
        putRetirementProfile(tx, household.id, request),
      );
      return c.json(wire(profileJson(saved)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/households/{id}/retirement/gap",
      tags: ["retirement"],
      summary: "The retirement gap and corrective moves for a household's stored profile",
      security: authenticated,
      request: { params: HouseholdParams },
      responses: { ...jsonAnswer("The gap report, as POST /api/retirement/gap"), ...notFoundResponse },
    }),
    async (c) => {
      const household = await visibleHousehold(ctx.db, c.get("auth").user, c.req.valid("param").id);
      const result = await householdGap(ctx.db, household.id, ctx.refs, utcDateOf(ctx.now()));
      if (!result) throw new NotFoundError("this household has no retirement profile yet");
      return c.json(wire(gapJson(result)), 200);
    },
  );
}
