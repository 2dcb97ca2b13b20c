import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/core/random.ts";
import { median, percentileInPlace } from "../../src/core/statistics.ts";

function sortedPercentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const k = Math.floor(h);
  return k + 1 < sorted.length ? sorted[k]! + (h - k) * (sorted[k + 1]! - sorted[k]!) : sorted[k]!;
}

describe("percentiles without sorting", () => {
  it("agree with the sorted definition (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          expect(percentileInPlace(Float64Array.from(values), p)).toBeCloseTo(sortedPercentile(values, p), 6);
        },
      ),
    );
  });

  it("median of an even count averages the middle two", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("seeded random numbers", () => {
  it("repeat for a seed and look standard normal", () => {
    const a = seededRandom(99);
    const b = seededRandom(99);
    const draws = Array.from({ length: 200_000 }, () => a.normal());
    expect(Array.from({ length: 10 }, () => b.normal())).toEqual(draws.slice(0, 10));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length;
    const beyond2 = draws.filter((x) => Math.abs(x) > 2).length / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(variance).toBeGreaterThan(0.98);
    expect(variance).toBeLessThan(1.02);
    expect(beyond2).toBeGreaterThan(0.043); // P(|Z| > 2) = 0.0455
    expect(beyond2).toBeLessThan(0.048);
  });

  it("gives uniforms in [0, 1)", () => {
    const r = seededRandom(1);
    for (let i = 0; i < 10_000; i++) {
      const u = r.next();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });
});
