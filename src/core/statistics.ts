/**
 * Order statistics without a full sort: quickselect partially orders the array in place so that
 * index k holds the k-th smallest value.
 */
function select(values: Float64Array, k: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (hi > lo) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const tmp = values[i]!;
        values[i] = values[j]!;
        values[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}

/**
 * The p-th percentile (0 ≤ p ≤ 1) by linear interpolation between closest ranks (the "R-7" /
 * spreadsheet PERCENTILE definition). Reorders `values`.
 */
export function percentileInPlace(values: Float64Array, p: number): number {
  if (values.length === 0) throw new RangeError("percentile of no values");
  const h = (values.length - 1) * p;
  const k = Math.floor(h);
  const lower = select(values, k, 0, values.length - 1);
  if (k + 1 >= values.length || h === k) return lower;
  let upper = Number.POSITIVE_INFINITY;
  for (let i = k + 1; i < values.length; i++) if (values[i]! < upper) upper = values[i]!;
  return lower + (h - k) * (upper - lower);
}

/** Median of a plain array (copied, not reordered). */
export function median(values: readonly number[]): number {
  return percentileInPlace(Float64Array.from(values), 0.5);
}
