import { createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import { ValidationError } from "../core/errors.ts";
import type { ImportReport, SeenIds } from "../core/spending/import/import-report.ts";
import { createStatementImport, type ImportOptions } from "../core/spending/import/statement-import.ts";
import type { Transaction } from "../core/spending/transaction.ts";

/** Files smaller than this finish too fast for a progress bar to help. */
const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;
const BAR_WIDTH = 30;

/** A progress bar on stderr, drawn only when stderr is a terminal (never in pipes or tests). */
function progressBar(label: string, totalBytes: number): { update(bytes: number): void; done(): void } {
  if (!process.stderr.isTTY || totalBytes < PROGRESS_MIN_BYTES) return { update() {}, done() {} };
  let shown = -1;
  return {
    update(bytes) {
      const percent = Math.floor((bytes / totalBytes) * 100);
      if (percent === shown) return;
      shown = percent;
      const filled = Math.round((percent / 100) * BAR_WIDTH);
      process.stderr.write(`\r${label} [${"#".repeat(filled)}${" ".repeat(BAR_WIDTH - filled)}] ${percent}%`);
    },
    done() {
      process.stderr.write("\n");
    },
  };
}

/** The account a file's rows fall under when neither the user nor the file names one. */
export function accountFromPath(path: string): string {
  return basename(path).replace(/\.[^.]+$/, "");
}

/**
 * Streams a statement file through the importer in 1 MB chunks (memory does not grow with the
 * file). Problems with the file itself become a ValidationError on `flag`, naming the file.
 */
export async function importStatementFile(
  path: string,
  flag: string,
  options: Omit<ImportOptions, "fallbackAccount">,
  seen: SeenIds,
  emit: (transaction: Transaction) => void,
): Promise<ImportReport> {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new ValidationError(flag, `${path} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ValidationError(
      flag,
      `cannot read ${path}: ${code === "ENOENT" ? "no such file" : (error as Error).message}`,
    );
  }
  const run = createStatementImport({ ...options, fallbackAccount: accountFromPath(path) }, seen, emit);
  const progress = progressBar(basename(path), size);
  let read = 0;
  try {
    for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 })) {
      run.push(chunk as string);
      read += Buffer.byteLength(chunk as string);
      progress.update(read);
    }
    return run.end();
  } catch (error) {
    if (error instanceof ValidationError && error.field === "file") {
      throw new ValidationError(flag, `${path}: ${error.message}`);
    }
    throw error;
  } finally {
    progress.done();
  }
}
