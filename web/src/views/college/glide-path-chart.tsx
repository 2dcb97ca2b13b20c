import { Bar, BarChart, Legend, ReferenceDot, Tooltip, XAxis, YAxis } from "recharts";
import type { GlideStep, PlanPortfolio } from "../../api/college.ts";
import { formatPercent } from "../../format.ts";

/** The chosen plan and its published portfolio for the beneficiary's years to enrollment, if any. */
export interface ChosenPlan {
  name: string;
  match: PlanPortfolio | null;
}

/**
 * The recommended allocation by years to enrollment as stacked bars, with the chosen plan's own
 * portfolio for this year as a dot at its stock share (from the plans' published glide paths), and
 * the same figures in a table and in words.
 */
export function GlidePathChart({
  steps,
  current,
  name,
  plan,
}: {
  steps: GlideStep[];
  current: number;
  name: string;
  plan: ChosenPlan | null;
}) {
  const data = steps.map((step) => ({
    years: step.years_to_enrollment,
    Stocks: step.equity * 100,
    Bonds: step.fixed_income * 100,
    "Money market": step.money_market * 100,
  }));
  const match = plan?.match ?? null;
  return (
    <>
      <figure className="chart glide-chart">
        <BarChart width={340} height={180} data={data} accessibilityLayer>
          <XAxis dataKey="years" tick={{ fontSize: 11 }} />
          <YAxis unit="%" domain={[0, 100]} tick={{ fontSize: 11 }} width={40} />
          <Tooltip
            formatter={(value) => `${Number(value).toFixed(0)}%`}
            labelFormatter={(y) => `${y} years to go`}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="Stocks" stackId="a" fill="#1f5fa8" isAnimationActive={false} />
          <Bar dataKey="Bonds" stackId="a" fill="#b3471d" isAnimationActive={false} />
          <Bar dataKey="Money market" stackId="a" fill="#2f7d32" isAnimationActive={false} />
          {match ? (
            <ReferenceDot
              x={current}
              y={match.equity * 100}
              r={6}
              fill="#111111"
              stroke="#ffffff"
              strokeWidth={2}
              className="plan-portfolio-dot"
            />
          ) : null}
        </BarChart>
        <figcaption>
          Glide path for {name}: the stock share falls as enrollment nears (years to enrollment, left to
          right).{match ? " The black dot is the plan's own portfolio for now." : ""}
        </figcaption>
      </figure>
      <PlanPortfolioNote plan={plan} current={current} steps={steps} />
      <details>
        <summary>Glide path as a table</summary>
        <div className="table-scroll">
          <table>
            <caption>Allocation by years to enrollment for {name}</caption>
            <thead>
              <tr>
                <th scope="col">Years to enrollment</th>
                <th scope="col" className="number">
                  Stocks
                </th>
                <th scope="col" className="number">
                  Bonds
                </th>
                <th scope="col" className="number">
                  Money market
                </th>
                {plan ? (
                  <th scope="col" className="number">
                    Plan portfolio stocks
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {steps.map((step) => {
                const now = step.years_to_enrollment === current;
                return (
                  <tr key={step.years_to_enrollment} className={now ? "current" : ""}>
                    <th scope="row">
                      {step.years_to_enrollment}
                      {now ? " (now)" : ""}
                    </th>
                    <td className="number">{formatPercent(step.equity)}</td>
                    <td className="number">{formatPercent(step.fixed_income)}</td>
                    <td className="number">{formatPercent(step.money_market)}</td>
                    {plan ? (
                      <td className="number">{now && match ? formatPercent(match.equity) : "—"}</td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

function PlanPortfolioNote({
  plan,
  current,
  steps,
}: {
  plan: ChosenPlan | null;
  current: number;
  steps: GlideStep[];
}) {
  if (plan === null) return <p className="note">No plan chosen: only the recommendation is shown.</p>;
  const match = plan.match;
  if (match === null) {
    return (
      <p className="note plan-portfolio">
        {plan.name} publishes no portfolio for {current} years to enrollment in our glide path data, so only
        the recommendation is shown.
      </p>
    );
  }
  const recommended = steps.find((step) => step.years_to_enrollment === current)?.equity;
  const points = Math.round(Math.abs(match.equity_difference) * 100);
  return (
    <p className="note plan-portfolio">
      {plan.name}, {match.portfolio} ({match.path}): {formatPercent(match.equity)} stocks
      {recommended === undefined ? "" : ` against ${formatPercent(recommended)} recommended`}
      {points === 0 ? "." : `, ${points} points ${match.equity_difference > 0 ? "more" : "less"}.`} The plan's
      portfolio as our data has it (dated: {match.as_of}; a superseded option may no longer be offered);{" "}
      {match.source}.
    </p>
  );
}
