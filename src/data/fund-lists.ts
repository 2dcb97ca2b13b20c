import { readdirSync } from "node:fs";
import { z } from "zod";
import type { FundList, FundOption } from "../core/education/fund-list.ts";
import { DATA_DIR, loadJson } from "./reference-files.ts";

/**
 * The vendored published fund lists (data/529/fund_lists/*.json) as each plan's baseline
 * versions. Every file becomes version 1 of its plan, except Bright Start (IL), whose file holds
 * two dated lineups: the age-based lineup priced 2023-09-28 is version 1 and the Enrollment Year
 * lineup that replaced it on 2024-09-27 is version 2. Rows naming a family of portfolios
 * ("Target Enrollment 2026-2034 Portfolios and …") summarise rows the source cut off; they are
 * not selectable options and are left out.
 */

const optionSchema = z
  .object({
    option_name: z.string().min(1),
    option_type: z.string(),
    expense_ratio_pct: z.number().min(0).max(5).nullable().optional(),
  })
  .loose();
const fileSchema = z
  .object({
    plan_id: z.string(),
    as_of: z.string(),
    sources: z.array(z.string()).min(1),
    options: z.array(optionSchema).optional(),
    legacy_options_pre_2024_09_27: z.array(optionSchema).optional(),
    current_options: z
      .object({ aggressive_enrollment_year_portfolios_seen: z.array(z.string()), option_type: z.string() })
      .optional(),
  })
  .loose();
type OptionRecord = z.infer<typeof optionSchema>;

const FAMILY_ROW = /\bportfolios\b/i;

function toOption(o: OptionRecord): FundOption {
  const pct = o.expense_ratio_pct;
  return {
    name: o.option_name,
    ticker: null,
    type: o.option_type,
    expenseRatio: pct == null ? null : Number((pct / 100).toPrecision(12)),
  };
}

function versionsOf(file: z.infer<typeof fileSchema>): FundList[] {
  const source = file.sources[0]!;
  const base = { planId: file.plan_id, source };
  if (file.legacy_options_pre_2024_09_27 && file.current_options) {
    return [
      {
        ...base,
        version: 1,
        asOf: "2023-09-28 (age-based lineup)",
        options: file.legacy_options_pre_2024_09_27.map(toOption),
      },
      {
        ...base,
        version: 2,
        asOf: "2024-10-11 (Enrollment Year lineup from 2024-09-27)",
        options: file.current_options.aggressive_enrollment_year_portfolios_seen.map((name) => ({
          name,
          ticker: null,
          type: file.current_options!.option_type,
          expenseRatio: null,
        })),
      },
    ];
  }
  const options = (file.options ?? []).filter((o) => !FAMILY_ROW.test(o.option_name)).map(toOption);
  return [{ ...base, version: 1, asOf: file.as_of, options }];
}

/** Baseline versions of every vendored fund list, by plan id. */
export function loadBaselineFundLists(): Map<string, FundList[]> {
  const files = readdirSync(`${DATA_DIR}529/fund_lists`).filter((f) => f.endsWith(".json"));
  const lists = new Map<string, FundList[]>();
  for (const name of files.sort()) {
    const file = loadJson(`529/fund_lists/${name}`, fileSchema);
    lists.set(file.plan_id, versionsOf(file));
  }
  return lists;
}
