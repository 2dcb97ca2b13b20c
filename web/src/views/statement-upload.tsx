import { type FormEvent, type ReactNode, useId, useState } from "react";
import { type ImportReport, type StatementOptions, useStatementUpload } from "../api/budget.ts";
import type { UploadProgress } from "../api/upload.ts";
import { Refused } from "../components/status.tsx";

/**
 * Upload a bank or card statement (CSV, OFX or QFX) into the household: a progress bar while the
 * file is sent, then the API's import report. A file the API refuses shows each field's error;
 * nothing was stored in that case (the import is all or nothing).
 */
export function StatementUpload({ householdId }: { householdId: string }) {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<StatementOptions>({});
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const upload = useStatementUpload(householdId, setProgress);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    setProgress({ sent: 0, total: file.size });
    upload.mutate({ file, options });
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
        <ReadingOptions options={options} onChange={setOptions} />
        <button type="submit" disabled={!file || upload.isPending}>
          {upload.isPending ? "Uploading…" : "Upload statement"}
        </button>
      </form>
      {upload.isPending && progress ? <Progress file={file} progress={progress} /> : null}
      <Refused error={upload.error} what="The file was not imported; nothing was changed." />
      {upload.data ? <ImportReportView report={upload.data} /> : null}
    </>
  );
}

/**
 * What the importer otherwise works out from the file: the account's name, whether 03/04 is March
 * or April, and whether charges are negative (bank style) or positive (card style). The import
 * report says what it assumed, so these are for a second try when an assumption was wrong.
 */
function ReadingOptions({
  options,
  onChange,
}: {
  options: StatementOptions;
  onChange: (options: StatementOptions) => void;
}) {
  const id = useId();
  const set = (change: Partial<StatementOptions>) => onChange({ ...options, ...change });
  return (
    <details className="reading-options">
      <summary>How to read the file (optional)</summary>
      <div className="reading-fields">
        <label htmlFor={`${id}-account`}>Account name</label>
        <input
          id={`${id}-account`}
          type="text"
          value={options.account ?? ""}
          placeholder="from the file"
          onChange={(event) => set({ account: event.target.value.trim() || undefined })}
        />
        <label htmlFor={`${id}-dates`}>Dates like 03/04/2026 are</label>
        <select
          id={`${id}-dates`}
          value={options.date_format ?? ""}
          onChange={(event) =>
            set({ date_format: (event.target.value || undefined) as StatementOptions["date_format"] })
          }
        >
          <option value="">worked out from the file</option>
          <option value="mdy">month first (March 4)</option>
          <option value="dmy">day first (3 April)</option>
        </select>
        <label htmlFor={`${id}-sign`}>Charges are</label>
        <select
          id={`${id}-sign`}
          value={options.sign ?? ""}
          onChange={(event) => set({ sign: (event.target.value || undefined) as StatementOptions["sign"] })}
        >
          <option value="">worked out from the file</option>
          <option value="charges-negative">negative amounts (bank style)</option>
          <option value="charges-positive">positive amounts (card style)</option>
        </select>
      </div>
    </details>
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

/** The import report: counts, refused rows by line, what to check and how the file was read. */
export function ImportReportView({ report }: { report: ImportReport }) {
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
      <Sentences title={<strong>Check:</strong>} items={report.warnings} className="import-warnings" />
      <Sentences title="How the file was read:" items={report.assumptions} className="note" />
    </div>
  );
}

/** A titled list of the report's sentences, or nothing when there are none. */
function Sentences({ title, items, className }: { title: ReactNode; items: string[]; className: string }) {
  if (items.length === 0) return null;
  return (
    <>
      <p>{title}</p>
      <ul className={className}>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}
