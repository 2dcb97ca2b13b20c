import { Bar, BarChart, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { type Beneficiary, type GlideStep, useBeneficiaries, useCollegePlan } from "../api/college.ts";
import { Empty, ErrorMessage, Loading, Panel } from "../components/status.tsx";
import { formatDate, formatDollars, formatMoney, formatPercent } from "../format.ts";

/** The household's 529 beneficiaries, each with its age-based glide path and funding plan. */
export function BeneficiariesPanel({ householdId }: { householdId: string }) {
  const beneficiaries = useBeneficiaries(householdId);
  return (
    <Panel id="college" title="529 college savings">
      {beneficiaries.isPending ? <Loading what="beneficiaries" /> : null}
      {beneficiaries.isError ? <ErrorMessage error={beneficiaries.error} what="beneficiaries" /> : null}
      {beneficiaries.data && beneficiaries.data.items.length === 0 ? (
        <Empty>No 529 beneficiaries yet.</Empty>
      ) : null}
      {beneficiaries.data?.items.map((beneficiary) => (
        <BeneficiaryPlan key={beneficiary.id} householdId={householdId} beneficiary={beneficiary} />
      ))}
    </Panel>
  );
}

function BeneficiaryPlan({ householdId, beneficiary }: { householdId: string; beneficiary: Beneficiary }) {
  const plan = useCollegePlan(householdId, beneficiary.id);
  const headingId = `beneficiary-${beneficiary.id}`;
  return (
    <article className="beneficiary" aria-labelledby={headingId}>
      <h3 id={headingId}>{beneficiary.name}</h3>
      <p className="note">
        Born {formatDate(beneficiary.birth_date)} · {beneficiary.plan_id ?? "no plan chosen"} · balance{" "}
        {formatMoney(beneficiary.balance)} · {formatMoney(beneficiary.monthly_contribution)} a month
      </p>
      {plan.isPending ? <Loading what="the college plan" /> : null}
      {plan.isError ? <ErrorMessage error={plan.error} what="college plan" /> : null}
      {plan.data ? (
        <>
          <dl className="figures">
            <div>
              <dt>Enrolls</dt>
              <dd>
                {plan.data.recommendation.enrollment_year} (in {plan.data.recommendation.years_to_enrollment}{" "}
                years)
              </dd>
            </div>
            <div>
              <dt>Four years, public in-state</dt>
              <dd>{formatDollars(plan.data.plan.four_year_cost)}</dd>
            </div>
            <div>
              <dt>Projected balance</dt>
              <dd>{formatDollars(plan.data.plan.projected_balance)}</dd>
            </div>
            <div>
              <dt>{plan.data.plan.gap.startsWith("-") ? "Surplus" : "Gap"}</dt>
              <dd>{formatDollars(plan.data.plan.gap.replace("-", ""))}</dd>
            </div>
          </dl>
          <p className="note">
            Now {formatPercent(plan.data.recommendation.allocation.equity)} stocks,{" "}
            {formatPercent(plan.data.recommendation.allocation.fixed_income)} bonds,{" "}
            {formatPercent(plan.data.recommendation.allocation.money_market)} money market (
            {plan.data.recommendation.risk} glide path).
            {plan.data.plan.gap.startsWith("-")
              ? ""
              : ` ${formatMoney(plan.data.plan.additional_monthly)} more a month closes the gap.`}
          </p>
          <GlidePath
            steps={plan.data.recommendation.path}
            current={plan.data.recommendation.years_to_enrollment}
            name={beneficiary.name}
          />
          <p className="source">Costs: {plan.data.plan.cost_source}</p>
        </>
      ) : null}
    </article>
  );
}

/** Allocation by years to enrollment, as a stacked bar chart with the same figures in a table. */
function GlidePath({ steps, current, name }: { steps: GlideStep[]; current: number; name: string }) {
  const data = steps.map((step) => ({
    years: step.years_to_enrollment,
    Stocks: step.equity * 100,
    Bonds: step.fixed_income * 100,
    "Money market": step.money_market * 100,
  }));
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
        </BarChart>
        <figcaption>
          Glide path for {name}: the stock share falls as enrollment nears (years to enrollment, left to
          right).
        </figcaption>
      </figure>
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
              </tr>
            </thead>
            <tbody>
              {steps.map((step) => (
                <tr
                  key={step.years_to_enrollment}
                  className={step.years_to_enrollment === current ? "current" : ""}
                >
                  <th scope="row">
                    {step.years_to_enrollment}
                    {step.years_to_enrollment === current ? " (now)" : ""}
                  </th>
                  <td className="number">{formatPercent(step.equity)}</td>
                  <td className="number">{formatPercent(step.fixed_income)}</td>
                  <td className="number">{formatPercent(step.money_market)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
