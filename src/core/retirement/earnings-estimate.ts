import Decimal from "decimal.js";
import type { CalendarDate } from "../dates.ts";
import { ValidationError } from "../errors.ts";
import type { EarningsYear } from "./social-security.ts";
import { ssaBirthYear } from "./social-security.ts";
import { latestYear, type SocialSecurityTables, yearlyValue } from "./ssa-tables.ts";

/** Work is assumed to start in the year the worker turns 22, as in SSA's own illustrations. */
export const CAREER_START_AGE = 22;

export interface SalaryHistoryInput {
  readonly birthDate: CalendarDate;
  /** Covered earnings this year (the as-of year), in dollars. */
  readonly salary: Decimal;
  readonly asOf: CalendarDate;
  /**
   * Age at which covered work stops; earnings count through the year before it. Defaults to 62,
   * the age of first eligibility, so the record is the one the PIA at eligibility is computed from.
   */
  readonly stopWorkAge?: number;
}

/**
 * An earnings record estimated from one current salary, for a worker with no earnings history,
 * in the manner of SSA's Quick Calculator:
 *
 * - past years (from the year the worker turns 22 up to last year) are back-projected along the
 *   national average wage index: earnings(y) = salary × AWI(y) ÷ AWI(latest published year),
 *   i.e. the worker always earned the same multiple of the average wage (a relative growth
 *   factor of zero); years after the latest AWI are taken at the salary itself;
 * - this year and future years through the year before `stopWorkAge` are the salary unchanged,
 *   in today's dollars (no future wage growth, consistent with indexing to the latest AWI);
 * - each year is rounded to the cent; capping at the wage base happens in the AIME step.
 */
export function estimateEarningsFromSalary(
  input: SalaryHistoryInput,
  tables: SocialSecurityTables,
): EarningsYear[] {
  if (input.salary.isNegative()) throw new ValidationError("salary", "must not be negative");
  const stopWorkAge = input.stopWorkAge ?? 62;
  const birthYear = ssaBirthYear(input.birthDate);
  const firstYear = birthYear + CAREER_START_AGE;
  const lastYear = birthYear + stopWorkAge - 1;
  const latestAwi = yearlyValue(tables.awi, latestYear(tables.awi), "average wage index").value;
  const rows: EarningsYear[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    let earnings = input.salary;
    if (year < input.asOf.year) {
      const awi = yearlyValue(tables.awi, year, "average wage index").value;
      earnings = input.salary.times(awi).dividedBy(latestAwi);
    }
    rows.push({ year, earnings: earnings.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN) });
  }
  return rows;
}
