import { readFileSync } from "node:fs";
import type { z } from "zod";
import { type CalendarDate, parseIsoDate } from "../core/dates.ts";
import { ValidationError } from "../core/errors.ts";
import { validate } from "../core/validation.ts";

/** Turns a schema field (`monthly_contribution`) into the flag a user typed (`--monthly-contribution`). */
export function flagName(field: string): string {
  return `--${field.replace(/_/g, "-")}`;
}

function snakeKey(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Today's date (UTC) as YYYY-MM-DD: the CLI's default as-of date, read here at the edge, never in core. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export function today(): CalendarDate {
  return parseIsoDate(todayIso());
}

/**
 * Validates commander's parsed options against a request schema. Options arrive as strings with
 * camelCase keys; errors name the flag. `fieldFlags` renames fields whose flag differs.
 */
export function requestFromOptions<S extends z.ZodType>(
  schema: S,
  options: Record<string, unknown>,
  fieldFlags: Record<string, string> = {},
): z.output<S> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (key !== "json" && key !== "earningsFile") raw[snakeKey(key)] = value;
  }
  return validate(schema, raw, (field) => fieldFlags[field] ?? flagName(field));
}

/** Re-labels a ValidationError raised deeper down (at once or, for async work, later) with the flag the user typed. */
export function withFlagNames<T>(run: () => T, fieldFlags: Record<string, string> = {}): T {
  const relabel = (error: unknown): never => {
    if (error instanceof ValidationError && !error.field.startsWith("--")) {
      throw new ValidationError(fieldFlags[error.field] ?? flagName(error.field), error.message);
    }
    throw error;
  };
  try {
    const result = run();
    return (result instanceof Promise ? result.catch(relabel) : result) as T;
  } catch (error) {
    return relabel(error);
  }
}

/** Reads a text file named by a flag; a missing or unreadable file is the user's input error. */
export function readInputFile(path: string, flag: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new ValidationError(flag, `cannot read ${path}: ${reason}`);
  }
}
