import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../../src/core/dates.ts";
import { Money } from "../../src/core/money.ts";
import { estimateEarningsFromSalary } from "../../src/core/retirement/earnings-estimate.ts";
import {
  computeAime,
  estimateSocialSecurity,
  firstEligibilityYear,
  fullRetirementAgeMonths,
  spousalBenefit,
} from "../../src/core/retirement/social-security.ts";
import { loadSocialSecurityTables } from "../../src/data/ssa.ts";

const tables = loadSocialSecurityTables();
const d = parseIsoDate;

describe("full retirement age and first eligibility by birth date", () => {
  it.each([
    ["1954-06-01", 66 * 12],
    ["1955-06-01", 66 * 12 + 2],
    ["1959-06-01", 66 * 12 + 10],
    ["1960-06-01", 67 * 12],
    ["1960-01-01", 66 * 12 + 10], // born January 1: the previous birth year's FRA
    ["1960-01-02", 67 * 12],
  ])("born %s: %i months", (birth, months) => {
    expect(fullRetirementAgeMonths(d(birth), tables)).toBe(months);
  });

  it("is first eligible in the year of turning 62, the day before the birthday", () => {
    expect(firstEligibilityYear(d("1963-07-04"))).toBe(2025);
    expect(firstEligibilityYear(d("1963-01-01"))).toBe(2024);
  });
});

describe("AIME", () => {
  it("caps each year at the wage base and keeps only the highest 35 indexed years", () => {
    // 40 years for someone eligible in 2025: 5 lowest-indexed years drop out.
    const earnings = Array.from({ length: 40 }, (_, k) => ({
      year: 1984 + k,
      earnings: new Decimal(1_000_000),
    }));
    const result = computeAime(earnings, 2025, tables);
    expect(result.years.filter((y) => y.counted)).toHaveLength(35);
    for (const y of result.years) expect(y.capped.toNumber()).toBe(tables.wageBase.get(y.year));
  });

  it("counts years from the indexing year on at nominal value", () => {
    const result = computeAime([{ year: 2023, earnings: new Decimal(42_000) }], 2025, tables);
    expect(result.years[0]!.indexFactor.toNumber()).toBe(1);
    expect(result.aime).toBe(100); // 42,000 ÷ 420
  });

  it("fills missing years with zeros (divides by 420 regardless)", () => {
    const result = computeAime([{ year: 2024, earnings: new Decimal(84_000) }], 2026, tables);
    expect(result.aime).toBe(200);
  });
});

describe("claim-age adjustments through the estimate", () => {
  const earnings = [{ year: 2020, earnings: new Decimal(150_000) }];

  it("adds no credits after 70", () => {
    const at70 = estimateSocialSecurity(
      { birthDate: d("1958-05-05"), earnings, claimAgeMonths: 840 },
      tables,
    );
    expect(at70.at70.adjustment).toBeCloseTo((840 - (66 * 12 + 8)) * (2 / 3 / 100), 12);
  });

  it("reduces by 5/9% for 36 months then 5/12% (FRA 67 at 62: 30%)", () => {
    const estimate = estimateSocialSecurity(
      { birthDate: d("1975-05-05"), earnings, claimAgeMonths: 744 },
      tables,
    );
    expect(estimate.at62.adjustment).toBeCloseTo(-0.3, 12);
    expect(estimate.byAge.map((b) => b.claimAgeMonths)).toEqual(
      [62, 63, 64, 65, 66, 67, 68, 69, 70].map((a) => a * 12),
    );
  });
});

describe("spousal benefit", () => {
  it("is half the worker's PIA less the spouse's own, reduced 25/36% a month for the first 36 months early", () => {
    // Worker PIA 2,000.00 first eligible in 2030 (no COLAs in today's dollars); spouse born 1970, FRA 67.
    const atFra = spousalBenefit(
      200000,
      2030,
      { birthDate: d("1970-06-15"), claimAgeMonths: 804, ownPia: Money.ZERO },
      tables,
    );
    expect(atFra.monthly.toString()).toBe("1000.00");
    const early = spousalBenefit(
      200000,
      2030,
      { birthDate: d("1970-06-15"), claimAgeMonths: 744, ownPia: Money.ZERO },
      tables,
    );
    // 60 months early: 36 × 25/36% + 24 × 5/12% = 25% + 10% = 35% off → 650.00
    expect(early.adjustment).toBeCloseTo(-0.35, 12);
    expect(early.monthly.toString()).toBe("650.00");
    const withOwn = spousalBenefit(
      200000,
      2030,
      { birthDate: d("1970-06-15"), claimAgeMonths: 804, ownPia: Money.parse("600") },
      tables,
    );
    expect(withOwn.monthly.toString()).toBe("400.00");
  });
});

describe("earnings estimated from a salary", () => {
  const rows = estimateEarningsFromSalary(
    { birthDate: d("1980-09-10"), salary: new Decimal(100_000), asOf: d("2026-03-01") },
    tables,
  );

  it("runs from the year of turning 22 to the year before 62", () => {
    expect(rows[0]!.year).toBe(2002);
    expect(rows.at(-1)!.year).toBe(2041);
  });

  it("back-projects past years along the wage index and keeps the salary from this year on", () => {
    const awi2002 = tables.awi.get(2002)!;
    const awi2024 = tables.awi.get(2024)!;
    const y2002 = rows.find((r) => r.year === 2002)!;
    expect(y2002.earnings.toFixed(2)).toBe(new Decimal(100_000).times(awi2002).dividedBy(awi2024).toFixed(2));
    expect(rows.find((r) => r.year === 2025)!.earnings.toNumber()).toBe(100_000);
    expect(rows.find((r) => r.year === 2030)!.earnings.toNumber()).toBe(100_000);
  });

  it("rejects a negative salary", () => {
    expect(() =>
      estimateEarningsFromSalary(
        { birthDate: d("1980-09-10"), salary: new Decimal(-1), asOf: d("2026-03-01") },
        tables,
      ),
    ).toThrow(/negative/);
  });
});
