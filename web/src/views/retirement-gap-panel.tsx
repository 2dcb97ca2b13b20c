import { useRetirementGap } from "../api/retirement.ts";
import { ErrorMessage, Loading, Panel } from "../components/status.tsx";
import { formatDollars, formatMoney, formatPercent } from "../format.ts";

/**
 * Projected vs required savings at retirement (nominal dollars, from the household's retirement
 * profile), the funded ratio projected ÷ required, and the corrective moves that would close the gap.
 */
export function RetirementGapPanel({ householdId }: { householdId: string }) {
  const gap = useRetirementGap(householdId);
  return (
    <Panel id="retirement" title="Retirement gap">
      {gap.isPending ? <Loading what="the retirement gap" /> : null}
      {gap.isError ? <ErrorMessage error={gap.error} what="retirement profile" /> : null}
      {gap.data ? (
        <>
          <dl className="figures">
            <div>
              <dt>Projected at retirement</dt>
              <dd>{formatDollars(gap.data.projected_balance)}</dd>
            </div>
            <div>
              <dt>Required at retirement</dt>
              <dd>{formatDollars(gap.data.required_balance)}</dd>
            </div>
            <div>
              <dt>{gap.data.gap.startsWith("-") ? "Surplus" : "Gap"}</dt>
              <dd>{formatDollars(gap.data.gap.replace("-", ""))}</dd>
            </div>
            <div>
              <dt>Funded ratio</dt>
              <dd>{formatPercent(gap.data.funded_ratio)}</dd>
            </div>
          </dl>
          <meter
            className="funded-meter"
            min={0}
            max={1}
            low={0.8}
            high={0.99}
            optimum={1}
            value={Math.min(gap.data.funded_ratio, 1)}
            aria-label={`Funded ratio ${formatPercent(gap.data.funded_ratio)}`}
          />
          <p className="note">
            In {gap.data.years_to_retirement.toFixed(1)} years. Saving{" "}
            {formatMoney(gap.data.required_additional_monthly)} more a month would close the gap.
          </p>
          {gap.data.corrections.length > 0 ? (
            <>
              <h3>Ways to close the gap</h3>
              <ul className="corrections">
                {gap.data.corrections.map((correction) => (
                  <li key={correction.type}>
                    {correction.description}{" "}
                    {correction.closes_gap ? (
                      <span className="badge badge-good">closes the gap</span>
                    ) : (
                      <span className="badge badge-warn">narrows it</span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </Panel>
  );
}
