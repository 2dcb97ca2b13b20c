import { useId, useState } from "react";
import { type CompareRequest, type PlanRow, useStateComparison } from "../../api/college.ts";
import { ErrorMessage, Loading } from "../../components/status.tsx";
import { formatDollars } from "../../format.ts";
import { formatFinePercent } from "./fine-percent.ts";
import { compareDecimal } from "./money-text.ts";

type Direction = "ascending" | "descending";
type Kind = "money" | "number" | "text";

interface Column {
  key: string;
  label: string;
  kind: Kind;
  value: (row: PlanRow) => string | number | null;
  show: (row: PlanRow) => string;
}

const money = (amount: string | null) => (amount === null ? "unknown" : formatDollars(amount));

const COLUMNS: Column[] = [
  { key: "rank", label: "Rank", kind: "number", value: (r) => r.rank, show: (r) => rankText(r) },
  { key: "plan", label: "Plan", kind: "text", value: (r) => r.plan_name, show: (r) => r.plan_name },
  {
    key: "tax",
    label: "State tax saved",
    kind: "money",
    value: (r) => r.tax_saved,
    show: (r) => money(r.tax_saved),
  },
  { key: "fees", label: "Fee drag", kind: "money", value: (r) => r.fee_drag, show: (r) => money(r.fee_drag) },
  {
    key: "net",
    label: "Net value",
    kind: "money",
    value: (r) => r.net_value,
    show: (r) => money(r.net_value),
  },
  {
    key: "expense",
    label: "Expense ratio",
    kind: "number",
    value: (r) => r.expense_ratio,
    show: (r) => (r.expense_ratio === null ? "unknown" : formatFinePercent(r.expense_ratio)),
  },
];

function rankText(row: PlanRow): string {
  if (row.rank === null) return "—";
  return row.tied ? `${row.rank} (tie)` : String(row.rank);
}

function compareValues(kind: Kind, a: string | number, b: string | number): number {
  if (kind === "money") return compareDecimal(String(a), String(b));
  if (kind === "number") return Number(a) - Number(b);
  return String(a).localeCompare(String(b));
}

/** Rows ordered by one column; rows without a value (fees unknown) stay last either way. */
export function sortRows(rows: readonly PlanRow[], column: Column, direction: Direction): PlanRow[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...rows].sort((x, y) => {
    const a = column.value(x);
    const b = column.value(y);
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return sign * compareValues(column.kind, a, b);
  });
}

/**
 * Every 529 plan ranked for this household and child (POST /api/529/compare-states: the state's
 * tax benefit on each year's contribution against each plan's fee drag until enrollment), with the
 * reason for each plan. Column headers are buttons: activate one to sort by it, again to reverse.
 * The explanation sits above the table, where it wraps like any paragraph; the table scrolls in a
 * box of its own (both ways, header row kept in view), which takes keyboard focus so it can be
 * scrolled without a mouse.
 */
export function StatePlanComparison({ request, name }: { request: CompareRequest; name: string }) {
  const comparison = useStateComparison(request);
  const id = useId();
  const [sort, setSort] = useState<{ key: string; direction: Direction }>({
    key: "rank",
    direction: "ascending",
  });
  if (comparison.isPending) return <Loading what="the plan comparison" />;
  if (comparison.isError) return <ErrorMessage error={comparison.error} what="plan comparison" />;
  const column = COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[0]!;
  const rows = sortRows(comparison.data.plans, column, sort.direction);
  const toggle = (key: string) =>
    setSort((now) => ({
      key,
      direction: now.key === key && now.direction === "ascending" ? "descending" : "ascending",
    }));
  return (
    <>
      <p className="note" id={`${id}-about`}>
        529 plans for {name} as a {comparison.data.state} resident, tax year {comparison.data.tax_year}: state
        tax saved and fee drag until enrollment. Sorted by {column.label.toLowerCase()}, {sort.direction}.
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must take focus to scroll by keyboard. */}
      <section className="table-scroll plan-comparison-scroll" tabIndex={0} aria-labelledby={`${id}-caption`}>
        <table className="plan-comparison" aria-describedby={`${id}-about`}>
          <caption id={`${id}-caption`} className="visually-hidden">
            529 plans for {name}
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.kind === "text" ? "" : "number"}
                  aria-sort={sort.key === c.key ? sort.direction : undefined}
                >
                  <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                    {c.label}
                    <span aria-hidden="true">
                      {sort.key === c.key ? (sort.direction === "ascending" ? " ▲" : " ▼") : ""}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.plan_id}>
                {COLUMNS.map((c) =>
                  c.key === "plan" ? (
                    <th key={c.key} scope="row">
                      {row.plan_name} ({row.plan_state})
                    </th>
                  ) : (
                    <td key={c.key} className="number">
                      {c.show(row)}
                    </td>
                  ),
                )}
                <td className="reason">{row.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
