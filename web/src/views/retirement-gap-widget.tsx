import { Bar, BarChart, Cell, LabelList, XAxis, YAxis } from "recharts";
import type { GapFigures } from "../api/retirement-types.ts";
import { formatDollars, formatMoney, formatPercent } from "../format.ts";
import { compactDollars } from "./retirement-chart-format.ts";

/** "Gap" for a shortfall, "Surplus" when the projection exceeds the requirement (a negative gap). */
export function gapLabel(gap: string): string {
  return gap.startsWith("-") ? "Surplus" : "Gap";
}

/** The funded ratio as a percent, or a dash when nothing is required. */
export function fundedText(ratio: number | null): string {
  return ratio === null ? "—" : formatPercent(ratio);
}

/** The gap's size without its sign, for display beside `gapLabel`. */
export function gapAmount(gap: string): string {
  return formatDollars(gap.replace("-", ""));
}

const PROJECTED = "#1f5fa8";
const REQUIRED = "#5a5a5a";

/**
 * Projected against required savings at retirement (nominal dollars), the funded ratio
 * projected ÷ required, the gap required − projected and the level extra monthly saving that
 * closes it; the bar chart shows the two balances, the figures beside it are its text alternative.
 * `closingMonthly` is the "save more" correction's amount when there is one: rounded up to the
 * cent so that it does close the gap, it is the figure the corrections list shows too.
 */
export function GapWidget({
  gap,
  years,
  closingMonthly,
}: {
  gap: GapFigures;
  years: number;
  closingMonthly?: string | undefined;
}) {
  const bars = [
    {
      name: "Projected",
      amount: gap.projected_balance,
      value: Number(gap.projected_balance),
      fill: PROJECTED,
    },
    { name: "Required", amount: gap.required_balance, value: Number(gap.required_balance), fill: REQUIRED },
  ];
  const short = !gap.gap.startsWith("-");
  return (
    <>
      <dl className="figures">
        <div>
          <dt>Projected at retirement</dt>
          <dd>{formatDollars(gap.projected_balance)}</dd>
        </div>
        <div>
          <dt>Required at retirement</dt>
          <dd>{formatDollars(gap.required_balance)}</dd>
        </div>
        <div>
          <dt>{gapLabel(gap.gap)}</dt>
          <dd>{gapAmount(gap.gap)}</dd>
        </div>
        <div>
          <dt>Funded ratio</dt>
          <dd>{fundedText(gap.funded_ratio)}</dd>
        </div>
      </dl>
      <figure className="chart gap-chart">
        <BarChart
          width={320}
          height={96}
          data={bars}
          layout="vertical"
          margin={{ right: 64 }}
          accessibilityLayer
        >
          <XAxis type="number" hide domain={[0, "dataMax"]} />
          <YAxis type="category" dataKey="name" width={72} tick={{ fontSize: 12 }} />
          <Bar dataKey="value" isAnimationActive={false} barSize={22}>
            {bars.map((bar) => (
              <Cell key={bar.name} fill={bar.fill} />
            ))}
            <LabelList dataKey="value" position="right" formatter={compactDollars} style={{ fontSize: 12 }} />
          </Bar>
        </BarChart>
        <figcaption>
          Projected {formatDollars(gap.projected_balance)} against required{" "}
          {formatDollars(gap.required_balance)} in {years.toFixed(1)} years
          {gap.funded_ratio === null ? "" : `: ${formatPercent(gap.funded_ratio)} funded`}.
        </figcaption>
      </figure>
      <p className="note">
        Balances and the gap are in dollars of the retirement year, {years.toFixed(1)} years from now (grown
        by inflation); incomes and Social Security elsewhere are in today's dollars.{" "}
        {short
          ? `Saving ${formatMoney(closingMonthly ?? gap.required_additional_monthly)} more a month from now until retirement would close the gap.`
          : "The projection covers the requirement: no extra saving is needed."}
      </p>
    </>
  );
}
