import type { Money } from "../money.ts";

/**
 * One imported bank or card transaction. Amounts follow the account holder's view: negative is
 * money out (a charge, a payment), positive is money in (a deposit, a refund), whatever sign
 * convention the export used.
 */
export interface Transaction {
  /** Stable across re-imports of the same statement: `ofx:<account>:<FITID>` or `csv:<hash>:<n>`. */
  readonly id: string;
  readonly account: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly amount: Money;
  readonly description: string;
  /** ISO 18245 merchant category code, when the export carries one. */
  readonly mcc?: number;
}

/** "2026-03-14" → "2026-03-01": months are named by their first day. */
export function monthOf(date: string): string {
  return `${date.slice(0, 7)}-01`;
}
