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

  constructor(
    readonly format: "csv" | "ofx",
    /** The account rows are filed under; an OFX file's ACCTID replaces it unless the user named one. */
    public account: string,
    private readonly seen: SeenIds,
    private readonly emit: (transaction: Transaction) => void,
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
    this.emit(transaction);
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
    };
  }
}
