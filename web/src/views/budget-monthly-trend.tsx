import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { type MonthlySpending, useMonthlySpending } from "../api/budget.ts";
import { FoldedTable } from "../components/data-table.tsx";
import { Empty, ErrorMessage, Loading } from "../components/status.tsx";
import { formatDollars, formatMoney, formatMonth } from "../format.ts";

const BAR_COLOUR = "#1f5fa8";

/** "2026-03-01" → "Mar 26", short enough for an axis of 24 months. */
const shortMonth = new Intl.DateTimeFormat("en-US", { month: "short", year: "2-digit", timeZone: "UTC" });

/**
 * Total spending per imported month (the twelve spending categories; savings, investments,
 * transfers and uncategorized outflows left out, as in the roll-up), as bars with a table.
 */
export function MonthlyTrend({ householdId }: { householdId: string }) {
  const monthly = useMonthlySpending(householdId);
  if (monthly.isPending) return <Loading what="monthly spending" />;
  if (monthly.isError) return <ErrorMessage error={monthly.error} what="monthly spending" />;
  const months = monthly.data.months;
  if (months.length === 0) return <Empty>No months imported yet.</Empty>;
  return <TrendChart months={months} />;
}

function TrendChart({ months }: { months: MonthlySpending[] }) {
  const data = months.map((m) => ({
    month: shortMonth.format(new Date(`${m.month}T00:00:00Z`)),
    label: formatMonth(m.month),
    exact: m.total_spending,
    Spending: Number(m.total_spending),
  }));
  return (
    <>
      <figure className="chart trend-chart">
        <ResponsiveContainer width="100%" height={220} minWidth={280}>
          <BarChart data={data} margin={{ left: 0, right: 8 }} accessibilityLayer>
            <CartesianGrid vertical={false} stroke="#d5dae1" />
            <XAxis dataKey="month" tick={{ fontSize: 11 }} minTickGap={8} />
            <YAxis
              tick={{ fontSize: 11 }}
              width={56}
              tickFormatter={(value: number) => formatDollars(String(value))}
            />
            <Tooltip
              formatter={(_value, _name, item) => formatMoney((item.payload as { exact: string }).exact)}
              labelFormatter={(_label, items) => (items[0]?.payload as { label: string } | undefined)?.label}
            />
            <Bar dataKey="Spending" fill={BAR_COLOUR} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
        <figcaption>
          Spending per month, {formatMonth(months[0]!.month)} to {formatMonth(months.at(-1)!.month)} (
          {months.length} months); the table lists the same figures.
        </figcaption>
      </figure>
      <FoldedTable
        summary="Monthly spending as a table"
        caption="Spending, income and uncategorized outflows per month"
        columns={[
          { label: "Month" },
          { label: "Spending", numeric: true },
          { label: "Income", numeric: true },
          { label: "Uncategorized", numeric: true },
        ]}
        rows={months.map((m) => ({
          key: m.month,
          cells: [
            formatMonth(m.month),
            formatMoney(m.total_spending),
            formatMoney(m.income),
            formatMoney(m.uncategorized),
          ],
        }))}
      />
    </>
  );
}
