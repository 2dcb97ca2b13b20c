/**
 * Splits CSV text, pushed in chunks of any size, into records (RFC 4180: quoted fields may hold
 * the delimiter, doubled quotes and line breaks). Only the unfinished tail of the last chunk is
 * kept between pushes, so memory stays constant however large the file.
 */
export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  readonly line: number;
  readonly fields: string[];
}

const CANDIDATE_DELIMITERS = [",", ";", "\t", "|"] as const;

/** The delimiter that occurs most often outside quotes in a (header) line; comma on a tie. */
export function detectDelimiter(line: string): string {
  let best = ",";
  let bestCount = 0;
  for (const delimiter of CANDIDATE_DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const char of line) {
      if (char === '"') quoted = !quoted;
      else if (char === delimiter && !quoted) count++;
    }
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

function countQuotes(text: string): number {
  let count = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) count++;
  return count;
}

/**
 * Splits one complete record; quoted fields lose their quotes and doubled quotes become one.
 * Works by `indexOf` and `slice` rather than character by character, since most bank exports
 * quote every description.
 */
export function splitFields(record: string, delimiter: string): string[] {
  if (!record.includes('"')) return record.split(delimiter);
  const fields: string[] = [];
  const length = record.length;
  let i = 0;
  while (i <= length) {
    if (record.charCodeAt(i) !== 34) {
      const end = record.indexOf(delimiter, i);
      if (end === -1) {
        fields.push(record.slice(i));
        break;
      }
      fields.push(record.slice(i, end));
      i = end + 1;
      continue;
    }
    let value = "";
    let from = i + 1;
    for (;;) {
      const quote = record.indexOf('"', from);
      if (quote === -1) {
        value += record.slice(from);
        i = length + 1;
        break;
      }
      if (record.charCodeAt(quote + 1) === 34) {
        value += record.slice(from, quote + 1);
        from = quote + 2;
        continue;
      }
      const end = record.indexOf(delimiter, quote + 1);
      value +=
        record.slice(from, quote) + (end === -1 ? record.slice(quote + 1) : record.slice(quote + 1, end));
      i = end === -1 ? length + 1 : end + 1;
      break;
    }
    fields.push(value);
  }
  return fields;
}

export class CsvRecordSplitter {
  private tail = "";
  private line = 0;
  /** First line of the record being assembled across line breaks inside quotes. */
  private pendingStart = 0;
  private pending = "";
  private delimiter: string | null;

  constructor(delimiter: string | null = null) {
    this.delimiter = delimiter;
  }

  /** Feeds text; calls `emit` for every complete record. Blank lines are skipped. */
  push(chunk: string, emit: (record: CsvRecord) => void): void {
    let text = this.tail + chunk;
    if (this.line === 0 && this.tail === "" && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let start = 0;
    for (let end = text.indexOf("\n", start); end !== -1; end = text.indexOf("\n", start)) {
      this.take(text.slice(start, end > start && text[end - 1] === "\r" ? end - 1 : end), emit);
      start = end + 1;
    }
    this.tail = text.slice(start);
  }

  /** Flushes the last line (a file need not end with a line break). */
  end(emit: (record: CsvRecord) => void): void {
    if (this.tail !== "") this.take(this.tail.endsWith("\r") ? this.tail.slice(0, -1) : this.tail, emit);
    this.tail = "";
    if (this.pending !== "") {
      emit({ line: this.pendingStart, fields: [this.pending] });
      this.pending = "";
    }
  }

  private take(lineText: string, emit: (record: CsvRecord) => void): void {
    this.line++;
    let record = lineText;
    let start = this.line;
    if (this.pending !== "") {
      record = `${this.pending}\n${lineText}`;
      start = this.pendingStart;
    }
    if (countQuotes(record) % 2 === 1) {
      this.pending = record;
      this.pendingStart = start;
      return;
    }
    this.pending = "";
    if (record.trim() === "") return;
    this.delimiter ??= detectDelimiter(record);
    emit({ line: start, fields: splitFields(record, this.delimiter) });
  }
}
