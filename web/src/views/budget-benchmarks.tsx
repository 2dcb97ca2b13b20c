import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SpendingAnalysis } from "../api/budget.ts";
import { FoldedTable } from "../components/data-table.tsx";
import { categoryLabel, formatPercent } from "../format.ts";

/** Household and peer bars, each at least 3:1 against the white card. */
const HOUSEHOLD_COLOUR = "#1f5fa8";
const PEER_COLOUR = "#b3471d";

interface Benchmark {
  category: string;
  label: string;
  household: number;
  peers: number;
  difference: number;
  note: string | undefined;
}

/** Categories with a peer figure (share of income both sides), largest gap above peers first. */
function benchmarks(analysis: SpendingAnalysis): Benchmark[] {
  return Object.entries(analysis.categories)
    .flatMap(([category, c]) =>
      c.share_of_income === null || c.peer_share === null
        ? []
        : [
            {
              category,
              label: categoryLabel(category),
              household: c.share_of_income,
              peers: c.peer_share,
              difference: c.difference ?? c.share_of_income - c.peer_share,
              note: c.peer_note,
            },
          ],
    )
    .sort((a, b) => b.difference - a.difference);
}

/** "+2.5 points" / "−1.1 points": a difference of two shares, in percentage points. */
function points(difference: number): string {
  const value = Math.abs(difference * 100).toFixed(1);
  return `${difference < 0 ? "−" : "+"}${value} points`;
}

/**
 * Each category's share of income against the share peer households spend (BLS Consumer
 * Expenditure Survey, the household's income bracket), as paired bars with the same figures in a table.
 */
export function BudgetBenchmarks({ analysis }: { analysis: SpendingAnalysis }) {
  const rows = benchmarks(analysis);
  const notCompared = Object.entries(analysis.categories)
    .filter(([, c]) => c.peer_share === null)
    .map(([category]) => categoryLabel(category));
  if (rows.length === 0) return <p className="note">No category has a peer figure to compare with.</p>;
  const peers = `households with income ${analysis.peers.bracket.label}`;
  const data = rows.map((row) => ({
    label: row.label,
    "This household": row.household * 100,
    Peers: row.peers * 100,
  }));
  return (
    <>
      <figure className="chart benchmark-chart">
        <ResponsiveContainer width="100%" height={rows.length * 36 + 50} minWidth={280}>
          <BarChart data={data} layout="vertical" margin={{ left: 0, right: 12 }} accessibilityLayer>
            <CartesianGrid horizontal={false} stroke="#d5dae1" />
            <XAxis type="number" unit="%" tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 11 }} interval={0} />
            <Tooltip formatter={(value) => `${Number(value).toFixed(1)}%`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="This household" fill={HOUSEHOLD_COLOUR} isAnimationActive={false} />
            <Bar dataKey="Peers" fill={PEER_COLOUR} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
        <figcaption>
          Share of income by category, this household against peer {peers}; the table below lists the same
          figures.
        </figcaption>
      </figure>
      <FoldedTable
        summary="Benchmarks as a table"
        caption={`Share of income against peer ${peers}`}
        columns={[
          { label: "Category" },
          { label: "This household", numeric: true },
          { label: "Peers", numeric: true },
          { label: "Difference", numeric: true },
        ]}
        rows={rows.map((row) => ({
          key: row.category,
          title: row.note,
          cells: [row.label, formatPercent(row.household), formatPercent(row.peers), points(row.difference)],
        }))}
      />
      {notCompared.length > 0 ? (
        <p className="note">Not compared (no peer figure): {notCompared.join(", ")}.</p>
      ) : null}
      {analysis.peers.notes.map((note) => (
        <p className="source" key={note}>
          {note}
        </p>
      ))}
      <p className="source">Peers: {analysis.peers.source}</p>
    </>
  );
}
