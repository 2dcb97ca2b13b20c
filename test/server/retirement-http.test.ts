import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../src/app/accounts.ts";
import { putRetirementProfile } from "../../src/app/retirement-profiles.ts";
import { simulatedStockShare } from "../../src/app/retirement-simulation.ts";
import { parseIsoDate } from "../../src/core/dates.ts";
import { Money } from "../../src/core/money.ts";
import { referenceData } from "../../src/data/reference-data.ts";
import type { Database } from "../../src/db/database.ts";
import type { RunningServer } from "../../src/server/listen.ts";
import { SimulationSchema } from "../../src/server/routes/retirement-simulation-routes.ts";
import { listenForTests } from "../support/api-server.ts";
import { DATABASE_KINDS, freshDatabase } from "../support/databases.ts";
import { runCliJson } from "../support/run-cli.ts";

const PASSWORD = "correct horse battery";
const AS_OF = "2026-11-25";

/** The stored profile of Ann's client: 45 and 8 months old, retiring at 65, Social Security from a salary. */
const PROFILE = {
  birth_date: "1981-03-14",
  retirement_age: 65,
  savings: "350000",
  monthly_contribution: "2000",
  desired_income: "120000",
  salary: "150000",
  return: 0.06,
};

/** Two planners with one client each; Ann's client has a profile, a third client has none. */
async function seedFirm(db: Database) {
  const account = (email: string, role: "client" | "planner", planner?: string) =>
    createAccount(db, { email, password: PASSWORD, role, ...(planner ? { planner } : {}) });
  await account("ann@firm.test", "planner");
  await account("bob@firm.test", "planner");
  const carla = await account("carla@client.test", "client", "ann@firm.test");
  const dmitri = await account("dmitri@client.test", "client", "bob@firm.test");
  const erin = await account("erin@client.test", "client", "ann@firm.test");
  for (const household of [carla.householdId!, dmitri.householdId!]) {
    await putRetirementProfile(db, household, {
      birth_date: parseIsoDate(PROFILE.birth_date),
      retirement_age: PROFILE.retirement_age * 12,
      savings: Money.parse(PROFILE.savings),
      monthly_contribution: Money.parse(PROFILE.monthly_contribution),
      desired_income: Money.parse(PROFILE.desired_income),
      salary: Money.parse(PROFILE.salary),
      return: PROFILE.return,
    });
  }
  return { ann: carla.householdId!, bob: dmitri.householdId!, noProfile: erin.householdId! };
}

describe.each(DATABASE_KINDS)("household retirement simulation over real HTTP on %s", (kind) => {
  let db: Database;
  let server: RunningServer;
  let firm: Awaited<ReturnType<typeof seedFirm>>;
  let token: string;

  beforeAll(async () => {
    db = await freshDatabase(kind);
    firm = await seedFirm(db);
    server = await listenForTests(db, () => new Date(`${AS_OF}T12:00:00Z`));
    token = await loginAs("ann@firm.test");
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  const call = (path: string, bearer: string | null = token) =>
    fetch(`${server.url}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  async function loginAs(email: string): Promise<string> {
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    return ((await response.json()) as { token: string }).token;
  }
  const simulationOf = (household: string, query = "") =>
    call(`/api/households/${household}/retirement/simulation${query}`);

  it("answers per-year percentile bands that match `finplan retirement gap --simulate monte-carlo`", async () => {
    const response = await simulationOf(firm.ann);
    expect(response.status).toBe(200);
    const body = SimulationSchema.parse(await response.json());
    expect(body).toMatchObject({
      as_of: AS_OF,
      seed: 1,
      paths: 10_000,
      stock_share_source: "implied by the expected return",
      retirement_years: 30,
      retirement_age: 65,
      // Born 1981-03-14: 45 years and 8 whole months on 2026-11-25, 232 months to 65.
      current_age: 45.6667,
      years_to_retirement: 19.3333,
    });
    // 232 saving months + 360 retired = 592 months: 49 whole years and a part year.
    expect(body.years).toHaveLength(50);
    expect(body.years[0]).toMatchObject({ year: 1, age: 46.6667, phase: "saving" });
    expect(body.years.at(-1)).toMatchObject({ year: 50, age: 95, phase: "retired" });
    // Year 20 ends at month 240, after retirement at month 232.
    expect(body.years[18]?.phase).toBe("saving");
    expect(body.years[19]?.phase).toBe("retired");
    for (const year of body.years) {
      expect(Number(year.p10)).toBeLessThanOrEqual(Number(year.p50));
      expect(Number(year.p50)).toBeLessThanOrEqual(Number(year.p90));
      expect(year.p50).toMatch(/^-?\d+\.\d\d$/);
    }

    const cli = (await runCliJson([
      "retirement",
      "gap",
      ...Object.entries(PROFILE).flatMap(([k, v]) => [`--${k.replace(/_/g, "-")}`, String(v)]),
      "--as-of",
      AS_OF,
      "--simulate",
      "monte-carlo",
      "--stock-share",
      String(body.stock_share),
    ])) as {
      projected_balance: string;
      required_balance: string;
      simulation: {
        success_probability: number;
        volatility: number;
        percentiles: { year: number; p10: string; p50: string; p90: string }[];
      };
    };
    expect(body.years.map(({ year, p10, p50, p90 }) => ({ year, p10, p50, p90 }))).toEqual(
      cli.simulation.percentiles,
    );
    expect(body.success_probability).toBe(cli.simulation.success_probability);
    expect(body.volatility).toBe(cli.simulation.volatility);
    expect(body.projected_balance).toBe(cli.projected_balance);
    expect(body.required_balance).toBe(cli.required_balance);
  });

  it("simulates the stock share the higher-return correction reads from the profile's return", async () => {
    const body = SimulationSchema.parse(await (await simulationOf(firm.ann, "?paths=100")).json());
    const gap = (await (await call(`/api/households/${firm.ann}/retirement/gap`)).json()) as {
      corrections: { type: string; current_equity_share?: number }[];
    };
    const higherReturn = gap.corrections.find((c) => c.type === "higher_return");
    expect(body.stock_share).toBe(higherReturn?.current_equity_share);
    expect(body.stock_share).toBeGreaterThan(0);
    expect(body.stock_share).toBeLessThan(1);
    const given = SimulationSchema.parse(
      await (await simulationOf(firm.ann, "?paths=100&stock_share=0.6")).json(),
    );
    expect(given).toMatchObject({ stock_share: 0.6, stock_share_source: "given" });
    // A return no mix has earned since 1928 is simulated as all stocks, and says so.
    expect(simulatedStockShare(undefined, 0.2, referenceData())).toEqual({
      share: 1,
      source: "all stocks: the return is above history",
    });
  });

  it("gives the same bands for the same seed and different bands for another seed or path count", async () => {
    const bands = async (query: string) =>
      SimulationSchema.parse(await (await simulationOf(firm.ann, query)).json()).years;
    const first = await bands("?seed=7&paths=500");
    expect(await bands("?seed=7&paths=500")).toEqual(first);
    expect(await bands("?seed=8&paths=500")).not.toEqual(first);
    const fewer = SimulationSchema.parse(await (await simulationOf(firm.ann, "?seed=7&paths=400")).json());
    expect(fewer.paths).toBe(400);
    expect(fewer.years).not.toEqual(first);
  });

  it("shortens the path with fewer retirement years and widens the bands with more stocks", async () => {
    const short = SimulationSchema.parse(
      await (await simulationOf(firm.ann, "?retirement_years=10&paths=1000")).json(),
    );
    // 232 + 120 months = 352: 29 whole years and a part year.
    expect(short.years).toHaveLength(30);
    const calm = SimulationSchema.parse(
      await (await simulationOf(firm.ann, "?stock_share=0.2&paths=1000")).json(),
    );
    const bold = SimulationSchema.parse(
      await (await simulationOf(firm.ann, "?stock_share=1&paths=1000")).json(),
    );
    expect(bold.volatility).toBeGreaterThan(calm.volatility);
    const spread = (s: typeof calm) => Number(s.years[18]!.p90) - Number(s.years[18]!.p10);
    expect(spread(bold)).toBeGreaterThan(spread(calm));
  });

  it("answers bad settings with 400 and the field at fault", async () => {
    const fieldsOf = async (query: string) => {
      const response = await simulationOf(firm.ann, query);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: string; fields: Record<string, string> };
      expect(body.error).toBe("bad_request");
      return body.fields;
    };
    expect(await fieldsOf("?paths=50")).toEqual({ paths: "must be between 100 and 20000" });
    expect(await fieldsOf("?paths=20001")).toEqual({ paths: "must be between 100 and 20000" });
    expect((await fieldsOf("?paths=many")).paths).toMatch(/number/);
    expect(await fieldsOf("?seed=1.5")).toEqual({ seed: "must be a whole number" });
    expect((await fieldsOf("?stock_share=60")).stock_share).toMatch(/looks like a percent/);
    expect(Object.keys(await fieldsOf("?retirement_years=0&seed=-1")).sort()).toEqual([
      "retirement_years",
      "seed",
    ]);
  });

  it("answers 404 for another tenant's household, an unknown or malformed id, and a household without a profile", async () => {
    const bob = await simulationOf(firm.bob);
    expect(bob.status).toBe(404);
    const unknown = await simulationOf("00000000-0000-4000-8000-00000000dead");
    expect(unknown.status).toBe(404);
    expect(await bob.json()).toEqual(await unknown.json());
    expect((await simulationOf("not-a-uuid")).status).toBe(404);
    // Bob's own planner sees it; Ann's client sees her own household.
    expect(
      (await call(`/api/households/${firm.bob}/retirement/simulation`, await loginAs("bob@firm.test")))
        .status,
    ).toBe(200);
    expect(
      (
        await call(
          `/api/households/${firm.ann}/retirement/simulation?paths=100`,
          await loginAs("carla@client.test"),
        )
      ).status,
    ).toBe(200);
    const none = await simulationOf(firm.noProfile);
    expect(none.status).toBe(404);
    expect(((await none.json()) as { message: string }).message).toBe(
      "this household has no retirement profile yet",
    );
    expect((await call(`/api/households/${firm.ann}/retirement/simulation`, null)).status).toBe(401);
  });

  it("documents the route, its settings and its answer in the OpenAPI document", async () => {
    const document = (await (await call("/api/openapi.json")).json()) as {
      paths: Record<string, { get?: { parameters: { name: string; in: string }[]; responses: object } }>;
      components: { schemas: Record<string, unknown> };
    };
    const route = document.paths["/api/households/{id}/retirement/simulation"]?.get;
    expect(route?.parameters.map((p) => `${p.in}:${p.name}`).sort()).toEqual([
      "path:id",
      "query:paths",
      "query:retirement_years",
      "query:seed",
      "query:stock_share",
    ]);
    expect(JSON.stringify(route?.responses)).toContain("#/components/schemas/RetirementSimulation");
    expect(document.components.schemas.RetirementSimulationYear).toBeDefined();
  });
});
