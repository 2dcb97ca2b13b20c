import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { editDistance, FundValidator } from "../../src/core/education/fund-validator.ts";
import { referenceData } from "../../src/data/reference-data.ts";

const lists = referenceData().education.baselineFundLists;

describe("fund validator", () => {
  const ny = new FundValidator(lists.get("ny-529-direct")!);

  it("measures Levenshtein distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("accepts exact names, ignoring case and punctuation", () => {
    const check = ny.check({ query: "target enrollment 2040 portfolio", weight: null });
    expect(check).toMatchObject({ valid: true, matchedBy: "name" });
    expect(check.option?.name).toBe("Target Enrollment 2040 Portfolio");
  });

  it("suggests the closest real option for a misspelt name", () => {
    const check = ny.check({ query: "Target Enrolment 2040 Portfolo", weight: null });
    expect(check.valid).toBe(false);
    expect(check.suggestion).toEqual({ name: "Target Enrollment 2040 Portfolio", distance: 2 });
    expect(ny.check({ query: "Bitcoin", weight: null }).suggestion).toBeNull();
  });

  it("warns when a selection was removed in the newest version (Bright Start's age-based lineup)", () => {
    const il = new FundValidator(lists.get("il-bright-start")!);
    const result = il.validate([{ query: "Index Age-Based Moderate (Ages 3-5)", weight: null }]);
    expect(result.version).toBe(2);
    expect(result.selections[0]!.removed?.lastVersion).toBe(1);
    expect(result.problems[0]).toContain("was removed");
    expect(result.valid).toBe(false);
  });

  it("requires weights that total exactly 100", () => {
    const good = ny.validate([
      { query: "Target Enrollment 2040 Portfolio", weight: new Decimal("60.5") },
      { query: "Conservative Income Portfolio", weight: new Decimal("39.5") },
    ]);
    expect(good.valid).toBe(true);
    const bad = ny.validate([
      { query: "Target Enrollment 2040 Portfolio", weight: new Decimal(60) },
      { query: "Conservative Income Portfolio", weight: new Decimal(30) },
    ]);
    expect(bad.weightsValid).toBe(false);
    expect(bad.problems).toContain("weights total 90%, not 100%");
    const missing = ny.validate([
      { query: "Target Enrollment 2040 Portfolio", weight: new Decimal(60) },
      { query: "Conservative Income Portfolio", weight: null },
    ]);
    expect(missing.problems[0]).toContain("give a weight for every selection");
    expect(ny.validate([{ query: "Target Enrollment 2040 Portfolio", weight: null }]).valid).toBe(true);
  });
});
