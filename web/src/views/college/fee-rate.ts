/** Fees are small fractions (0.0012): shown to the hundredth of a percent ("0.12%"). */
const feePercent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 2 });

export function formatFeeRate(fraction: number): string {
  return feePercent.format(fraction);
}
