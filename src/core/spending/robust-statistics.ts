import { median } from "../statistics.ts";

/**
 * Small statistics for monthly series: a least-squares trend and robust z-scores.
 */

/**
 * Trend as a fraction per year: the ordinary least-squares slope b of the monthly values y_t on
 * t = 0, 1, …, n−1 (b = Σ(t − t̄)(y_t − ȳ) ÷ Σ(t − t̄)²), times 12, divided by the mean ȳ.
 * +0.10 means the line through the months rises by 10% of the average month per year. Null for
 * fewer than 3 months or a mean that is not positive (a share of nothing is meaningless).
 */
export function trendPerYear(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 3) return null;
  const meanT = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  if (meanY <= 0) return null;
  let num = 0;
  let den = 0;
  values.forEach((y, t) => {
    num += (t - meanT) * (y - meanY);
    den += (t - meanT) ** 2;
  });
  return ((num / den) * 12) / meanY;
}

/** |robust z| above this flags an anomaly (Iglewicz & Hoaglin's recommended cut-off, 1993). */
export const ANOMALY_THRESHOLD = 3.5;
/**
 * A month is worth flagging only if it is also materially away from the median month: by at
 * least $100 and a quarter of the median. Without this, a category that is nearly constant (a
 * $35 prescription) would flag a $40 month, since its MAD is tiny.
 */
export const ANOMALY_MIN_DOLLARS = 100;
export const ANOMALY_MIN_SHARE_OF_MEDIAN = 0.25;
/** Fewer months than this give too little history to call one of them unusual. */
export const MIN_MONTHS_FOR_ANOMALIES = 6;

/**
 * Robust z-scores (Iglewicz & Hoaglin's modified z): z_i = 0.6745 (x_i − median) ÷ MAD, with MAD
 * the median absolute deviation; 0.6745 makes MAD comparable with a normal standard deviation.
 * When MAD is 0 (more than half the months identical, e.g. a fixed mortgage payment) it falls
 * back to z_i = (x_i − median) ÷ (1.253314 × mean absolute deviation), the same scaling for the
 * mean deviation. All values equal gives all zeros.
 */
export function robustZScores(values: readonly number[]): number[] {
  const center = median(values);
  const deviations = values.map((x) => Math.abs(x - center));
  const mad = median(deviations);
  if (mad > 0) return values.map((x) => (0.6745 * (x - center)) / mad);
  const meanDeviation = deviations.reduce((a, b) => a + b, 0) / values.length;
  if (meanDeviation === 0) return values.map(() => 0);
  return values.map((x) => (x - center) / (1.253314 * meanDeviation));
}
