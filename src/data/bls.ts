import { z } from "zod";
import type { CeBracket, CeTable } from "../core/spending/benchmarks.ts";
import { loadJson, ReferenceDataError } from "./reference-files.ts";

/** CE lines the benchmark formulas read (core/spending/benchmarks.ts). */
const LINES = [
  "housing_total",
  "household_personal_services_incl_childcare",
  "other_lodging",
  "transportation_total",
  "vehicle_insurance",
  "public_other_transportation",
  "food_at_home",
  "food_away_from_home",
  "healthcare_total",
  "life_and_other_personal_insurance",
  "education",
  "entertainment",
  "reading",
] as const;

const dollars = z.number().nullable();

const bracket = z.object({
  id: z.string(),
  label: z.string(),
  income_range_min: z.number().nullable(),
  income_range_max: z.number().nullable(),
  values: z
    .object({
      income_before_taxes: z.number().positive(),
      ...Object.fromEntries(LINES.map((line) => [line, dollars])),
    })
    .passthrough(),
  addenda: z.object({ mortgage_principal_paid_on_owned_property: dollars }).passthrough(),
});

const file = z.object({
  as_of: z.string(),
  tables: z.array(
    z.object({ table: z.string(), year: z.number().optional(), source_url: z.string() }).passthrough(),
  ),
});

const table1203 = z.object({
  table: z.string(),
  year: z.number().int(),
  source_url: z.string(),
  brackets: z.array(bracket),
});

/**
 * Loads CE Table 1203 (income before taxes) from `data/bls/ce_income_brackets.json`: the income
 * brackets with their published lines. The all-consumer-units column is left out (it is no
 * income bracket). The mortgage principal addendum, printed by BLS as a negative number, is
 * carried as `mortgage_principal_paid`, a positive amount.
 */
export function loadConsumerExpenditure(): CeTable {
  const path = "bls/ce_income_brackets.json";
  const raw = loadJson(path, file);
  const entry = raw.tables.find((t) => t.table.startsWith("Table 1203"));
  const result = table1203.safeParse(entry);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ReferenceDataError(`data/${path}: Table 1203: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const brackets = result.data.brackets
    .filter((b) => b.income_range_min !== null)
    .map((b): CeBracket => {
      const principal = b.addenda.mortgage_principal_paid_on_owned_property;
      const values = b.values as Record<string, number | null>;
      return {
        id: b.id,
        label: b.label,
        incomeMin: b.income_range_min!,
        incomeMax: b.income_range_max,
        meanIncome: b.values.income_before_taxes,
        values: { ...values, mortgage_principal_paid: principal === null ? null : Math.abs(principal) },
      };
    });
  return { table: result.data.table, year: result.data.year, sourceUrl: result.data.source_url, brackets };
}
