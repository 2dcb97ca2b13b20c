import { type FormEvent, useId, useState } from "react";
import { type ImportReport, useStatementUpload } from "../api/budget.ts";
import { ApiError } from "../api/client.ts";
import type { UploadProgress } from "../api/upload.ts";

/**
 * Upload a bank or card statement (CSV, OFX or QFX) into the household: a progress bar while the
 * file is sent, then the API's import report. A file the API refuses shows each field's error;
 * nothing was stored in that case (the import is all or nothing).
 */
export function StatementUpload({ householdId }: { householdId: string }) {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const upload = useStatementUpload(householdId, setProgress);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    setProgress({ sent: 0, total: file.size });
    upload.mutate(file);
  }

  return (
    <>
      <form className="upload-form" onSubmit={submit}>
        <label htmlFor={inputId}>Statement file (CSV, OFX or QFX)</label>
        <input
          id={inputId}
          type="file"
          accept=".csv,.ofx,.qfx,text/csv,application/x-ofx"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            upload.reset();
            setProgress(null);
          }}
        />
        <button type="submit" disabled={!file || upload.isPending}>
          {upload.isPending ? "Uploading…" : "Upload statement"}
        </button>
      </form>
      {upload.isPending && progress ? <Progress file={file} progress={progress} /> : null}
      {upload.isError ? <UploadError error={upload.error} /> : null}
      {upload.data ? <Report report={upload.data} /> : null}
    </>
  );
}

function Progress({ file, progress }: { file: File | null; progress: UploadProgress }) {
  const total = progress.total ?? file?.size ?? 0;
  const done = total > 0 ? Math.min(progress.sent / total, 1) : 0;
  const percent = Math.round(done * 100);
  return (
    <div className="upload-progress" role="status" aria-live="polite">
      <progress max={100} value={percent} aria-label={`Uploading ${file?.name ?? "the file"}`} />
      <span>
        {percent < 100
          ? `Sending ${file?.name ?? "the file"}: ${percent}%`
          : "Sent; importing the transactions…"}
      </span>
    </div>
  );
}

function UploadError({ error }: { error: Error }) {
  const fields = error instanceof ApiError ? Object.entries(error.fields) : [];
  return (
    <div className="status status-error" role="alert">
      <p>The file was not imported; nothing was changed.</p>
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

function Report({ report }: { report: ImportReport }) {
  return (
    <div className="import-report" role="status" aria-live="polite">
      <p>
        <strong>{report.file}</strong> ({report.format.toUpperCase()}, account {report.account}):{" "}
        {report.rows_read} rows read.
      </p>
      <ul>
        <li>{report.imported} transactions imported</li>
        <li>{report.duplicates_skipped} duplicates skipped (already imported)</li>
        {report.pending_skipped > 0 ? <li>{report.pending_skipped} pending transactions skipped</li> : null}
        <li>{report.rejected_count} rows with errors</li>
      </ul>
      {report.rejected.length > 0 ? (
        <>
          <p>Rows not imported:</p>
          <ul className="rejected-rows">
            {report.rejected.map((row) => (
              <li key={row.line}>
                line {row.line}: {row.reason}
              </li>
            ))}
            {report.rejected_count > report.rejected.length ? (
              <li>and {report.rejected_count - report.rejected.length} more</li>
            ) : null}
          </ul>
        </>
      ) : null}
      {report.assumptions.length > 0 ? (
        <>
          <p>How the file was read:</p>
          <ul className="note">
            {report.assumptions.map((assumption) => (
              <li key={assumption}>{assumption}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
