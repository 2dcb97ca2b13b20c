/**
 * Display formatting through Intl, en-US. Money stays a decimal string until here: Intl formats the
 * string itself (no binary float in between), so "1234.56" shows as exactly "$1,234.56".
 */
const currency = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const wholeCurrency = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
});
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const percentOneDecimal = new Intl.NumberFormat("en-US", {
  style: "percent",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const monthYear = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const date = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

type Decimal = `${number}`;

export function formatMoney(amount: string): string {
  return currency.format(amount as Decimal);
}

/** Whole dollars, for large balances where cents are noise. */
export function formatDollars(amount: string): string {
  return wholeCurrency.format(amount as Decimal);
}

/** A decimal ratio (0.825) as a percent ("82.5%"). */
export function formatPercent(ratio: number): string {
  return percent.format(ratio);
}

/** A ratio as a percent with always one decimal (0.05 → "5.0%"), so a column of shares lines up. */
export function formatPercentOneDecimal(ratio: number): string {
  return percentOneDecimal.format(ratio);
}

export function formatMonth(isoDate: string): string {
  return monthYear.format(new Date(`${isoDate}T00:00:00Z`));
}

export function formatDate(isoDate: string): string {
  return date.format(new Date(`${isoDate}T00:00:00Z`));
}

/** "food_groceries" → "Food groceries": the API's category ids as words. */
export function categoryLabel(category: string): string {
  const words = category.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
