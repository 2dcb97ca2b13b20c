import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import {
  ConflictError,
  ForbiddenError,
  MissingReferenceDataError,
  NotFoundError,
  RateLimitedError,
  StaleWriteError,
  UnauthorizedError,
  ValidationError,
} from "../core/errors.ts";
import type { Logger } from "./logger.ts";

/**
 * Every error answer has one body: `{error, message, fields?}`. `error` is a stable code, `message`
 * is for people, `fields` maps a request field to what is wrong with it. Nothing else about the
 * failure (no stack, no SQL) ever reaches the client.
 */
export interface ErrorBody {
  readonly error: string;
  readonly message: string;
  readonly fields?: Record<string, string>;
}

export function errorBody(error: string, message: string, fields?: Record<string, string>): ErrorBody {
  return fields ? { error, message, fields } : { error, message };
}

/** A zod failure as a 400 body naming each field (the first problem of each). */
export function validationBody(error: z.ZodError): ErrorBody {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "body";
    fields[path] ??= issue.message;
  }
  const [first] = Object.entries(fields);
  return errorBody("bad_request", first ? `${first[0]}: ${first[1]}` : "invalid request", fields);
}

/** Maps a thrown error to its HTTP answer, once, for every route. */
export function respondToError(c: Context, error: unknown, logger: Logger): Response {
  if (error instanceof ValidationError) {
    return c.json(errorBody("bad_request", error.describe(), { [error.field]: error.message }), 400);
  }
  if (error instanceof UnauthorizedError) return c.json(errorBody("unauthorized", error.message), 401);
  if (error instanceof ForbiddenError) return c.json(errorBody("forbidden", error.message), 403);
  if (error instanceof NotFoundError) return c.json(errorBody("not_found", error.message), 404);
  if (error instanceof ConflictError) return c.json(errorBody("conflict", error.message), 409);
  if (error instanceof StaleWriteError) return c.json(errorBody("precondition_failed", error.message), 412);
  if (error instanceof RateLimitedError) {
    c.header("Retry-After", String(error.retryAfterSeconds));
    return c.json(errorBody("too_many_requests", error.message), 429);
  }
  if (error instanceof MissingReferenceDataError) {
    return c.json(errorBody("unprocessable", `reference data: ${error.message}`), 422);
  }
  if (error instanceof HTTPException && error.status < 500) {
    // The framework's own refusals, e.g. a body that is not valid JSON.
    const code =
      { 400: "bad_request", 413: "payload_too_large", 415: "unsupported_media_type" }[
        error.status as number
      ] ?? "http_error";
    return c.json(errorBody(code, error.message || "bad request"), error.status as ContentfulStatusCode);
  }
  logger.error({ err: error, path: c.req.path, method: c.req.method }, "request failed");
  return c.json(errorBody("internal", "internal error"), 500);
}
