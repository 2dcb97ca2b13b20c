import type { CalendarDate } from "../dates.ts";

/** The age at which college starts unless the caller says otherwise. */
export const DEFAULT_ENROLLMENT_AGE = 18;

export interface EnrollmentTiming {
  /** Calendar year the beneficiary starts college: birth year + enrollment age. */
  readonly enrollmentYear: number;
  /** Whole years from the as-of year to the enrollment year, never below 0. */
  readonly yearsToEnrollment: number;
  /** True when the enrollment year is already here or past. */
  readonly enrolled: boolean;
}

/**
 * When college starts. The target college year is the birth year + the enrollment age (18 by
 * default). With only an age, the birth year is taken as as-of year − age (a child who has not
 * yet had this year's birthday is treated as a year older: the usual plan convention of counting
 * by birth year). Years to enrollment = target year − as-of year.
 */
export function enrollmentTiming(input: {
  readonly asOf: CalendarDate;
  readonly birthDate?: CalendarDate | undefined;
  readonly age?: number | undefined;
  readonly enrollmentAge?: number | undefined;
}): EnrollmentTiming {
  const enrollmentAge = input.enrollmentAge ?? DEFAULT_ENROLLMENT_AGE;
  const birthYear =
    input.birthDate !== undefined ? input.birthDate.year : input.asOf.year - (input.age ?? Number.NaN);
  if (!Number.isFinite(birthYear)) throw new RangeError("a birth date or an age is required");
  const enrollmentYear = birthYear + enrollmentAge;
  const years = enrollmentYear - input.asOf.year;
  return { enrollmentYear, yearsToEnrollment: Math.max(0, years), enrolled: years <= 0 };
}
