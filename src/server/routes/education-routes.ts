import { createRoute, z } from "@hono/zod-openapi";
import {
  compareFor,
  compareRequest,
  contributionPlanFor,
  planRequest,
  recommendFor,
  recommendRequest,
  taxBenefitFor,
  taxBenefitRequest,
  validateFor,
  validateRequest,
} from "../../app/education.ts";
import {
  compareJson,
  planJson,
  recommendJson,
  taxBenefitJson,
  validateJson,
} from "../../app/education-json.ts";
import { wire } from "../../app/json.ts";
import type { CalendarDate } from "../../core/dates.ts";
import { utcDateOf } from "../../core/dates.ts";
import { isoDate } from "../../core/validation.ts";
import type { App, ServerContext } from "../app.ts";
import { authenticated, errorResponses, jsonAnswer, jsonBody } from "./shared-schemas.ts";

/** Over HTTP the as-of date may be left out: it is then the server's today. */
const asOfOptional = { as_of: isoDate.optional() };
function dated<T extends { as_of?: CalendarDate | undefined }>(
  body: T,
  now: Date,
): T & { as_of: CalendarDate } {
  return { ...body, as_of: body.as_of ?? utcDateOf(now) };
}

const SAME_AS_CLI =
  "Takes the flags of the matching `finplan 529` command as snake_case keys and answers with exactly its --json output.";

export function registerEducationRoutes(app: App, ctx: ServerContext): void {
  const refs = ctx.refs.education;

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/529/recommend",
      tags: ["529"],
      summary: "Recommended allocation and glide path for a beneficiary",
      description: `${SAME_AS_CLI} Give \`age\` or \`birth_date\`.`,
      security: authenticated,
      request: { body: jsonBody(recommendRequest.extend(asOfOptional)) },
      responses: jsonAnswer(
        "Allocation as fractions summing to 1, and the path for every year to enrollment",
      ),
    }),
    (c) => c.json(wire(recommendJson(recommendFor(dated(c.req.valid("json"), ctx.now()), refs))), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/529/tax-benefit",
      tags: ["529"],
      summary: "State income-tax deduction or credit for a 529 contribution",
      description: SAME_AS_CLI,
      security: authenticated,
      request: { body: jsonBody(taxBenefitRequest.extend(asOfOptional)) },
      responses: jsonAnswer("Deductible amount, credit, tax saved, carryforward and notes"),
    }),
    (c) => c.json(wire(taxBenefitJson(taxBenefitFor(dated(c.req.valid("json"), ctx.now()), refs))), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/529/compare-states",
      tags: ["529"],
      summary: "Every 529 plan ranked for a household: state tax benefit against fee drag",
      description: SAME_AS_CLI,
      security: authenticated,
      request: { body: jsonBody(compareRequest.extend(asOfOptional)) },
      responses: jsonAnswer("Plans ranked by net value, each with its reason"),
    }),
    (c) => {
      const result = compareFor(dated(c.req.valid("json"), ctx.now()), refs, ctx.fundLists);
      return c.json(wire(compareJson(result)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/529/plan",
      tags: ["529"],
      summary: "Contribution plan: projected balance, gap, monthly and lump sum that close it, superfunding",
      description: `${SAME_AS_CLI} Give \`annual_cost\` or \`college\`.`,
      security: authenticated,
      request: { body: jsonBody(planRequest.extend(asOfOptional)) },
      responses: jsonAnswer("The contribution plan"),
    }),
    (c) => c.json(wire(planJson(contributionPlanFor(dated(c.req.valid("json"), ctx.now()), refs))), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/529/validate",
      tags: ["529"],
      summary: "Check selected options against a plan's approved fund list",
      description: `${SAME_AS_CLI} \`option\` is a list of "name or ticker[=weight]".`,
      security: authenticated,
      request: { body: jsonBody(validateRequest) },
      responses: jsonAnswer(
        "Each selection valid or not, the closest real option, weights and removed funds",
      ),
    }),
    (c) => c.json(wire(validateJson(validateFor(c.req.valid("json"), refs, ctx.fundLists))), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/529/plans",
      tags: ["529"],
      summary: "529 plans in the reference data, optionally for one state",
      security: authenticated,
      request: { query: z.object({ state: z.string().length(2).optional() }) },
      responses: {
        200: {
          description: "Plans",
          content: {
            "application/json": {
              schema: z.object({
                items: z.array(
                  z.object({ id: z.string(), name: z.string(), state: z.string(), channel: z.string() }),
                ),
              }),
            },
          },
        },
        ...errorResponses,
      },
    }),
    (c) => {
      const state = c.req.valid("query").state?.toUpperCase();
      const items = refs.plans
        .filter((p) => state === undefined || p.state === state)
        .map((p) => ({ id: p.id, name: p.name, state: p.state, channel: String(p.channel) }));
      return c.json({ items }, 200);
    },
  );
}
