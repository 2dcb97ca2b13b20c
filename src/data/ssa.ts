import Decimal from "decimal.js";
import { z } from "zod";
import type { MonthlyPercentFraction, SocialSecurityTables } from "../core/retirement/ssa-tables.ts";
import { loadJson, ReferenceDataError } from "./reference-files.ts";

const year = z.number().int().min(1900).max(2200);
const positive = z.number().positive();

const awiFile = z.object({
  as_of: z.string(),
  series: z.array(z.object({ year, awi: positive })).min(1),
});
const bendFile = z.object({
  as_of: z.string(),
  series: z.array(z.object({ eligibility_year: year, pia_bend_1: positive, pia_bend_2: positive })).min(1),
});
const wageBaseFile = z.object({
  as_of: z.string(),
  series: z.array(z.object({ year, wage_base: positive })).min(1),
});
const colaFile = z.object({
  as_of: z.string(),
  series: z.array(z.object({ year, cola_pct: z.number().min(0).max(30) })).min(1),
});
const birthRange = { from: year.nullable(), to: year.nullable() };
const fractionText = z.string().regex(/^\d+\/\d+/);
const rulesFile = z.object({
  as_of: z.string(),
  full_retirement_age: z.object({
    table: z.array(
      z.object({ ...birthRange, fra_years: z.number().int(), fra_months: z.number().int().min(0).max(11) }),
    ),
  }),
  early_retirement_reduction: z.object({
    worker: z.object({
      first_36_months_pct_per_month: fractionText,
      beyond_36_months_pct_per_month: fractionText,
    }),
    spouse: z.object({
      first_36_months_pct_per_month: fractionText,
      beyond_36_months_pct_per_month: fractionText,
    }),
  }),
  delayed_retirement_credits: z.object({
    table_by_birth_year: z.array(
      z.object({ ...birthRange, monthly_fraction_of_1pct: fractionText.optional() }),
    ),
  }),
});

/** `"5/9 of 1%"` → {numerator 5, denominator 9}. */
function parseFraction(text: string): MonthlyPercentFraction {
  const match = /^(\d+)\/(\d+)/.exec(text);
  if (!match) throw new ReferenceDataError(`not a fraction: ${text}`);
  return { numerator: Number(match[1]), denominator: Number(match[2]) };
}

/** Numbers in the JSON files are read back through their shortest decimal form, so 69846.57 stays exact. */
function exact(value: number): Decimal {
  return new Decimal(String(value));
}

/** Loads and validates `data/ssa/*.json` into the estimator's tables. */
export function loadSocialSecurityTables(): SocialSecurityTables {
  const awi = loadJson("ssa/awi.json", awiFile);
  const bend = loadJson("ssa/bend_points.json", bendFile);
  const wageBase = loadJson("ssa/wage_base.json", wageBaseFile);
  const cola = loadJson("ssa/cola.json", colaFile);
  const rules = loadJson("ssa/rules.json", rulesFile);
  const early = rules.early_retirement_reduction;
  return {
    awi: new Map(awi.series.map((r) => [r.year, exact(r.awi)])),
    bendPoints: new Map(bend.series.map((r) => [r.eligibility_year, [r.pia_bend_1, r.pia_bend_2] as const])),
    wageBase: new Map(wageBase.series.map((r) => [r.year, r.wage_base])),
    colaPercent: new Map(cola.series.map((r) => [r.year, exact(r.cola_pct)])),
    fullRetirementAge: rules.full_retirement_age.table.map((r) => ({
      from: r.from,
      to: r.to,
      months: r.fra_years * 12 + r.fra_months,
    })),
    delayedCredit: rules.delayed_retirement_credits.table_by_birth_year.map((r) => ({
      from: r.from,
      to: r.to,
      monthly: r.monthly_fraction_of_1pct ? parseFraction(r.monthly_fraction_of_1pct) : null,
    })),
    earlyReduction: {
      worker: {
        first36: parseFraction(early.worker.first_36_months_pct_per_month),
        beyond36: parseFraction(early.worker.beyond_36_months_pct_per_month),
      },
      spouse: {
        first36: parseFraction(early.spouse.first_36_months_pct_per_month),
        beyond36: parseFraction(early.spouse.beyond_36_months_pct_per_month),
      },
    },
    asOf: `AWI ${awi.as_of}; bend points ${bend.as_of}; wage base ${wageBase.as_of}; COLA ${cola.as_of}`,
  };
}
