import { XMLParser } from "fast-xml-parser";
import { ValidationError } from "../../errors.ts";
import { Money } from "../../money.ts";
import { parseStatementAmount, parseStatementDate } from "./csv-values.ts";
import type { ReportBuilder } from "./import-report.ts";

/**
 * OFX/QFX statements, 1.x (SGML: leaf elements have no closing tags, e.g. `<TRNAMT>-4.50`) and
 * 2.x (XML). The file is scanned in chunks: account ids and each `<STMTTRN>…</STMTTRN>` block
 * are cut out as they complete, a block in SGML form is normalised to XML (closing tags added,
 * bare `&` escaped) and read with fast-xml-parser. Only the unfinished tail is kept between chunks.
 *
 * OFX has no MCC element; card issuers that send a merchant code put it in `<SIC>`, so a
 * four-digit SIC is read as the MCC.
 *
 * Ids are `ofx:<ACCTID>:<FITID>`: the financial institution's own transaction id, unique per
 * account, so re-importing a statement (or an overlapping one) adds nothing twice.
 */

const xml = new XMLParser({ parseTagValue: false, trimValues: true, ignoreAttributes: true });

const TAG_WITH_TEXT = /<([A-Za-z0-9_.]+)>([^<]*)/g;
const BARE_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;

/** Adds the closing tags SGML leaves out, so `<NAME>COFFEE<MEMO>x` becomes well-formed XML. */
export function sgmlToXml(block: string): string {
  return block
    .replace(BARE_AMPERSAND, "&amp;")
    .replace(TAG_WITH_TEXT, (match, tag: string, text: string, offset: number, all: string) => {
      const value = text.trim();
      if (value === "" || all.startsWith(`</${tag}>`, offset + match.length)) return match;
      return `<${tag}>${value}</${tag}>`;
    });
}

/** OFX dates are YYYYMMDD, optionally followed by a time and a zone; only the date counts. */
function ofxDate(text: string): string | null {
  const match = /^(\d{8})/.exec(text.trim());
  return match ? parseStatementDate(match[1]!, "mdy") : null;
}

const ACCTID = /<ACCTID>\s*([^<\r\n]+)/;
const BLOCK_START = "<STMTTRN>";
const BLOCK_END = "</STMTTRN>";

function newlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

export class OfxStatementParser {
  private buffer = "";
  private sawOfx = false;
  /** Lines before the start of `buffer`, so rejections name the line of their transaction. */
  private linesConsumed = 0;

  /** `accountGiven`: the user named the account, so the file's ACCTID does not replace it. */
  constructor(
    private readonly report: ReportBuilder,
    private readonly accountGiven: boolean,
  ) {}

  push(chunk: string): void {
    this.buffer += chunk;
    if (!this.sawOfx && /<OFX>/i.test(this.buffer)) this.sawOfx = true;
    for (;;) {
      const start = this.buffer.indexOf(BLOCK_START);
      const accountAt = this.buffer.search(ACCTID);
      if (accountAt !== -1 && (start === -1 || accountAt < start)) {
        const match = ACCTID.exec(this.buffer.slice(accountAt))!;
        if (match[0].length + accountAt >= this.buffer.length) return; // the id may continue in the next chunk
        if (!this.accountGiven) this.report.account = match[1]!.trim();
        this.consume(accountAt + match[0].length);
        continue;
      }
      if (start === -1) {
        this.consume(Math.max(0, this.buffer.length - 64)); // keep a possible partial tag
        return;
      }
      const end = this.buffer.indexOf(BLOCK_END, start);
      if (end === -1) {
        this.consume(start);
        return;
      }
      const line = this.linesConsumed + newlines(this.buffer, 0, start) + 1;
      this.transaction(this.buffer.slice(start, end + BLOCK_END.length), line);
      this.consume(end + BLOCK_END.length);
    }
  }

  end(): void {
    if (!this.sawOfx)
      throw new ValidationError("file", "not a statement: an OFX header without an <OFX> body");
    const start = this.buffer.indexOf(BLOCK_START);
    if (start !== -1) {
      this.report.rowsRead++;
      this.report.reject(
        this.linesConsumed + newlines(this.buffer, 0, start) + 1,
        "transaction is cut off (no </STMTTRN>)",
      );
    }
  }

  private consume(length: number): void {
    this.linesConsumed += newlines(this.buffer, 0, length);
    this.buffer = this.buffer.slice(length);
  }

  private transaction(block: string, line: number): void {
    this.report.rowsRead++;
    const where = line;
    let fields: Record<string, unknown>;
    try {
      fields = (xml.parse(sgmlToXml(block)) as { STMTTRN?: Record<string, unknown> }).STMTTRN ?? {};
    } catch (error) {
      this.report.reject(where, `transaction is not well-formed: ${(error as Error).message}`);
      return;
    }
    const text = (key: string) => (typeof fields[key] === "string" ? (fields[key] as string) : "");
    const fitId = text("FITID");
    const date = ofxDate(text("DTPOSTED"));
    const cents = parseStatementAmount(text("TRNAMT"));
    const description = (text("NAME") || text("MEMO") || text("PAYEE")).replace(/\s+/g, " ");
    const problem = !fitId
      ? "has no FITID"
      : !date
        ? `DTPOSTED "${text("DTPOSTED")}" is not a date`
        : cents === null
          ? `TRNAMT "${text("TRNAMT")}" is not an amount`
          : description === ""
            ? "has no NAME or MEMO"
            : null;
    if (problem) {
      this.report.reject(where, `transaction ${problem}`);
      return;
    }
    const sic = text("SIC");
    this.report.accept({
      id: `ofx:${this.report.account}:${fitId}`,
      account: this.report.account,
      date: date!,
      amount: Money.fromCents(cents!),
      description,
      ...(/^\d{4}$/.test(sic) ? { mcc: Number(sic) } : {}),
    });
  }
}
