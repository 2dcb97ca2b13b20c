import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../src/server/app.ts";
import { registerWebApp } from "../../src/server/web-app.ts";

function builtDist(): string {
  const dist = mkdtempSync(join(tmpdir(), "finplan-web-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>Finplan</title>");
  writeFileSync(join(dist, "assets", "index-abc123.js"), "console.log('app')");
  return dist;
}

function appServing(dist: string) {
  const app = new OpenAPIHono<AppEnv>();
  app.get("/api/health", (c) => c.json({ ok: true }));
  registerWebApp(app, dist);
  app.notFound((c) => c.json({ error: "not_found" }, 404));
  return app;
}

describe("serving the built web dashboard", () => {
  it("serves index.html at / and for every page path the browser routes", async () => {
    const app = appServing(builtDist());
    for (const path of ["/", "/login", "/households/7f6c1c1e-0000-4000-8000-000000000000"]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain("<title>Finplan</title>");
      expect(response.headers.get("cache-control")).toBe("no-cache");
    }
  });

  it("serves hashed assets as files, cached for a year", async () => {
    const response = await appServing(builtDist()).request("/assets/index-abc123.js");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("console.log('app')");
    expect(response.headers.get("cache-control")).toContain("immutable");
  });

  it("leaves /api and /docs to the server: routes answer, unknown API paths stay JSON 404s", async () => {
    const app = appServing(builtDist());
    expect(await (await app.request("/api/health")).json()).toEqual({ ok: true });
    const unknown = await app.request("/api/no-such-route");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "not_found" });
    expect((await app.request("/docs/anything")).status).toBe(404);
  });

  it("falls through to the 404 while the app has not been built", async () => {
    const app = appServing(join(tmpdir(), "finplan-web-never-built"));
    expect((await app.request("/")).status).toBe(404);
    expect((await app.request("/households/x")).status).toBe(404);
  });
});
