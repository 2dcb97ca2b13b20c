import { Money } from "../core/money.ts";

/** The wire form of answers, shared by `--json` output and the HTTP API. */

const snakeKeys = new Map<string, string>();

/** `benefitAtClaimAge` → `benefit_at_claim_age`, remembered (the same few keys recur in every answer). */
function snakeCase(key: string): string {
  let snake = snakeKeys.get(key);
  if (snake === undefined) {
    snake = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    snakeKeys.set(key, snake);
  }
  return snake;
}

/**
 * Converts camelCase keys to snake_case, deeply, and money to decimal strings with 2 places, for
 * `--json` output. Numbers stay numbers (rates as fractions, counts, years).
 */
export function toJsonValue(value: unknown): unknown {
  if (value instanceof Money) return value.toString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value !== null && typeof value === "object") {
    // A plain loop: every API answer passes through here, and entries/filter/map arrays cost more.
    const converted: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined && typeof v !== "function") converted[snakeCase(key)] = toJsonValue(v);
    }
    return converted;
  }
  return value;
}

/** An answer in its wire form, as an HTTP route returns it (the same conversion as --json output). */
export function wire(value: unknown): Record<string, unknown> {
  return toJsonValue(value) as Record<string, unknown>;
}
