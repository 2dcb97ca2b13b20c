import { Money } from "../core/money.ts";

/** Human and JSON output helpers for every command. */

export type Align = "left" | "right";

/** Splits text into lines of at most `width` characters at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  return [...lines, line];
}

/**
 * An aligned text table; numbers and money columns are usually right-aligned. A column with a
 * `wrapAt` width wraps its long cells onto continuation lines so the table stays readable.
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
  wrapAt: readonly (number | undefined)[] = [],
): string {
  const physical = rows.flatMap((row) => {
    const cells = row.map((cell, col) => (wrapAt[col] ? wrap(cell, wrapAt[col]) : [cell]));
    const height = Math.max(...cells.map((c) => c.length));
    return Array.from({ length: height }, (_, k) => cells.map((c) => c[k] ?? ""));
  });
  const all = [header, ...physical];
  const widths = header.map((_, col) => Math.max(...all.map((row) => (row[col] ?? "").length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, col) =>
        (align[col] ?? "left") === "right" ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!),
      )
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...physical.map(line)].join("\n");
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
