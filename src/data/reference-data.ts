import type { FundList } from "../core/education/fund-list.ts";
import type { AssetClassReturns, CollegeCosts, GiftExclusion, Plan529 } from "../core/education/plan.ts";
import type { PublishedGlidePath } from "../core/education/plan-portfolio-match.ts";
import type { MarketYear } from "../core/retirement/market-history.ts";
import type { SocialSecurityTables } from "../core/retirement/ssa-tables.ts";
import type { CeTable } from "../core/spending/benchmarks.ts";
import { loadConsumerExpenditure } from "./bls.ts";
import {
  loadAssetClassReturns,
  loadCollegeCosts,
  loadGiftExclusions,
  loadPlans,
  loadPublishedGlidePaths,
  loadStateRules,
  type StateRules,
} from "./education.ts";
import { loadBaselineFundLists } from "./fund-lists.ts";
import { loadMarketHistory } from "./markets.ts";
import { loadSocialSecurityTables } from "./ssa.ts";

/** The 529 reference tables (data/529/), plus expected returns derived from data/markets. */
export interface EducationReferenceData {
  readonly stateRules: StateRules;
  readonly plans: readonly Plan529[];
  readonly glidePaths: readonly PublishedGlidePath[];
  readonly giftExclusions: readonly GiftExclusion[];
  readonly collegeCosts: CollegeCosts;
  readonly returns: AssetClassReturns;
  /** Vendored published fund lists: each plan's baseline versions. */
  readonly baselineFundLists: ReadonlyMap<string, readonly FundList[]>;
}

/** Every reference table the engines use, loaded and validated once per process. */
export interface ReferenceData {
  readonly socialSecurity: SocialSecurityTables;
  readonly marketHistory: readonly MarketYear[];
  readonly education: EducationReferenceData;
  /** BLS Consumer Expenditure Survey, Table 1203 (spending by income bracket). */
  readonly consumerExpenditure: CeTable;
}

let cached: ReferenceData | null = null;

function loadEducation(): EducationReferenceData {
  return {
    stateRules: loadStateRules(),
    plans: loadPlans(),
    glidePaths: loadPublishedGlidePaths(),
    giftExclusions: loadGiftExclusions(),
    collegeCosts: loadCollegeCosts(),
    returns: loadAssetClassReturns(),
    baselineFundLists: loadBaselineFundLists(),
  };
}

export function referenceData(): ReferenceData {
  cached ??= {
    socialSecurity: loadSocialSecurityTables(),
    marketHistory: loadMarketHistory(),
    education: loadEducation(),
    consumerExpenditure: loadConsumerExpenditure(),
  };
  return cached;
}
