import { ApiError } from "../api/client.ts";

/**
 * A request that failed, as an alert: what did not happen (`summary`), then the API's reason for
 * each request field it names (a 400), or its message when it names none.
 */
export function RefusedRequest({ error, summary }: { error: Error; summary: string }) {
  const fields = error instanceof ApiError ? Object.entries(error.fields) : [];
  return (
    <div className="status status-error" role="alert">
      <p>{summary}</p>
      {fields.length > 0 ? (
        <ul>
          {fields.map(([field, message]) => (
            <li key={field}>
              <strong>{field}</strong>: {message}
            </li>
          ))}
        </ul>
      ) : (
        <p>{error.message}</p>
      )}
    </div>
  );
}
