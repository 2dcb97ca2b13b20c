import { createRoute, z } from "@hono/zod-openapi";
import { addHouseholdRule, analyzeHousehold, importIntoHousehold } from "../../app/household-spending.ts";
import { wire } from "../../app/json.ts";
import { categorizeRequest, importRequest } from "../../app/spending.ts";
import { analysisJson, importReportJson } from "../../app/spending-json.ts";
import { formatIsoDate, utcDateOf } from "../../core/dates.ts";
import { ValidationError } from "../../core/errors.ts";
import { Money } from "../../core/money.ts";
import { builtinCategorization } from "../../core/spending/categorizer.ts";
import { money } from "../../core/validation.ts";
import { monthlyRollupJson, transactionPage } from "../../db/repositories/household-spending.ts";
import type { App, ServerContext } from "../app.ts";
import { HouseholdParams, visibleHousehold } from "./household-routes.ts";
import {
  authenticated,
  ErrorSchema,
  errorResponses,
  JsonObject,
  notFoundResponse,
  PageQuery,
  pageOf,
  UUID,
} from "./shared-schemas.ts";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const UploadForm = importRequest.extend({
  file: z
    .custom<File>((value) => value instanceof File, {
      message: "is required: the statement file (CSV, OFX or QFX)",
    })
    .openapi({ type: "string", format: "binary" }),
});

/** Text chunks of an uploaded file, decoded as UTF-8 without holding a second copy. */
async function* textOf(file: File): AsyncIterable<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const bytes of file.stream() as unknown as AsyncIterable<Uint8Array>) {
    yield decoder.decode(bytes, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

export function registerSpendingRoutes(app: App, ctx: ServerContext): void {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/households/{id}/transactions/import",
      tags: ["spending"],
      summary: "Import a bank or card statement (CSV, OFX or QFX) into a household",
      description:
        "multipart/form-data with `file` (up to 20 MB) and optional `account`, `columns`, `date_format`, `sign`, as " +
        "`finplan budget import`. Transactions the household already has are skipped, so uploading the same file " +
        "again imports nothing. A file that is not a statement is refused whole (400) and nothing is stored; a few " +
        "bad rows are listed in the report with their line numbers.",
      security: authenticated,
      request: {
        params: HouseholdParams,
        body: { content: { "multipart/form-data": { schema: UploadForm } }, required: true },
      },
      responses: {
        201: { description: "The import report", content: { "application/json": { schema: JsonObject } } },
        ...errorResponses,
        ...notFoundResponse,
        413: { description: "File over 20 MB", content: { "application/json": { schema: ErrorSchema } } },
      },
    }),
    async (c) => {
      const household = await visibleHousehold(ctx.db, c.get("auth").user, c.req.valid("param").id);
      const { file, ...options } = c.req.valid("form");
      const report = await importIntoHousehold(
        ctx.db,
        household.id,
        file.name || "upload",
        textOf(file),
        options,
        formatIsoDate(utcDateOf(ctx.now())),
      );
      return c.json(wire({ file: file.name, ...importReportJson(report) }), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/households/{id}/transactions",
      tags: ["spending"],
      summary: "A household's transactions, newest first, with their category and the rule that chose it",
      description:
        "Each item: `id`, `date`, `account`, `description`, `amount`, `category`, `rule_id` (a household rule's id, " +
        '`builtin:…`, or "none") and `reason`, the rule\'s reason in words (as `finplan budget analyze --transactions`).',
      security: authenticated,
      request: { params: HouseholdParams, query: PageQuery },
      responses: {
        200: {
          description: "A page of transactions",
          content: { "application/json": { schema: JsonObject } },
        },
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const household = await visibleHousehold(ctx.db, c.get("auth").user, c.req.valid("param").id);
      const { limit, offset } = c.req.valid("query");
      const page = await transactionPage(ctx.db, household.id, limit, offset);
      const items = page.items.map((s) => ({
        id: s.transaction.id,
        date: s.transaction.date,
        account: s.transaction.account,
        description: s.transaction.description,
        amount: s.transaction.amount.toString(),
        category: s.category,
        rule_id: s.ruleId,
        reason: s.userRuleReason ?? builtinCategorization(s.ruleId)?.reason ?? null,
      }));
      return c.json(wire(pageOf(items, page.total, limit, offset)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/households/{id}/spending/monthly",
      tags: ["spending"],
      summary: "Monthly spending by category (the roll-up), between two months",
      description:
        "One row per month: the fourteen category amounts, income, uncategorized outflows and total_spending (the " +
        "twelve spending categories; savings and investments excluded). `from` and `to` are YYYY-MM (default: all).",
      security: authenticated,
      request: {
        params: HouseholdParams,
        query: z.object({
          from: z.string().regex(MONTH, "must be a month as YYYY-MM").optional(),
          to: z.string().regex(MONTH, "must be a month as YYYY-MM").optional(),
        }),
      },
      responses: {
        200: { description: "Months, oldest first", content: { "application/json": { schema: JsonObject } } },
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const user = c.get("auth").user;
      const id = c.req.valid("param").id;
      const { from, to } = c.req.valid("query");
      if (from && to && from > to) throw new ValidationError("from", "is after to");
      // One query when there are months; with none, tell "not yours" (404) from "nothing yet" (empty).
      const months = UUID.test(id)
        ? await monthlyRollupJson(ctx.db, user, id, `${from ?? "0001-01"}-01`, `${to ?? "9999-12"}-01`)
        : "[]";
      if (months === "[]") await visibleHousehold(ctx.db, user, id);
      // The database built the JSON already: send its text as it is, without parsing it again.
      const response = new Response(`{"months":${months}}`, {
        status: 200,
        headers: { "content-type": "application/json; charset=UTF-8" },
      });
      return response as never;
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/households/{id}/spending/analysis",
      tags: ["spending"],
      summary: "Spending patterns, peer benchmarks and savings opportunities of everything imported",
      description:
        "As `finplan budget analyze --json`. Income: the `income` query, else the household's annual income, else the " +
        "deposits categorized as income (said in `notes`). The month in progress (the server's UTC day) is left out " +
        "while earlier months exist, and `notes` says so.",
      security: authenticated,
      request: {
        params: HouseholdParams,
        query: z.object({ income: money({ min: Money.fromDollars(1) }).optional() }),
      },
      responses: {
        200: { description: "The analysis", content: { "application/json": { schema: JsonObject } } },
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const household = await visibleHousehold(ctx.db, c.get("auth").user, c.req.valid("param").id);
      const income =
        c.req.valid("query").income ??
        (household.annualIncome === null ? undefined : Money.parse(household.annualIncome));
      const analysis = await analyzeHousehold(
        ctx.db,
        household.id,
        income,
        ctx.refs,
        formatIsoDate(utcDateOf(ctx.now())),
      );
      return c.json(wire(analysisJson(analysis)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/households/{id}/category-rules",
      tags: ["spending"],
      summary:
        "Add a categorization rule (a re-categorization) and re-categorize the household's transactions",
      description:
        "As `finplan budget categorize`: `match` or `regex`, `category`, optional `account`, `min_amount`, `max_amount`.",
      security: authenticated,
      request: {
        params: HouseholdParams,
        body: { content: { "application/json": { schema: categorizeRequest } }, required: true },
      },
      responses: {
        201: {
          description: "The rule and how many transactions it changed",
          content: {
            "application/json": {
              schema: z.object({ rule_id: z.string(), reason: z.string(), recategorized: z.number() }),
            },
          },
        },
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const household = await visibleHousehold(ctx.db, c.get("auth").user, c.req.valid("param").id);
      const added = await addHouseholdRule(ctx.db, household.id, c.req.valid("json"));
      return c.json({ rule_id: added.ruleId, reason: added.reason, recategorized: added.recategorized }, 201);
    },
  );
}
