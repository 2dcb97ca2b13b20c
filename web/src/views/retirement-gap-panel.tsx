import { useRetirement } from "../api/retirement.ts";
import type { RetirementGap } from "../api/retirement-types.ts";
import { ErrorMessage, Loading, Panel } from "../components/status.tsx";
import { Corrections } from "./retirement-corrections.tsx";
import { GapWidget } from "./retirement-gap-widget.tsx";
import { ProjectionBands } from "./retirement-projection.tsx";
import { SocialSecurityClaimAges } from "./retirement-social-security.tsx";

/**
 * The household's retirement review, from its stored retirement profile: projected against
 * required savings with the funded ratio and gap, the corrective moves (each can be tried as a
 * what-if), the simulated range of the portfolio's path, and Social Security by claiming age.
 */
/** The "save more" correction's extra monthly saving, when the gap has that correction. */
function saveMoreOf(gap: RetirementGap): string | undefined {
  const saveMore = gap.corrections.find((c) => c.type === "save_more");
  return saveMore?.type === "save_more" ? saveMore.extra_monthly : undefined;
}

export function RetirementGapPanel({ householdId }: { householdId: string }) {
  const gap = useRetirement(householdId);
  return (
    <Panel id="retirement" title="Retirement gap">
      {gap.isPending ? <Loading what="the retirement gap" /> : null}
      {gap.isError ? <ErrorMessage error={gap.error} what="retirement profile" /> : null}
      {gap.data ? (
        <>
          <GapWidget
            gap={gap.data}
            years={gap.data.years_to_retirement}
            closingMonthly={saveMoreOf(gap.data)}
          />
          <Corrections householdId={householdId} gap={gap.data} />
          <ProjectionBands householdId={householdId} />
          <SocialSecurityClaimAges
            estimate={gap.data.social_security_estimate}
            statedAnnual={gap.data.inputs.social_security}
          />
        </>
      ) : null}
    </Panel>
  );
}
