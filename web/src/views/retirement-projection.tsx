import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceDot,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useRetirementSimulation } from "../api/retirement.ts";
import type { RetirementSimulation } from "../api/retirement-types.ts";
import { ErrorMessage, Loading } from "../components/status.tsx";
import { formatDollars, formatPercent } from "../format.ts";
import { compactDollars } from "./retirement-chart-format.ts";

const BAND = "#9dbbe0";
const MEDIAN = "#1f5fa8";
const REQUIRED = "#b3471d";

/** Age in years (45.6667) as "45" or "45 y 8 m" for table rows. */
function ageLabel(age: number): string {
  const months = Math.round(age * 12);
  const years = Math.floor(months / 12);
  return months % 12 === 0 ? `${years}` : `${years} y ${months % 12} m`;
}

/**
 * The household's portfolio through saving and retirement years from the seeded Monte Carlo run:
 * a shaded band from the 10th to the 90th percentile of each year-end balance and the median as a
 * line, with the same figures in a table.
 */
export function ProjectionBands({ householdId }: { householdId: string }) {
  const simulation = useRetirementSimulation(householdId);
  return (
    <section className="retirement-part" aria-labelledby="retirement-projection-title">
      <h3 id="retirement-projection-title">Projection with market ups and downs</h3>
      {simulation.isPending ? <Loading what="the simulation" /> : null}
      {simulation.isError ? <ErrorMessage error={simulation.error} what="simulation" /> : null}
      {simulation.data ? <Bands simulation={simulation.data} /> : null}
    </section>
  );
}

function Bands({ simulation }: { simulation: RetirementSimulation }) {
  const data = simulation.years.map((y) => ({
    age: y.age,
    band: [Number(y.p10), Number(y.p90)],
    median: Number(y.p50),
  }));
  const lastAge = simulation.years.at(-1)?.age ?? simulation.retirement_age;
  return (
    <>
      <figure className="chart projection-chart">
        <ComposedChart width={320} height={220} data={data} margin={{ top: 8, right: 8 }} accessibilityLayer>
          <CartesianGrid stroke="#e3e7ec" vertical={false} />
          <XAxis
            dataKey="age"
            type="number"
            domain={["dataMin", "dataMax"]}
            tickFormatter={(age: number) => String(Math.round(age))}
            tick={{ fontSize: 11 }}
          />
          <YAxis tickFormatter={compactDollars} tick={{ fontSize: 11 }} width={56} />
          <Tooltip
            formatter={(value, name) =>
              Array.isArray(value)
                ? [`${compactDollars(value[0])} – ${compactDollars(value[1])}`, "10th–90th percentile"]
                : [compactDollars(value), name === "median" ? "Median" : String(name)]
            }
            labelFormatter={(age) => `Age ${ageLabel(Number(age))}`}
          />
          <Area dataKey="band" stroke="none" fill={BAND} fillOpacity={0.9} isAnimationActive={false} />
          <Line dataKey="median" stroke={MEDIAN} strokeWidth={2} dot={false} isAnimationActive={false} />
          <ReferenceLine
            x={simulation.retirement_age}
            stroke="#4a5360"
            strokeDasharray="4 3"
            label={{ value: "Retires", position: "insideTopLeft", fontSize: 11, fill: "#4a5360" }}
          />
          <ReferenceDot
            x={simulation.retirement_age}
            y={Number(simulation.required_balance)}
            r={5}
            ifOverflow="extendDomain"
            fill={REQUIRED}
            stroke="#fff"
          />
        </ComposedChart>
        <figcaption>
          Balance by age, nominal dollars: shaded 10th to 90th percentile, line the median; dashed line at
          retirement ({ageLabel(simulation.retirement_age)}), the dot the{" "}
          {formatDollars(simulation.required_balance)} required then.
        </figcaption>
      </figure>
      <p className="note bands-meaning">
        Of {simulation.paths.toLocaleString("en-US")} simulated markets (seed {simulation.seed}), in any year
        one in ten ends below the band and one in ten above it; half end above the line. Returns vary around
        the profile's expected return with {formatPercent(simulation.volatility)} yearly volatility of log
        returns (the simulation's measure; the spread of plain yearly returns the corrections quote is a
        little higher), that of a portfolio {formatPercent(simulation.stock_share)} in stocks (
        {simulation.stock_share_source}, 1928 on). {formatPercent(simulation.success_probability)} of the
        paths still have money at {ageLabel(lastAge)}.
      </p>
      <details>
        <summary>Projection as a table</summary>
        <div className="table-scroll">
          <table>
            <caption>Year-end balance by age, 10th, 50th and 90th percentile</caption>
            <thead>
              <tr>
                <th scope="col">Age</th>
                <th scope="col" className="number">
                  10th
                </th>
                <th scope="col" className="number">
                  Median
                </th>
                <th scope="col" className="number">
                  90th
                </th>
              </tr>
            </thead>
            <tbody>
              {simulation.years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">
                    {ageLabel(y.age)}
                    {y.phase === "retired" ? " (retired)" : ""}
                  </th>
                  <td className="number">{formatDollars(y.p10)}</td>
                  <td className="number">{formatDollars(y.p50)}</td>
                  <td className="number">{formatDollars(y.p90)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
