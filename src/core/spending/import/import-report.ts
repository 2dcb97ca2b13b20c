import type { Transaction } from "../transaction.ts";

/** What an import did, row by row, so nothing is silently dropped. */
export interface ImportReport {
  readonly format: "csv" | "ofx";
  readonly account: string;
  /** Data rows (CSV) or transactions (OFX) read, excluding headers, preamble and blank lines. */
  readonly rowsRead: number;
  readonly imported: number;
  readonly duplicatesSkipped: number;
  readonly pendingSkipped: number;
  readonly rejectedCount: number;
  /** The first MAX_LISTED_REJECTIONS rejected rows with their reason. */
  readonly rejected: readonly RejectedRow[];
  /** Conventions detected rather than given (date order, sign), stated so the user can override. */
  readonly assumptions: readonly string[];
  /** What looks wrong in rows that were imported all the same (dates after the import day). */
  readonly warnings: readonly string[];
}

export interface RejectedRow {
  readonly line: number;
  readonly reason: string;
}

/** Only this many rejections are listed (the count is always exact), keeping memory constant. */
export const MAX_LISTED_REJECTIONS = 100;

/** Remembers ids imported before (the ledger's, or earlier files of the same run). A Set fits. */
export interface SeenIds {
  has(id: string): boolean;
  add(id: string): unknown;
}

/** Counts rows and hands on each new transaction; a repeat of a known id is counted, not emitted. */
export class ReportBuilder {
  rowsRead = 0;
  imported = 0;
  duplicatesSkipped = 0;
  pendingSkipped = 0;
  rejectedCount = 0;
  readonly rejected: RejectedRow[] = [];
  readonly assumptions: string[] = [];
  #futureDated = 0;
  #latestFutureDate = "";

  constructor(
    readonly format: "csv" | "ofx",
    /** The account rows are filed under; an OFX file's ACCTID replaces it unless the user named one. */
    public account: string,
    private readonly seen: SeenIds,
    private readonly emit: (transaction: Transaction) => void,
    /** The import day (YYYY-MM-DD), when known: a transaction dated after it is warned about. */
    private readonly today?: string,
  ) {}

  reject(line: number, reason: string): void {
    this.rejectedCount++;
    if (this.rejected.length < MAX_LISTED_REJECTIONS) this.rejected.push({ line, reason });
  }

  accept(transaction: Transaction): void {
    if (this.seen.has(transaction.id)) {
      this.duplicatesSkipped++;
      return;
    }
    this.seen.add(transaction.id);
    this.imported++;
    // ISO dates compare as text. A statement lists what has happened, so a later date is a misread.
    if (this.today !== undefined && transaction.date > this.today) {
      this.#futureDated++;
      if (transaction.date > this.#latestFutureDate) this.#latestFutureDate = transaction.date;
    }
    this.emit(transaction);
  }

  #warnings(): string[] {
    if (this.#futureDated === 0) return [];
    const some = this.#futureDated === 1 ? "1 transaction is" : `${this.#futureDated} transactions are`;
    const check = this.format === "csv" ? "check the date order the file was read with" : "check the file";
    return [
      `${some} dated after ${this.today} (the latest ${this.#latestFutureDate}); a statement lists only what has happened, so ${check}`,
    ];
  }

  report(): ImportReport {
    return {
      format: this.format,
      account: this.account,
      rowsRead: this.rowsRead,
      imported: this.imported,
      duplicatesSkipped: this.duplicatesSkipped,
      pendingSkipped: this.pendingSkipped,
      rejectedCount: this.rejectedCount,
      rejected: this.rejected,
      assumptions: this.assumptions,
      warnings: this.#warnings(),
    };
  }
}
