import type { ReactNode } from "react";
import { ApiError, isNotFound } from "../api/client.ts";

/** Loading, error and empty states, announced to screen readers as they appear. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="status" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorMessage({ error, what }: { error: unknown; what: string }) {
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <p className="status status-error" role="alert">
      {isNotFound(error) ? `No ${what} found.` : `Could not load ${what}: ${detail}`}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="status status-empty">{children}</p>;
}

/** A titled card on the household page; a wide one takes a whole row of the page's grid. */
export function Panel({
  id,
  title,
  wide = false,
  children,
}: {
  id: string;
  title: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={wide ? "panel panel-wide" : "panel"} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * A change the API refused: what was not done, then each field at fault with the API's message
 * (or the message alone when no field is named).
 */
export function Refused({ error, what }: { error: unknown; what: string }) {
  if (!error) return null;
  const fields = error instanceof ApiError ? Object.entries(error.fields) : [];
  return (
    <div className="status status-error" role="alert">
      <p>{what}</p>
      {fields.length > 0 ? (
        <ul>
          {fields.map(([field, message]) => (
            <li key={field}>
              <strong>{field}</strong>: {message}
            </li>
          ))}
        </ul>
      ) : (
        <p>{error instanceof Error ? error.message : String(error)}</p>
      )}
    </div>
  );
}

/** A form's submit button with its outcome: "Saved." announced politely, or what was refused. */
export function SaveButton({
  label,
  busyLabel = "Saving…",
  savedLabel = "Saved.",
  state,
}: {
  label: string;
  busyLabel?: string;
  savedLabel?: string;
  state: { isPending: boolean; isSuccess: boolean; error: unknown };
}) {
  return (
    <>
      <button type="submit" disabled={state.isPending}>
        {state.isPending ? busyLabel : label}
      </button>
      <Refused error={state.error} what="Not saved; nothing was changed." />
      {state.isSuccess ? (
        <p className="field-hint" role="status">
          {savedLabel}
        </p>
      ) : null}
    </>
  );
}
