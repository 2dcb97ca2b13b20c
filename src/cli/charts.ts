import type { Money } from "../core/money.ts";

/** Terminal charts: where a person would rather look than read a table of numbers. */

const WIDTH = 44;

function scale(value: number, max: number): number {
  return max <= 0 ? 0 : Math.round((Math.max(0, value) / max) * WIDTH);
}

/** Horizontal bars, one per labelled value. */
export function barChart(rows: readonly { label: string; value: Money }[]): string {
  const max = Math.max(...rows.map((r) => r.value.toNumber()));
  const labelWidth = Math.max(...rows.map((r) => r.label.length));
  return rows
    .map(
      (r) =>
        `${r.label.padStart(labelWidth)} │${"█".repeat(scale(r.value.toNumber(), max)).padEnd(WIDTH)} ${r.value.format({ cents: false })}`,
    )
    .join("\n");
}

/**
 * A fan chart of percentile bands: for each row, ├──┤ spans the 10th to 90th percentile and ●
 * marks the median, all on one scale.
 */
export function fanChart(rows: readonly { label: string; p10: Money; p50: Money; p90: Money }[]): string {
  const max = Math.max(...rows.map((r) => r.p90.toNumber()));
  const labelWidth = Math.max(...rows.map((r) => r.label.length));
  const lines = rows.map((r) => {
    const lo = scale(r.p10.toNumber(), max);
    const mid = scale(r.p50.toNumber(), max);
    const hi = scale(r.p90.toNumber(), max);
    const cells = Array.from({ length: WIDTH + 1 }, (_, i) => {
      if (i === mid) return "●";
      if (i === lo) return "├";
      if (i === hi) return "┤";
      return i > lo && i < hi ? "─" : " ";
    });
    return `${r.label.padStart(labelWidth)} │${cells.join("")} ${r.p50.format({ cents: false })}`;
  });
  return [...lines, `${" ".repeat(labelWidth)}  ├─┤ 10th-90th percentile   ● median (figure at right)`].join(
    "\n",
  );
}
