import { ValidationError } from "../../errors.ts";
import type { Transaction } from "../transaction.ts";
import type { ColumnMapping } from "./csv-layout.ts";
import { CsvStatementParser, type SignConvention } from "./csv-statement.ts";
import type { DateOrder } from "./csv-values.ts";
import { type ImportReport, ReportBuilder, type SeenIds } from "./import-report.ts";
import { OfxStatementParser } from "./ofx-statement.ts";

/**
 * The one entry for every statement format: text is pushed in chunks, the format is recognised
 * from the first characters (an OFX header or tag, otherwise CSV), each transaction goes to
 * `emit` as soon as its row is read, and `end()` returns the import report. A file that is not a
 * statement (empty, binary, no recognisable columns, no readable row) throws a ValidationError
 * on field "file"; callers commit nothing in that case.
 */
export interface ImportOptions {
  /** The account the user named (overrides any account id in the file). */
  readonly account?: string;
  /** The account used when neither the user nor the file names one (e.g. the file name). */
  readonly fallbackAccount: string;
  readonly columns?: ColumnMapping;
  readonly dateOrder?: DateOrder;
  readonly sign?: SignConvention;
  /** The import day (YYYY-MM-DD): transactions dated after it are imported with a warning. */
  readonly today?: string;
}

export interface StatementImport {
  push(chunk: string): void;
  end(): ImportReport;
}

/** In the first 4 KB: any NUL, or more than 1% undecodable bytes, means binary data. */
const SNIFF_LENGTH = 4096;

function looksBinary(text: string): boolean {
  const sample = text.slice(0, SNIFF_LENGTH);
  let replacements = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if (code === 0xfffd) replacements++;
  }
  return replacements > sample.length / 100;
}

const OFX_START = /^\s*(?:\uFEFF)?\s*(?:OFXHEADER|<\?xml|<\?OFX|<OFX>)/i;

export function createStatementImport(
  options: ImportOptions,
  seen: SeenIds,
  emit: (transaction: Transaction) => void,
): StatementImport {
  let parser: CsvStatementParser | OfxStatementParser | null = null;
  let report: ReportBuilder | null = null;
  let head = "";
  const account = options.account ?? options.fallbackAccount;
  const start = (text: string) => {
    if (looksBinary(text))
      throw new ValidationError("file", "not a statement: the file holds binary data, not text");
    if (OFX_START.test(text)) {
      report = new ReportBuilder("ofx", account, seen, emit, options.today);
      parser = new OfxStatementParser(report, options.account !== undefined);
    } else {
      report = new ReportBuilder("csv", account, seen, emit, options.today);
      parser = new CsvStatementParser(report, {
        ...(options.columns ? { columns: options.columns } : {}),
        ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
        ...(options.sign ? { sign: options.sign } : {}),
        accountGiven: options.account !== undefined,
      });
    }
    parser.push(text);
  };
  return {
    push(chunk) {
      if (parser) {
        parser.push(chunk);
        return;
      }
      head += chunk;
      if (head.trim().length >= 64 || head.length >= SNIFF_LENGTH) {
        start(head);
        head = "";
      }
    },
    end() {
      if (!parser) {
        if (head.replace(/^\uFEFF/, "").trim() === "") throw new ValidationError("file", "the file is empty");
        start(head);
      }
      parser!.end();
      return report!.report();
    },
  };
}

/** Imports a whole statement held in memory (tests, small inputs): `{transactions, report}`. */
export function importStatement(
  text: string,
  options: ImportOptions,
  seen: SeenIds = new Set<string>(),
): { transactions: Transaction[]; report: ImportReport } {
  const transactions: Transaction[] = [];
  const run = createStatementImport(options, seen, (t) => transactions.push(t));
  run.push(text);
  return { transactions, report: run.end() };
}
