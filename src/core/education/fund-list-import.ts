import Decimal from "decimal.js";
import type { FundOption } from "./fund-list.ts";
import { normalizeName } from "./fund-list.ts";

/**
 * Parses a plan's published fund list from the text of a JSON or CSV file, checking every option.
 * Nothing is partly accepted: any problem rejects the whole list, with one error per problem,
 * each naming its CSV line (or JSON item) and field.
 *
 * JSON: `{"as_of": "2026-01-15", "source": "…", "options": [{"name", "ticker"?, "type"?,
 * "expense_ratio_pct"?, "previous_name"?}]}` (or a bare array of options).
 * CSV: a header line with `name` and any of `ticker`, `type`, `expense_ratio_pct`,
 * `previous_name`; fields may be double-quoted ("" for a quote inside).
 * `expense_ratio_pct` is in percent as plans publish it (0.12 for 0.12%), 0 to 5.
 */

export interface ImportProblem {
  /** "line 4" for CSV, "options[3]" for JSON, or "file". */
  readonly where: string;
  readonly field: string;
  readonly message: string;
}

export interface ParsedFundList {
  readonly asOf: string | null;
  readonly source: string | null;
  readonly options: readonly FundOption[];
}

export type FundListParse =
  | { readonly ok: true; readonly list: ParsedFundList }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

const TICKER = /^[A-Z0-9][A-Z0-9.-]{0,11}$/;
const OPTION_TYPES = new Set([
  "target_enrollment",
  "age_based",
  "static",
  "individual",
  "principal_protected",
  "other",
]);
const MAX_EXPENSE_RATIO_PCT = 5;
const COLUMNS = ["name", "ticker", "type", "expense_ratio_pct", "previous_name"] as const;

type RawOption = Partial<Record<(typeof COLUMNS)[number], unknown>>;

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const s = String(value).trim();
  return s === "" ? null : s;
}

function checkOption(raw: RawOption, where: string, problems: ImportProblem[]): FundOption | null {
  const before = problems.length;
  const problem = (field: string, message: string) => problems.push({ where, field, message });
  const name = typeof raw.name === "string" || typeof raw.name === "number" ? text(raw.name) : null;
  if (name === null) problem("name", "is required");
  const ticker = text(raw.ticker)?.toUpperCase() ?? null;
  if (ticker !== null && !TICKER.test(ticker)) problem("ticker", `"${ticker}" is not a ticker`);
  const type =
    text(raw.type)
      ?.toLowerCase()
      .replace(/[\s-]+/g, "_") ?? "other";
  if (!OPTION_TYPES.has(type)) problem("type", `"${type}" is not one of ${[...OPTION_TYPES].join(", ")}`);
  let expenseRatio: number | null = null;
  const pct = text(raw.expense_ratio_pct);
  if (pct !== null) {
    if (!/^\d+(\.\d+)?$/.test(pct)) problem("expense_ratio_pct", `"${pct}" is not a percent such as 0.12`);
    else if (Number(pct) > MAX_EXPENSE_RATIO_PCT) {
      problem("expense_ratio_pct", `${pct}% is above ${MAX_EXPENSE_RATIO_PCT}%; give percent, e.g. 0.12`);
    } else expenseRatio = new Decimal(pct).dividedBy(100).toNumber();
  }
  if (problems.length > before || name === null) return null;
  return { name, ticker, type, expenseRatio, previousName: text(raw.previous_name) };
}

function checkDuplicates(options: readonly (FundOption & { where: string })[], problems: ImportProblem[]) {
  const names = new Map<string, string>();
  const tickers = new Map<string, string>();
  for (const option of options) {
    const key = normalizeName(option.name);
    const seen = names.get(key);
    if (seen) problems.push({ where: option.where, field: "name", message: `repeats ${seen}` });
    else names.set(key, option.where);
    if (option.ticker) {
      const seenTicker = tickers.get(option.ticker);
      if (seenTicker)
        problems.push({ where: option.where, field: "ticker", message: `repeats ${seenTicker}` });
      else tickers.set(option.ticker, option.where);
    }
  }
}

function finish(
  raws: readonly { raw: RawOption; where: string }[],
  meta: { asOf: string | null; source: string | null },
  problems: ImportProblem[],
): FundListParse {
  const options: (FundOption & { where: string })[] = [];
  for (const { raw, where } of raws) {
    const option = checkOption(raw, where, problems);
    if (option) options.push({ ...option, where });
  }
  checkDuplicates(options, problems);
  if (raws.length === 0)
    problems.push({ where: "file", field: "options", message: "the list has no options" });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    list: { ...meta, options: options.map(({ where: _where, ...option }) => option) },
  };
}

function parseJson(content: string): FundListParse {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    return { ok: false, problems: [{ where: "file", field: "json", message: (error as Error).message }] };
  }
  const record = Array.isArray(data) ? { options: data } : (data as Record<string, unknown> | null);
  if (record === null || typeof record !== "object" || !Array.isArray(record.options)) {
    return {
      ok: false,
      problems: [{ where: "file", field: "options", message: "expected an object with an options array" }],
    };
  }
  const raws = (record.options as unknown[]).map((raw, i) => ({
    raw: raw !== null && typeof raw === "object" ? (raw as RawOption) : {},
    where: `options[${i}]`,
  }));
  return finish(raws, { asOf: text(record.as_of), source: text(record.source) }, []);
}

/** Splits one CSV line into fields, honouring double quotes; null when a quote is left open. */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

function parseCsv(content: string): FundListParse {
  const lines = content.split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? "")?.map((h) => h.trim().toLowerCase()) ?? [];
  const problems: ImportProblem[] = [];
  const unknown = header.filter((h) => !(COLUMNS as readonly string[]).includes(h));
  if (!header.includes("name"))
    problems.push({ where: "line 1", field: "header", message: "needs a name column" });
  if (unknown.length > 0) {
    problems.push({ where: "line 1", field: "header", message: `unknown column(s): ${unknown.join(", ")}` });
  }
  if (problems.length > 0) return { ok: false, problems };
  const raws: { raw: RawOption; where: string }[] = [];
  lines.slice(1).forEach((line, i) => {
    const where = `line ${i + 2}`;
    if (line.trim() === "") return;
    const fields = splitCsvLine(line);
    if (fields === null) problems.push({ where, field: "line", message: "a quote is not closed" });
    else if (fields.length !== header.length) {
      problems.push({
        where,
        field: "line",
        message: `has ${fields.length} fields, the header has ${header.length}`,
      });
    } else raws.push({ raw: Object.fromEntries(header.map((h, col) => [h, fields[col]])), where });
  });
  return finish(raws, { asOf: null, source: null }, problems);
}

/** Parses a fund list; `format` comes from the file name (.json or .csv). */
export function parseFundList(content: string, format: "json" | "csv"): FundListParse {
  return format === "json" ? parseJson(content) : parseCsv(content);
}
