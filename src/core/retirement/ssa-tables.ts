import type Decimal from "decimal.js";
import { MissingReferenceDataError } from "../errors.ts";

/** A rate expressed as `numerator/denominator of 1%` per month, kept exact (SSA's own notation). */
export interface MonthlyPercentFraction {
  readonly numerator: number;
  readonly denominator: number;
}

/** A row of a table keyed by birth year; `from`/`to` null means open-ended. */
export interface BirthYearRange {
  readonly from: number | null;
  readonly to: number | null;
}

/**
 * The SSA reference series the estimator needs, as loaded and validated from `data/ssa/`.
 * Values past the last published year are never invented: lookups say when they fall back to
 * the latest published value, and the estimator reports that as an assumption.
 */
export interface SocialSecurityTables {
  /** National Average Wage Index by year (exact decimals). */
  readonly awi: ReadonlyMap<number, Decimal>;
  /** PIA bend points (monthly AIME dollars) by year of first eligibility. */
  readonly bendPoints: ReadonlyMap<number, readonly [number, number]>;
  /** Contribution and benefit base (maximum taxable earnings) by year. */
  readonly wageBase: ReadonlyMap<number, number>;
  /** COLA percent by the year it took effect (December of that year from 1983). */
  readonly colaPercent: ReadonlyMap<number, Decimal>;
  readonly fullRetirementAge: readonly (BirthYearRange & { readonly months: number })[];
  readonly delayedCredit: readonly (BirthYearRange & { readonly monthly: MonthlyPercentFraction | null })[];
  readonly earlyReduction: {
    readonly worker: { readonly first36: MonthlyPercentFraction; readonly beyond36: MonthlyPercentFraction };
    readonly spouse: { readonly first36: MonthlyPercentFraction; readonly beyond36: MonthlyPercentFraction };
  };
  /** The `as_of` line of each source file, shown with every estimate. */
  readonly asOf: string;
}

function lastKey(map: ReadonlyMap<number, unknown>): number {
  return Math.max(...map.keys());
}

/** A value from a yearly series, or the latest published one for a year beyond it ("today's" level). */
export function yearlyValue<T>(
  series: ReadonlyMap<number, T>,
  year: number,
  what: string,
): { value: T; year: number; projected: boolean } {
  const last = lastKey(series);
  const used = Math.min(year, last);
  const value = series.get(used);
  if (value === undefined)
    throw new MissingReferenceDataError(`no ${what} for ${year} in the reference data`);
  return { value, year: used, projected: year > last };
}

export function latestYear(series: ReadonlyMap<number, unknown>): number {
  return lastKey(series);
}

export function rowForBirthYear<T extends BirthYearRange>(
  rows: readonly T[],
  birthYear: number,
  what: string,
): T {
  const row = rows.find(
    (r) => (r.from === null || birthYear >= r.from) && (r.to === null || birthYear <= r.to),
  );
  if (!row)
    throw new MissingReferenceDataError(`no ${what} for birth year ${birthYear} in the reference data`);
  return row;
}
