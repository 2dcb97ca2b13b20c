import Decimal from "decimal.js";
import { ValidationError } from "../errors.ts";
import type { EarningsYear } from "./social-security.ts";

const AMOUNT = /^\d+(\.\d{1,2})?$/;

/**
 * Parses an earnings record as CSV with the header `year,earnings` (one row per year of covered
 * earnings, as on an SSA statement). Thousands separators in quotes ("1,234") are accepted. The
 * whole file is rejected on the first bad line, naming it, so nothing half-read is ever used.
 */
export function parseEarningsCsv(text: string, field: string, latestYear: number): EarningsYear[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter((l) => l.line !== "");
  const header = lines.shift();
  if (header?.line.toLowerCase().replace(/\s/g, "") !== "year,earnings") {
    throw new ValidationError(field, 'the first line must be the header "year,earnings"');
  }
  if (lines.length === 0) throw new ValidationError(field, "has no earnings rows");
  const seen = new Set<number>();
  return lines.map(({ line, number }) => {
    const match = /^(\d{4})\s*,\s*"?([\d,.]+)"?$/.exec(line);
    const amount = match?.[2]?.replace(/,(?=\d{3}(\D|$))/g, "");
    if (!match || amount === undefined || !AMOUNT.test(amount)) {
      throw new ValidationError(
        field,
        `line ${number}: expected "year,earnings" such as 2019,85000.00, got "${line}"`,
      );
    }
    const year = Number(match[1]);
    if (year < 1951 || year > latestYear) {
      throw new ValidationError(field, `line ${number}: year ${year} is outside 1951-${latestYear}`);
    }
    if (seen.has(year)) throw new ValidationError(field, `line ${number}: year ${year} appears twice`);
    seen.add(year);
    return { year, earnings: new Decimal(amount) };
  });
}
