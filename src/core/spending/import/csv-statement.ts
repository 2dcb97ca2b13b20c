import { ValidationError } from "../../errors.ts";
import { Money } from "../../money.ts";
import {
  type ColumnMapping,
  type CsvLayout,
  isPositional,
  layoutFromHeader,
  positionalLayout,
} from "./csv-layout.ts";
import { type CsvRecord, CsvRecordSplitter } from "./csv-records.ts";
import { type DateOrder, dateOrderEvidence, parseStatementAmount, parseStatementDate } from "./csv-values.ts";
import { CsvFingerprinter } from "./fingerprint.ts";
import type { ReportBuilder } from "./import-report.ts";

/**
 * How a single amount column is signed. Bank exports show charges negative; many card exports
 * (Amex, Discover) show charges positive and payments negative.
 */
export type SignConvention = "charges-negative" | "charges-positive";

export interface CsvOptions {
  readonly columns?: ColumnMapping;
  readonly dateOrder?: DateOrder;
  readonly sign?: SignConvention;
  /** The user named the account, so an account column in the file does not replace it. */
  readonly accountGiven?: boolean;
}

/** A header must appear within this many records (Bank of America puts a summary block first). */
const HEADER_SEARCH_RECORDS = 20;
/**
 * Rows held back while the day/month order or the sign convention is still unknown. Past this
 * many the defaults are taken (and stated), so memory stays bounded on any file.
 */
const DETECTION_WINDOW = 2000;
/** A single amount column is read as charges-positive when more than this share of amounts is positive. */
const POSITIVE_MAJORITY = 0.6;

const PENDING = /^pending$/i;

/** Parses one CSV statement pushed in chunks; rows go to the report builder as transactions. */
export class CsvStatementParser {
  private readonly splitter = new CsvRecordSplitter();
  private readonly fingerprints = new CsvFingerprinter();
  private layout: CsvLayout | null;
  private headerSearch: string[][] = [];
  private dateOrder: DateOrder | null;
  private sign: SignConvention | null;
  private held: CsvRecord[] = [];
  private positives = 0;
  private negatives = 0;
  private readonly onRecord = (record: CsvRecord) => this.record(record);

  constructor(
    private readonly report: ReportBuilder,
    private readonly options: CsvOptions,
  ) {
    const columns = options.columns ?? {};
    this.layout = isPositional(columns) ? positionalLayout(columns) : null;
    this.dateOrder = options.dateOrder ?? null;
    this.sign = options.sign ?? null;
  }

  push(chunk: string): void {
    this.splitter.push(chunk, this.onRecord);
  }

  end(): void {
    this.splitter.end(this.onRecord);
    if (!this.layout) this.rejectFile();
    this.decide(true);
    if (
      this.report.rowsRead > 0 &&
      this.report.imported + this.report.duplicatesSkipped === 0 &&
      this.report.pendingSkipped < this.report.rowsRead
    ) {
      throw new ValidationError(
        "file",
        `not a statement: none of its ${this.report.rowsRead} rows could be read (first problem, line ${this.report.rejected[0]?.line}: ${this.report.rejected[0]?.reason})`,
      );
    }
  }

  private rejectFile(): never {
    const first = this.headerSearch[0];
    if (!first) throw new ValidationError("file", "the file is empty");
    throw new ValidationError(
      "file",
      `not a statement: no header with a date, a description and an amount (or debit/credit) column in the first ${HEADER_SEARCH_RECORDS} lines (first line has: ${first
        .slice(0, 8)
        .map((f) => JSON.stringify(f.trim()))
        .join(", ")}); give the columns with --columns`,
    );
  }

  private record(record: CsvRecord): void {
    if (!this.layout) {
      this.headerSearch.push(record.fields);
      this.layout = layoutFromHeader(record.fields, this.options.columns);
      if (!this.layout && this.headerSearch.length >= HEADER_SEARCH_RECORDS) this.rejectFile();
      if (this.layout) this.headerSearch = [];
      return;
    }
    this.report.rowsRead++;
    if (this.dateOrder && this.sign) {
      this.convert(record);
      return;
    }
    this.observe(record);
    this.held.push(record);
    this.decide(this.held.length >= DETECTION_WINDOW);
  }

  /** Gathers evidence for the day/month order and the sign convention from held rows. */
  private observe(record: CsvRecord): void {
    const layout = this.layout!;
    if (!this.dateOrder) {
      const evidence = dateOrderEvidence(record.fields[layout.date] ?? "");
      if (evidence) {
        this.dateOrder = evidence;
        this.report.assumptions.push(
          `dates read as ${evidence === "mdy" ? "month/day/year" : "day/month/year"} (line ${record.line} has "${record.fields[layout.date]}")`,
        );
      }
    }
    if (!this.sign && layout.amount !== null) {
      const cents = parseStatementAmount(record.fields[layout.amount] ?? "");
      if (cents !== null && cents > 0n) this.positives++;
      if (cents !== null && cents < 0n) this.negatives++;
    }
  }

  /** Settles what is still unknown once evidence suffices (or input ends) and releases held rows. */
  private decide(force: boolean): void {
    const layout = this.layout;
    if (!layout) return;
    if (!this.sign && layout.amount === null) this.sign = "charges-negative";
    if (!force && !(this.dateOrder && this.sign)) return;
    if (!this.dateOrder) {
      this.dateOrder = "mdy";
      this.report.assumptions.push(
        "dates read as month/day/year (the US order): no date in the file tells day and month apart; give --date-format dmy if wrong",
      );
    }
    if (!this.sign) {
      const signed = this.positives + this.negatives;
      const positiveShare = signed === 0 ? 0 : this.positives / signed;
      this.sign = positiveShare > POSITIVE_MAJORITY ? "charges-positive" : "charges-negative";
      this.report.assumptions.push(
        `${this.sign === "charges-positive" ? "charges read as positive amounts (card style)" : "charges read as negative amounts (bank style)"}: ${Math.round(positiveShare * 100)}% of amounts are positive; give --sign to override`,
      );
    }
    const held = this.held;
    this.held = [];
    for (const record of held) this.convert(record);
  }

  private convert(record: CsvRecord): void {
    const layout = this.layout!;
    const fields = record.fields;
    const field = (index: number | null) => (index === null ? "" : (fields[index] ?? "").trim());
    if (PENDING.test(field(layout.status)) || PENDING.test(field(layout.date))) {
      this.report.pendingSkipped++;
      return;
    }
    const needed = Math.max(
      layout.date,
      layout.description,
      layout.amount ?? 0,
      layout.debit ?? 0,
      layout.credit ?? 0,
    );
    if (fields.length <= needed) {
      this.report.reject(record.line, `has ${fields.length} fields, the columns need ${needed + 1}`);
      return;
    }
    const date = parseStatementDate(field(layout.date), this.dateOrder!);
    if (!date) {
      this.report.reject(record.line, `date "${field(layout.date)}" is not a date`);
      return;
    }
    const description = field(layout.description).replace(/\s+/g, " ");
    if (description === "") {
      this.report.reject(record.line, "description is empty");
      return;
    }
    const cents = this.amount(field, layout, record.line);
    if (cents === null) return;
    const account =
      layout.account === null || this.options.accountGiven || field(layout.account) === ""
        ? this.report.account
        : field(layout.account);
    const mccText = field(layout.mcc);
    const mcc = /^\d{4}$/.test(mccText) ? Number(mccText) : undefined;
    this.report.accept({
      id: this.fingerprints.next(account, date, cents, description),
      account,
      date,
      amount: Money.fromCents(cents),
      description,
      ...(mcc === undefined ? {} : { mcc }),
    });
  }

  /** Signed cents in the holder's view (negative = money out), or null after reporting the row. */
  private amount(field: (index: number | null) => string, layout: CsvLayout, line: number): bigint | null {
    if (layout.amount !== null) {
      const cents = parseStatementAmount(field(layout.amount));
      if (cents === null) {
        this.report.reject(line, `amount "${field(layout.amount)}" is not an amount`);
        return null;
      }
      return this.sign === "charges-positive" ? -cents : cents;
    }
    const debit = parseStatementAmount(field(layout.debit));
    const credit = parseStatementAmount(field(layout.credit));
    const badDebit = debit === null && field(layout.debit) !== "";
    const badCredit = credit === null && field(layout.credit) !== "";
    if (badDebit || badCredit || (debit === null && credit === null)) {
      const text = badDebit
        ? `debit "${field(layout.debit)}"`
        : badCredit
          ? `credit "${field(layout.credit)}"`
          : "debit and credit are both empty";
      this.report.reject(line, badDebit || badCredit ? `${text} is not an amount` : text);
      return null;
    }
    const abs = (cents: bigint | null) => (cents === null ? 0n : cents < 0n ? -cents : cents);
    return abs(credit) - abs(debit);
  }
}
