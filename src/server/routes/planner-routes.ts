import { createRoute } from "@hono/zod-openapi";
import { beneficiaryJson } from "../../app/beneficiaries.ts";
import { wire } from "../../app/json.ts";
import { clientMetrics, retirementGapAsOf } from "../../app/planner-metrics.ts";
import type { GapAnswer } from "../../app/retirement.ts";
import { householdGap } from "../../app/retirement-profiles.ts";
import { type CalendarDate, utcDateOf } from "../../core/dates.ts";
import { ForbiddenError } from "../../core/errors.ts";
import type { ReferenceData } from "../../data/reference-data.ts";
import type { Queryable } from "../../db/database.ts";
import { listBeneficiaries } from "../../db/repositories/beneficiaries.ts";
import { type Household, listMembers, listVisibleHouseholds } from "../../db/repositories/households.ts";
import type { App, ServerContext } from "../app.ts";
import { HouseholdParams, visibleHousehold } from "./household-routes.ts";
import {
  authenticated,
  ErrorSchema,
  errorResponses,
  JsonObject,
  notFoundResponse,
  PageQuery,
  pageOf,
} from "./shared-schemas.ts";

/** The retirement headline of a household: funded ratio and gap, or null without a profile. */
function retirementHeadline(answer: GapAnswer | null) {
  if (!answer) return null;
  return {
    funded_ratio: answer.report.fundedRatio,
    gap: answer.report.gap.toString(),
    on_track: answer.report.gap.isNegative() || answer.report.gap.isZero(),
  };
}

/** A household with its members, beneficiaries and retirement headline: one screen of a review. */
async function householdSummary(
  db: Queryable,
  household: Household,
  refs: ReferenceData,
  today: CalendarDate,
) {
  const [members, beneficiaries, retirement] = [
    await listMembers(db, household.id),
    await listBeneficiaries(db, household.id),
    retirementHeadline(await householdGap(db, household.id, refs, today, { corrections: false })),
  ];
  return {
    id: household.id,
    name: household.name,
    state: household.state,
    filing_status: household.filingStatus,
    annual_income: household.annualIncome,
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      relationship: m.relationship,
      birth_date: m.birthDate,
    })),
    beneficiaries: beneficiaries.map(beneficiaryJson),
    retirement,
  };
}

export function registerPlannerRoutes(app: App, ctx: ServerContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/planner/clients",
      tags: ["planner"],
      summary:
        "The planner's client households (an admin's: every household) with their retirement headline and relationship metrics",
      description:
        "Each item carries `metrics`, the client's relationship metrics as of now in the shape of " +
        "`finplan planner metrics --json` (engagement, plan adherence, goals and goal progress, scores " +
        "0-100): the same figures the metrics stream sends as events.",
      security: authenticated,
      request: { query: PageQuery },
      responses: {
        200: {
          description: "A page of client summaries",
          content: { "application/json": { schema: JsonObject } },
        },
        ...errorResponses,
        403: { description: "Not a planner", content: { "application/json": { schema: ErrorSchema } } },
      },
    }),
    async (c) => {
      const user = c.get("auth").user;
      // A planner's clients; an admin oversees the firm, so theirs is every household.
      if (user.role === "client") throw new ForbiddenError("only a planner has clients");
      const { limit, offset } = c.req.valid("query");
      const page = await listVisibleHouseholds(ctx.db, user, limit, offset);
      const now = ctx.now();
      const items = [];
      for (const household of page.items) {
        // One gap per client serves both the headline and the retirement goal's progress.
        const gap = await retirementGapAsOf(ctx.db, household.id, ctx.refs, now);
        items.push({
          id: household.id,
          name: household.name,
          state: household.state,
          retirement: retirementHeadline(gap),
          metrics: await clientMetrics(ctx.db, household.id, ctx.refs, now, gap),
        });
      }
      return c.json(wire(pageOf(items, page.total, limit, offset)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/households/{id}/summary",
      tags: ["households"],
      summary: "A household at a glance: members, beneficiaries and retirement headline",
      security: authenticated,
      request: { params: HouseholdParams },
      responses: {
        200: { description: "The summary", content: { "application/json": { schema: JsonObject } } },
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const household = await visibleHousehold(ctx.db, c.get("auth").user, c.req.valid("param").id);
      const summary = await householdSummary(ctx.db, household, ctx.refs, utcDateOf(ctx.now()));
      return c.json(wire(summary), 200);
    },
  );
}
