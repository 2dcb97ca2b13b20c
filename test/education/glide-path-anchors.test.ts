import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { enrollmentTiming } from "../../src/core/education/enrollment.ts";
import { glidePath, RISK_TOLERANCES, recommendAllocation } from "../../src/core/education/glide-path.ts";
import { bestPlanPortfolio } from "../../src/core/education/plan-portfolio-match.ts";
import { referenceData } from "../../src/data/reference-data.ts";

describe("glide path", () => {
  it.each([
    [25, 90, 10, 0],
    [18, 90, 10, 0],
    [10, 70, 30, 0],
    [5, 50, 50, 0],
    [2, 30, 70, 0],
    [0, 10, 0, 90],
  ])("hits the anchor at %i years: %i/%i/%i", (years, equity, bonds, mm) => {
    expect(recommendAllocation(years)).toEqual({ equity, fixedIncome: bonds, moneyMarket: mm });
  });

  it("interpolates linearly between anchors", () => {
    expect(recommendAllocation(14).equity).toBe(80); // halfway 10→18: 70 + 20/2
    expect(recommendAllocation(13).equity).toBe(78); // 70 + 3 × 2.5 = 77.5, rounded half up
    expect(recommendAllocation(7.5).equity).toBe(60); // halfway 5→10
    expect(recommendAllocation(3.5).equity).toBe(40); // halfway 2→5
  });

  it("moves the non-equity part from bonds to money market between 2 years and 0", () => {
    expect(recommendAllocation(1)).toEqual({ equity: 20, fixedIncome: 40, moneyMarket: 40 });
    expect(recommendAllocation(0.5)).toEqual({ equity: 15, fixedIncome: 21, moneyMarket: 64 }); // 85 × 0.75 = 63.75
  });

  it("shifts equity by min(years, 10) points for risk, nothing at enrollment, within 0-100", () => {
    expect(recommendAllocation(18, "aggressive").equity).toBe(100);
    expect(recommendAllocation(18, "conservative").equity).toBe(80);
    expect(recommendAllocation(5, "aggressive").equity).toBe(55);
    expect(recommendAllocation(5, "conservative").equity).toBe(45);
    expect(recommendAllocation(0, "aggressive")).toEqual(recommendAllocation(0, "conservative"));
  });

  it("gives the whole path from 18 years to 0 for a chart", () => {
    const path = glidePath();
    expect(path.map((p) => p.yearsToEnrollment)).toEqual(Array.from({ length: 19 }, (_, i) => 18 - i));
  });

  it("always sums to 100 and never raises equity as enrollment nears, at every risk level", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RISK_TOLERANCES),
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        (risk, a, b) => {
          const [near, far] = a <= b ? [a, b] : [b, a];
          const x = recommendAllocation(near, risk);
          const y = recommendAllocation(far, risk);
          for (const alloc of [x, y]) {
            expect(alloc.equity + alloc.fixedIncome + alloc.moneyMarket).toBe(100);
            expect(Math.min(alloc.equity, alloc.fixedIncome, alloc.moneyMarket)).toBeGreaterThanOrEqual(0);
          }
          expect(x.equity).toBeLessThanOrEqual(y.equity);
        },
      ),
    );
  });

  it("counts years to enrollment from the birth year + enrollment age", () => {
    const asOf = { year: 2026, month: 11, day: 25 };
    expect(enrollmentTiming({ asOf, age: 5 })).toEqual({
      enrollmentYear: 2039,
      yearsToEnrollment: 13,
      enrolled: false,
    });
    expect(
      enrollmentTiming({ asOf, birthDate: { year: 2020, month: 12, day: 1 }, enrollmentAge: 19 })
        .yearsToEnrollment,
    ).toBe(13);
    expect(enrollmentTiming({ asOf, age: 20 })).toEqual({
      enrollmentYear: 2024,
      yearsToEnrollment: 0,
      enrolled: true,
    });
  });

  it("finds a plan's own published portfolio nearest the recommendation", () => {
    const paths = referenceData().education.glidePaths;
    // Vanguard NV (glide_paths.json): ages 5-6 serve 12-13 years out; conservative 40%, moderate 70%.
    const match = bestPlanPortfolio(paths, "nv-vanguard-529", 13, 78);
    expect(match).toMatchObject({ portfolio: "5-6", equityPercent: 70, equityDifference: -8 });
    expect(bestPlanPortfolio(paths, "ny-529-direct", 13, 78)?.portfolio).toBe("2038"); // 13 years out, 80%
    expect(bestPlanPortfolio(paths, "az-az529", 13, 78)).toBeNull();
  });
});
