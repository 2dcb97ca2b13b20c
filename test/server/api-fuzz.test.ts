import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, ensureDemoData } from "../../src/app/demo-data.ts";
import { parseIsoDate } from "../../src/core/dates.ts";
import { FileFundListStore } from "../../src/data/fund-list-store.ts";
import { referenceData } from "../../src/data/reference-data.ts";
import type { Database } from "../../src/db/database.ts";
import { createApp } from "../../src/server/app.ts";
import { listen, type RunningServer } from "../../src/server/listen.ts";
import { createLogger } from "../../src/server/logger.ts";
import { DATABASE_KINDS, freshDatabase } from "../support/databases.ts";

/**
 * Every operation in the server's own OpenAPI document, called with generated input: path ids that
 * exist, belong to no one or are not ids at all; query values of every shape; bodies that are any
 * JSON, or the operation's own fields filled with values of the wrong type, out of range or absurdly
 * large. Whatever arrives, the server must answer with a status below 500 and, for a refusal, the
 * error body `{error, message, fields?}` without a stack trace.
 */

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly bodyFields: readonly string[];
  readonly multipart: boolean;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string }[];
        requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
      }
    >
  >;
}

/** Left out: ending the session under test, and the event stream, which never ends by design. */
const NOT_FUZZED = new Set([
  "POST /api/auth/logout",
  "DELETE /api/auth/tokens/{id}",
  "GET /api/planner/metrics/stream",
]);

function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (NOT_FUZZED.has(`${method.toUpperCase()} ${path}`)) continue;
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      const json = content["application/json"] ?? content["multipart/form-data"];
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === "path").map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === "query").map((p) => p.name),
        bodyFields: Object.keys(json?.schema?.properties ?? {}),
        multipart: "multipart/form-data" in content,
      });
    }
  }
  return operations;
}

/** Values of every JSON type, with the edge cases validation most often misses. */
const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    "",
    " ",
    "-1",
    "1e308",
    "NaN",
    "Infinity",
    "12.345.6",
    "$1,000",
    "2026-02-30",
    "9999-99-99",
    "0000-01-01",
    "../../etc/passwd",
    "'; DROP TABLE users; --",
    "\u0000",
    "𝔉𝔦𝔫𝔭𝔩𝔞𝔫",
    -1,
    0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    0.1,
    1_000_000_000,
    true,
    null,
    [],
    {},
  ),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.string({ maxLength: 40 }),
);

const queryValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom("-1", "0", "1", "100000000000", "2026-13", "2026-01", "abc", "1e9", "public-in-state"),
);

describe.each(DATABASE_KINDS)("the API under generated input on %s", (kind) => {
  let db: Database;
  let server: RunningServer;
  let token: string;
  let operations: Operation[];
  const ids: string[] = [];

  beforeAll(async () => {
    db = await freshDatabase(kind);
    await ensureDemoData(db, parseIsoDate("2026-11-25"));
    const refs = referenceData();
    const fundLists = new FileFundListStore(
      mkdtempSync(join(tmpdir(), "finplan-fuzz-funds-")),
      refs.education.baselineFundLists,
    );
    const app = createApp({
      db,
      refs,
      fundLists,
      now: () => new Date("2026-11-25T12:00:00Z"),
      logger: createLogger("silent"),
    });
    server = await listen(app, 0, "127.0.0.1");
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "planner@demo.finplan", password: DEMO_PASSWORD }),
    });
    token = ((await login.json()) as { token: string }).token;
    const auth = { authorization: `Bearer ${token}` };
    const households = (await (await fetch(`${server.url}/api/households`, { headers: auth })).json()) as {
      items: { id: string }[];
    };
    for (const household of households.items) {
      ids.push(household.id);
      const beneficiaries = (await (
        await fetch(`${server.url}/api/households/${household.id}/beneficiaries`, { headers: auth })
      ).json()) as { items: { id: string }[] };
      ids.push(...beneficiaries.items.map((b) => b.id));
    }
    const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as OpenApiDocument;
    operations = operationsOf(document);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  const idValue = () =>
    fc.oneof(
      fc.constantFrom(...ids),
      fc.uuid(),
      fc.constantFrom("0", "not-an-id", "%2e%2e", "00000000-0000-0000-0000-000000000000"),
      fc.string({ minLength: 1, maxLength: 30 }),
    );

  /** One generated request for `operation`: its path, query string and body. */
  const requestFor = (operation: Operation) =>
    fc.record({
      path: fc
        .tuple(...operation.pathParams.map(() => idValue()))
        .map((values) =>
          operation.pathParams.reduce(
            (path, name, i) => path.replace(`{${name}}`, encodeURIComponent(String(values[i]))),
            operation.path,
          ),
        ),
      query: fc
        .tuple(...operation.queryParams.map(() => fc.option(queryValue)))
        .map((values) =>
          operation.queryParams
            .flatMap((name, i) => (values[i] === null ? [] : [`${name}=${encodeURIComponent(values[i]!)}`]))
            .join("&"),
        ),
      body: fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc
          .tuple(...operation.bodyFields.map(() => fc.option(oddValue)))
          .map((values) =>
            Object.fromEntries(
              operation.bodyFields.flatMap((name, i) => (values[i] === null ? [] : [[name, values[i]]])),
            ),
          ),
      ),
    });

  async function send(operation: Operation, request: { path: string; query: string; body: unknown }) {
    const url = `${server.url}${request.path}${request.query ? `?${request.query}` : ""}`;
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    let body: FormData | string | undefined;
    if (operation.method !== "GET" && operation.method !== "DELETE") {
      if (operation.multipart) {
        const form = new FormData();
        form.set("file", new File([JSON.stringify(request.body)], "statement.csv", { type: "text/csv" }));
        body = form;
      } else {
        headers["content-type"] = "application/json";
        body = JSON.stringify(request.body);
      }
    }
    return fetch(url, { method: operation.method, headers, body });
  }

  it("answers every operation with a client error or success, never a server error", async () => {
    expect(operations.length).toBeGreaterThan(30);
    const statuses = new Map<number, number>();
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(requestFor(operation), async (request) => {
          const response = await send(operation, request);
          const text = await response.text();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const label = `${operation.method} ${request.path}?${request.query} ${JSON.stringify(request.body)}`;
          expect(response.status, `${label} → ${text}`).toBeLessThan(500);
          expect(text, label).not.toMatch(/\bat .+\.(ts|js):\d+/);
          if (response.status >= 400) {
            const error = JSON.parse(text) as { error: unknown; message: unknown };
            expect(typeof error.error, label).toBe("string");
            expect(typeof error.message, label).toBe("string");
          }
        }),
        { numRuns: 50, seed: 2026 },
      );
    }
    // The generators reach the handlers: some requests pass validation, many are refused field by field.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(400);
  }, 600_000);
});
