/**
 * Axis and label formatting for the retirement charts. Chart geometry is a number (Recharts draws
 * numbers); every figure a reader relies on is also in a table or text formatted from the exact
 * decimal string.
 */
const compact = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  maximumFractionDigits: 1,
});

/** 1234567 → "$1.2M", for axis ticks and bar labels. */
export function compactDollars(value: unknown): string {
  return compact.format(Number(value));
}
