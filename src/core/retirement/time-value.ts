/**
 * Time-value-of-money building blocks shared by the retirement engines.
 *
 * Conventions (DESIGN.md): annual rates are effective annual rates; the monthly rate is
 * (1 + r)^(1/12) − 1; contributions land at the end of each month.
 */

/** Effective monthly rate equivalent to an effective annual rate: (1 + r)^(1/12) − 1. */
export function monthlyRate(annualRate: number): number {
  return (1 + annualRate) ** (1 / 12) - 1;
}

/** Growth factor over `months` months at monthly rate `i`: (1 + i)^months. */
export function growthFactor(i: number, months: number): number {
  return (1 + i) ** months;
}

/**
 * Future value of a level payment of 1 at the end of each of `months` months:
 * ((1 + i)^n − 1) ÷ i, or n when i = 0.
 */
export function annuityFactor(i: number, months: number): number {
  if (i === 0) return months;
  return ((1 + i) ** months - 1) / i;
}

/**
 * Future value after `months` months of a starting balance compounding monthly plus end-of-month
 * contributions that rise by `contributionGrowth` once every 12 months:
 *
 *   FV = PV·(1+i)^n + Σ_{m=1..n} C·(1+g)^⌊(m−1)/12⌋·(1+i)^(n−m)
 *
 * Summed year by year in closed form: each year's 12 (or fewer) payments contribute
 * C·(1+g)^k · annuityFactor(i, len) · (1+i)^(months remaining after that year).
 */
export function futureValue(
  presentValue: number,
  monthlyContribution: number,
  i: number,
  months: number,
  contributionGrowth = 0,
): number {
  let total = presentValue * growthFactor(i, months);
  if (contributionGrowth === 0) return total + monthlyContribution * annuityFactor(i, months);
  let payment = monthlyContribution;
  for (let start = 0; start < months; start += 12) {
    const length = Math.min(12, months - start);
    total += payment * annuityFactor(i, length) * growthFactor(i, months - start - length);
    payment *= 1 + contributionGrowth;
  }
  return total;
}

/**
 * Smallest x in [low, high] with predicate(x) true, for a predicate that is false below some
 * threshold and true above it; bisection to `tolerance`. Returns null when even `high` fails.
 */
export function solveThreshold(
  predicate: (x: number) => boolean,
  low: number,
  high: number,
  tolerance = 1e-9,
): number | null {
  if (!predicate(high)) return null;
  if (predicate(low)) return low;
  let lo = low;
  let hi = high;
  while (hi - lo > tolerance) {
    const mid = (lo + hi) / 2;
    if (predicate(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
