import { type FormEvent, useId, useState } from "react";
import { ApiError } from "../../api/client.ts";
import { type Beneficiary, useUpdateBeneficiary } from "../../api/college.ts";

/**
 * Corrects a child's birth date (PATCH the beneficiary). On success the beneficiary list and that
 * child's college plan are fetched again, so the glide path redraws for the new age.
 */
export function BirthDateEditor({
  householdId,
  beneficiary,
}: {
  householdId: string;
  beneficiary: Beneficiary;
}) {
  const [value, setValue] = useState(beneficiary.birth_date);
  const update = useUpdateBeneficiary(householdId, beneficiary.id);
  const id = useId();
  const messageId = `${id}-message`;
  const fieldError =
    update.error instanceof ApiError
      ? (update.error.fields.birth_date ?? update.error.message)
      : update.error?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value === "") return;
    update.mutate({ birth_date: value });
  };

  return (
    <form className="birth-date-editor" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>Birth date of {beneficiary.name}</label>
        <input
          id={id}
          type="date"
          value={value}
          required
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError || update.isSuccess ? messageId : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            update.reset();
          }}
        />
        {fieldError ? (
          <p id={messageId} className="field-error">
            {fieldError}
          </p>
        ) : update.isSuccess ? (
          <p id={messageId} className="field-hint" role="status">
            Saved.
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={update.isPending || value === beneficiary.birth_date}>
        {update.isPending ? "Saving…" : "Save birth date"}
      </button>
    </form>
  );
}
