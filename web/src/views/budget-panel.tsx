import { Cell, Pie, PieChart, Tooltip } from "recharts";
import { type SpendingAnalysis, useBudget } from "../api/budget.ts";
import { ApiError } from "../api/client.ts";
import { DataTable } from "../components/data-table.tsx";
import { Empty, ErrorMessage, Loading, Panel } from "../components/status.tsx";
import { categoryLabel, formatMoney, formatMonth, formatPercentOneDecimal } from "../format.ts";
import { BudgetBenchmarks } from "./budget-benchmarks.tsx";
import { MonthlyTrend } from "./budget-monthly-trend.tsx";
import { StatementUpload } from "./statement-upload.tsx";
import { TransactionsList } from "./transactions-list.tsx";

/** Money set aside, not spent: the analysis reports them but the spending total leaves them out. */
const SAVED = new Set(["savings_contributions", "investments"]);

/**
 * Slice colours, each at least 3:1 against the white card (WCAG 1.4.11 for graphics). Slices are
 * coloured in this order, largest first, so neighbours (the last one beside the first) differ in
 * hue and lightness; no two colours are alike (CIEDE2000 distance at least 18).
 */
const COLOURS = [
  "#1f5fa8", // blue
  "#c05600", // orange
  "#8e3fa8", // purple
  "#1b6e2a", // green
  "#5f6368", // grey
  "#8a6d00", // ochre
  "#00786e", // teal
  "#8b1a1a", // maroon
  "#6f8f00", // olive
  "#6d4c2f", // brown
  "#0090c0", // sky blue
  "#c2185b", // raspberry
];

interface Slice {
  category: string;
  label: string;
  monthly: string;
  /** Chart geometry only; every figure a reader sees comes from `monthly`, the exact decimal string. */
  value: number;
  share: number | null;
}

function spendingSlices(analysis: SpendingAnalysis): Slice[] {
  return Object.entries(analysis.categories)
    .filter(([category, spending]) => !SAVED.has(category) && Number(spending.monthly_average) > 0)
    .map(([category, spending]) => ({
      category,
      label: categoryLabel(category),
      monthly: spending.monthly_average,
      value: Number(spending.monthly_average),
      share: spending.share_of_income,
    }))
    .sort((a, b) => b.value - a.value);
}

/** The API's answer for a household with no transactions yet: a 400 naming `transactions`. */
function nothingImported(error: unknown): boolean {
  return error instanceof ApiError && error.status === 400 && "transactions" in error.fields;
}

const NOTHING_YET = "No spending imported yet: upload bank or card statements first.";

/**
 * Spending by category (monthly averages over the imported months) against peers, the savings
 * opportunities, spending per month, statement upload and the transactions with their rules.
 */
export function BudgetPanel({ householdId }: { householdId: string }) {
  const analysis = useBudget(householdId);
  return (
    <Panel id="budget" title="Budget">
      {analysis.isPending ? <Loading what="the spending analysis" /> : null}
      {analysis.isError && nothingImported(analysis.error) ? <Empty>{NOTHING_YET}</Empty> : null}
      {analysis.isError && !nothingImported(analysis.error) ? (
        <ErrorMessage error={analysis.error} what="spending analysis" />
      ) : null}
      {analysis.data ? <Budget analysis={analysis.data} /> : null}
      <h3>Spending per month</h3>
      <MonthlyTrend householdId={householdId} />
      <h3>Import a statement</h3>
      <StatementUpload householdId={householdId} />
      <h3>Transactions</h3>
      <TransactionsList householdId={householdId} />
    </Panel>
  );
}

function Budget({ analysis }: { analysis: SpendingAnalysis }) {
  const slices = spendingSlices(analysis);
  if (slices.length === 0) return <Empty>{NOTHING_YET}</Empty>;
  const period = `${formatMonth(analysis.first_month)} – ${formatMonth(analysis.last_month)}`;
  return (
    <>
      <h3>Spending by category</h3>
      <div className="chart-with-table">
        <figure className="chart" aria-describedby="spending-table-caption">
          <PieChart width={260} height={260} accessibilityLayer>
            <Pie
              data={slices}
              dataKey="value"
              nameKey="label"
              innerRadius={50}
              outerRadius={120}
              isAnimationActive={false}
            >
              {slices.map((slice, index) => (
                <Cell key={slice.category} fill={COLOURS[index % COLOURS.length]} />
              ))}
            </Pie>
            <Tooltip formatter={(_value, _name, item) => formatMoney((item.payload as Slice).monthly)} />
          </PieChart>
          <figcaption>
            Pie chart of monthly spending by category; the table lists the same figures.
          </figcaption>
        </figure>
        <DataTable
          captionId="spending-table-caption"
          caption={`Average monthly spending, ${period} (${analysis.months} months)`}
          columns={[
            { label: "Category" },
            { label: "A month", numeric: true },
            { label: "Of income", numeric: true },
          ]}
          rows={slices.map((slice, index) => ({
            key: slice.category,
            cells: [
              <>
                <span
                  className="swatch"
                  style={{ background: COLOURS[index % COLOURS.length] }}
                  aria-hidden="true"
                />
                {slice.label}
              </>,
              formatMoney(slice.monthly),
              slice.share === null ? "—" : formatPercentOneDecimal(slice.share),
            ],
          }))}
        />
      </div>
      {analysis.notes.length > 0 ? (
        <ul className="note analysis-notes" aria-label="How the figures were worked out">
          {analysis.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <h3>Against peers</h3>
      <BudgetBenchmarks analysis={analysis} />
      <h3>Savings opportunities</h3>
      {analysis.opportunities.length === 0 ? (
        <Empty>No savings opportunities found in this spending.</Empty>
      ) : (
        <ul className="opportunities">
          {analysis.opportunities.map((opportunity) => (
            <li key={`${opportunity.rule_id}: ${opportunity.reason}`}>
              <span className="amount">{formatMoney(opportunity.annual_savings)} a year</span>
              <span className="what">
                {categoryLabel(opportunity.category)}: {opportunity.reason}
              </span>
              <span className="confidence">{opportunity.confidence} confidence</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
