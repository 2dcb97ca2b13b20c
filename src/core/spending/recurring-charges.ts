import { Money } from "../money.ts";
import { median } from "../statistics.ts";
import type { Category } from "./categories.ts";
import { words } from "./categorizer.ts";
import type { Transaction } from "./transaction.ts";

/**
 * Recurring charges (subscriptions, memberships, premiums): outflows from one merchant on one
 * account that repeat at a regular period with a similar amount.
 *
 * - Merchant: the first three words of the description without digits ("NETFLIX.COM 866-579"
 *   and "NETFLIX.COM 866-580" are one merchant).
 * - Regular: at least REGULAR_SHARE of the gaps between charges fall in one period's band
 *   (weekly 6–8 days, every two weeks 13–16, monthly 26–35, quarterly 85–97, annual 350–380),
 *   with at least 3 charges: two charges a year apart are as likely a summer trip booked each
 *   July as a subscription, so an annual charge needs three years of data.
 * - Similar amount: at least REGULAR_SHARE of the amounts within ±25% of their median.
 * - Annualized cost = the latest amount × periods per year (the latest reflects price rises).
 * - Active: the latest charge is within 1.5 periods of the end of the data; a series that
 *   stopped is reported but not counted as a cost still being paid.
 */
export interface RecurringCharge {
  /** The normalised merchant key the charges were grouped by ("netflix com"). */
  readonly merchant: string;
  /** The latest charge's description as the statement shows it ("NETFLIX.COM"), for people to read. */
  readonly description: string;
  readonly account: string;
  readonly category: Category;
  readonly period: Period;
  readonly charges: number;
  readonly latestAmount: Money;
  readonly annualizedCost: Money;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly active: boolean;
}

export type Period = "weekly" | "biweekly" | "monthly" | "quarterly" | "annual";

const PERIODS: readonly { period: Period; min: number; max: number; perYear: number; days: number }[] = [
  { period: "weekly", min: 6, max: 8, perYear: 52, days: 7 },
  { period: "biweekly", min: 13, max: 16, perYear: 26, days: 14 },
  { period: "monthly", min: 26, max: 35, perYear: 12, days: 30.44 },
  { period: "quarterly", min: 85, max: 97, perYear: 4, days: 91.3 },
  { period: "annual", min: 350, max: 380, perYear: 1, days: 365.25 },
];

const REGULAR_SHARE = 0.75;
const AMOUNT_TOLERANCE = 0.25;
const MIN_CHARGES = 3;

function dayNumber(date: string): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000
  );
}

export function merchantKey(description: string): string {
  return words(description)
    .filter((w) => !/\d/.test(w))
    .slice(0, 3)
    .join(" ");
}

/** Categories whose charges are never subscriptions-like recurring spending (income, transfers, saving). */
const NOT_RECURRING_SPENDING = new Set<Category>([
  "income",
  "transfers",
  "savings_contributions",
  "investments",
]);

export function findRecurringCharges(
  transactions: readonly { transaction: Transaction; category: Category }[],
  lastDate: string,
): RecurringCharge[] {
  const groups = new Map<string, { transaction: Transaction; category: Category }[]>();
  for (const item of transactions) {
    if (item.transaction.amount.cents >= 0n || NOT_RECURRING_SPENDING.has(item.category)) continue;
    const key = `${item.transaction.account}\u0000${merchantKey(item.transaction.description)}`;
    const group = groups.get(key) ?? [];
    group.push(item);
    groups.set(key, group);
  }
  const found: RecurringCharge[] = [];
  for (const group of groups.values()) {
    const charge = recurring(group, lastDate);
    if (charge) found.push(charge);
  }
  return found.sort((a, b) => b.annualizedCost.compare(a.annualizedCost));
}

function recurring(
  group: { transaction: Transaction; category: Category }[],
  lastDate: string,
): RecurringCharge | null {
  if (group.length < MIN_CHARGES) return null;
  const items = [...group].sort((a, b) => (a.transaction.date < b.transaction.date ? -1 : 1));
  const days = items.map((i) => dayNumber(i.transaction.date));
  const gaps = days.slice(1).map((d, i) => d - days[i]!);
  const typical = median(gaps);
  const band = PERIODS.find((p) => typical >= p.min && typical <= p.max);
  if (!band) return null;
  const inBand = gaps.filter((g) => g >= band.min && g <= band.max).length;
  if (inBand < REGULAR_SHARE * gaps.length) return null;
  const amounts = items.map((i) => -Number(i.transaction.amount.cents));
  const typicalAmount = median(amounts);
  const similar = amounts.filter(
    (a) => Math.abs(a - typicalAmount) <= AMOUNT_TOLERANCE * typicalAmount,
  ).length;
  if (similar < REGULAR_SHARE * amounts.length) return null;
  const latest = items[items.length - 1]!;
  const latestAmount = latest.transaction.amount.negate();
  return {
    merchant: merchantKey(latest.transaction.description),
    description: latest.transaction.description,
    account: latest.transaction.account,
    category: latest.category,
    period: band.period,
    charges: items.length,
    latestAmount,
    annualizedCost: Money.fromCents(latestAmount.cents * BigInt(band.perYear)),
    firstDate: items[0]!.transaction.date,
    lastDate: latest.transaction.date,
    active: dayNumber(lastDate) - days[days.length - 1]! <= 1.5 * band.days,
  };
}
