import { useEffect, useRef, useState } from "react";
import type { RetirementProfile } from "../api/retirement-types.ts";
import { Refused } from "../components/status.tsx";
import { formatMoney } from "../format.ts";
import { formatFinePercent } from "./college/fine-percent.ts";
import { ageInWords } from "./retirement-social-security.tsx";
import type { ProfileChange } from "./retirement-what-if.ts";

interface FieldChange {
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

/** The inputs a correction may change, each with how its value reads. */
const FIELDS: readonly {
  readonly key: keyof ProfileChange;
  readonly label: string;
  readonly text: (value: string | number) => string;
}[] = [
  { key: "monthly_contribution", label: "Monthly contribution", text: (v) => formatMoney(String(v)) },
  { key: "retirement_age", label: "Retirement age", text: (v) => ageInWords(Number(v)) },
  { key: "desired_income", label: "Desired income a year", text: (v) => formatMoney(String(v)) },
  // A correction's return has two decimals (7.48%): the confirm step must show what will be stored.
  { key: "return", label: "Expected return", text: (v) => formatFinePercent(Number(v)) },
];

/** Each stored input the change replaces, with its stored and its new value, as text. */
function fieldChanges(profile: RetirementProfile, change: ProfileChange): FieldChange[] {
  return FIELDS.flatMap(({ key, label, text }) => {
    const to = change[key];
    return to === undefined ? [] : [{ label, from: text(profile[key]), to: text(to) }];
  });
}

/**
 * "Save to profile" for an applied what-if. Replacing the stored inputs takes a second, explicit
 * step that lists what changes (focus moves to it, and back when it is cancelled); a refused
 * request shows the API's message for each field it names.
 */
export function SaveWhatIf({
  profile,
  change,
  pending,
  error,
  onConfirm,
}: {
  profile: RetirementProfile;
  change: ProfileChange;
  pending: boolean;
  error: Error | null;
  onConfirm: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) saveRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button type="button" ref={saveRef} onClick={() => setConfirming(true)}>
        Save to profile
      </button>
    );
  }
  return (
    <fieldset className="save-confirm">
      <legend>Replace the household's stored retirement profile?</legend>
      <ul>
        {fieldChanges(profile, change).map((field) => (
          <li key={field.label}>
            {field.label}: {field.from} → {field.to}
          </li>
        ))}
      </ul>
      <p className="note">Every other stored input stays as it is.</p>
      {error ? <Refused error={error} what="The profile was not saved; nothing was changed." /> : null}
      <div className="save-actions">
        <button type="button" ref={confirmRef} disabled={pending} onClick={onConfirm}>
          {pending ? "Saving…" : "Confirm: replace the stored profile"}
        </button>
        <button type="button" className="secondary" disabled={pending} onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
