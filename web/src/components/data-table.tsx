import type { ReactNode } from "react";

export interface Column {
  readonly label: string;
  /** Right-aligned with tabular figures. */
  readonly numeric?: boolean;
}

export interface Row {
  readonly key: string;
  /** The first cell is the row's header; the rest follow the columns after the first. */
  readonly cells: readonly ReactNode[];
  readonly title?: string | undefined;
}

/**
 * A captioned table in a horizontally scrolling wrapper (so a phone never scrolls the page
 * sideways): the text alternative every chart carries.
 */
export function DataTable({
  caption,
  captionId,
  columns,
  rows,
}: {
  caption: ReactNode;
  captionId?: string;
  columns: readonly Column[];
  rows: readonly Row[];
}) {
  return (
    <div className="table-scroll">
      <table>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? "number" : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} title={row.title}>
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th key={columns[0]?.label} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={columns[index]?.label} className={columns[index]?.numeric ? "number" : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A chart's table alternative folded away under `summary`, for charts whose table is long. */
export function FoldedTable({ summary, ...table }: { summary: string } & Parameters<typeof DataTable>[0]) {
  return (
    <details>
      <summary>{summary}</summary>
      <DataTable {...table} />
    </details>
  );
}
