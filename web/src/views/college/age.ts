/**
 * A child's age in whole years on a date, both as ISO "YYYY-MM-DD": the birthday counts from its
 * day (the same rule as the API's ageInYears: whole months between the dates, divided by 12).
 */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = onDate.split("-").map(Number) as [number, number, number];
  const months = (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
  return Math.floor(months / 12);
}

/** Today's date in UTC, as the server dates its answers. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
