/**
 * Money typed by a person, checked and turned into the API's decimal strings without a binary float:
 * the text is read as whole cents (a bigint), so "24,000.5" is sent as exactly "24000.50".
 */

const AMOUNT = /^\$?(\d{1,3}(,\d{3})+|\d+)(\.\d{0,2})?$/;

export type MoneyInput = { ok: true; value: string } | { ok: false; message: string };

/** A non-negative amount such as "24000", "24,000.50" or "$1,200": the decimal string, or why not. */
export function parseMoneyInput(text: string): MoneyInput {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, message: "Enter an amount, such as 1200 or 0." };
  if (trimmed.startsWith("-")) return { ok: false, message: "Must not be negative." };
  if (!AMOUNT.test(trimmed)) {
    return { ok: false, message: "Enter dollars and cents only, such as 1234.56." };
  }
  return { ok: true, value: fromCents(centsOf(trimmed.replace(/[$,]/g, ""))) };
}

/** "−12.3" → −1230n: a decimal string with at most two places, as whole cents. */
export function centsOf(decimal: string): bigint {
  const negative = decimal.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? decimal.slice(1) : decimal).split(".");
  const cents = BigInt(whole || "0") * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2));
  return negative ? -cents : cents;
}

/** −1230n → "-12.30". */
export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? "-" : "";
  const size = cents < 0n ? -cents : cents;
  return `${sign}${size / 100n}.${(size % 100n).toString().padStart(2, "0")}`;
}

/** Twelve months of a monthly amount, exactly. */
export function annualOf(monthly: string): string {
  return fromCents(centsOf(monthly) * 12n);
}

/** Orders decimal strings by value (for sorting money columns), exactly. */
export function compareDecimal(a: string, b: string): number {
  const difference = centsOf(a) - centsOf(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

export type RateInput = { ok: true; value: string | null } | { ok: false; message: string };

/**
 * A tax rate typed as a percent ("6.85") → the API's decimal fraction as text ("0.0685"), shifted
 * two places in the digits, not through a float; empty means "not given" (null). 0 to `maxPercent`
 * (20% for a tax rate; at most 99).
 */
export function parseRatePercent(text: string, maxPercent = 20): RateInput {
  const trimmed = text.trim().replace(/%$/, "").trim();
  if (trimmed === "") return { ok: true, value: null };
  const match = /^(\d{1,2})(?:\.(\d{0,4}))?$/.exec(trimmed);
  if (!match) return { ok: false, message: "Enter a percent such as 6.85." };
  const tenThousandths = BigInt(match[1] ?? "0") * 10000n + BigInt((match[2] ?? "").padEnd(4, "0"));
  if (tenThousandths > BigInt(maxPercent) * 10000n)
    return { ok: false, message: `Must be at most ${maxPercent}%.` };
  return { ok: true, value: `0.${tenThousandths.toString().padStart(6, "0")}` };
}
