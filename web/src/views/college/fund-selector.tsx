import { useId, useState } from "react";
import { ApiError } from "../../api/client.ts";
import { type Beneficiary, useCollegePlans, useFundCheck } from "../../api/college.ts";
import { formatFinePercent } from "./fine-percent.ts";
import { TextField } from "./money-field.tsx";
import { useSettled } from "./use-debounced.ts";

/**
 * Pick an investment option by name or ticker and see, as you type, whether the chosen plan's
 * approved fund list has it (POST /api/529/validate: exact ticker or folded name, else the
 * nearest name by edit distance as "did you mean", or a note that an earlier list had it).
 */
export function FundSelector({ beneficiary }: { beneficiary: Beneficiary }) {
  const plans = useCollegePlans();
  const [planId, setPlanId] = useState(beneficiary.plan_id ?? "");
  const [option, setOption] = useState("");
  const planSelectId = useId();

  const typed = option.trim();
  const request = useSettled(
    planId !== "" && typed !== "" ? { plan: planId, option: [typed] as [string] } : null,
  );
  const check = useFundCheck(request);
  const fields = check.error instanceof ApiError ? check.error.fields : {};
  const selection = request && check.data && !check.isPlaceholderData ? check.data.selections[0] : undefined;
  const planName = plans.data?.items.find((plan) => plan.id === planId)?.name ?? planId;

  return (
    <section className="fund-selector" aria-label={`Fund selector for ${beneficiary.name}`}>
      <h4>Fund selector</h4>
      <div className="field-row">
        <div className="field">
          <label htmlFor={planSelectId}>529 plan</label>
          <select
            id={planSelectId}
            value={planId}
            aria-invalid={fields.plan ? true : undefined}
            aria-describedby={fields.plan ? `${planSelectId}-message` : undefined}
            onChange={(event) => setPlanId(event.target.value)}
          >
            {planId === "" ? <option value="">Choose a plan</option> : null}
            {plans.data?.items.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.name} ({plan.state})
              </option>
            ))}
            {plans.data && planId !== "" && !plans.data.items.some((plan) => plan.id === planId) ? (
              <option value={planId}>{planId}</option>
            ) : null}
          </select>
          {fields.plan ? (
            <p id={`${planSelectId}-message`} className="field-error">
              {fields.plan}
            </p>
          ) : null}
        </div>
        <TextField
          label="Fund name or ticker"
          inputMode="text"
          value={option}
          onChange={setOption}
          error={fields.option}
          hint="Checked against the plan's approved list as you type."
        />
      </div>
      <div className="fund-result" aria-live="polite">
        {plans.isError ? <p className="status status-error">Could not load the plans.</p> : null}
        {check.isError && Object.keys(fields).length === 0 ? (
          <p className="status status-error">Could not check the fund: {check.error.message}</p>
        ) : null}
        {selection?.valid ? (
          <p className="fund-valid">
            <span aria-hidden="true">✓ </span>On {planName}'s approved list:{" "}
            <strong>{selection.matched}</strong>
            {selection.expense_ratio === null
              ? ""
              : ` (expense ratio ${formatFinePercent(selection.expense_ratio)})`}
          </p>
        ) : null}
        {selection && !selection.valid ? (
          <div className="fund-invalid">
            <p>
              <span aria-hidden="true">✗ </span>"{selection.query}" is not on {planName}'s approved list
              {selection.removed_after_version === null
                ? "."
                : ` (it was removed after list version ${selection.removed_after_version}).`}
            </p>
            {selection.suggestion ? (
              <p>
                Did you mean{" "}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setOption(selection.suggestion ?? "")}
                >
                  {selection.suggestion}
                </button>
                ?
              </p>
            ) : (
              <p className="note">No option on the list has a close name.</p>
            )}
          </div>
        ) : null}
        {check.data && selection ? (
          <p className="source">
            Fund list version {check.data.list_version}, as of {check.data.list_as_of}.
          </p>
        ) : null}
      </div>
    </section>
  );
}
