import { toJsonValue } from "../app/json.ts";

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

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(toJsonValue(value), null, 2)}\n`);
}

/** Writes a block of human output followed by a newline. */
export function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
