import { useRef, useState } from "react";
import { useRetirementProfile, useSaveRetirementProfile, useWhatIfGap } from "../api/retirement.ts";
import type { Correction, GapFigures, RetirementGap, RetirementProfile } from "../api/retirement-types.ts";
import { ErrorMessage, Loading } from "../components/status.tsx";
import { formatDollars, formatMoney } from "../format.ts";
import { fundedText, gapAmount } from "./retirement-gap-widget.tsx";
import { SaveWhatIf } from "./retirement-save.tsx";
import { type ProfileChange, whatIfOf, whatIfRequest } from "./retirement-what-if.ts";

interface Applied {
  readonly correction: Correction;
  readonly change: ProfileChange;
}

/**
 * The suggested corrections, each with an "Apply" that recomputes the gap with that one change to
 * the stored profile (a what-if through the stateless gap endpoint: nothing is saved) and shows the
 * new figures beside the stored ones; "Reset" returns to the stored profile. "Save to profile"
 * stores the applied what-if: the PUT body is the very request the what-if's gap came from, so the
 * stored gap becomes the one shown. After a save the panel shows the new stored figures, and the
 * section stays (even with no corrections left) to say it was saved.
 */
export function Corrections({ householdId, gap }: { householdId: string; gap: RetirementGap }) {
  const profile = useRetirementProfile(householdId);
  const [applied, setApplied] = useState<Applied | null>(null);
  const request = applied && profile.data ? whatIfRequest(profile.data, applied.change) : null;
  const whatIf = useWhatIfGap(householdId, request);
  const save = useSaveRetirementProfile(householdId);
  const status = useRef<HTMLParagraphElement>(null);
  if (gap.corrections.length === 0 && !applied && !save.isSuccess) return null;
  const apply = (next: Applied) => {
    save.reset();
    setApplied(next);
  };
  const confirmSave = () => {
    if (!request || !profile.data) return;
    save.mutate(
      { profile: request, revision: profile.data.revision },
      {
        onSuccess: () => {
          setApplied(null);
          // The confirm button is gone: focus the message, so keyboard users are not left at the top.
          status.current?.focus();
        },
      },
    );
  };
  return (
    <section className="retirement-part" aria-labelledby="retirement-corrections-title">
      <h3 id="retirement-corrections-title">Ways to close the gap</h3>
      {profile.isError ? (
        <ErrorMessage error={profile.error} what="retirement profile to try changes on" />
      ) : null}
      {gap.corrections.length === 0 ? (
        <p className="note">The stored profile needs no correction.</p>
      ) : (
        <ul className="corrections">
          {gap.corrections.map((correction) => (
            <CorrectionItem
              key={correction.type}
              correction={correction}
              profile={profile.data}
              applied={applied?.correction.type === correction.type}
              onApply={(change) => apply({ correction, change })}
            />
          ))}
        </ul>
      )}
      {applied ? (
        <div className="what-if">
          <div aria-live="polite">
            {whatIf.isPending ? <Loading what="the gap with this change" /> : null}
            {whatIf.isError ? <ErrorMessage error={whatIf.error} what="gap with this change" /> : null}
            {whatIf.data ? (
              <Comparison stored={gap} changed={whatIf.data} what={applied.correction.description} />
            ) : null}
          </div>
          <div className="what-if-actions">
            <p className="note">A what-if: nothing is saved yet.</p>
            <button type="button" className="secondary" onClick={() => setApplied(null)}>
              Reset
            </button>
            {profile.data ? (
              <SaveWhatIf
                key={applied.correction.type}
                profile={profile.data}
                change={applied.change}
                pending={save.isPending}
                error={save.error}
                onConfirm={confirmSave}
              />
            ) : null}
          </div>
        </div>
      ) : null}
      <p className="field-hint save-status" role="status" aria-live="polite" tabIndex={-1} ref={status}>
        {save.isSuccess ? "Saved: the stored retirement profile now has this change." : ""}
      </p>
    </section>
  );
}

function CorrectionItem({
  correction,
  profile,
  applied,
  onApply,
}: {
  correction: Correction;
  profile: RetirementProfile | undefined;
  applied: boolean;
  onApply: (change: ProfileChange) => void;
}) {
  const descriptionId = `correction-${correction.type}`;
  const whatIf = profile ? whatIfOf(correction, profile) : null;
  return (
    <li className={applied ? "applied" : ""}>
      <span id={descriptionId}>{correction.description}</span>{" "}
      {correction.closes_gap ? (
        <span className="badge badge-good">closes the gap</span>
      ) : (
        <span className="badge badge-warn">narrows it</span>
      )}{" "}
      {whatIf && "unavailable" in whatIf ? (
        <span className="note what-if-unavailable">{whatIf.unavailable}</span>
      ) : (
        <button
          type="button"
          className="secondary"
          aria-describedby={descriptionId}
          aria-pressed={applied}
          disabled={!whatIf}
          onClick={() => whatIf && onApply(whatIf.change)}
        >
          {applied ? "Applied" : "Apply"}
        </button>
      )}
    </li>
  );
}

/** The gap's signed size as text: "$994,936 short" or "$12,345 surplus". */
function signedGap(gap: string): string {
  return `${gapAmount(gap)} ${gap.startsWith("-") ? "surplus" : "short"}`;
}

const ROWS: { label: string; cell: (f: GapFigures) => string }[] = [
  { label: "Projected at retirement", cell: (f) => formatDollars(f.projected_balance) },
  { label: "Required at retirement", cell: (f) => formatDollars(f.required_balance) },
  { label: "Gap", cell: (f) => signedGap(f.gap) },
  { label: "Funded ratio", cell: (f) => fundedText(f.funded_ratio) },
  { label: "Extra saving to close, a month", cell: (f) => formatMoney(f.required_additional_monthly) },
];

function Comparison({ stored, changed, what }: { stored: GapFigures; changed: GapFigures; what: string }) {
  return (
    <div className="table-scroll">
      <table className="what-if-table">
        <caption>What if: {what}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col" className="number">
              Stored profile
            </th>
            <th scope="col" className="number">
              With this change
            </th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td className="number">{row.cell(stored)}</td>
              <td className="number">{row.cell(changed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
