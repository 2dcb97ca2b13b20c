/**
 * Dates and amounts as banks and card issuers print them. Each parser returns null for text it
 * cannot read, so the caller can report the row with its line number instead of guessing.
 */

/** Day/month order of numeric dates such as 03/04/2026. */
export type DateOrder = "mdy" | "dmy";

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?: .*)?$/;
const NAMED_DAY_FIRST = /^(\d{1,2})[- ]([A-Za-z]{3})[A-Za-z]*[- ,]+(\d{2}|\d{4})$/;
const NAMED_MONTH_FIRST = /^([A-Za-z]{3})[A-Za-z]*\.? (\d{1,2}),? (\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Two-digit years pivot at 70: 00–69 are 2000–2069 and 70–99 are 1970–1999 (the POSIX
 * `strptime %y` rule), which covers every statement a household still holds.
 */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/**
 * What a numeric date says about day/month order: "dmy" if its first part exceeds 12, "mdy" if
 * its second does, null if it cannot tell (both ≤ 12) or is not a numeric date.
 */
export function dateOrderEvidence(text: string): DateOrder | null {
  const match = NUMERIC.exec(text.trim());
  if (!match) return null;
  const first = Number(match[1]);
  const second = Number(match[2]);
  if (first > 12 && second <= 12) return "dmy";
  if (second > 12 && first <= 12) return "mdy";
  return null;
}

/**
 * Reads ISO (2026-03-14, with or without a time), numeric (03/14/2026, 14.03.2026, 3/14/26 in
 * the given order), named-month (14-Mar-2026, 14 Mar 2026, Mar 14, 2026) and compact (20260314)
 * dates into YYYY-MM-DD.
 */
export function parseStatementDate(text: string, order: DateOrder): string | null {
  const trimmed = text.trim();
  let match = ISO.exec(trimmed);
  if (match) return iso(Number(match[1]), Number(match[2]), Number(match[3]));
  match = NUMERIC.exec(trimmed);
  if (match) {
    const [a, b] = [Number(match[1]), Number(match[2])];
    return order === "mdy" ? iso(fullYear(match[3]!), a, b) : iso(fullYear(match[3]!), b, a);
  }
  match = NAMED_DAY_FIRST.exec(trimmed);
  if (match) {
    const month = MONTHS[match[2]!.toLowerCase()];
    return month ? iso(fullYear(match[3]!), month, Number(match[1])) : null;
  }
  match = NAMED_MONTH_FIRST.exec(trimmed);
  if (match) {
    const month = MONTHS[match[1]!.toLowerCase()];
    return month ? iso(Number(match[3]), month, Number(match[2])) : null;
  }
  match = COMPACT.exec(trimmed);
  if (match) return iso(Number(match[1]), Number(match[2]), Number(match[3]));
  return null;
}

const PLAIN_AMOUNT = /^-?\d+(?:\.\d{1,2})?$/;
const DECORATED_AMOUNT =
  /^([-+]?)\(?([-+]?)\$?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{1,2}))?\)?(-?)(?: ?(CR|DR))?$/i;

/** Exact for any length: whole amounts under 10^13 dollars go through a (safe) integer number. */
function plainCents(text: string): bigint {
  const negative = text.charCodeAt(0) === 45;
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf(".");
  const whole = dot === -1 ? body : body.slice(0, dot);
  const frac = dot === -1 ? 0 : Number(body.slice(dot + 1).padEnd(2, "0"));
  const cents = whole.length <= 13 ? BigInt(Number(whole) * 100 + frac) : BigInt(whole) * 100n + BigInt(frac);
  return negative ? -cents : cents;
}

/**
 * An amount in cents from text such as `-1234.56`, `$1,234.56`, `(1,234.56)` (negative),
 * `1234.56-` (trailing minus), `+12.00`, `12.00 CR` / `12.00 DR`. An empty field is null so a
 * debit/credit pair can leave one side blank. Decimal commas (1.234,56) are not read.
 */
export function parseStatementAmount(text: string): bigint | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (PLAIN_AMOUNT.test(trimmed)) return plainCents(trimmed);
  const match = DECORATED_AMOUNT.exec(trimmed.replace(/\s*USD$/i, ""));
  if (!match || (match[3] === undefined && match[4] === undefined)) return null;
  const whole = (match[3] ?? "0").replace(/,/g, "");
  const cents = BigInt(whole) * 100n + BigInt((match[4] ?? "").padEnd(2, "0"));
  const parenthesised = trimmed.includes("(");
  if (parenthesised !== trimmed.includes(")")) return null;
  const minuses = [match[1] === "-", match[2] === "-", match[5] === "-", parenthesised].filter(
    Boolean,
  ).length;
  if (minuses > 1) return null;
  const negative = minuses === 1 || match[6]?.toUpperCase() === "DR";
  return negative ? -cents : cents;
}
