import type { Money } from "../money.ts";

/** A fee range as decimal fractions (0.0012 for 0.12%), with what it covers. */
export interface FeeRange {
  readonly min: number;
  readonly max: number;
  readonly scope: string;
}

/** A state-sponsored 529 savings plan (data/529/plans.json). */
export interface Plan529 {
  readonly id: string;
  readonly state: string;
  readonly name: string;
  readonly channel: "direct" | "advisor";
  /** Fees of the plan's age-based / enrollment-year portfolios, when published. */
  readonly ageBasedFees: FeeRange | null;
  /** Fees across all the plan's portfolios, when only that was published. */
  readonly allOptionsFees: FeeRange | null;
  /** Annual account fee; null when the data does not say. */
  readonly accountFee: Money | null;
  readonly accountFeeNote: string | null;
  readonly residencyRequired: boolean | null;
  readonly dataAsOf: string;
}

/** The federal gift-tax annual exclusion for one year (data/529/federal_rules.json). */
export interface GiftExclusion {
  readonly year: number;
  readonly perDonorPerBeneficiary: Money;
  readonly authority: string | null;
}

/** Expected annual returns by asset class (decimals), with where they come from. */
export interface AssetClassReturns {
  readonly equity: number;
  readonly fixedIncome: number;
  readonly moneyMarket: number;
  readonly source: string;
}

export type CollegeType = "public-in-state" | "public-out-of-state" | "private";

export const COLLEGE_TYPES: readonly CollegeType[] = ["public-in-state", "public-out-of-state", "private"];

/** Average published annual charges by college type for one academic year. */
export interface CollegeCosts {
  readonly academicYear: string;
  readonly report: string;
  /** Tuition, fees, housing and food: the direct-billed annual charges. */
  readonly annualCharges: Readonly<Record<CollegeType, Money>>;
  readonly sources: readonly string[];
}
