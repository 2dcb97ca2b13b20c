import { createRoute, z } from "@hono/zod-openapi";
import { wire } from "../../app/json.ts";
import { householdSimulation, simulationSettings } from "../../app/retirement-simulation.ts";
import { utcDateOf } from "../../core/dates.ts";
import { NotFoundError } from "../../core/errors.ts";
import type { App, ServerContext } from "../app.ts";
import { HouseholdParams, visibleHousehold } from "./household-routes.ts";
import { authenticated, errorResponses, notFoundResponse } from "./shared-schemas.ts";

const decimal = (description: string) =>
  z
    .string()
    .openapi({ description: `${description}, a decimal string (nominal dollars)`, example: "812345.67" });

export const SimulationYearSchema = z
  .object({
    year: z.number().int().openapi({ description: "years from as_of; 1 is the end of the first year" }),
    age: z.number().openapi({ description: "the household's age at the end of that year, in years" }),
    phase: z.enum(["saving", "retired"]),
    p10: decimal("10th percentile balance"),
    p50: decimal("median balance"),
    p90: decimal("90th percentile balance"),
  })
  .openapi("RetirementSimulationYear");

export const SimulationSchema = z
  .object({
    as_of: z.string().openapi({ format: "date" }),
    seed: z.number().int(),
    paths: z.number().int(),
    stock_share: z.number().openapi({ description: "share in stocks that sets the volatility (0.6 = 60%)" }),
    stock_share_source: z
      .enum(["given", "implied by the expected return", "all stocks: the return is above history"])
      .openapi({
        description: "the `stock_share` query, or the share whose 1928-on return matches the profile's",
      }),
    volatility: z.number().openapi({ description: "annual standard deviation of log returns" }),
    retirement_years: z.number().int(),
    success_probability: z.number().openapi({ description: "share of paths that never run out" }),
    method: z.string(),
    current_age: z.number(),
    retirement_age: z.number(),
    years_to_retirement: z.number(),
    projected_balance: decimal("deterministic projection at retirement"),
    required_balance: decimal("balance required at retirement"),
    years: z.array(SimulationYearSchema),
  })
  .openapi("RetirementSimulation");

export function registerRetirementSimulationRoutes(app: App, ctx: ServerContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/households/{id}/retirement/simulation",
      tags: ["retirement"],
      summary: "Monte Carlo percentile bands of a household's portfolio, from its stored profile",
      description:
        "The 10th, 50th and 90th percentile of the nominal balance at the end of each year, from today through " +
        "`retirement_years` of retirement, over `paths` seeded paths (the same seed gives the same answer). As " +
        "`finplan retirement gap --simulate monte-carlo` with the household's stored inputs. Without `stock_share`, " +
        "the volatility is that of the stock share whose 1928-on compound return matches the profile's return.",
      security: authenticated,
      request: { params: HouseholdParams, query: simulationSettings },
      responses: {
        200: {
          description: "The percentile bands",
          content: { "application/json": { schema: SimulationSchema } },
        },
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const household = await visibleHousehold(ctx.db, c.get("auth").user, c.req.valid("param").id);
      const settings = c.req.valid("query");
      const result = await householdSimulation(
        ctx.db,
        household.id,
        settings,
        ctx.refs,
        utcDateOf(ctx.now()),
      );
      if (!result) throw new NotFoundError("this household has no retirement profile yet");
      return c.json(SimulationSchema.parse(wire(result)), 200);
    },
  );
}
