import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
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
import type { StoredRetirementProfile } from "../../db/repositories/retirement-profiles.ts";
import type { App, ServerContext } from "../app.ts";
import { HouseholdParams, visibleHousehold } from "./household-routes.ts";
import { changeWithMetrics } from "./metrics-change.ts";
import { authenticated, ErrorSchema, jsonAnswer, jsonBody, notFoundResponse } from "./shared-schemas.ts";

/** `If-Match: "N"`: the profile revision the caller read (a weak `W/` prefix is accepted). */
const IfMatchHeaders = z.object({
  "if-match": z
    .string()
    .regex(/^(W\/)?"\d{1,9}"$/, 'give the revision read, quoted, e.g. "3"')
    .transform((tag) => Number(tag.replace(/^W\//, "").slice(1, -1)))
    .optional(),
});

/** A stored profile with its revision, in the body and as the ETag. */
function storedProfileAnswer(c: Context, profile: StoredRetirementProfile) {
  c.header("ETag", `"${profile.revision}"`);
  return c.json(wire({ ...profileJson(profile), revision: profile.revision }), 200);
}

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
      description:
        "`revision` (also the `ETag`) rises with every save; send it back as `If-Match` on PUT to save " +
        "only if nobody saved in between.",
      request: { params: HouseholdParams },
      responses: { ...jsonAnswer("The profile"), ...notFoundResponse },
    }),
    async (c) => {
      const household = await visibleHousehold(ctx.db, c.get("auth").user, c.req.valid("param").id);
      const profile = await findRetirementProfile(ctx.db, household.id);
      if (!profile) throw new NotFoundError("this household has no retirement profile yet");
      return storedProfileAnswer(c, profile);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/households/{id}/retirement-profile",
      tags: ["retirement"],
      summary: "Save a household's retirement inputs (replaces the previous ones)",
      description:
        'With `If-Match: "N"` (the `revision` read), the save happens only if the stored profile is ' +
        'still at revision N (`"0"`: only if there is none yet); otherwise 412 and nothing is written.',
      security: authenticated,
      request: {
        params: HouseholdParams,
        headers: IfMatchHeaders,
        body: jsonBody(retirementProfileRequest),
      },
      responses: {
        ...jsonAnswer("The saved profile"),
        ...notFoundResponse,
        412: {
          description: "The profile changed since the revision in If-Match was read; nothing was saved",
          content: { "application/json": { schema: ErrorSchema } },
        },
      },
    }),
    async (c) => {
      const household = await visibleHousehold(ctx.db, c.get("auth").user, c.req.valid("param").id);
      const request = c.req.valid("json");
      const ifRevision = c.req.valid("header")["if-match"];
      // The profile and the recomputed metrics events commit together (transactional outbox).
      const { result: saved } = await changeWithMetrics(ctx, household.id, (tx) =>
        putRetirementProfile(tx, household.id, request, ifRevision),
      );
      return storedProfileAnswer(c, saved);
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
