import Decimal from "decimal.js";
import { z } from "zod";
import type { AssetClassReturns, CollegeCosts, GiftExclusion, Plan529 } from "../core/education/plan.ts";
import type { PublishedGlidePath, PublishedPortfolio } from "../core/education/plan-portfolio-match.ts";
import { Money } from "../core/money.ts";
import type { ByFiling, CreditTier, IncomeCliff, State529Rule } from "../core/tax/state-529-benefit.ts";
import { loadJson, ReferenceDataError, readDataFile } from "./reference-files.ts";

/**
 * Loaders for the 529 reference data in data/529/ (see data/529/SOURCES.md and VERIFICATION.md).
 * Each file is validated against a schema and turned into the engines' types: dollar figures
 * into Money, rates into Decimal, fee percents into decimal fractions.
 */

const usd = z.number().nonnegative();
const pct = z.number().min(0).max(100);

/** JSON numbers read back through their shortest decimal form, so 112.05 stays exact. */
function dollars(value: number): Money {
  return Money.parse(String(value));
}
function exact(value: number): Decimal {
  return new Decimal(String(value));
}
function percentToFraction(value: number): number {
  return new Decimal(String(value)).dividedBy(100).toNumber();
}

// ---------- State tax benefits ----------

const cliffSchema = z
  .object({
    type: z.literal("cliff"),
    single_max_federal_agi: usd.optional(),
    mfj_max_federal_agi: usd.optional(),
    single_max_federal_agi_exclusive: usd.optional(),
    mfj_max_federal_agi_exclusive: usd.optional(),
    max_gross_income: usd.optional(),
    text: z.string(),
  })
  .loose();
const tiersSchema = z.object({
  type: z.literal("tiered_credit_rate"),
  by_agi: z.array(
    z.object({ agi_max: usd.optional(), credit_pct_of_contribution: z.number().min(0).max(1) }),
  ),
  text: z.string(),
});
const phaseoutSchema = z.union([cliffSchema, tiersSchema, z.object({ applies_to: z.string() }).loose()]);
const limitPair = z
  .object({ deduction_limit_single: usd.nullish(), deduction_limit_mfj: usd.nullish() })
  .loose();
const creditPair = z.object({ credit_max_single: usd.nullish(), credit_max_mfj: usd.nullish() }).loose();

const stateRecord = z.object({
  state: z.string().regex(/^[A-Z]{2}$/),
  state_name: z.string(),
  tax_year: z.number().int(),
  has_income_tax: z.boolean(),
  benefit_type: z.enum(["deduction", "credit", "none", "no_income_tax"]),
  parity: z.boolean(),
  deduction_limit_single: usd.nullable(),
  deduction_limit_mfj: usd.nullable(),
  limit_basis: z.enum(["per_taxpayer", "per_beneficiary", "per_account", "unlimited"]).nullable(),
  limit_basis_detail: z.string().nullable(),
  credit_rate: z.number().min(0).max(1).nullable(),
  credit_max_single: usd.nullable(),
  credit_max_mfj: usd.nullable(),
  carryforward_years: z.union([z.number().int().positive(), z.literal("unlimited")]).nullable(),
  income_phaseout: phaseoutSchema.nullable(),
  recapture: z.string().nullable(),
  values_2026: z.intersection(limitPair, creditPair).nullable(),
  top_marginal_rate_2025: z.number().min(0).max(0.2),
  top_marginal_rate_2026: z.number().min(0).max(0.2).nullable(),
  confidence: z.enum(["high", "medium", "low"]),
  sources: z.array(z.string().url()).min(1),
  extra_out_of_state_limit_single: usd.optional(),
  extra_out_of_state_limit_mfj: usd.optional(),
  taxpayer_choice: z.string().optional(),
  age_70_plus_unlimited: z.boolean().optional(),
});
const stateFile = z.object({ as_of: z.string(), records: z.array(stateRecord).length(51) });
type StateRecord = z.infer<typeof stateRecord>;

function pair(single: number | null | undefined, mfj: number | null | undefined): ByFiling<Money | null> {
  return { single: single == null ? null : dollars(single), mfj: mfj == null ? null : dollars(mfj) };
}

function incomeCliff(record: StateRecord): IncomeCliff | null {
  const p = record.income_phaseout;
  if (p === null || !("type" in p) || p.type !== "cliff") return null;
  const c = p as z.infer<typeof cliffSchema>;
  const inclusive = c.single_max_federal_agi_exclusive === undefined;
  const single = c.single_max_federal_agi ?? c.single_max_federal_agi_exclusive ?? c.max_gross_income;
  const mfj = c.mfj_max_federal_agi ?? c.mfj_max_federal_agi_exclusive ?? c.max_gross_income;
  if (single === undefined || mfj === undefined) {
    throw new ReferenceDataError(
      `data/529/state_tax_benefits.json: ${record.state}: income cliff without limits`,
    );
  }
  return { limit: { single: dollars(single), mfj: dollars(mfj) }, inclusive, text: c.text };
}

function creditTiers(record: StateRecord): CreditTier[] | null {
  const p = record.income_phaseout;
  if (p === null || !("type" in p) || p.type !== "tiered_credit_rate") return null;
  return (p as z.infer<typeof tiersSchema>).by_agi.map((t) => ({
    incomeMax: t.agi_max === undefined ? null : dollars(t.agi_max),
    rate: exact(t.credit_pct_of_contribution),
  }));
}

function toRule(r: StateRecord): State529Rule {
  const next = r.values_2026;
  return {
    state: r.state,
    stateName: r.state_name,
    taxYear: r.tax_year,
    hasIncomeTax: r.has_income_tax,
    benefitType: r.benefit_type,
    parity: r.parity,
    deductionLimit: pair(r.deduction_limit_single, r.deduction_limit_mfj),
    limitBasis: r.limit_basis,
    limitBasisDetail: r.limit_basis_detail ?? "",
    creditRate: r.credit_rate === null ? null : exact(r.credit_rate),
    creditMax: pair(r.credit_max_single, r.credit_max_mfj),
    creditTiers: creditTiers(r),
    carryforwardYears: r.carryforward_years,
    incomeCliff: incomeCliff(r),
    outOfStateLimit:
      r.extra_out_of_state_limit_single !== undefined && r.extra_out_of_state_limit_mfj !== undefined
        ? { single: dollars(r.extra_out_of_state_limit_single), mfj: dollars(r.extra_out_of_state_limit_mfj) }
        : null,
    taxpayerChoice: r.taxpayer_choice ?? null,
    age70PlusUnlimited: r.age_70_plus_unlimited ?? false,
    recapture: r.recapture,
    topRate: exact(r.top_marginal_rate_2025),
    topRateNextYear: r.top_marginal_rate_2026 === null ? null : exact(r.top_marginal_rate_2026),
    nextYear: {
      deductionLimit: next ? pair(next.deduction_limit_single, next.deduction_limit_mfj) : null,
      creditMax: next ? pair(next.credit_max_single, next.credit_max_mfj) : null,
    },
    confidence: r.confidence,
    sources: r.sources,
  };
}

export interface StateRules {
  readonly asOf: string;
  readonly byState: ReadonlyMap<string, State529Rule>;
}

export function loadStateRules(): StateRules {
  const file = loadJson("529/state_tax_benefits.json", stateFile);
  const byState = new Map(file.records.map((r) => [r.state, toRule(r)]));
  if (byState.size !== 51) throw new ReferenceDataError("data/529/state_tax_benefits.json: states repeat");
  return { asOf: file.as_of, byState };
}

// ---------- Plans ----------

const feeRange = z.object({ min_pct: pct, max_pct: pct, scope: z.string().optional() }).loose();
const planRecord = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  state: z.string().regex(/^[A-Z]{2}$/),
  plan_name: z.string(),
  channel: z.enum(["direct", "advisor"]),
  age_based_expense_ratio_range: feeRange.nullable(),
  all_options_fee_range_pct: z.union([feeRange, z.object({}).strict()]).nullable(),
  annual_account_fee: z.object({ amount_usd: usd.nullable(), note: z.string().nullable() }).nullable(),
  residency_required: z.boolean().nullable(),
  data_as_of: z.string(),
  sources: z.array(z.string()).min(1),
});
const plansFile = z.object({ as_of: z.string(), plans: z.array(planRecord).min(1) });

function range(value: z.infer<typeof feeRange> | Record<string, never> | null, scope: string) {
  if (value === null || !("min_pct" in value)) return null;
  const v = value as z.infer<typeof feeRange>;
  return { min: percentToFraction(v.min_pct), max: percentToFraction(v.max_pct), scope: v.scope ?? scope };
}

export function loadPlans(): Plan529[] {
  const file = loadJson("529/plans.json", plansFile);
  return file.plans.map((p) => ({
    id: p.id,
    state: p.state,
    name: p.plan_name,
    channel: p.channel,
    ageBasedFees: range(p.age_based_expense_ratio_range, "age-based portfolios"),
    allOptionsFees: range(p.all_options_fee_range_pct, "all portfolios"),
    accountFee: p.annual_account_fee?.amount_usd == null ? null : dollars(p.annual_account_fee.amount_usd),
    accountFeeNote: p.annual_account_fee?.note ?? null,
    residencyRequired: p.residency_required,
    dataAsOf: p.data_as_of,
  }));
}

// ---------- Published glide paths ----------

const pointSchema = z
  .object({
    ages: z.string().optional(),
    target_year: z.union([z.number().int(), z.string()]).optional(),
    target_years: z.string().optional(),
    years_to_enrollment: z.union([z.number(), z.string()]).optional(),
    years_to_enrollment_if_2023: z.number().optional(),
    years_to_enrollment_min: z.number().nullish(),
    years_to_enrollment_max: z.number().nullish(),
    equity_pct: pct.optional(),
  })
  .loose();
const pathSchema = z.object({
  id: z.string(),
  plan: z.string(),
  type: z.string(),
  as_of: z.string(),
  source: z.string(),
  points: z.array(pointSchema).min(1),
});
const pathsFile = z.object({ as_of: z.string(), glide_paths: z.array(pathSchema) });
const pathPlansFile = z.object({ plan_by_path: z.record(z.string(), z.string().nullable()) });

/**
 * A published point placed by years to enrollment: its own years_to_enrollment, its band
 * (min…max; a band with only a max is that one year), or the years as of the copy's date. Points
 * published without a usable number of years (a design's own "glide path year", a target-year
 * bracket from an undated copy, "about 18+") are left out rather than guessed.
 */
function portfolio(point: z.infer<typeof pointSchema>): PublishedPortfolio | null {
  const label =
    point.ages ?? (point.target_year !== undefined ? String(point.target_year) : point.target_years);
  const years =
    typeof point.years_to_enrollment === "number"
      ? point.years_to_enrollment
      : point.years_to_enrollment_if_2023;
  const max = point.years_to_enrollment_max ?? years;
  const min = point.years_to_enrollment_min ?? years ?? max;
  if (label === undefined || min === undefined || max === undefined || point.equity_pct === undefined) {
    return null;
  }
  return { label, yearsMin: min, yearsMax: max, equityPercent: point.equity_pct };
}

export function loadPublishedGlidePaths(): PublishedGlidePath[] {
  const file = loadJson("529/glide_paths.json", pathsFile);
  const plans = loadJson("529/glide_path_plans.json", pathPlansFile).plan_by_path;
  return file.glide_paths.map((p) => {
    if (!(p.id in plans)) {
      throw new ReferenceDataError(`data/529/glide_path_plans.json: no entry for glide path ${p.id}`);
    }
    return {
      id: p.id,
      planId: plans[p.id] ?? null,
      name: p.plan,
      type: p.type,
      asOf: p.as_of,
      source: p.source,
      portfolios: p.points.map(portfolio).filter((x): x is PublishedPortfolio => x !== null),
    };
  });
}

// ---------- Federal gift exclusion ----------

const federalFile = z.object({
  as_of: z.string(),
  gift_tax: z.object({
    annual_exclusion: z
      .array(
        z.object({
          year: z.number().int(),
          per_donor_per_beneficiary: usd,
          authority: z.string().optional(),
        }),
      )
      .min(1),
  }),
});

export function loadGiftExclusions(): GiftExclusion[] {
  const file = loadJson("529/federal_rules.json", federalFile);
  return file.gift_tax.annual_exclusion
    .map((e) => ({
      year: e.year,
      perDonorPerBeneficiary: dollars(e.per_donor_per_beneficiary),
      authority: e.authority ?? null,
    }))
    .sort((a, b) => a.year - b.year);
}

// ---------- College costs ----------

const charges = z.object({
  tuition_and_fees: usd,
  housing_and_food: usd,
  total_cost_of_attendance: usd.nullable(),
});
const costsFile = z.object({
  as_of: z.string(),
  years: z
    .array(
      z.object({
        academic_year: z.string().regex(/^\d{4}-\d{2}$/),
        report: z.string(),
        types: z.object({ "public-in-state": charges, "public-out-of-state": charges, private: charges }),
        sources: z.array(z.string().url()).min(1),
      }),
    )
    .min(1),
});

/** The latest academic year in data/529/college_costs.json: tuition and fees plus housing and food. */
export function loadCollegeCosts(): CollegeCosts {
  const file = loadJson("529/college_costs.json", costsFile);
  const latest = [...file.years].sort((a, b) => a.academic_year.localeCompare(b.academic_year)).pop()!;
  const total = (c: z.infer<typeof charges>) => dollars(c.tuition_and_fees).add(dollars(c.housing_and_food));
  return {
    academicYear: latest.academic_year,
    report: latest.report,
    annualCharges: {
      "public-in-state": total(latest.types["public-in-state"]),
      "public-out-of-state": total(latest.types["public-out-of-state"]),
      private: total(latest.types.private),
    },
    sources: latest.sources,
  };
}

// ---------- Expected returns by asset class ----------

/** The first year of the single-source (Damodaran) series, which has T-bill returns. */
const RETURNS_FROM = 1928;

/**
 * Compound annual returns, 1928 to the latest year of data/markets/annual_returns.csv: S&P 500
 * total return for equity, 10-year Treasury total return for fixed income, 3-month T-bill for
 * money market: (Π(1 + r))^(1/n) − 1. Nominal, like the college-cost inflation they are set
 * against. Past returns, not a forecast.
 */
export function loadAssetClassReturns(): AssetClassReturns {
  const path = "markets/annual_returns.csv";
  const [header, ...lines] = readDataFile(path).trim().split(/\r?\n/);
  const columns = header!.split(",");
  const col = (name: string) => {
    const i = columns.indexOf(name);
    if (i < 0) throw new ReferenceDataError(`data/${path}: no ${name} column`);
    return i;
  };
  const [year, stocks, bonds, bills] = [
    col("year"),
    col("sp500_total_return"),
    col("bond_10y_total_return"),
    col("tbill_return"),
  ];
  const growth = [1, 1, 1];
  let count = 0;
  let last = 0;
  for (const line of lines) {
    const cells = line.split(",");
    const y = Number(cells[year]);
    if (y < RETURNS_FROM) continue;
    const values = [stocks, bonds, bills].map((i) => Number(cells[i]));
    if (cells[bills] === "" || values.some((v) => !Number.isFinite(v) || v <= -1)) {
      throw new ReferenceDataError(`data/${path}: year ${y} lacks a return`);
    }
    values.forEach((v, i) => {
      growth[i]! *= 1 + v;
    });
    count++;
    last = y;
  }
  const cagr = (g: number) => g ** (1 / count) - 1;
  return {
    equity: cagr(growth[0]!),
    fixedIncome: cagr(growth[1]!),
    moneyMarket: cagr(growth[2]!),
    source: `compound annual returns ${RETURNS_FROM}-${last}: S&P 500, 10-year Treasury, 3-month T-bill (data/markets, Damodaran)`,
  };
}
