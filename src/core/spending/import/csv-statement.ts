import { ValidationError } from "../../errors.ts";
import { Money } from "../../money.ts";
import type { Transaction } from "../transaction.ts";
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
/** Whitespace worth normalising in a description: a tab, a line break or two spaces in a row. */
const MESSY_SPACE = /\s\s|[\t\n\r]/;

/** Parses one CSV statement pushed in chunks; rows go to the report builder as transactions. */
export class CsvStatementParser {
  private readonly splitter = new CsvRecordSplitter();
  private readonly fingerprints = new CsvFingerprinter();
  private layout: CsvLayout | null;
  private headerSearch: string[][] = [];
  private dateOrder: DateOrder | null;
  private sign: SignConvention | null;
  private held: CsvRecord[] = [];
  private lastDateText = "";
  private lastDate: string | null = null;
  /** The highest column index a row must reach (date, description, money columns). */
  private needed = 0;
  private positives = 0;
  private negatives = 0;
  private readonly onRecord = (record: CsvRecord) => this.record(record);

  constructor(
    private readonly report: ReportBuilder,
    private readonly options: CsvOptions,
  ) {
    const columns = options.columns ?? {};
    this.layout = isPositional(columns) ? positionalLayout(columns) : null;
    if (this.layout) this.needed = neededColumn(this.layout);
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
        .join(", ")}); give the column mapping (columns, --columns in the CLI)`,
    );
  }

  private record(record: CsvRecord): void {
    if (!this.layout) {
      this.headerSearch.push(record.fields);
      this.layout = layoutFromHeader(record.fields, this.options.columns);
      if (this.layout) this.needed = neededColumn(this.layout);
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
        "dates read as month/day/year (the US order): no date in the file tells day and month apart; set date_format (--date-format) to dmy if wrong",
      );
    }
    if (!this.sign) {
      const signed = this.positives + this.negatives;
      const positiveShare = signed === 0 ? 0 : this.positives / signed;
      this.sign = positiveShare > POSITIVE_MAJORITY ? "charges-positive" : "charges-negative";
      this.report.assumptions.push(
        `${this.sign === "charges-positive" ? "charges read as positive amounts (card style)" : "charges read as negative amounts (bank style)"}: ${Math.round(positiveShare * 100)}% of amounts are positive; set sign (--sign) to override`,
      );
    }
    const held = this.held;
    this.held = [];
    for (const record of held) this.convert(record);
  }

  private convert(record: CsvRecord): void {
    const layout = this.layout!;
    const fields = record.fields;
    if (fields.length <= this.needed) {
      if (isPending(cell(fields, layout.status)) || isPending(cell(fields, layout.date)))
        this.report.pendingSkipped++;
      else
        this.report.reject(record.line, `has ${fields.length} fields, the columns need ${this.needed + 1}`);
      return;
    }
    const dateText = cell(fields, layout.date);
    if (layout.status !== null && isPending(cell(fields, layout.status))) {
      this.report.pendingSkipped++;
      return;
    }
    // Exports are in date order, so most rows repeat the previous row's date text.
    if (dateText !== this.lastDateText) {
      this.lastDateText = dateText;
      this.lastDate = parseStatementDate(dateText, this.dateOrder!);
    }
    const date = this.lastDate;
    if (!date) {
      if (isPending(dateText)) this.report.pendingSkipped++;
      else this.report.reject(record.line, `date "${dateText}" is not a date`);
      return;
    }
    let description = cell(fields, layout.description);
    if (MESSY_SPACE.test(description)) description = description.replace(/\s+/g, " ");
    if (description === "") {
      this.report.reject(record.line, "description is empty");
      return;
    }
    const cents = this.amount(fields, layout, record.line);
    if (cents === null) return;
    const fileAccount =
      layout.account === null || this.options.accountGiven ? "" : cell(fields, layout.account);
    const account = fileAccount === "" ? this.report.account : fileAccount;
    const transaction: Mutable<Transaction> = {
      id: this.fingerprints.next(account, date, cents, description),
      account,
      date,
      amount: Money.fromCents(cents),
      description,
    };
    if (layout.mcc !== null) {
      const mccText = cell(fields, layout.mcc);
      if (/^\d{4}$/.test(mccText)) transaction.mcc = Number(mccText);
    }
    this.report.accept(transaction);
  }

  /** Signed cents in the holder's view (negative = money out), or null after reporting the row. */
  private amount(fields: readonly string[], layout: CsvLayout, line: number): bigint | null {
    if (layout.amount !== null) {
      const text = cell(fields, layout.amount);
      const cents = parseStatementAmount(text);
      if (cents === null) {
        this.report.reject(line, `amount "${text}" is not an amount`);
        return null;
      }
      return this.sign === "charges-positive" ? -cents : cents;
    }
    const debitText = cell(fields, layout.debit);
    const creditText = cell(fields, layout.credit);
    const debit = parseStatementAmount(debitText);
    const credit = parseStatementAmount(creditText);
    if (debit === null && debitText !== "") {
      this.report.reject(line, `debit "${debitText}" is not an amount`);
      return null;
    }
    if (credit === null && creditText !== "") {
      this.report.reject(line, `credit "${creditText}" is not an amount`);
      return null;
    }
    if (debit === null && credit === null) {
      this.report.reject(line, "debit and credit are both empty");
      return null;
    }
    return magnitude(credit) - magnitude(debit);
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A trimmed cell, or "" for a column the layout lacks or a short row. */
function cell(fields: readonly string[], index: number | null): string {
  return index === null ? "" : (fields[index] ?? "").trim();
}

function isPending(text: string): boolean {
  return text.length === 7 && PENDING.test(text);
}

function neededColumn(layout: CsvLayout): number {
  return Math.max(layout.date, layout.description, layout.amount ?? 0, layout.debit ?? 0, layout.credit ?? 0);
}

function magnitude(cents: bigint | null): bigint {
  return cents === null ? 0n : cents < 0n ? -cents : cents;
}
