import { ValidationError } from "./errors.ts";

/** A calendar date without time or zone. Callers pass dates in; core never reads the clock. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses `YYYY-MM-DD`, rejecting impossible dates such as 2026-02-30. */
export function parseIsoDate(text: string, field = "date"): CalendarDate {
  const match = ISO_DATE.exec(text.trim());
  if (!match) throw new ValidationError(field, `"${text}" is not a date (use YYYY-MM-DD)`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new ValidationError(field, `"${text}" is not a real calendar date`);
  }
  return { year, month, day };
}

export function formatIsoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, "0")}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

/** The day before `date` (SSA counts an age as attained the day before the birthday). */
export function previousDay(date: CalendarDate): CalendarDate {
  if (date.day > 1) return { ...date, day: date.day - 1 };
  if (date.month > 1)
    return { year: date.year, month: date.month - 1, day: daysInMonth(date.year, date.month - 1) };
  return { year: date.year - 1, month: 12, day: 31 };
}

/** Months elapsed from `from` to `to`, counting a month only once its day is reached. */
export function wholeMonthsBetween(from: CalendarDate, to: CalendarDate): number {
  const months = (to.year - from.year) * 12 + (to.month - from.month);
  return to.day >= from.day ? months : months - 1;
}

/** Whole years of age on `asOf` for someone born on `birth`. */
export function ageInYears(birth: CalendarDate, asOf: CalendarDate): number {
  return Math.floor(wholeMonthsBetween(birth, asOf) / 12);
}

/** An age as whole years and months, e.g. `{years: 66, months: 6}`. */
export interface AgeYearsMonths {
  readonly years: number;
  readonly months: number;
}

export function splitMonths(totalMonths: number): AgeYearsMonths {
  return { years: Math.floor(totalMonths / 12), months: totalMonths % 12 };
}

export function describeAge(totalMonths: number): string {
  const { years, months } = splitMonths(totalMonths);
  return months === 0 ? `${years}` : `${years} and ${months} month${months === 1 ? "" : "s"}`;
}

/** A span of months in words: "2 years 3 months", "1 year", "8 months". */
export function describeDuration(totalMonths: number): string {
  const { years, months } = splitMonths(totalMonths);
  const parts = [
    years > 0 ? `${years} year${years === 1 ? "" : "s"}` : null,
    months > 0 || years === 0 ? `${months} month${months === 1 ? "" : "s"}` : null,
  ];
  return parts.filter((p) => p !== null).join(" ");
}

/** The UTC calendar date of an instant the caller read from its clock. */
export function utcDateOf(instant: Date): CalendarDate {
  return { year: instant.getUTCFullYear(), month: instant.getUTCMonth() + 1, day: instant.getUTCDate() };
}
