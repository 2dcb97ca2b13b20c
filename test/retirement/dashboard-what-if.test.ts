import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wire } from "../../src/app/json.ts";
import { gapRequest, retirementGapFor } from "../../src/app/retirement.ts";
import { gapJson } from "../../src/app/retirement-json.ts";
import { parseIsoDate } from "../../src/core/dates.ts";
import { Money } from "../../src/core/money.ts";
import { validate } from "../../src/core/validation.ts";
import { referenceData } from "../../src/data/reference-data.ts";
import type { Correction, RetirementGap, RetirementProfile } from "../../web/src/api/retirement-types.ts";
import { addCents, timesWhole } from "../../web/src/views/retirement-cents.ts";
import { whatIfOf, whatIfRequest } from "../../web/src/views/retirement-what-if.ts";
import { STATED_PROFILE } from "../web/support/retirement-fixtures.ts";

const TODAY = parseIsoDate("2026-11-25");
const refs = referenceData();

/** The gap report in its wire form, for a request as the dashboard sends it. */
function gapFor(request: Record<string, unknown>): RetirementGap {
  return wire(
    gapJson(retirementGapFor(validate(gapRequest, request), null, refs, TODAY)),
  ) as unknown as RetirementGap;
}

/** Profiles as GET retirement-profile answers: the three demo households and one with a stated benefit. */
const PROFILES: Record<string, RetirementProfile> = {
  rivera: {
    birth_date: "1981-03-14",
    retirement_age: 65,
    savings: "350000.00",
    monthly_contribution: "2000.00",
    desired_income: "120000.00",
    social_security: null,
    salary: "150000.00",
    return: 0.06,
    revision: 1,
  },
  chen: {
    birth_date: "1976-06-21",
    retirement_age: 63,
    savings: "910000.00",
    monthly_contribution: "3500.00",
    desired_income: "150000.00",
    social_security: null,
    salary: "168000.00",
    return: 0.065,
    revision: 1,
  },
  okafor: {
    birth_date: "1990-01-09",
    retirement_age: 67,
    savings: "95000.00",
    monthly_contribution: "1200.00",
    desired_income: "90000.00",
    social_security: null,
    salary: "132000.00",
    return: 0.07,
    revision: 1,
  },
  stated: STATED_PROFILE,
};

describe("retirement what-ifs as the dashboard applies them", () => {
  it("sends the stored profile (its age in whole months) when nothing is applied; a stated benefit is not re-estimated", () => {
    const profile = PROFILES.stated!;
    // The stored null (no salary) is left out: the gap endpoint takes a salary or nothing.
    // The revision is not an input: it goes as If-Match on a save, never in a gap request.
    const { salary: _, revision: __, ...sent } = profile;
    expect(whatIfRequest(profile, {})).toEqual({ ...sent, retirement_age: 797 / 12 });
    expect(gapFor(whatIfRequest(profile, {})).social_security_estimate).toBeNull();
  });

  it.each(Object.keys(PROFILES))(
    "for %s, every correction that closes the gap closes it when applied, and the others narrow it",
    (name) => {
      const profile = PROFILES[name]!;
      const stored = gapFor(whatIfRequest(profile, {}));
      expect(stored.corrections.length).toBeGreaterThan(2);
      for (const correction of stored.corrections) {
        const whatIf = whatIfOf(correction, profile);
        if ("unavailable" in whatIf) {
          expect(correction.type).toBe("claim_ss_later");
          continue;
        }
        const changed = gapFor(whatIfRequest(profile, whatIf.change));
        const before = Number(stored.gap);
        const after = Number(changed.gap);
        expect(after, correction.description).toBeLessThan(before);
        if (correction.closes_gap) expect(after, correction.description).toBeLessThanOrEqual(0.01);
        expect(changed.funded_ratio!).toBeGreaterThan(stored.funded_ratio!);
      }
    },
  );

  it("applies a balanced plan as all three of its changes to the stored inputs", () => {
    const combination: Correction = {
      type: "combination",
      extra_monthly: "742.90",
      delay_months: 38,
      reduction: "7896.57",
      closes_gap: true,
      description: "",
      effort: 1,
    };
    expect(whatIfOf(combination, PROFILES.stated!)).toEqual({
      change: {
        monthly_contribution: "2742.90",
        retirement_age: (797 + 38) / 12,
        desired_income: "112103.43",
      },
    });
  });
});

describe("money sums in whole cents", () => {
  it("adds and multiplies decimal strings exactly", () => {
    expect(addCents("0.1", "0.2")).toBe("0.30");
    expect(addCents("-1.00", "0.50")).toBe("-0.50");
    expect(addCents("120000.00", "-7896.57")).toBe("112103.43");
    expect(timesWhole("2756.00", 12)).toBe("33072.00");
    expect(timesWhole("0.07", 3)).toBe("0.21");
  });

  it("agrees with Money for any two amounts", () => {
    const cents = fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n });
    fc.assert(
      fc.property(cents, cents, fc.integer({ min: 0, max: 100 }), (a, b, k) => {
        const x = Money.fromCents(a);
        const y = Money.fromCents(b);
        expect(addCents(x.toString(), y.toString())).toBe(x.add(y).toString());
        expect(timesWhole(x.toString(), k)).toBe(x.times(k).toString());
      }),
    );
  });
});
