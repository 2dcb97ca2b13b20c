import { randomUUID } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import { formatIsoDate } from "../../core/dates.ts";
import { NotFoundError } from "../../core/errors.ts";
import { Money } from "../../core/money.ts";
import { isoDate, money } from "../../core/validation.ts";
import type { Queryable } from "../../db/database.ts";
import {
  findVisibleHousehold,
  type Household,
  insertMember,
  listMembers,
  listVisibleHouseholds,
  updateHousehold,
} from "../../db/repositories/households.ts";
import type { User } from "../../db/repositories/users.ts";
import type { App, ServerContext } from "../app.ts";
import {
  authenticated,
  errorResponses,
  notFoundResponse,
  PageQuery,
  pageOf,
  UUID,
} from "./shared-schemas.ts";

/** What a household says about itself: used by the 529 tax benefit (state, filing) and spending (income). */
const HouseholdUpdate = z.object({
  name: z.string().trim().min(1, { error: "must not be empty" }).max(120),
  state: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: "must be a two-letter state code such as NY" })
    .nullable(),
  filing_status: z.enum(["single", "mfj"], { error: 'must be "single" or "mfj"' }).nullable(),
  annual_income: money({ min: Money.ZERO }).nullable(),
});

const MemberRequest = z.object({
  name: z.string().trim().min(1, { error: "is required" }).max(120),
  relationship: z.enum(["spouse", "child", "other"], { error: 'must be "spouse", "child" or "other"' }),
  birth_date: isoDate.optional(),
});

export const HouseholdParams = z.object({ id: z.string().openapi({ description: "household id (a UUID)" }) });

const HouseholdSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    state: z.string().nullable(),
    filing_status: z.enum(["single", "mfj"]).nullable(),
    annual_income: z.string().nullable().openapi({ description: 'decimal string, e.g. "185000.00"' }),
  })
  .openapi("Household");

const MemberSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    relationship: z.enum(["self", "spouse", "child", "other"]),
    birth_date: z.string().nullable(),
  })
  .openapi("HouseholdMember");

function householdJson(h: Household) {
  return {
    id: h.id,
    name: h.name,
    state: h.state,
    filing_status: h.filingStatus,
    annual_income: h.annualIncome,
  };
}

/**
 * The household if the caller may see it. Anything else, a malformed id included, is the same 404,
 * so a response never reveals whether another tenant's household exists.
 */
export async function visibleHousehold(db: Queryable, user: User, id: string): Promise<Household> {
  const household = UUID.test(id) ? await findVisibleHousehold(db, user, id) : null;
  if (!household) throw new NotFoundError("no such household");
  return household;
}

export function registerHouseholdRoutes(app: App, ctx: ServerContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/households",
      tags: ["households"],
      summary: "Households the caller may see",
      description:
        "A client sees their own household, a planner the households linked to them, an admin all.",
      security: authenticated,
      request: { query: PageQuery },
      responses: {
        200: {
          description: "A page of households",
          content: {
            "application/json": {
              schema: z.object({
                items: z.array(HouseholdSchema),
                total: z.number(),
                limit: z.number(),
                offset: z.number(),
              }),
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { limit, offset } = c.req.valid("query");
      const page = await listVisibleHouseholds(ctx.db, c.get("auth").user, limit, offset);
      return c.json(pageOf(page.items.map(householdJson), page.total, limit, offset), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/households/{id}",
      tags: ["households"],
      summary: "One household with its members",
      security: authenticated,
      request: { params: HouseholdParams },
      responses: {
        200: {
          description: "The household",
          content: {
            "application/json": { schema: HouseholdSchema.extend({ members: z.array(MemberSchema) }) },
          },
        },
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const household = await visibleHousehold(ctx.db, c.get("auth").user, c.req.valid("param").id);
      const members = await listMembers(ctx.db, household.id);
      return c.json(
        {
          ...householdJson(household),
          members: members.map((m) => ({
            id: m.id,
            name: m.name,
            relationship: m.relationship,
            birth_date: m.birthDate,
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/households/{id}",
      tags: ["households"],
      summary: "Update a household's name, state of residence, filing status and annual income",
      security: authenticated,
      request: {
        params: HouseholdParams,
        body: { content: { "application/json": { schema: HouseholdUpdate } }, required: true },
      },
      responses: {
        200: { description: "The household", content: { "application/json": { schema: HouseholdSchema } } },
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const household = await visibleHousehold(ctx.db, c.get("auth").user, c.req.valid("param").id);
      const body = c.req.valid("json");
      const updated: Household = {
        id: household.id,
        name: body.name,
        state: body.state,
        filingStatus: body.filing_status,
        annualIncome: body.annual_income?.toString() ?? null,
      };
      await updateHousehold(ctx.db, updated);
      return c.json(householdJson(updated), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/households/{id}/members",
      tags: ["households"],
      summary: "Add a member to a household (a spouse, a child, another dependant)",
      security: authenticated,
      request: {
        params: HouseholdParams,
        body: { content: { "application/json": { schema: MemberRequest } }, required: true },
      },
      responses: {
        201: { description: "The member", content: { "application/json": { schema: MemberSchema } } },
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const household = await visibleHousehold(ctx.db, c.get("auth").user, c.req.valid("param").id);
      const body = c.req.valid("json");
      const member = {
        id: randomUUID(),
        name: body.name,
        relationship: body.relationship,
        birthDate: body.birth_date ? formatIsoDate(body.birth_date) : null,
        userId: null,
      };
      await insertMember(ctx.db, household.id, member);
      return c.json(
        { id: member.id, name: member.name, relationship: member.relationship, birth_date: member.birthDate },
        201,
      );
    },
  );
}
