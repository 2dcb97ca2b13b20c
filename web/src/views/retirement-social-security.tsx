import { Bar, BarChart, LabelList, XAxis, YAxis } from "recharts";
import type { SocialSecurityEstimate } from "../api/retirement-types.ts";
import { Empty } from "../components/status.tsx";
import { formatDollars, formatMoney } from "../format.ts";
import { timesWhole } from "./retirement-cents.ts";

const BAR = "#00756b";

/** An age in years (66.5) as words ("66 and 6 months"). */
export function ageInWords(age: number): string {
  const months = Math.round(age * 12);
  return months % 12 === 0 ? `${months / 12}` : `${Math.floor(months / 12)} and ${months % 12} months`;
}

/**
 * The profile earner's Social Security retirement benefit claimed at 62, at full retirement age
 * and at 70, as the gap report estimates it (SSA's formula on earnings estimated from the salary);
 * monthly amounts in today's dollars, in a bar chart with the same figures in a table.
 */
export function SocialSecurityClaimAges({
  estimate,
  statedAnnual,
}: {
  estimate: SocialSecurityEstimate | null;
  statedAnnual: string;
}) {
  return (
    <section className="retirement-part" aria-labelledby="retirement-ss-title">
      <h3 id="retirement-ss-title">Social Security by claiming age</h3>
      {estimate ? (
        <Estimate estimate={estimate} />
      ) : (
        <Empty>
          The profile gives Social Security as {formatDollars(statedAnnual)} a year; add a salary to the
          profile to estimate the benefit at 62, full retirement age and 70.
        </Empty>
      )}
    </section>
  );
}

function Estimate({ estimate }: { estimate: SocialSecurityEstimate }) {
  const rows = [
    { age: "62", monthly: estimate.benefit_at_62 },
    { age: `${ageInWords(estimate.full_retirement_age)} (full)`, monthly: estimate.benefit_at_fra },
    { age: "70", monthly: estimate.benefit_at_70 },
  ];
  const data = rows.map((row) => ({ age: row.age, value: Number(row.monthly) }));
  return (
    <>
      <div className="chart-with-table">
        <figure className="chart ss-chart">
          <BarChart width={260} height={170} data={data} margin={{ top: 18 }} accessibilityLayer>
            <XAxis dataKey="age" tick={{ fontSize: 11 }} />
            <YAxis hide domain={[0, "dataMax"]} />
            <Bar dataKey="value" fill={BAR} isAnimationActive={false}>
              <LabelList
                dataKey="value"
                position="top"
                formatter={(value: unknown) => formatDollars(String(value))}
                style={{ fontSize: 11 }}
              />
            </Bar>
          </BarChart>
          <figcaption>Monthly benefit by claiming age; the table gives the same amounts.</figcaption>
        </figure>
        <div className="table-scroll">
          <table>
            <caption>Monthly benefit, today's dollars</caption>
            <thead>
              <tr>
                <th scope="col">Claimed at</th>
                <th scope="col" className="number">
                  A month
                </th>
                <th scope="col" className="number">
                  A year
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.age}>
                  <th scope="row">{row.age}</th>
                  <td className="number">{formatMoney(row.monthly)}</td>
                  <td className="number">{formatMoney(timesWhole(row.monthly, 12))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <p className="note">
        For the profile's earner,{" "}
        {estimate.earnings_source === "salary"
          ? "with past and future earnings estimated from the salary"
          : "from the earnings record"}{" "}
        (as of {estimate.as_of}). A spouse's own or spousal benefit is not in the stored profile.
      </p>
      {estimate.assumptions.length > 0 ? (
        <details>
          <summary>Assumptions of the estimate</summary>
          <ul>
            {estimate.assumptions.map((assumption) => (
              <li key={assumption}>{assumption}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
