import type { ReactNode } from "react";
import { isNotFound } from "../api/client.ts";

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

/** A titled card on the household page. */
export function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
