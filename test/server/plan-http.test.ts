import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MetricEvent } from "../../src/app/metric-event.ts";
import type { Database } from "../../src/db/database.ts";
import { DATABASE_KINDS, freshDatabase } from "../support/databases.ts";
import { type MetricsServer, startMetricsServer } from "../support/metrics-server.ts";
import { openSse } from "../support/sse.ts";

/** Two months of a household's checking account: pay, rent, groceries and a transfer to savings. */
const STATEMENT = [
  "Date,Description,Amount",
  "2026-09-01,ACME CORP PAYROLL,12000.00",
  "2026-09-02,RENT PAYMENT OAK APARTMENTS,-3200.00",
  "2026-09-10,WHOLE FOODS MARKET,-900.00",
  "2026-09-20,TRANSFER TO SAVINGS,-1500.00",
  "2026-10-01,ACME CORP PAYROLL,12000.00",
  "2026-10-02,RENT PAYMENT OAK APARTMENTS,-3200.00",
  "2026-10-12,WHOLE FOODS MARKET,-1100.00",
  "2026-10-20,TRANSFER TO SAVINGS,-1200.00",
].join("\n");

describe.each(DATABASE_KINDS)("plan targets, budgets, goals and contributions over HTTP on %s", (kind) => {
  let db: Database;
  let server: MetricsServer;
  let ann: string;
  let bob: string;
  let carla: string;

  beforeAll(async () => {
    db = await freshDatabase(kind);
    server = await startMetricsServer(db, null);
    ann = await server.login("ann@firm.test");
    bob = await server.login("bob@firm.test");
    carla = await server.login("carla@client.test");
    const form = new FormData();
    form.set("file", new File([STATEMENT], "checking.csv", { type: "text/csv" }));
    const upload = await server.call(`/api/households/${server.annHousehold}/transactions/import`, {
      method: "POST",
      token: ann,
      body: form,
    });
    expect(upload.status).toBe(201);
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  const plan = (token: string, household = server.annHousehold) =>
    server.call(`/api/households/${household}/plan`, { token });
  const send = (method: string, path: string, token: string, body: unknown) =>
    server.call(`/api/households/${server.annHousehold}${path}`, {
      method,
      token,
      body: JSON.stringify(body),
    });

  it("sets the savings target and budgets, and the planner's stream hears the household's adherence", async () => {
    const stream = await openSse<MetricEvent>(`${server.url}/api/planner/metrics/stream`, ann);
    try {
      const response = await send("PUT", "/plan", ann, {
        savings_rate: 0.15,
        budgets: { housing: "3000", food_groceries: 1000 },
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { savings_rate: number; budgets: object; events: number };
      expect(body.savings_rate).toBe(0.15);
      expect(body.budgets).toEqual({ food_groceries: "1000.00", housing: "3000.00" });
      expect(body.events).toBeGreaterThan(0);
      await stream.waitFor((events) => events.some((e) => e.metric_type === "plan_adherence"));
      const adherence = stream.events.find((e) => e.metric_type === "plan_adherence");
      expect(adherence?.client_id).toBe(server.annHousehold);
      // October: saved 1200 of 12000 = 10% against 15%; housing 3200 over 3000; groceries 1100 over 1000.
      expect(Number(adherence?.metric_value)).toBeLessThan(100);
    } finally {
      stream.close();
    }
    // The client reads the plan their planner set.
    expect(((await (await plan(carla)).json()) as { savings_rate: number }).savings_rate).toBe(0.15);
  });

  it("adds, changes and removes a custom goal, each followed by goal progress", async () => {
    const added = await send("POST", "/goals", ann, {
      kind: "custom",
      name: "Kitchen renovation",
      target_amount: "40000",
      target_date: "2028-06-30",
      current_amount: "10000",
    });
    expect(added.status).toBe(201);
    const goal = (await added.json()) as { id: string; current_amount: string; events: number };
    expect(goal.current_amount).toBe("10000.00");
    expect(goal.events).toBeGreaterThan(0);
    const changed = await send("PATCH", `/goals/${goal.id}`, ann, { current_amount: "20000" });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { current_amount: string }).current_amount).toBe("20000.00");
    const [measured] = await db.query<{ funded_ratio: string }>(
      "SELECT funded_ratio::text AS funded_ratio FROM goal_measurements WHERE goal_key = $1",
      [goal.id],
    );
    expect(Number(measured?.funded_ratio)).toBe(0.5);
    const listed = (await (await plan(ann)).json()) as { goals: { id: string }[] };
    expect(listed.goals.map((g) => g.id)).toEqual([goal.id]);
    expect((await send("DELETE", `/goals/${goal.id}`, ann, undefined)).status).toBe(204);
    expect((await send("DELETE", `/goals/${goal.id}`, ann, undefined)).status).toBe(404);
  });

  it("records a 529 contribution for one of the household's beneficiaries", async () => {
    const child = await send("POST", "/beneficiaries", ann, { name: "Ines", birth_date: "2018-04-02" });
    const { id } = (await child.json()) as { id: string };
    const made = await send("POST", `/beneficiaries/${id}/contributions`, carla, {
      contributed_on: "2026-10-05",
      amount: "250",
    });
    expect(made.status).toBe(201);
    expect(((await made.json()) as { amount: string }).amount).toBe("250.00");
    const future = await send("POST", `/beneficiaries/${id}/contributions`, ann, {
      contributed_on: "2099-01-01",
      amount: "250",
    });
    expect(future.status).toBe(400);
    expect(((await future.json()) as { fields: object }).fields).toHaveProperty("contributed_on");
    const unknown = await send("POST", `/beneficiaries/${crypto.randomUUID()}/contributions`, ann, {
      contributed_on: "2026-10-05",
      amount: "250",
    });
    expect(unknown.status).toBe(404);
  });

  it("refuses bad targets and goals field by field, writing nothing", async () => {
    const before = await (await plan(ann)).text();
    const cases: [string, string, unknown, string][] = [
      ["PUT", "/plan", { savings_rate: 15 }, "savings_rate"],
      ["PUT", "/plan", { budgets: { coffee: "50" } }, "budgets"],
      ["PUT", "/plan", { savings_rate: 0.2, budgets: { housing: "-5" } }, "budgets.housing"],
      [
        "POST",
        "/goals",
        { kind: "custom", name: "Boat", target_amount: "0", target_date: "2030-01-01" },
        "target_amount",
      ],
      [
        "POST",
        "/goals",
        { kind: "custom", name: "Boat", target_amount: "9000", target_date: "2020-01-01" },
        "target_date",
      ],
      [
        "POST",
        "/goals",
        { kind: "retirement", name: "R", target_amount: "1", target_date: "2040-01-01" },
        "kind",
      ],
      [
        "POST",
        "/goals",
        {
          kind: "college",
          name: "Ines",
          target_amount: "90000",
          target_date: "2036-09-01",
          current_amount: "5",
        },
        "current_amount",
      ],
    ];
    for (const [method, path, body, field] of cases) {
      const response = await send(method, path, ann, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const fields = ((await response.json()) as { fields: Record<string, string> }).fields;
      expect(Object.keys(fields).join(","), JSON.stringify(body)).toContain(field);
    }
    expect(await (await plan(ann)).text()).toBe(before);
  });

  it("lets a client read but not set the plan, and hides another planner's household", async () => {
    expect((await send("PUT", "/plan", carla, { savings_rate: 0.5 })).status).toBe(403);
    expect(
      (
        await send("POST", "/goals", carla, {
          kind: "custom",
          name: "X",
          target_amount: "1",
          target_date: "2030-01-01",
        })
      ).status,
    ).toBe(403);
    expect((await plan(bob)).status).toBe(404);
    expect((await send("PUT", "/plan", bob, { savings_rate: 0.5 })).status).toBe(404);
    expect((await plan(ann, "not-an-id")).status).toBe(404);
  });
});
