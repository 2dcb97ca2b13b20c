/**
 * Exact arithmetic on the API's money strings ("1234.56", at most two places), in whole cents as
 * bigint, for the few sums the dashboard makes itself (a what-if's new contribution, a year of
 * monthly benefits). No binary float in between.
 */
function toCents(amount: string): bigint {
  const negative = amount.startsWith("-");
  const [whole = "0", fraction = ""] = amount.replace("-", "").split(".");
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2));
  return negative ? -cents : cents;
}

function fromCents(cents: bigint): string {
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** a + b. */
export function addCents(a: string, b: string): string {
  return fromCents(toCents(a) + toCents(b));
}

/** amount × a whole number. */
export function timesWhole(amount: string, factor: number): string {
  return fromCents(toCents(amount) * BigInt(factor));
}
