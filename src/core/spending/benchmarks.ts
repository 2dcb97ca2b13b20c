import type { Money } from "../money.ts";
import type { SpendingPatterns } from "./analyzer.ts";
import type { BudgetCategory } from "./categories.ts";

/**
 * Peer benchmarks from the BLS Consumer Expenditure Survey (CE), Table 1203 (annual means per
 * consumer unit by income before taxes). Each of our categories is assembled from CE lines as
 * data/bls/category_mapping.md proposes, and compared as a share of income: the household's
 * category × 12 ÷ its income against the CE line ÷ the bracket's mean income before taxes.
 */
export interface CeBracket {
  readonly id: string;
  readonly label: string;
  readonly incomeMin: number;
  /** Null for the open top bracket. */
  readonly incomeMax: number | null;
  /** The bracket's mean income before taxes, the denominator of every peer share. */
  readonly meanIncome: number;
  /** CE lines in dollars per year; null where BLS does not publish the line (never imputed). */
  readonly values: Readonly<Record<string, number | null>>;
}

export interface CeTable {
  readonly table: string;
  readonly year: number;
  readonly sourceUrl: string;
  readonly brackets: readonly CeBracket[];
}

interface Formula {
  readonly add: readonly string[];
  readonly subtract: readonly string[];
  readonly note: string;
}

/** The CE lines each category is built from; `mortgage_principal_paid` is the BLS addendum as a positive amount. */
export const CE_FORMULAS: Readonly<Record<BudgetCategory, Formula | null>> = {
  housing: {
    add: ["housing_total", "mortgage_principal_paid"],
    subtract: ["household_personal_services_incl_childcare", "other_lodging"],
    note: "CE housing less personal services (compared under childcare) and other lodging (travel), plus the mortgage principal BLS reports as an addendum, because a household's mortgage payment includes principal",
  },
  transportation: {
    add: ["transportation_total"],
    subtract: ["vehicle_insurance", "public_other_transportation"],
    note: "CE transportation less vehicle insurance (insurance) and public and other transportation (travel); vehicles count at full net price in the year bought",
  },
  food_groceries: { add: ["food_at_home"], subtract: [], note: "CE food at home" },
  food_dining: {
    add: ["food_away_from_home"],
    subtract: [],
    note: "CE food away from home (includes meals on trips)",
  },
  healthcare: {
    add: ["healthcare_total"],
    subtract: [],
    note: "CE healthcare including health insurance premiums; premiums deducted from pay do not appear in bank data",
  },
  insurance: {
    add: ["vehicle_insurance", "life_and_other_personal_insurance"],
    subtract: [],
    note: "CE vehicle insurance + life and other personal insurance; homeowners' insurance cannot be separated from CE housing, and health insurance stays in healthcare",
  },
  education: {
    add: ["education"],
    subtract: [],
    note: "CE education (tuition, books, student-loan finance charges)",
  },
  childcare: {
    add: ["household_personal_services_incl_childcare"],
    subtract: [],
    note: "CE personal services, an upper bound: it also holds elder and adult day care; childcare alone is not published by income bracket",
  },
  entertainment: {
    add: ["entertainment", "reading"],
    subtract: [],
    note: "CE entertainment + reading; it also holds streaming and cable, which we count as subscriptions",
  },
  travel: {
    add: ["other_lodging", "public_other_transportation"],
    subtract: [],
    note: "a proxy: CE other lodging + public and other transportation (airfares sit there); food and recreation on trips cannot be separated",
  },
  subscriptions: null,
  debt_payments: null,
  savings_contributions: null,
  investments: null,
};

/** Why a category without a CE formula is not compared. */
export const NOT_COMPARED: Readonly<Partial<Record<BudgetCategory, string>>> = {
  subscriptions:
    "no CE line: streaming and cable sit inside CE entertainment, internet inside housing, gyms inside fees and admissions; shown without a peer share",
  debt_payments:
    "CE records only interest, never principal, so there is no payment benchmark; judged against a 10%-of-income guideline instead",
  savings_contributions:
    "the nearest CE line (retirement, pensions and Social Security) is mostly payroll tax, not voluntary saving; not compared",
  investments: "CE leaves out purchases of financial assets; not compared",
};

/**
 * Peer groups by income before taxes (not by net worth), tied to the CE brackets in the data:
 *
 * - UPPER_MIDDLE: $100,000–$199,999, CE brackets $100,000–$149,999 and $150,000–$199,999;
 * - HNW: $200,000–$499,999, the CE bracket "$200,000 and more" (mean income $322,142 in 2024);
 * - UHNW: $500,000 and more. CE publishes nothing above its $200,000-and-more bracket, so UHNW
 *   households are compared with that bracket too, and the comparison says so: its mean income is
 *   well below theirs, so its shares of income read high against them.
 *
 * Incomes under $100,000 are compared with their own CE bracket, under the group BELOW_UPPER_MIDDLE.
 */
export type PeerGroup = "BELOW_UPPER_MIDDLE" | "UPPER_MIDDLE" | "HNW" | "UHNW";

export const PEER_GROUPS: readonly { group: PeerGroup; from: number; to: number | null }[] = [
  { group: "BELOW_UPPER_MIDDLE", from: 0, to: 99_999 },
  { group: "UPPER_MIDDLE", from: 100_000, to: 199_999 },
  { group: "HNW", from: 200_000, to: 499_999 },
  { group: "UHNW", from: 500_000, to: null },
];

export interface CategoryBenchmark {
  readonly category: BudgetCategory;
  readonly shareOfIncome: number;
  /** Null when the category has no CE counterpart (see `note`). */
  readonly peerAnnual: number | null;
  readonly peerShare: number | null;
  /** Household share − peer share, in fractions of income. */
  readonly difference: number | null;
  readonly note: string;
}

export interface PeerComparison {
  readonly peerGroup: PeerGroup;
  readonly bracket: { readonly id: string; readonly label: string; readonly meanIncome: number };
  readonly source: string;
  readonly year: number;
  readonly aboveTopBracket: boolean;
  readonly notes: readonly string[];
  readonly categories: readonly CategoryBenchmark[];
  /** CE food away ÷ food at home for the bracket, used by the dining-versus-groceries finding. */
  readonly peerDiningToGroceries: number | null;
}

function dollars(income: Money): number {
  return Math.floor(income.toNumber());
}

export function peerGroupFor(income: Money): PeerGroup {
  const d = dollars(income);
  return PEER_GROUPS.find((g) => d >= g.from && (g.to === null || d <= g.to))!.group;
}

export function bracketFor(income: Money, table: CeTable): CeBracket {
  const d = dollars(income);
  const bracket = table.brackets.find((b) => d >= b.incomeMin && (b.incomeMax === null || d <= b.incomeMax));
  if (!bracket) throw new RangeError(`no CE bracket holds an income of ${d}`);
  return bracket;
}

/** A category's CE dollars for a bracket, or null if it has no formula or a line is unpublished. */
export function peerAnnual(category: BudgetCategory, bracket: CeBracket): number | null {
  const formula = CE_FORMULAS[category];
  if (!formula) return null;
  let total = 0;
  for (const [lines, sign] of [
    [formula.add, 1],
    [formula.subtract, -1],
  ] as const) {
    for (const line of lines) {
      const value = bracket.values[line];
      if (value === null || value === undefined) return null;
      total += sign * value;
    }
  }
  return total;
}

export function compareWithPeers(patterns: SpendingPatterns, table: CeTable): PeerComparison {
  const bracket = bracketFor(patterns.annualIncome, table);
  const group = peerGroupFor(patterns.annualIncome);
  const aboveTopBracket = bracket.incomeMax === null && dollars(patterns.annualIncome) > bracket.meanIncome;
  const notes = [
    `CE ${table.year} means per consumer unit for incomes ${bracket.label}, mean income $${bracket.meanIncome.toLocaleString("en-US")}; shares are of income before taxes`,
  ];
  if (aboveTopBracket) {
    notes.push(
      `income is above the mean of CE's top bracket ($${bracket.meanIncome.toLocaleString("en-US")}); CE publishes nothing higher, so peer shares come from a less affluent group and read high`,
    );
  }
  const categories = patterns.categories.map((c): CategoryBenchmark => {
    const annual = peerAnnual(c.category, bracket);
    const peerShare = annual === null ? null : annual / bracket.meanIncome;
    return {
      category: c.category,
      shareOfIncome: c.shareOfIncome,
      peerAnnual: annual,
      peerShare,
      difference: peerShare === null ? null : c.shareOfIncome - peerShare,
      note: CE_FORMULAS[c.category]?.note ?? NOT_COMPARED[c.category] ?? "",
    };
  });
  const home = bracket.values.food_at_home;
  const away = bracket.values.food_away_from_home;
  return {
    peerGroup: group,
    bracket: { id: bracket.id, label: bracket.label, meanIncome: bracket.meanIncome },
    source: table.sourceUrl,
    year: table.year,
    aboveTopBracket,
    notes,
    categories,
    peerDiningToGroceries: home && away ? away / home : null,
  };
}
