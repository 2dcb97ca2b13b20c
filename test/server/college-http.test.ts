import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../src/app/accounts.ts";
import type { Database } from "../../src/db/database.ts";
import { DATABASE_KINDS, freshDatabase } from "../support/databases.ts";
import { type MetricsServer, PASSWORD, startMetricsServer } from "../support/metrics-server.ts";

interface Beneficiary {
  id: string;
  name: string;
  birth_date: string;
  plan_id: string | null;
  balance: string;
  monthly_contribution: string;
}

/** Born on 1 January `yearsAgo` years before this year: exactly that many years old today. */
const bornYearsAgo = (yearsAgo: number) => `${new Date().getUTCFullYear() - yearsAgo}-01-01`;

describe.each(DATABASE_KINDS)("changing a 529 beneficiary over real HTTP on %s", (kind) => {
  let db: Database;
  let server: MetricsServer;
  let carla: string;
  let lucia: Beneficiary;
  let bobsChild: Beneficiary;

  const patch = (householdId: string, beneficiaryId: string, token: string | undefined, body: unknown) =>
    server.call(`/api/households/${householdId}/beneficiaries/${beneficiaryId}`, {
      method: "PATCH",
      body: JSON.stringify(body),
      ...(token ? { token } : {}),
    });
  const stored = async (householdId: string, token: string) => {
    const response = await server.call(`/api/households/${householdId}/beneficiaries`, { token });
    return ((await response.json()) as { items: Beneficiary[] }).items;
  };
  const add = async (householdId: string, token: string, name: string) => {
    const response = await server.call(`/api/households/${householdId}/beneficiaries`, {
      method: "POST",
      token,
      body: JSON.stringify({
        name,
        birth_date: bornYearsAgo(10),
        plan_id: "ny-529-direct",
        balance: "24000",
        monthly_contribution: "400",
      }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as Beneficiary;
  };

  beforeAll(async () => {
    db = await freshDatabase(kind);
    server = await startMetricsServer(db, null);
    await createAccount(db, { email: "admin@firm.test", password: PASSWORD, role: "admin" });
    carla = await server.login("carla@client.test");
    lucia = await add(server.annHousehold, carla, "Lucia");
    bobsChild = await add(server.bobHousehold, await server.login("dmitri@client.test"), "Noor");
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  it("changes the birth date alone, and the college plan follows the new age", async () => {
    const planPath = `/api/households/${server.annHousehold}/beneficiaries/${lucia.id}/college-plan?college=public-in-state`;
    const before = (await (await server.call(planPath, { token: carla })).json()) as {
      recommendation: { years_to_enrollment: number; allocation: { equity: number } };
    };
    const response = await patch(server.annHousehold, lucia.id, carla, { birth_date: bornYearsAgo(4) });
    expect(response.status).toBe(200);
    const changed = (await response.json()) as Beneficiary;
    expect(changed).toEqual({ ...lucia, birth_date: bornYearsAgo(4) });
    expect(await stored(server.annHousehold, carla)).toEqual([changed]);

    const after = (await (await server.call(planPath, { token: carla })).json()) as typeof before;
    expect(after.recommendation.years_to_enrollment).toBe(before.recommendation.years_to_enrollment + 6);
    expect(after.recommendation.allocation.equity).toBeGreaterThan(before.recommendation.allocation.equity);
  });

  it("changes money fields exactly and leaves the rest as it was", async () => {
    const response = await patch(server.annHousehold, lucia.id, carla, {
      balance: "25000.10",
      monthly_contribution: 450.5,
    });
    expect(response.status).toBe(200);
    const [now] = await stored(server.annHousehold, carla);
    expect(now).toMatchObject({
      balance: "25000.10",
      monthly_contribution: "450.50",
      plan_id: "ny-529-direct",
    });
  });

  it.each([
    [{ birth_date: "2016-13-01" }, "birth_date"],
    [{ birth_date: "20 May 2016" }, "birth_date"],
    [{ birth_date: `${new Date().getUTCFullYear() + 1}-01-01` }, "birth_date"],
    [{ birth_date: bornYearsAgo(31) }, "birth_date"],
    [{ plan_id: "no-such-plan" }, "plan_id"],
    [{ balance: "-1" }, "balance"],
    [{ monthly_contribution: "12.345" }, "monthly_contribution"],
    [{ name: "  " }, "name"],
    [{}, "body"],
  ])("refuses %j naming %s, changing nothing", async (body, field) => {
    const before = await stored(server.annHousehold, carla);
    const response = await patch(server.annHousehold, lucia.id, carla, body);
    expect(response.status).toBe(400);
    const error = (await response.json()) as { error: string; fields: Record<string, string> };
    expect(error.error).toBe("bad_request");
    expect(Object.keys(error.fields)).toEqual([field]);
    expect(await stored(server.annHousehold, carla)).toEqual(before);
  });

  it("lets the household's planner and an admin change it, and answers 404 to everyone else", async () => {
    const ann = await server.login("ann@firm.test");
    const admin = await server.login("admin@firm.test");
    expect((await patch(server.annHousehold, lucia.id, ann, { name: "Lucia R." })).status).toBe(200);
    expect((await patch(server.annHousehold, lucia.id, admin, { name: "Lucia" })).status).toBe(200);

    const before = await stored(server.annHousehold, carla);
    const bob = await server.login("bob@firm.test");
    const dmitri = await server.login("dmitri@client.test");
    const change = { birth_date: bornYearsAgo(2) };
    expect((await patch(server.annHousehold, lucia.id, bob, change)).status).toBe(404);
    expect((await patch(server.annHousehold, lucia.id, dmitri, change)).status).toBe(404);
    // Another household's child through one's own household, and ids that are not ids.
    expect((await patch(server.annHousehold, bobsChild.id, carla, change)).status).toBe(404);
    expect((await patch(server.annHousehold, "not-a-uuid", carla, change)).status).toBe(404);
    expect((await patch("not-a-uuid", lucia.id, carla, change)).status).toBe(404);
    expect((await patch(server.annHousehold, lucia.id, undefined, change)).status).toBe(401);
    expect(await stored(server.annHousehold, carla)).toEqual(before);
    expect((await stored(server.bobHousehold, dmitri))[0]).toEqual(bobsChild);
  });

  it("needs the CSRF token from a cookie session", async () => {
    const login = await server.call("/api/auth/login", {
      method: "POST",
      body: JSON.stringify({ email: "carla@client.test", password: PASSWORD }),
    });
    const { csrf_token } = (await login.json()) as { csrf_token: string };
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const path = `/api/households/${server.annHousehold}/beneficiaries/${lucia.id}`;
    const body = JSON.stringify({ birth_date: bornYearsAgo(7) });
    expect((await server.call(path, { method: "PATCH", body, headers: { cookie } })).status).toBe(403);
    const withCsrf = await server.call(path, {
      method: "PATCH",
      body,
      headers: { cookie, "x-csrf-token": csrf_token },
    });
    expect(withCsrf.status).toBe(200);
  });

  it("is listed in the OpenAPI document", async () => {
    const spec = (await (await server.call("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(spec.paths["/api/households/{id}/beneficiaries/{beneficiary_id}"] ?? {})).toContain(
      "patch",
    );
  });
});
