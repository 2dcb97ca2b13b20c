import { type FormEvent, useId, useState } from "react";
import {
  type LiveStatus,
  PLANNER_INTERACTIONS,
  type PlannerInteraction,
  useLogInteraction,
} from "../api/planner.ts";

/**
 * Logs a meeting, call or completed task with a client. The server records it and recomputes the
 * client's metrics, which arrive on the card through the live stream. "When" is optional (now when
 * empty) and may not lie in the future: engagement ignores interactions that have not happened yet.
 */
export function InteractionForm({
  householdId,
  clientName,
  live,
}: {
  householdId: string;
  clientName: string;
  live: LiveStatus;
}) {
  const id = useId();
  const [kind, setKind] = useState<PlannerInteraction>("meeting");
  const [when, setWhen] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const log = useLogInteraction(householdId, live);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    let occurredAt: string | undefined;
    if (when !== "") {
      const instant = new Date(when);
      if (Number.isNaN(instant.getTime()))
        return setProblem("When: enter a date and time, or leave it empty for now.");
      if (instant.getTime() > Date.now()) return setProblem("When: an interaction cannot be in the future.");
      occurredAt = instant.toISOString();
    }
    log.mutate(
      { kind, ...(occurredAt ? { occurred_at: occurredAt } : {}) },
      { onSuccess: () => setWhen("") },
    );
  };

  return (
    <details className="interaction-form">
      <summary>Log an interaction with {clientName}</summary>
      <form onSubmit={submit} noValidate>
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => setKind(e.target.value as PlannerInteraction)}
        >
          {(Object.keys(PLANNER_INTERACTIONS) as PlannerInteraction[]).map((key) => (
            <option key={key} value={key}>
              {PLANNER_INTERACTIONS[key]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-when`}>When (empty for now)</label>
        <input
          id={`${id}-when`}
          type="datetime-local"
          value={when}
          onChange={(e) => setWhen(e.target.value)}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
        <button type="submit" disabled={log.isPending}>
          Log interaction
        </button>
      </form>
      <p className="status" role="status" aria-live="polite">
        {log.isSuccess
          ? `Logged a ${PLANNER_INTERACTIONS[log.variables.kind].toLowerCase()} with ${clientName}.`
          : ""}
      </p>
      {problem ? (
        <p id={`${id}-problem`} className="status status-error" role="alert">
          {problem}
        </p>
      ) : null}
      {log.isError ? (
        <p className="status status-error" role="alert">
          Could not log the interaction: {log.error.message}
        </p>
      ) : null}
    </details>
  );
}
