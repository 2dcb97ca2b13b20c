import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../src/app/accounts.ts";
import { putRetirementProfile } from "../../src/app/retirement-profiles.ts";
import { parseIsoDate } from "../../src/core/dates.ts";
import { Money } from "../../src/core/money.ts";
import { SPENDING_CATEGORIES } from "../../src/core/spending/categories.ts";
import { FileFundListStore } from "../../src/data/fund-list-store.ts";
import { referenceData } from "../../src/data/reference-data.ts";
import type { Database } from "../../src/db/database.ts";
import { createApp } from "../../src/server/app.ts";
import { listen, type RunningServer } from "../../src/server/listen.ts";
import { createLogger } from "../../src/server/logger.ts";
import { DATABASE_KINDS, freshDatabase } from "../support/databases.ts";
import { runCliJson } from "../support/run-cli.ts";

const PASSWORD = "correct horse battery";

/** A small firm: two planners, each with one client household, and an admin. */
async function seedFirm(db: Database) {
  const account = (email: string, role: "client" | "planner" | "admin", planner?: string) =>
    createAccount(db, { email, password: PASSWORD, role, ...(planner ? { planner } : {}) });
  await account("admin@firm.test", "admin");
  await account("ann@firm.test", "planner");
  await account("bob@firm.test", "planner");
  const annClient = await account("carla@client.test", "client", "ann@firm.test");
  const bobClient = await account("dmitri@client.test", "client", "bob@firm.test");
  for (const household of [annClient.householdId!, bobClient.householdId!]) {
    await putRetirementProfile(db, household, {
      birth_date: parseIsoDate("1981-03-14"),
      retirement_age: 65 * 12,
      savings: Money.parse("350000"),
      monthly_contribution: Money.parse("2000"),
      desired_income: Money.parse("120000"),
      social_security: Money.parse("30000"),
      return: 0.06,
    });
  }
  return { annHousehold: annClient.householdId!, bobHousehold: bobClient.householdId! };
}

describe.each(DATABASE_KINDS)("HTTP API over real HTTP on %s", (kind) => {
  let db: Database;
  let server: RunningServer;
  let firm: Awaited<ReturnType<typeof seedFirm>>;
  let clock = new Date("2026-11-25T12:00:00Z");

  beforeAll(async () => {
    db = await freshDatabase(kind);
    firm = await seedFirm(db);
    const refs = referenceData();
    const fundLists = new FileFundListStore(
      mkdtempSync(join(tmpdir(), "finplan-funds-")),
      refs.education.baselineFundLists,
    );
    const app = createApp({ db, refs, fundLists, now: () => clock, logger: createLogger("silent") });
    server = await listen(app, 0, "127.0.0.1");
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  const call = (path: string, init: RequestInit & { token?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set("authorization", `Bearer ${init.token}`);
    if (init.body && !headers.has("content-type")) headers.set("content-type", "application/json");
    return fetch(`${server.url}${path}`, { ...init, headers });
  };
  const loginAs = async (email: string) => {
    const response = await call("/api/auth/login", {
      method: "POST",
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { token: string; csrf_token: string };
  };

  describe("authentication", () => {
    it("logs in with the right password and returns a bearer token and a session cookie", async () => {
      const response = await call("/api/auth/login", {
        method: "POST",
        body: JSON.stringify({ email: "Ann@Firm.test", password: PASSWORD }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { token: string; user: { role: string } };
      expect(body.user.role).toBe("planner");
      expect(response.headers.get("set-cookie")).toMatch(/finplan_session=.+HttpOnly; SameSite=Strict/);
      const me = await call("/api/me", { token: body.token });
      expect(((await me.json()) as { email: string }).email).toBe("ann@firm.test");
    });

    it("answers 401 to a wrong password, no credentials, and a made-up token", async () => {
      const wrong = await call("/api/auth/login", {
        method: "POST",
        body: JSON.stringify({ email: "ann@firm.test", password: "not the password" }),
      });
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toEqual({ error: "unauthorized", message: "wrong email or password" });
      expect((await call("/api/households")).status).toBe(401);
      expect((await call("/api/households", { token: "made-up" })).status).toBe(401);
    });

    it("locks an email after five failed logins in 15 minutes, even for the right password", async () => {
      for (let i = 0; i < 5; i++) {
        const r = await call("/api/auth/login", {
          method: "POST",
          body: JSON.stringify({ email: "bob@firm.test", password: "nope" }),
        });
        expect(r.status).toBe(401);
      }
      const locked = await call("/api/auth/login", {
        method: "POST",
        body: JSON.stringify({ email: "bob@firm.test", password: PASSWORD }),
      });
      expect(locked.status).toBe(429);
      expect(locked.headers.get("retry-after")).toBe("900");
      clock = new Date(clock.getTime() + 16 * 60_000);
      expect((await loginAs("bob@firm.test")).token).toBeTruthy();
    });

    it("a cookie session must echo its CSRF token to change state; a bearer token need not", async () => {
      const response = await call("/api/auth/login", {
        method: "POST",
        body: JSON.stringify({ email: "ann@firm.test", password: PASSWORD }),
      });
      const { csrf_token } = (await response.json()) as { csrf_token: string };
      const cookie = response.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const body = JSON.stringify({ name: "laptop" });
      expect((await call("/api/me", { headers: { cookie } })).status).toBe(200);
      expect((await call("/api/auth/tokens", { method: "POST", body, headers: { cookie } })).status).toBe(
        403,
      );
      const withCsrf = await call("/api/auth/tokens", {
        method: "POST",
        body,
        headers: { cookie, "x-csrf-token": csrf_token },
      });
      expect(withCsrf.status).toBe(201);
    });

    it("logout revokes the token; an API token can be created and revoked", async () => {
      const { token } = await loginAs("ann@firm.test");
      const created = await call("/api/auth/tokens", {
        method: "POST",
        token,
        body: JSON.stringify({ name: "cli" }),
      });
      const api = (await created.json()) as { id: string; token: string };
      expect((await call("/api/me", { token: api.token })).status).toBe(200);
      expect((await call(`/api/auth/tokens/${api.id}`, { method: "DELETE", token })).status).toBe(204);
      expect((await call("/api/me", { token: api.token })).status).toBe(401);
      expect((await call("/api/auth/logout", { method: "POST", token })).status).toBe(204);
      expect((await call("/api/me", { token })).status).toBe(401);
    });

    it("rejects a bad login body field by field", async () => {
      const response = await call("/api/auth/login", {
        method: "POST",
        body: JSON.stringify({ email: "not-an-email" }),
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { fields: Record<string, string> };
      expect(body.fields).toEqual({ email: "is not an email address", password: "is required" });
    });
  });

  describe("tenancy: each caller sees only their own households", () => {
    it("a planner lists only linked households; a client only their own; an admin all", async () => {
      const list = async (email: string) => {
        const { token } = await loginAs(email);
        const body = (await (await call("/api/households", { token })).json()) as {
          items: { id: string }[];
          total: number;
        };
        return body.items.map((h) => h.id);
      };
      expect(await list("ann@firm.test")).toEqual([firm.annHousehold]);
      expect(await list("bob@firm.test")).toEqual([firm.bobHousehold]);
      expect(await list("carla@client.test")).toEqual([firm.annHousehold]);
      expect((await list("admin@firm.test")).sort()).toEqual([firm.annHousehold, firm.bobHousehold].sort());
    });

    it.each([
      ["GET", "/api/households/{id}"],
      ["GET", "/api/households/{id}/retirement-profile"],
      ["GET", "/api/households/{id}/retirement/gap"],
      ["PUT", "/api/households/{id}/retirement-profile"],
      ["GET", "/api/households/{id}/beneficiaries"],
      ["POST", "/api/households/{id}/beneficiaries"],
      ["GET", "/api/households/{id}/summary"],
      ["PUT", "/api/households/{id}"],
      ["POST", "/api/households/{id}/members"],
    ])("%s %s answers 404 for another tenant's household, revealing nothing", async (method, template) => {
      const { token } = await loginAs("ann@firm.test");
      const body =
        method === "GET"
          ? undefined
          : template === "/api/households/{id}"
            ? JSON.stringify({ name: "Renamed", state: "NY", filing_status: "mfj", annual_income: 185000 })
            : template.endsWith("/members")
              ? JSON.stringify({ name: "Kit", relationship: "child", birth_date: "2019-01-01" })
              : method === "PUT"
                ? JSON.stringify({
                    birth_date: "1980-01-01",
                    retirement_age: 65,
                    savings: 1,
                    monthly_contribution: 1,
                    desired_income: 1,
                    social_security: 0,
                    return: 0.05,
                  })
                : method === "POST"
                  ? JSON.stringify({ name: "Kid", birth_date: "2018-01-01" })
                  : undefined;
      const other = await call(template.replace("{id}", firm.bobHousehold), {
        method,
        token,
        ...(body ? { body } : {}),
      });
      const unknown = await call(template.replace("{id}", "00000000-0000-4000-8000-00000000dead"), {
        method,
        token,
        ...(body ? { body } : {}),
      });
      const malformed = await call(template.replace("{id}", "1 OR 1=1"), {
        method,
        token,
        ...(body ? { body } : {}),
      });
      for (const response of [other, unknown, malformed]) {
        expect(response.status).toBe(404);
        expect(await response.json()).toEqual({ error: "not_found", message: "no such household" });
      }
      const own = await call(template.replace("{id}", firm.annHousehold), {
        method,
        token,
        ...(body ? { body } : {}),
      });
      expect(own.status).toBe(method === "POST" ? 201 : 200);
    });

    it("only an admin lists or creates users", async () => {
      const planner = await loginAs("ann@firm.test");
      expect((await call("/api/users", { token: planner.token })).status).toBe(403);
      const admin = await loginAs("admin@firm.test");
      const users = (await (await call("/api/users", { token: admin.token })).json()) as { total: number };
      expect(users.total).toBeGreaterThanOrEqual(5);
      const created = await call("/api/users", {
        method: "POST",
        token: admin.token,
        body: JSON.stringify({
          email: "eve@client.test",
          password: PASSWORD,
          role: "client",
          planner: "ann@firm.test",
        }),
      });
      expect(created.status).toBe(201);
      const duplicate = await call("/api/users", {
        method: "POST",
        token: admin.token,
        body: JSON.stringify({ email: "eve@client.test", password: PASSWORD, role: "client" }),
      });
      expect(duplicate.status).toBe(409);
    });
  });

  describe("retirement over HTTP", () => {
    const seed = {
      age: 45,
      retirement_age: 65,
      savings: 350000,
      monthly_contribution: "2000",
      desired_income: 120000,
      social_security: 30000,
      return: 0.06,
      as_of: "2026-11-25",
    };

    it("POST /api/retirement/gap answers exactly what `finplan retirement gap --json` prints", async () => {
      const { token } = await loginAs("ann@firm.test");
      const response = await call("/api/retirement/gap", {
        method: "POST",
        token,
        body: JSON.stringify(seed),
      });
      expect(response.status).toBe(200);
      const cli = await runCliJson([
        "retirement",
        "gap",
        ...Object.entries(seed).flatMap(([k, v]) => [`--${k.replace(/_/g, "-")}`, String(v)]),
      ]);
      expect(await response.json()).toEqual(cli);
    });

    it("answers bad input with 400 and every field at fault", async () => {
      const { token } = await loginAs("ann@firm.test");
      const response = await call("/api/retirement/gap", {
        method: "POST",
        token,
        body: JSON.stringify({ ...seed, savings: -5, return: 6, withdrawal_rate: 0 }),
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: string; fields: Record<string, string> };
      expect(body.error).toBe("bad_request");
      expect(body.fields.savings).toBe("must not be negative");
      expect(body.fields.return).toMatch(/looks like a percent/);
      expect(body.fields.withdrawal_rate).toBe("must be greater than 0");
    });

    it("refuses bodies that are not JSON, or too big, without a stack trace", async () => {
      const { token } = await loginAs("ann@firm.test");
      const broken = await call("/api/retirement/gap", { method: "POST", token, body: "{not json" });
      expect(broken.status).toBe(400);
      const big = await call("/api/retirement/gap", {
        method: "POST",
        token,
        body: JSON.stringify({ pad: "x".repeat(300_000) }),
      });
      expect(big.status).toBe(413);
      expect(JSON.stringify(await big.json())).not.toMatch(/at .*\.ts/);
    });

    it("counts a streamed body without a declared length as it arrives, and refuses it past the limit", async () => {
      const { token } = await loginAs("ann@firm.test");
      const streamed = (text: string) =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(text));
            controller.close();
          },
        });
      const send = (text: string) =>
        call("/api/retirement/gap", {
          method: "POST",
          token,
          body: streamed(text),
          duplex: "half",
        } as RequestInit & { token: string });
      const big = await send(JSON.stringify({ pad: "x".repeat(300_000) }));
      expect(big.status).toBe(413);
      const small = await send(
        JSON.stringify({
          age: 45,
          retirement_age: 65,
          savings: 1000,
          monthly_contribution: 100,
          desired_income: 50000,
          social_security: 0,
          return: 0.05,
        }),
      );
      expect(small.status, await small.clone().text()).toBe(200);
    });

    it("saves a household's profile and computes its gap as the stateless endpoint would", async () => {
      const { token } = await loginAs("carla@client.test");
      const { age: _, as_of: __, ...inputs } = seed;
      const profile = { ...inputs, birth_date: "1981-03-14" };
      const save = (body: object) =>
        call(`/api/households/${firm.annHousehold}/retirement-profile`, {
          method: "PUT",
          token,
          body: JSON.stringify(body),
        });
      const saved = await save(profile);
      expect(saved.status).toBe(200);
      expect(((await saved.json()) as { monthly_contribution: string }).monthly_contribution).toBe("2000.00");
      const stored = await (
        await call(`/api/households/${firm.annHousehold}/retirement/gap`, { token })
      ).json();
      // The household's income, when on record, is part of the stored gap's inputs.
      const { annual_income } = (await (
        await call(`/api/households/${firm.annHousehold}`, { token })
      ).json()) as {
        annual_income: string | null;
      };
      const income = annual_income && Number(annual_income) > 0 ? { income: annual_income } : {};
      const direct = await call("/api/retirement/gap", {
        method: "POST",
        token,
        body: JSON.stringify({ ...profile, ...income }),
      });
      expect(stored).toEqual(await direct.json());
      await save({ ...profile, monthly_contribution: 6500 });
      const after = (await (
        await call(`/api/households/${firm.annHousehold}/retirement/gap`, { token })
      ).json()) as {
        gap: string;
      };
      expect(Number(after.gap)).toBeLessThan(0);
    });

    it("weighs saving more against the household's income once it is on record", async () => {
      const { token } = await loginAs("ann@firm.test");
      const { age: _, as_of: __, ...inputs } = seed;
      const profile = await call(`/api/households/${firm.annHousehold}/retirement-profile`, {
        method: "PUT",
        token,
        body: JSON.stringify({ ...inputs, birth_date: "1981-03-14" }),
      });
      expect(profile.status).toBe(200);
      const saveMore = async () => {
        const gap = (await (
          await call(`/api/households/${firm.annHousehold}/retirement/gap`, { token })
        ).json()) as { corrections: { type: string; share_of_income?: number | null }[] };
        return gap.corrections.find((c) => c.type === "save_more");
      };
      const setIncome = (annual_income: string | null) =>
        call(`/api/households/${firm.annHousehold}`, {
          method: "PUT",
          token,
          body: JSON.stringify({ name: "Carla household", state: "NY", filing_status: "mfj", annual_income }),
        });
      expect((await setIncome("0")).status).toBe(200);
      expect((await saveMore())?.share_of_income).toBeNull();
      expect((await setIncome("180000")).status).toBe(200);
      const share = (await saveMore())?.share_of_income;
      expect(share).toBeGreaterThan(0);
      expect(share).toBeLessThan(1);
      expect((await setIncome(null)).status).toBe(200);
    });

    it("rejects a bad profile without changing the stored one", async () => {
      const { token } = await loginAs("carla@client.test");
      const before = await (
        await call(`/api/households/${firm.annHousehold}/retirement-profile`, { token })
      ).json();
      const bad = await call(`/api/households/${firm.annHousehold}/retirement-profile`, {
        method: "PUT",
        token,
        body: JSON.stringify({ birth_date: "1981-02-30", retirement_age: 65, savings: "lots", return: 0.06 }),
      });
      expect(bad.status).toBe(400);
      expect(Object.keys(((await bad.json()) as { fields: object }).fields)).toEqual(
        expect.arrayContaining(["birth_date", "savings", "monthly_contribution", "desired_income"]),
      );
      expect(
        await (await call(`/api/households/${firm.annHousehold}/retirement-profile`, { token })).json(),
      ).toEqual(before);
    });
    it("saves over the revision read only (If-Match), so a stale editor overwrites nothing", async () => {
      const { token } = await loginAs("carla@client.test");
      const path = `/api/households/${firm.annHousehold}/retirement-profile`;
      const read = await call(path, { token });
      const { revision, ...stored } = (await read.json()) as {
        revision: number;
        monthly_contribution: string;
      };
      expect(read.headers.get("etag")).toBe(`"${revision}"`);
      const put = (ifMatch: string | null, monthly: string) =>
        call(path, {
          method: "PUT",
          token,
          headers: ifMatch === null ? {} : { "if-match": ifMatch },
          body: JSON.stringify({ ...stored, monthly_contribution: monthly }),
        });

      const first = await put(`"${revision}"`, "2100");
      expect(first.status, await first.clone().text()).toBe(200);
      expect(first.headers.get("etag")).toBe(`"${revision + 1}"`);
      expect(((await first.json()) as { revision: number }).revision).toBe(revision + 1);

      // A second editor still holding the old revision is refused, and the first save stands.
      const stale = await put(`"${revision}"`, "2200");
      expect(stale.status).toBe(412);
      expect(((await stale.json()) as { error: string; message: string }).message).toContain(
        `since revision ${revision} was read`,
      );
      expect(await put('"0"', "2200").then((r) => r.status)).toBe(412);
      const bad = await put("latest", "2200");
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { fields: Record<string, string> }).fields).toHaveProperty("if-match");
      const after = (await (await call(path, { token })).json()) as {
        revision: number;
        monthly_contribution: string;
      };
      expect(after).toMatchObject({ revision: revision + 1, monthly_contribution: "2100.00" });

      // Without If-Match the save is unconditional, as before.
      const unconditional = await put(null, stored.monthly_contribution);
      expect(((await unconditional.json()) as { revision: number }).revision).toBe(revision + 2);
    });
  });

  describe("beneficiaries and planner views", () => {
    it("adds a beneficiary and plans college from what is stored", async () => {
      const { token } = await loginAs("carla@client.test");
      const added = await call(`/api/households/${firm.annHousehold}/beneficiaries`, {
        method: "POST",
        token,
        body: JSON.stringify({
          name: "Nina",
          birth_date: "2019-04-01",
          plan_id: "ny-529-direct",
          balance: 12000,
          monthly_contribution: 300,
        }),
      });
      expect(added.status).toBe(201);
      const child = (await added.json()) as { id: string; balance: string };
      expect(child.balance).toBe("12000.00");
      const plan = await call(
        `/api/households/${firm.annHousehold}/beneficiaries/${child.id}/college-plan?college=public-in-state`,
        { token },
      );
      expect(plan.status).toBe(200);
      const body = (await plan.json()) as {
        recommendation: { years_to_enrollment: number };
        plan: { gap: string };
      };
      expect(body.recommendation.years_to_enrollment).toBeGreaterThan(0);
      expect(body.plan.gap).toMatch(/^-?\d+\.\d{2}$/);
      const other = await call(
        `/api/households/${firm.bobHousehold}/beneficiaries/${child.id}/college-plan?college=private`,
        {
          token: (await loginAs("bob@firm.test")).token,
        },
      );
      expect(other.status).toBe(404);
    });

    it.each([
      [{ birth_date: "2019-04-01" }, "name"],
      [{ name: "X", birth_date: "2090-01-01" }, "birth_date"],
      [{ name: "X", birth_date: "2019-04-01", plan_id: "no-such-plan" }, "plan_id"],
      [{ name: "X", birth_date: "2019-04-01", balance: -1 }, "balance"],
    ])("rejects a bad beneficiary %j naming %s, adding nothing", async (body, field) => {
      const { token } = await loginAs("carla@client.test");
      const before = (await (
        await call(`/api/households/${firm.annHousehold}/beneficiaries`, { token })
      ).json()) as {
        items: unknown[];
      };
      const response = await call(`/api/households/${firm.annHousehold}/beneficiaries`, {
        method: "POST",
        token,
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(400);
      expect(Object.keys(((await response.json()) as { fields: object }).fields)).toContain(field);
      const after = (await (
        await call(`/api/households/${firm.annHousehold}/beneficiaries`, { token })
      ).json()) as {
        items: unknown[];
      };
      expect(after.items).toHaveLength(before.items.length);
    });

    it("lists a planner's clients with their retirement headline; clients may not", async () => {
      const ann = await loginAs("ann@firm.test");
      const clients = (await (await call("/api/planner/clients", { token: ann.token })).json()) as {
        items: { id: string; retirement: { funded_ratio: number } | null }[];
      };
      expect(clients.items.map((c) => c.id)).toContain(firm.annHousehold);
      expect(clients.items.map((c) => c.id)).not.toContain(firm.bobHousehold);
      expect(clients.items.find((c) => c.id === firm.annHousehold)!.retirement?.funded_ratio).toBeGreaterThan(
        0,
      );
      const carla = await loginAs("carla@client.test");
      expect((await call("/api/planner/clients", { token: carla.token })).status).toBe(403);
      // An admin oversees every household, so the same list holds them all.
      const admin = await loginAs("admin@firm.test");
      const all = (await (await call("/api/planner/clients", { token: admin.token })).json()) as {
        items: { id: string }[];
      };
      expect(all.items.map((c) => c.id)).toEqual(
        expect.arrayContaining([firm.annHousehold, firm.bobHousehold]),
      );
    });
  });

  describe("spending over HTTP", () => {
    const fixture = (name: string) =>
      readFileSync(new URL(`../fixtures/spending/${name}`, import.meta.url), "utf8");
    const upload = (
      token: string,
      household: string,
      name: string,
      text: string,
      fields: Record<string, string> = {},
    ) => {
      const form = new FormData();
      form.set("file", new File([text], name, { type: "text/csv" }));
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      return fetch(`${server.url}/api/households/${household}/transactions/import`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
    };

    it("imports a statement once: the second upload of the same file imports nothing", async () => {
      const { token } = await loginAs("carla@client.test");
      const first = await upload(token, firm.annHousehold, "chase.csv", fixture("chase-style-checking.csv"));
      expect(first.status).toBe(201);
      const report = (await first.json()) as {
        imported: number;
        rows_read: number;
        duplicates_skipped: number;
      };
      expect(report.imported).toBeGreaterThan(0);
      const again = (await (
        await upload(token, firm.annHousehold, "chase.csv", fixture("chase-style-checking.csv"))
      ).json()) as {
        imported: number;
        duplicates_skipped: number;
      };
      expect(again.imported).toBe(0);
      expect(again.duplicates_skipped).toBe(report.imported);
      const page = (await (
        await call(`/api/households/${firm.annHousehold}/transactions?limit=200`, { token })
      ).json()) as {
        total: number;
        items: { description: string }[];
      };
      expect(page.total).toBe(report.imported);
      // Two genuine identical coffees on one day both survive.
      expect(
        page.items.filter((t) => t.description.startsWith("STARBUCKS STORE 08812")).length,
      ).toBeGreaterThanOrEqual(2);
    });

    it("keeps the monthly roll-up exact and analyses what is stored", async () => {
      const { token } = await loginAs("carla@client.test");
      const monthly = (await (
        await call(`/api/households/${firm.annHousehold}/spending/monthly`, { token })
      ).json()) as {
        months: Record<string, string>[];
      };
      expect(monthly.months.length).toBeGreaterThan(0);
      for (const month of monthly.months) {
        const cents = SPENDING_CATEGORIES.reduce((sum, c) => sum + Math.round(Number(month[c]) * 100), 0);
        expect(Math.round(Number(month.total_spending) * 100)).toBe(cents);
      }
      const analysis = await call(`/api/households/${firm.annHousehold}/spending/analysis?income=180000`, {
        token,
      });
      expect(analysis.status).toBe(200);
      const text = await analysis.text();
      // Every key is snake_case, however deep, as in `finplan budget analyze --json`.
      expect(text).not.toMatch(/"[a-z0-9]+[A-Z][A-Za-z0-9]*":/);
      const body = JSON.parse(text) as {
        categories: object;
        opportunities: unknown[];
        savings_rate: number | null;
      };
      expect(Object.keys(body.categories)).toContain("housing");
      expect(Array.isArray(body.opportunities)).toBe(true);
    });

    it("a re-categorization rule re-categorizes stored transactions", async () => {
      const { token } = await loginAs("carla@client.test");
      const response = await call(`/api/households/${firm.annHousehold}/category-rules`, {
        method: "POST",
        token,
        body: JSON.stringify({ match: "STARBUCKS", category: "entertainment" }),
      });
      expect(response.status).toBe(201);
      expect(((await response.json()) as { recategorized: number }).recategorized).toBeGreaterThanOrEqual(2);
      const page = (await (
        await call(`/api/households/${firm.annHousehold}/transactions?limit=200`, { token })
      ).json()) as {
        items: { description: string; category: string }[];
      };
      for (const t of page.items.filter((t) => t.description.startsWith("STARBUCKS")))
        expect(t.category).toBe("entertainment");
    });

    it("imports rows dated after the import day, with a warning that names them", async () => {
      const { token } = await loginAs("carla@client.test");
      // The server's day is 2026-11-25: the second row is dated the week after.
      const text =
        "Date,Description,Amount\n2026-11-20,CORNER GROCER,-42.10\n2026-12-02,CORNER GROCER,-18.00\n";
      const response = await upload(token, firm.annHousehold, "grocer.csv", text);
      expect(response.status).toBe(201);
      const report = (await response.json()) as { imported: number; warnings: string[] };
      expect(report.imported).toBe(2);
      expect(report.warnings).toEqual([
        "1 transaction is dated after 2026-11-25 (the latest 2026-12-02); a statement lists only what has happened, so check the date order the file was read with",
      ]);
      // Both rows fall in the month in progress (or after it): the analysis leaves them out and says so.
      const analysis = (await (
        await call(`/api/households/${firm.annHousehold}/spending/analysis`, { token })
      ).json()) as { last_month: string; notes: string[] };
      expect(analysis.last_month < "2026-11-01").toBe(true);
      expect(analysis.notes).toContainEqual(
        expect.stringMatching(
          /^2026-11 is in progress: its 2 transactions so far \(through 2026-11-25, or dated later\)/,
        ),
      );
    });

    it.each([
      ["empty.csv", "the file is empty"],
      ["wrong-columns.csv", "not a statement"],
    ])("refuses %s whole and stores nothing", async (name, message) => {
      const { token } = await loginAs("carla@client.test");
      const before = (
        (await (await call(`/api/households/${firm.annHousehold}/transactions`, { token })).json()) as {
          total: number;
        }
      ).total;
      const response = await upload(token, firm.annHousehold, name, fixture(name));
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toContain(message);
      const after = (
        (await (await call(`/api/households/${firm.annHousehold}/transactions`, { token })).json()) as {
          total: number;
        }
      ).total;
      expect(after).toBe(before);
    });

    it("refuses an upload with no file, a bad option, or over 20 MB", async () => {
      const { token } = await loginAs("carla@client.test");
      const noFile = await fetch(`${server.url}/api/households/${firm.annHousehold}/transactions/import`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: new FormData(),
      });
      expect(noFile.status).toBe(400);
      const badSign = await upload(token, firm.annHousehold, "x.csv", fixture("chase-style-checking.csv"), {
        sign: "sideways",
      });
      expect(badSign.status).toBe(400);
      const huge = await upload(token, firm.annHousehold, "huge.csv", "x".repeat(21 * 1024 * 1024));
      expect(huge.status).toBe(413);
    });

    it("answers an empty list of months, not 404, for a visible household with no statements yet", async () => {
      const { token } = await loginAs("ann@firm.test");
      const clients = (await (await call("/api/planner/clients", { token })).json()) as {
        items: { id: string }[];
      };
      const fresh = clients.items.find((c) => c.id !== firm.annHousehold)!;
      const response = await call(`/api/households/${fresh.id}/spending/monthly`, { token });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ months: [] });
    });

    it("answers 404 for another tenant's transactions, spending and rules", async () => {
      const { token } = await loginAs("ann@firm.test");
      for (const path of ["transactions", "spending/monthly", "spending/analysis"]) {
        expect((await call(`/api/households/${firm.bobHousehold}/${path}`, { token })).status).toBe(404);
      }
      const rule = await call(`/api/households/${firm.bobHousehold}/category-rules`, {
        method: "POST",
        token,
        body: JSON.stringify({ match: "X1", category: "travel" }),
      });
      expect(rule.status).toBe(404);
      expect(
        (await upload(token, firm.bobHousehold, "c.csv", fixture("chase-style-checking.csv"))).status,
      ).toBe(404);
    });
  });

  describe("529 over HTTP", () => {
    const cliArgs = (body: Record<string, unknown>) =>
      Object.entries(body).flatMap(([k, v]) => [`--${k.replace(/_/g, "-")}`, String(v)]);

    it("POST /api/529/tax-benefit answers exactly what `finplan 529 tax-benefit --json` prints", async () => {
      const { token } = await loginAs("ann@firm.test");
      const body = { state: "NY", contribution: 15000, filing: "mfj", marginal_rate: 0.0685, tax_year: 2025 };
      const response = await call("/api/529/tax-benefit", {
        method: "POST",
        token,
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      const json = (await response.json()) as { deductible_amount: string; tax_saved: string };
      expect(json).toEqual(await runCliJson(["529", "tax-benefit", ...cliArgs(body)]));
      // New York: up to $10,000 a year for joint filers, at the given 6.85%.
      expect(json.deductible_amount).toBe("10000.00");
      expect(json.tax_saved).toBe("685.00");
    });

    it("recommends an allocation and compares plans as the CLI does", async () => {
      const { token } = await loginAs("ann@firm.test");
      const recommend = await call("/api/529/recommend", {
        method: "POST",
        token,
        body: JSON.stringify({ age: 8 }),
      });
      const { allocation } = (await recommend.json()) as {
        allocation: { equity: number; fixed_income: number; money_market: number };
      };
      expect(allocation.equity + allocation.fixed_income + allocation.money_market).toBeCloseTo(1, 10);
      const compare = { state: "IL", age: 5, contribution: 6000, filing: "mfj" };
      const ranked = await call("/api/529/compare-states", {
        method: "POST",
        token,
        body: JSON.stringify(compare),
      });
      expect(ranked.status).toBe(200);
      expect(await ranked.json()).toEqual(await runCliJson(["529", "compare-states", ...cliArgs(compare)]));
    });

    it("validates fund selections and lists plans", async () => {
      const { token } = await loginAs("ann@firm.test");
      const plans = (await (await call("/api/529/plans?state=NY", { token })).json()) as {
        items: { id: string }[];
      };
      expect(plans.items.map((p) => p.id)).toContain("ny-529-direct");
      const checked = await call("/api/529/validate", {
        method: "POST",
        token,
        body: JSON.stringify({ plan: "ny-529-direct", option: ["Conservative Income Portfolio=100"] }),
      });
      expect(((await checked.json()) as { valid: boolean }).valid).toBe(true);
    });

    it.each([
      [{ state: "ZZ", contribution: 100 }, "state"],
      [{ state: "NY", contribution: -1 }, "contribution"],
      [{ state: "NY", contribution: 100, marginal_rate: 6.85 }, "marginal_rate"],
    ])("rejects a bad tax-benefit body %j naming %s", async (body, field) => {
      const { token } = await loginAs("ann@firm.test");
      const response = await call("/api/529/tax-benefit", {
        method: "POST",
        token,
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(400);
      expect(Object.keys(((await response.json()) as { fields: object }).fields)).toContain(field);
    });
  });

  it("publishes the OpenAPI 3.1 document and a docs page", async () => {
    const doc = (await (await call("/api/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/auth/login", "/api/households", "/api/retirement/gap"]),
    );
    const page = await call("/docs");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("/api/retirement/gap");
  });
});
