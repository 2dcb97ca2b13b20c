import { ValidationError } from "../../errors.ts";

/**
 * Where the date, description and money columns of a CSV export are. Found from the header row
 * (after any preamble such as Bank of America's summary block) by the names banks and card
 * issuers use, or given by the user as names or, for a file without a header, 1-based positions.
 */
export interface ColumnMapping {
  readonly date?: string;
  readonly description?: string;
  readonly amount?: string;
  readonly debit?: string;
  readonly credit?: string;
  readonly status?: string;
  readonly mcc?: string;
  readonly account?: string;
}

export const MAPPING_KEYS = [
  "date",
  "description",
  "amount",
  "debit",
  "credit",
  "status",
  "mcc",
  "account",
] as const;
type MappingKey = (typeof MAPPING_KEYS)[number];

/** Column indexes of one file; a statement has a date, a description and an amount or a debit/credit pair. */
export interface CsvLayout {
  readonly date: number;
  readonly description: number;
  readonly amount: number | null;
  readonly debit: number | null;
  readonly credit: number | null;
  readonly status: number | null;
  readonly mcc: number | null;
  readonly account: number | null;
  /** True when the file has no header row (positions were given). */
  readonly headerless: boolean;
  /** The header as found, for the import report. */
  readonly names: readonly string[];
}

/** Header names in order of preference (a transaction date beats a posting date). */
const SYNONYMS: Record<MappingKey, readonly string[]> = {
  date: ["transaction date", "trans date", "trans. date", "date", "posted date", "posting date", "post date"],
  description: [
    "description",
    "original description",
    "transaction description",
    "payee",
    "merchant",
    "merchant name",
    "name",
    "details",
    "memo",
  ],
  amount: ["amount", "transaction amount", "amount (usd)", "amount usd"],
  debit: ["debit", "debit amount", "withdrawal", "withdrawals", "withdrawal amount", "money out", "charges"],
  credit: ["credit", "credit amount", "deposit", "deposits", "deposit amount", "money in", "payments"],
  status: ["status", "transaction status"],
  mcc: ["mcc", "merchant category code"],
  account: ["account", "account name"],
};

function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, " ");
}

function findColumn(
  names: readonly string[],
  candidates: readonly string[],
  taken: Set<number>,
): number | null {
  for (const candidate of candidates) {
    const index = names.findIndex((name, i) => !taken.has(i) && name === candidate);
    if (index !== -1) return index;
  }
  return null;
}

function complete(found: Record<MappingKey, number | null>, names: readonly string[], headerless: boolean) {
  const { date, description, amount, debit, credit } = found;
  if (date === null || description === null) return null;
  if (amount === null && debit === null && credit === null) return null;
  return { ...found, date, description, headerless, names } as CsvLayout;
}

/** The layout if `fields` is a header row that names a date, a description and money columns. */
export function layoutFromHeader(fields: readonly string[], mapping: ColumnMapping = {}): CsvLayout | null {
  const names = fields.map(normaliseName);
  const taken = new Set<number>();
  const found = {} as Record<MappingKey, number | null>;
  for (const key of MAPPING_KEYS) {
    const given = mapping[key];
    const index =
      given === undefined
        ? findColumn(names, SYNONYMS[key], taken)
        : findColumn(names, [normaliseName(given)], taken);
    found[key] = index;
    if (index !== null) taken.add(index);
  }
  if (found.amount !== null) {
    found.debit = mapping.debit === undefined ? null : found.debit;
    found.credit = mapping.credit === undefined ? null : found.credit;
  }
  return complete(found, fields, false);
}

/** True when every column given in the mapping is a 1-based position: the file has no header. */
export function isPositional(mapping: ColumnMapping): boolean {
  const given = MAPPING_KEYS.map((key) => mapping[key]).filter((v) => v !== undefined);
  return given.length > 0 && given.every((v) => /^\d+$/.test(v));
}

/** A layout from 1-based positions, for exports without a header row. */
export function positionalLayout(mapping: ColumnMapping): CsvLayout {
  const found = {} as Record<MappingKey, number | null>;
  for (const key of MAPPING_KEYS) {
    const given = mapping[key];
    found[key] = given === undefined ? null : Number(given) - 1;
    if (given !== undefined && Number(given) < 1)
      throw new ValidationError("columns", `${key}=${given}: positions start at 1`);
  }
  const layout = complete(found, [], true);
  if (!layout) {
    throw new ValidationError(
      "columns",
      "a file without a header needs date, description and amount (or debit/credit) positions",
    );
  }
  return layout;
}

/**
 * Parses a user mapping such as `date=Posting Date,description=Payee,amount=Amount` (names) or
 * `date=1,amount=2,description=5` (positions in a file without a header).
 */
export function parseColumnMapping(text: string): ColumnMapping {
  const mapping: Record<string, string> = {};
  for (const part of text.split(",")) {
    const [key, ...rest] = part.split("=");
    const name = rest.join("=").trim();
    const field = key?.trim().toLowerCase() ?? "";
    if (!(MAPPING_KEYS as readonly string[]).includes(field) || name === "") {
      throw new ValidationError(
        "columns",
        `"${part.trim()}" is not KEY=COLUMN with KEY one of ${MAPPING_KEYS.join(", ")}`,
      );
    }
    mapping[field] = name;
  }
  return mapping;
}
