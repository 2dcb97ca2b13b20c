import { Money } from "../core/money.ts";

/** Human and JSON output helpers for every command. */

export type Align = "left" | "right";

/** An aligned text table; numbers and money columns are usually right-aligned. */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const all = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...all.map((row) => (row[col] ?? "").length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, col) =>
        (align[col] ?? "left") === "right" ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!),
      )
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Label/value pairs with the values lined up. */
export function renderPairs(pairs: readonly (readonly [string, string])[]): string {
  const width = Math.max(...pairs.map(([label]) => label.length));
  return pairs.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join("\n");
}

export function percent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

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

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(toJsonValue(value), null, 2)}\n`);
}

/** Writes a block of human output followed by a newline. */
export function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
