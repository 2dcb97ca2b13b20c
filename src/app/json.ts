import { Money } from "../core/money.ts";

/** The wire form of answers, shared by `--json` output and the HTTP API. */

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * Converts camelCase keys to snake_case, deeply, and money to decimal strings with 2 places, for
 * `--json` output. Numbers stay numbers (rates as fractions, counts, years).
 */
export function toJsonValue(value: unknown): unknown {
  if (value instanceof Money) return value.toString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined && typeof v !== "function")
        .map(([k, v]) => [snakeCase(k), toJsonValue(v)]),
    );
  }
  return value;
}
