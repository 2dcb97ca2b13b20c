import { createRoute, z } from "@hono/zod-openapi";
import {
  addGoal,
  changeGoal,
  contributionRequest,
  goalJson,
  goalRequest,
  goalUpdate,
  planInputs,
  planTargetsRequest,
  recordContribution,
  removeGoal,
  setPlanTargets,
} from "../../app/plan-inputs.ts";
import { utcDateOf } from "../../core/dates.ts";
import { ForbiddenError, NotFoundError } from "../../core/errors.ts";
import type { User } from "../../db/repositories/users.ts";
import type { App, ServerContext } from "../app.ts";
import { BeneficiaryParams, householdBeneficiary } from "./beneficiary-routes.ts";
import { HouseholdParams, visibleHousehold } from "./household-routes.ts";
import { changeWithMetrics } from "./metrics-change.ts";
import { authenticated, errorResponses, JsonObject, notFoundResponse, UUID } from "./shared-schemas.ts";

/**
 * What a household's plan is measured against: the savings-rate target and category budgets (plan
 * adherence), goals (goal progress) and recorded 529 contributions. Targets and goals are the
 * planner's to set (a client may read them); anyone who sees the household may record a
 * contribution. Each change recomputes the household's relationship metrics in its transaction.
 */

const GoalParams = HouseholdParams.extend({ goal_id: z.string() });

const forbidden = {
  403: {
    description: "A client may read the plan but not set it",
    content: { "application/json": { schema: JsonObject } },
  },
} as const;

function plannerOnly(user: User): void {
  if (user.role === "client")
    throw new ForbiddenError("targets and goals are set by the household's planner");
}

const withEvents = (description: string) => ({
  description,
  content: { "application/json": { schema: JsonObject } },
});

export function registerPlanRoutes(app: App, ctx: ServerContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/households/{id}/plan",
      tags: ["planner metrics"],
      summary: "A household's savings-rate target, monthly budgets and goals",
      security: authenticated,
      request: { params: HouseholdParams },
      responses: { 200: withEvents("Targets, budgets and goals"), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const household = await visibleHousehold(ctx.db, c.get("auth").user, c.req.valid("param").id);
      return c.json(await planInputs(ctx.db, household.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/households/{id}/plan",
      tags: ["planner metrics"],
      summary: "Set the savings-rate target and/or the monthly budgets (budgets replace all previous ones)",
      security: authenticated,
      request: {
        params: HouseholdParams,
        body: { content: { "application/json": { schema: planTargetsRequest } }, required: true },
      },
      responses: {
        200: withEvents("The plan as stored, and `events`: metric events written"),
        ...errorResponses,
        ...forbidden,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const user = c.get("auth").user;
      const household = await visibleHousehold(ctx.db, user, c.req.valid("param").id);
      plannerOnly(user);
      const request = c.req.valid("json");
      const { events } = await changeWithMetrics(ctx, household.id, (tx) =>
        setPlanTargets(tx, household.id, request),
      );
      return c.json({ ...(await planInputs(ctx.db, household.id)), events }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/households/{id}/goals",
      tags: ["planner metrics"],
      summary: "Add a college or custom goal with a target amount and date",
      security: authenticated,
      request: {
        params: HouseholdParams,
        body: { content: { "application/json": { schema: goalRequest } }, required: true },
      },
      responses: { 201: withEvents("The goal"), ...errorResponses, ...forbidden, ...notFoundResponse },
    }),
    async (c) => {
      const user = c.get("auth").user;
      const household = await visibleHousehold(ctx.db, user, c.req.valid("param").id);
      plannerOnly(user);
      const request = c.req.valid("json");
      const now = ctx.now();
      const { result, events } = await changeWithMetrics(ctx, household.id, (tx) =>
        addGoal(tx, household.id, request, utcDateOf(now), now),
      );
      return c.json({ ...goalJson(result), events }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/households/{id}/goals/{goal_id}",
      tags: ["planner metrics"],
      summary: "Change a goal's name, target, date or (custom goals) current amount",
      security: authenticated,
      request: {
        params: GoalParams,
        body: { content: { "application/json": { schema: goalUpdate } }, required: true },
      },
      responses: { 200: withEvents("The goal"), ...errorResponses, ...forbidden, ...notFoundResponse },
    }),
    async (c) => {
      const user = c.get("auth").user;
      const { id, goal_id } = c.req.valid("param");
      const household = await visibleHousehold(ctx.db, user, id);
      plannerOnly(user);
      const request = c.req.valid("json");
      const { result, events } = await changeWithMetrics(ctx, household.id, async (tx) => {
        const goal = UUID.test(goal_id)
          ? await changeGoal(tx, household.id, goal_id, request, utcDateOf(ctx.now()))
          : null;
        if (!goal) throw new NotFoundError("no such goal");
        return goal;
      });
      return c.json({ ...goalJson(result), events }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/households/{id}/goals/{goal_id}",
      tags: ["planner metrics"],
      summary: "Remove a goal",
      security: authenticated,
      request: { params: GoalParams },
      responses: { 204: { description: "Removed" }, ...errorResponses, ...forbidden, ...notFoundResponse },
    }),
    async (c) => {
      const user = c.get("auth").user;
      const { id, goal_id } = c.req.valid("param");
      const household = await visibleHousehold(ctx.db, user, id);
      plannerOnly(user);
      await changeWithMetrics(ctx, household.id, async (tx) => {
        if (!UUID.test(goal_id) || !(await removeGoal(tx, household.id, goal_id)))
          throw new NotFoundError("no such goal");
      });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/households/{id}/beneficiaries/{beneficiary_id}/contributions",
      tags: ["529"],
      summary: "Record a contribution made to a beneficiary's 529 account (counts toward plan adherence)",
      security: authenticated,
      request: {
        params: BeneficiaryParams,
        body: { content: { "application/json": { schema: contributionRequest } }, required: true },
      },
      responses: { 201: withEvents("The contribution"), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const { id, beneficiary_id } = c.req.valid("param");
      const household = await visibleHousehold(ctx.db, c.get("auth").user, id);
      const request = c.req.valid("json");
      const beneficiary = await householdBeneficiary(ctx.db, household.id, beneficiary_id);
      const { result, events } = await changeWithMetrics(ctx, household.id, (tx) =>
        recordContribution(tx, beneficiary.id, request, utcDateOf(ctx.now())),
      );
      return c.json({ ...result, events }, 201);
    },
  );
}
