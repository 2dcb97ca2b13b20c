import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../../src/core/dates.ts";
import { Money } from "../../src/core/money.ts";
import {
  adjustForClaimAge,
  applyColaCents,
  computeAime,
  estimateSocialSecurity,
  piaCentsFromBendPoints,
  piaWithColasCents,
} from "../../src/core/retirement/social-security.ts";
import { readDataFile } from "../../src/data/reference-files.ts";
import { loadSocialSecurityTables } from "../../src/data/ssa.ts";

const tables = loadSocialSecurityTables();
const examples: {
  id: string;
  inputs: Record<string, unknown>;
  expected: Record<string, unknown>;
  cases?: unknown[];
}[] = JSON.parse(readDataFile("ssa/examples.json")).examples;

function example(id: string) {
  const found = examples.find((e) => e.id === id);
  if (!found) throw new Error(`example ${id} missing from data/ssa/examples.json`);
  return found;
}

function earningsOf(id: string) {
  const rows = example(id).inputs.earnings_by_year as { year: number; earnings: number }[];
  return rows.map((r) => ({ year: r.year, earnings: new Decimal(String(r.earnings)) }));
}

const oneThird = { numerator: 2, denominator: 3 };

describe("SSA published worked examples (data/ssa/examples.json)", () => {
  it("every example in the file is exercised by this suite", () => {
    expect(examples.map((e) => e.id).sort()).toEqual(
      [
        "open-social-security-pia-from-aime",
        "open-social-security-reduction-factors",
        "poms-rs-00615-005-reduction",
        "poms-rs-00615-692-drc",
        "ssa-benefits-2025-max-earner-62",
        "ssa-colaapplic-truncation",
        "ssa-familymax-2018-bend-points",
        "ssa-familymax-2026-bend-points",
        "ssa-retirebenefit2-2017-case-a",
        "ssa-retirebenefit2-2017-case-b",
        "ssa-tools-averagepaste-1950",
        "ssa-tools-bend-points-1957",
      ].sort(),
    );
  });

  it("SSA Benefits.html 2025: maximum earner retiring at 62 in 2025 has AIME 13,689 and PIA 4,020.90", () => {
    const result = computeAime(earningsOf("ssa-benefits-2025-max-earner-62"), 2025, tables);
    expect(result.aime).toBe(13689);
    expect(piaCentsFromBendPoints(result.aime, tables.bendPoints.get(2025)!)).toBe(402090);
  });

  it("SSA retirebenefit2 case A: AIME 4,010 in 2017 gives PIA 1,796.50", () => {
    expect(piaCentsFromBendPoints(4010, tables.bendPoints.get(2017)!)).toBe(179650);
  });

  it("SSA retirebenefit2 case B: PIA 2,595.70 in 2013 grows by the 2013-2016 COLAs to 2,687.30; $2,687 at FRA", () => {
    const pia = piaCentsFromBendPoints(8843, tables.bendPoints.get(2013)!);
    expect(pia).toBe(259570);
    const expected = example("ssa-retirebenefit2-2017-case-b");
    const chain = expected.expected as { pia_after_colas: number };
    expect(piaWithColasCents(pia, 2013, 2016, tables)).toBe(Math.round(chain.pia_after_colas * 100));
    const atFra = adjustForClaimAge(268730, 66 * 12, 66 * 12, oneThird, tables);
    expect(Math.floor(atFra.cents / 100)).toBe(2687);
  });

  it("SSA colaapplic: PIA 2,010.50 raised 2.5% truncates to 2,060.70", () => {
    expect(applyColaCents(201050, new Decimal("2.5"))).toBe(206070);
  });

  it("SSA familymax: the 2018 and 2026 bend points follow from the AWI series", () => {
    // Bend points are indexed from the 1979 base by AWI(Y-2)/AWI(1977), rounded to the dollar.
    const awi1977 = tables.awi.get(1977)!;
    const fm = (base: number, y: number) =>
      Math.round(
        tables.awi
          .get(y - 2)!
          .dividedBy(awi1977)
          .times(base)
          .toNumber(),
      );
    expect([230, 332, 433].map((b) => fm(b, 2026))).toEqual([1643, 2371, 3093]);
    expect([230, 332, 433].map((b) => fm(b, 2018))).toEqual([1144, 1651, 2154]);
    expect([180, 1085].map((b) => fm(b, 2026))).toEqual([...tables.bendPoints.get(2026)!]);
  });

  it("POMS RS 00615.692: 30 months of 7/12% credits raise a 1,000.00 PIA to 1,175.00", () => {
    const result = adjustForClaimAge(
      100000,
      66 * 12 + 30,
      66 * 12,
      { numerator: 7, denominator: 12 },
      tables,
    );
    expect(result.cents).toBe(117500);
  });

  it("POMS RS 00615.005: 5 months early reduces a 802.80 PIA to 780.50", () => {
    expect(adjustForClaimAge(80280, 67 * 12 - 5, 67 * 12, oneThird, tables).cents).toBe(78050);
  });

  it("ssa.tools: near-average earner born 1950-07-01 has AIME 3,347, PIA 1,515.90, 1,541.60 after the 2012 COLA", () => {
    const result = computeAime(earningsOf("ssa-tools-averagepaste-1950"), 2012, tables);
    expect(result.aime).toBe(3347);
    const pia = piaCentsFromBendPoints(result.aime, tables.bendPoints.get(2012)!);
    expect(pia).toBe(151590);
    expect(piaWithColasCents(pia, 2012, 2012, tables)).toBe(154160);
    expect(piaWithColasCents(pia, 2012, 2025, tables)).toBe(215550);
  });

  it("ssa.tools: AIME 3,000 with 2019 bend points gives PIA 1,497.00", () => {
    expect(piaCentsFromBendPoints(3000, tables.bendPoints.get(2019)!)).toBe(149700);
  });

  it("Open Social Security: claim-age factors on a 1,000 PIA (60 and 24 months early, 12 and 48 months late)", () => {
    const fra = 67 * 12;
    const dollars = (months: number, fraMonths = fra) =>
      Math.floor(adjustForClaimAge(100000, months, fraMonths, oneThird, tables).cents / 100);
    expect(dollars(fra - 60)).toBe(700);
    expect(dollars(fra - 24)).toBe(866);
    expect(dollars(fra + 12)).toBe(1080);
    expect(dollars(70 * 12, 66 * 12)).toBe(1320);
  });

  it("Open Social Security: PIA from AIME 700 (2015), 3,000 (2013) and 6,000 (2018), truncated to the dime", () => {
    expect(piaCentsFromBendPoints(700, tables.bendPoints.get(2015)!)).toBe(63000);
    expect(piaCentsFromBendPoints(3000, tables.bendPoints.get(2013)!)).toBe(141870);
    expect(piaCentsFromBendPoints(6000, tables.bendPoints.get(2018)!)).toBe(233650);
  });
});

describe("estimateSocialSecurity for the 2025 maximum earner (born 1963, FRA 67)", () => {
  const estimate = estimateSocialSecurity(
    {
      birthDate: parseIsoDate("1963-01-15"),
      earnings: earningsOf("ssa-benefits-2025-max-earner-62"),
      claimAgeMonths: 67 * 12,
    },
    tables,
  );

  it("reports AIME, PIA before COLAs and the full retirement age", () => {
    expect(estimate.aime).toBe(13689);
    expect(estimate.pia.toString()).toBe("4020.90");
    expect(estimate.fullRetirementAgeMonths).toBe(804);
    expect(estimate.eligibilityYear).toBe(2025);
  });

  it("at 62 (claimed in 2025, before any COLA) pays 70% of the PIA: $2,814", () => {
    expect(estimate.at62.monthly.toString()).toBe("2814.00");
    expect(estimate.at62.adjustment).toBeCloseTo(-0.3, 12);
  });

  it("later claims carry the December 2025 COLA of 2.8% and then stay in today's dollars", () => {
    // 4,020.90 x 1.028 = 4,133.48 -> 4,133.40; at 70: x 1.24 = 5,125.41 -> 5,125.40 -> $5,125.
    expect(estimate.atFullRetirementAge.piaAtClaim.toString()).toBe("4133.40");
    expect(estimate.atFullRetirementAge.monthly).toEqual(Money.parse("4133"));
    expect(estimate.at70.monthly.toString()).toBe("5125.00");
    expect(estimate.assumptions.join(" ")).toMatch(/today's dollars/);
  });
});
