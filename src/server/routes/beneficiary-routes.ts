import { createRoute, z } from "@hono/zod-openapi";
import {
  addBeneficiary,
  beneficiaryChange,
  beneficiaryJson,
  beneficiaryRequest,
  changeBeneficiary,
  collegeChoice,
  collegePlanFor,
} from "../../app/beneficiaries.ts";
import { planJson, recommendJson } from "../../app/education-json.ts";
import { wire } from "../../app/json.ts";
import { utcDateOf } from "../../core/dates.ts";
import { NotFoundError } from "../../core/errors.ts";
import type { Queryable } from "../../db/database.ts";
import { type Beneficiary, findBeneficiary, listBeneficiaries } from "../../db/repositories/beneficiaries.ts";
import type { App, ServerContext } from "../app.ts";
import { HouseholdParams, visibleHousehold } from "./household-routes.ts";
import { authenticated, errorResponses, JsonObject, notFoundResponse, UUID } from "./shared-schemas.ts";

const BeneficiarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    birth_date: z.string(),
    plan_id: z.string().nullable(),
    balance: z.string(),
    monthly_contribution: z.string(),
  })
  .openapi("Beneficiary");

export const BeneficiaryParams = HouseholdParams.extend({
  beneficiary_id: z.string().openapi({ description: "beneficiary id (a UUID)" }),
});

/** The household's beneficiary of that id; anything else, a malformed id included, is a 404. */
export async function householdBeneficiary(
  db: Queryable,
  householdId: string,
  id: string,
): Promise<Beneficiary> {
  const beneficiary = UUID.test(id) ? await findBeneficiary(db, householdId, id) : null;
  if (!beneficiary) throw new NotFoundError("no such beneficiary");
  return beneficiary;
}

export function registerBeneficiaryRoutes(app: App, ctx: ServerContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/households/{id}/beneficiaries",
      tags: ["529"],
      summary: "A household's 529 beneficiaries",
      security: authenticated,
      request: { params: HouseholdParams },
      responses: {
        200: {
          description: "Beneficiaries",
          content: { "application/json": { schema: z.object({ items: z.array(BeneficiarySchema) }) } },
        },
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const household = await visibleHousehold(ctx.db, c.get("auth").user, c.req.valid("param").id);
      const items = await listBeneficiaries(ctx.db, household.id);
      return c.json({ items: items.map(beneficiaryJson) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/households/{id}/beneficiaries",
      tags: ["529"],
      summary: "Add a beneficiary (a child saving for college), with the plan, balance and monthly saving",
      security: authenticated,
      request: {
        params: HouseholdParams,
        body: { content: { "application/json": { schema: beneficiaryRequest } }, required: true },
      },
      responses: {
        201: { description: "Added", content: { "application/json": { schema: BeneficiarySchema } } },
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const household = await visibleHousehold(ctx.db, c.get("auth").user, c.req.valid("param").id);
      const added = await addBeneficiary(
        ctx.db,
        household.id,
        c.req.valid("json"),
        ctx.refs.education,
        utcDateOf(ctx.now()),
      );
      return c.json(beneficiaryJson(added), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/households/{id}/beneficiaries/{beneficiary_id}",
      tags: ["529"],
      summary: "Change a beneficiary: birth date, name, plan, balance or monthly saving",
      description:
        "Fields left out stay as they are; the result is checked as when the beneficiary was added.",
      security: authenticated,
      request: {
        params: BeneficiaryParams,
        body: { content: { "application/json": { schema: beneficiaryChange } }, required: true },
      },
      responses: {
        200: { description: "Changed", content: { "application/json": { schema: BeneficiarySchema } } },
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const { id, beneficiary_id } = c.req.valid("param");
      const household = await visibleHousehold(ctx.db, c.get("auth").user, id);
      const beneficiary = await householdBeneficiary(ctx.db, household.id, beneficiary_id);
      const changed = await changeBeneficiary(
        ctx.db,
        household.id,
        beneficiary,
        c.req.valid("json"),
        ctx.refs.education,
        utcDateOf(ctx.now()),
      );
      return c.json(beneficiaryJson(changed), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/households/{id}/beneficiaries/{beneficiary_id}/college-plan",
      tags: ["529"],
      summary: "A beneficiary's recommended allocation, glide path and contribution plan",
      description:
        "`recommendation` is as `finplan 529 recommend --json` and `plan` as `finplan 529 plan --json`, from the " +
        "beneficiary's stored birth date, plan, balance and monthly saving. Give `college` or `annual_cost`.",
      security: authenticated,
      request: {
        params: BeneficiaryParams,
        query: collegeChoice,
      },
      responses: {
        200: {
          description: "Recommendation and plan",
          content: { "application/json": { schema: JsonObject } },
        },
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const { id, beneficiary_id } = c.req.valid("param");
      const household = await visibleHousehold(ctx.db, c.get("auth").user, id);
      const beneficiary = await householdBeneficiary(ctx.db, household.id, beneficiary_id);
      const result = collegePlanFor(
        beneficiary,
        c.req.valid("query"),
        ctx.refs.education,
        utcDateOf(ctx.now()),
      );
      return c.json(
        wire({
          beneficiary: beneficiaryJson(beneficiary),
          recommendation: recommendJson(result.recommendation),
          plan: planJson(result.plan),
        }),
        200,
      );
    },
  );
}
