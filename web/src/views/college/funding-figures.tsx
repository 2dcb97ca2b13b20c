import type { ReactNode } from "react";
import { formatDollars } from "../../format.ts";

/** True when the plan's gap is negative: the projected balance covers the cost with room to spare. */
export const isSurplus = (gap: string) => gap.startsWith("-");

/**
 * Cost, projected balance and gap (or surplus) of a contribution plan, as the figures both the
 * stored plan and the calculator show; `children` adds figures after them.
 */
export function FundingFigures({
  costLabel,
  plan,
  busy = false,
  children,
}: {
  costLabel: string;
  plan: { four_year_cost: string; projected_balance: string; gap: string };
  busy?: boolean;
  children?: ReactNode;
}) {
  return (
    <dl className="figures" aria-busy={busy}>
      <div>
        <dt>{costLabel}</dt>
        <dd>{formatDollars(plan.four_year_cost)}</dd>
      </div>
      <div>
        <dt>Projected balance at enrollment</dt>
        <dd>{formatDollars(plan.projected_balance)}</dd>
      </div>
      <div>
        <dt>{isSurplus(plan.gap) ? "Surplus" : "Gap"}</dt>
        <dd>{formatDollars(plan.gap.replace("-", ""))}</dd>
      </div>
      {children}
    </dl>
  );
}
