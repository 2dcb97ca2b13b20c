import { z } from "@hono/zod-openapi";

/** Schemas several routes share: the error body, pagination, and the security requirement. */

export const ErrorSchema = z
  .object({
    error: z.string().meta({ example: "bad_request" }),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  })
  .openapi("Error");

export const errorResponses = {
  400: {
    description: "Bad input: `fields` names each field at fault",
    content: { "application/json": { schema: ErrorSchema } },
  },
  401: { description: "Not logged in", content: { "application/json": { schema: ErrorSchema } } },
} as const;

export const notFoundResponse = {
  404: {
    description: "No such resource, or not one the caller may see",
    content: { "application/json": { schema: ErrorSchema } },
  },
} as const;

export const authenticated: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: "page size, 1 to 200" }),
  offset: z.coerce.number().int().min(0).default(0).openapi({ description: "items to skip" }),
});

export function pageOf<T>(items: T[], total: number, limit: number, offset: number) {
  return { items, total, limit, offset };
}

/** Any JSON object, for answers whose full shape is described in prose (kept in step with the CLI's --json). */
export const JsonObject = z.record(z.string(), z.unknown());

/** A required JSON request body of this schema. */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return { content: { "application/json": { schema } }, required: true as const };
}

/** A 200 answer whose full shape is the matching CLI command's --json output, plus the usual errors. */
export function jsonAnswer(description: string) {
  return {
    200: { description, content: { "application/json": { schema: JsonObject } } },
    ...errorResponses,
  };
}

/** Ids are UUIDs; anything else cannot name a resource (and answers 404 without a query). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
