/** Fees (0.0012) and typed tax rates (0.0685) to the hundredth of a percent ("0.12%", "6.85%"). */
const finePercent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 2 });

export function formatFinePercent(fraction: number): string {
  return finePercent.format(fraction);
}
