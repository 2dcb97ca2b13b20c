import { ValidationError } from "../errors.ts";
import { Money } from "../money.ts";
import { BUDGET_CATEGORIES, type BudgetCategory } from "./categories.ts";
import { splitFields } from "./import/csv-records.ts";
import { parseStatementAmount } from "./import/csv-values.ts";
import { type MonthlyTotals, monthlyTotals } from "./monthly-rollup.ts";

/**
 * Monthly totals as a CSV, for a household that has only a budget spreadsheet: a `month` column
 * (YYYY-MM or YYYY-MM-01), an `income` column and one column per budget category (a category
 * left out is zero, and is listed so the caller can say so). Months must be consecutive: a gap
 * is missing data, not a month without spending. Amounts are positive for money spent.
 */
const MONTH = /^(\d{4})-(\d{2})(?:-01)?$/;

export interface MonthlyTotalsFile {
  readonly rows: MonthlyTotals[];
  readonly missingCategories: BudgetCategory[];
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function parseMonthlyTotalsCsv(text: string): MonthlyTotalsFile {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line, i) => ({ line: i + 1, text: line }))
    .filter((l) => l.text.trim() !== "");
  if (lines.length === 0) throw new ValidationError("months", "the file is empty");
  const header = splitFields(lines[0]!.text, ",").map((h) => h.trim().toLowerCase());
  const known = new Set<string>(["month", "income", ...BUDGET_CATEGORIES]);
  const unknown = header.filter((h) => !known.has(h));
  if (unknown.length > 0 || !header.includes("month") || !header.includes("income")) {
    throw new ValidationError(
      "months",
      `${unknown.length > 0 ? `unknown column ${JSON.stringify(unknown[0])}` : "needs a month and an income column"}; columns are month, income and any of ${BUDGET_CATEGORIES.join(", ")}`,
    );
  }
  if (lines.length < 2) throw new ValidationError("months", "has a header but no months");
  const rows = lines.slice(1).map(({ line, text: rowText }) => {
    const fields = splitFields(rowText, ",");
    const value = (column: string) => (fields[header.indexOf(column)] ?? "").trim();
    const match = MONTH.exec(value("month"));
    const month =
      match && Number(match[2]) >= 1 && Number(match[2]) <= 12 ? `${match[1]}-${match[2]}-01` : null;
    if (!month)
      throw new ValidationError("months", `line ${line}: "${value("month")}" is not a month (use YYYY-MM)`);
    const amount = (column: string) => {
      if (!header.includes(column)) return Money.ZERO;
      const cents = parseStatementAmount(value(column) || "0");
      if (cents === null)
        throw new ValidationError("months", `line ${line}: ${column} "${value(column)}" is not an amount`);
      return Money.fromCents(cents);
    };
    const categories = Object.fromEntries(BUDGET_CATEGORIES.map((c) => [c, amount(c)])) as Record<
      BudgetCategory,
      Money
    >;
    return monthlyTotals(month, categories, amount("income"));
  });
  rows.sort((a, b) => (a.month < b.month ? -1 : 1));
  rows.forEach((row, i) => {
    if (i > 0 && monthIndex(row.month) !== monthIndex(rows[i - 1]!.month) + 1) {
      throw new ValidationError(
        "months",
        monthIndex(row.month) === monthIndex(rows[i - 1]!.month)
          ? `${row.month.slice(0, 7)} appears twice`
          : `months must be consecutive: ${rows[i - 1]!.month.slice(0, 7)} is followed by ${row.month.slice(0, 7)}`,
      );
    }
  });
  return { rows, missingCategories: BUDGET_CATEGORIES.filter((c) => !header.includes(c)) };
}

/** The same layout written out (every category column), so a roll-up can be saved and re-read. */
export function formatMonthlyTotalsCsv(rows: readonly MonthlyTotals[]): string {
  const header = ["month", ...BUDGET_CATEGORIES, "income"].join(",");
  const lines = rows.map((r) =>
    [
      r.month.slice(0, 7),
      ...BUDGET_CATEGORIES.map((c) => r.categories[c].toString()),
      r.income.toString(),
    ].join(","),
  );
  return `${[header, ...lines].join("\n")}\n`;
}
