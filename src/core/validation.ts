import { z } from "zod";
import { parseIsoDate } from "./dates.ts";
import { ValidationError } from "./errors.ts";
import { Money } from "./money.ts";

/**
 * Field schemas shared by every edge (CLI flags, HTTP bodies, imported files). Each accepts the
 * value as text or as a JSON number, so a CLI flag and an API field validate identically, and
 * produces the domain type (Money, a rate as a decimal, a date).
 */

const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;

const REQUIRED = "is required";

function toNumber(value: unknown, ctx: z.RefinementCtx): number {
  if (value === undefined) {
    ctx.addIssue({ code: "custom", message: REQUIRED });
    return z.NEVER;
  }
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && NUMBER_TEXT.test(value.trim())) return Number(value.trim());
  ctx.addIssue({ code: "custom", message: `"${String(value)}" is not a number` });
  return z.NEVER;
}

/**
 * OpenAPI/JSON Schema metadata for the transforming schemas below, whose input type zod cannot
 * infer: what a client may send.
 */
type FieldMeta = { type: string | string[]; description: string; format?: string; examples?: unknown[] };
function documented<S extends z.ZodType>(schema: S, meta: FieldMeta): S {
  return schema.meta(meta as never) as S;
}

export const numberText = documented(z.unknown().transform(toNumber), {
  type: ["number", "string"],
  description: "a number",
});

/** An amount of money: decimal text or a number, at most 2 decimals, optionally bounded below. */
export function money(options: { min?: Money; max?: Money } = {}) {
  const schema = z.unknown().transform((value, ctx) => {
    const text = typeof value === "number" ? String(value) : value;
    if (value === undefined) {
      ctx.addIssue({ code: "custom", message: REQUIRED });
      return z.NEVER;
    }
    if (typeof text !== "string") {
      ctx.addIssue({ code: "custom", message: "must be an amount such as 1234.56" });
      return z.NEVER;
    }
    let amount: Money;
    try {
      amount = Money.parse(text);
    } catch (error) {
      ctx.addIssue({
        code: "custom",
        message: error instanceof ValidationError ? error.message : String(error),
      });
      return z.NEVER;
    }
    if (options.min && amount.compare(options.min) < 0) {
      const message = options.min.isZero()
        ? "must not be negative"
        : `must be at least ${options.min.toString()}`;
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    if (options.max && amount.compare(options.max) > 0) {
      ctx.addIssue({ code: "custom", message: `must be at most ${options.max.toString()}` });
      return z.NEVER;
    }
    return amount;
  });
  return documented(schema, {
    type: ["string", "number"],
    description: `an amount in dollars with at most 2 decimals${options.min?.isZero() ? ", not negative" : ""}`,
    examples: ["1234.56"],
  });
}

/**
 * A rate as a decimal fraction (0.06 for 6%). Out-of-range values of 1 or more in magnitude are
 * almost always a percent typed by mistake, so they are rejected with that hint.
 */
export function rate(options: { min: number; max: number; exclusiveMin?: boolean }) {
  const schema = numberText.superRefine((value, ctx) => {
    if (Math.abs(value) >= 1 && Math.abs(value) > options.max && options.max <= 1) {
      ctx.addIssue({
        code: "custom",
        message: `${value} looks like a percent; give rates as decimals (0.06 for 6%)`,
      });
    } else if (value < options.min || (options.exclusiveMin && value === options.min)) {
      ctx.addIssue({
        code: "custom",
        message: `must be ${options.exclusiveMin ? "greater than" : "at least"} ${options.min}`,
      });
    } else if (value > options.max) {
      ctx.addIssue({ code: "custom", message: `must be at most ${options.max}` });
    }
  });
  return documented(schema, {
    type: ["number", "string"],
    description: `a decimal from ${options.min} to ${options.max} (0.06 for 6%)`,
    examples: [0.06],
  });
}

export function integer(options: { min: number; max: number }) {
  const schema = numberText.superRefine((value, ctx) => {
    if (!Number.isInteger(value)) ctx.addIssue({ code: "custom", message: "must be a whole number" });
    else if (value < options.min || value > options.max) {
      ctx.addIssue({ code: "custom", message: `must be between ${options.min} and ${options.max}` });
    }
  });
  return documented(schema, {
    type: ["integer", "string"],
    description: `a whole number from ${options.min} to ${options.max}`,
  });
}

/** An age in years, whole or with months as a fraction of 12 (66.5 = 66 and 6 months); returns months. */
export function ageInMonths(options: { min: number; max: number }) {
  const schema = numberText.transform((value, ctx) => {
    const months = Math.round(value * 12);
    if (Math.abs(value * 12 - months) > 1e-6) {
      ctx.addIssue({
        code: "custom",
        message: "must be whole years or whole months (e.g. 66.5 for 66 and 6 months)",
      });
      return z.NEVER;
    }
    if (value < options.min || value > options.max) {
      ctx.addIssue({ code: "custom", message: `must be between ${options.min} and ${options.max}` });
      return z.NEVER;
    }
    return months;
  });
  return documented(schema, {
    type: ["number", "string"],
    description: `an age from ${options.min} to ${options.max} in years; 66.5 is 66 and 6 months`,
  });
}

const isoDateSchema = z.unknown().transform((value, ctx) => {
  if (value === undefined) {
    ctx.addIssue({ code: "custom", message: REQUIRED });
    return z.NEVER;
  }
  try {
    return parseIsoDate(String(value));
  } catch (error) {
    ctx.addIssue({
      code: "custom",
      message: error instanceof ValidationError ? error.message : String(error),
    });
    return z.NEVER;
  }
});
export const isoDate = documented(isoDateSchema, {
  type: "string",
  format: "date",
  description: "a date, YYYY-MM-DD",
});

/**
 * Validates `raw` against `schema`; the first problem becomes a ValidationError naming the field
 * (`nameField` turns a schema path into the caller's spelling, e.g. `--monthly-contribution`).
 */
export function validate<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  nameField: (path: string) => string = (path) => path,
): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join(".") ?? "";
  throw new ValidationError(nameField(path || "input"), issue?.message ?? "is invalid");
}
