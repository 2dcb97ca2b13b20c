import Decimal from "decimal.js";
import { ValidationError } from "./errors.ts";

/** Below this many cents a float's rounding error is far smaller than TIE_MARGIN. */
const FAST_PATH_LIMIT = 1e11;
const TIE_MARGIN = 1e-4;

/** Matches a plain decimal amount: optional minus, digits, at most two decimals. */
const AMOUNT_PATTERN = /^-?\d+(\.\d{1,2})?$/;

/**
 * An exact amount of US dollars held as integer cents (bigint), so sums and comparisons never
 * suffer binary-float error. Projections may run in float64; they enter and leave through
 * `fromNumber` / `toNumber`, which round half-even to the cent at the boundary.
 */
export class Money {
  private constructor(readonly cents: bigint) {}

  static readonly ZERO = new Money(0n);

  static fromCents(cents: bigint): Money {
    return new Money(cents);
  }

  /** Whole dollars (an integer). */
  static fromDollars(dollars: number | bigint): Money {
    if (typeof dollars === "number" && !Number.isSafeInteger(dollars)) {
      throw new RangeError(`not a whole number of dollars: ${dollars}`);
    }
    return new Money(BigInt(dollars) * 100n);
  }

  /**
   * Parses a decimal string such as `"1234.5"` or `"-0.07"`. Thousands separators, currency signs
   * and more than two decimals are rejected rather than guessed at.
   */
  static parse(text: string, field = "amount"): Money {
    const trimmed = text.trim();
    if (!AMOUNT_PATTERN.test(trimmed)) {
      throw new ValidationError(
        field,
        `"${text}" is not an amount (use digits with up to 2 decimals, e.g. 1234.56)`,
      );
    }
    const [whole = "0", frac = ""] = trimmed.replace("-", "").split(".");
    const cents = BigInt(whole) * 100n + BigInt(frac.padEnd(2, "0"));
    return new Money(trimmed.startsWith("-") ? -cents : cents);
  }

  /**
   * Rounds a float64 result (a projection) half-even to the cent, taking the float at its shortest
   * decimal form. Rejects NaN and infinities. Values clearly away from a half cent take a fast
   * integer path; near-ties and huge values go through exact decimal arithmetic.
   */
  static fromNumber(value: number): Money {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
    const scaled = Math.abs(value) * 100;
    const fraction = scaled - Math.floor(scaled);
    if (scaled < FAST_PATH_LIMIT && Math.abs(fraction - 0.5) > TIE_MARGIN) {
      const cents = Math.round(scaled);
      return new Money(BigInt(value < 0 ? -cents : cents));
    }
    const cents = new Decimal(value).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN);
    return new Money(BigInt(cents.toFixed(0)));
  }

  /** Exact decimal value, for rate arithmetic that must not go through floats. */
  toDecimal(): Decimal {
    return new Decimal(this.cents.toString()).dividedBy(100);
  }

  /** Float64 value, only for feeding projections and simulations. */
  toNumber(): number {
    return Number(this.cents) / 100;
  }

  add(other: Money): Money {
    return new Money(this.cents + other.cents);
  }

  subtract(other: Money): Money {
    return new Money(this.cents - other.cents);
  }

  negate(): Money {
    return new Money(-this.cents);
  }

  /** Multiplies by an exact factor (a rate given as a decimal string or Decimal), half-even to the cent. */
  times(factor: Decimal.Value): Money {
    const cents = new Decimal(this.cents.toString())
      .times(factor)
      .toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN);
    return new Money(BigInt(cents.toFixed(0)));
  }

  compare(other: Money): -1 | 0 | 1 {
    return this.cents < other.cents ? -1 : this.cents > other.cents ? 1 : 0;
  }

  isNegative(): boolean {
    return this.cents < 0n;
  }

  isZero(): boolean {
    return this.cents === 0n;
  }

  static sum(amounts: Iterable<Money>): Money {
    let total = 0n;
    for (const amount of amounts) total += amount.cents;
    return new Money(total);
  }

  /** Decimal string with exactly two places, e.g. `"-1234.50"`: the form sent over JSON. */
  toString(): string {
    const negative = this.cents < 0n;
    const abs = negative ? -this.cents : this.cents;
    const whole = abs / 100n;
    const frac = (abs % 100n).toString().padStart(2, "0");
    return `${negative ? "-" : ""}${whole}.${frac}`;
  }

  toJSON(): string {
    return this.toString();
  }

  /** Human form with thousands separators, e.g. `"$1,234.50"` or `"-$12.00"`. */
  format(options: { cents?: boolean } = {}): string {
    const showCents = options.cents ?? true;
    const negative = this.cents < 0n;
    const abs = negative ? -this.cents : this.cents;
    const rounded = showCents ? abs : ((abs + 50n) / 100n) * 100n;
    const whole = (rounded / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    const frac = showCents ? `.${(rounded % 100n).toString().padStart(2, "0")}` : "";
    return `${negative ? "-" : ""}$${whole}${frac}`;
  }
}
