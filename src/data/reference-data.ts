import type { MarketYear } from "../core/retirement/market-history.ts";
import type { SocialSecurityTables } from "../core/retirement/ssa-tables.ts";
import type { CeTable } from "../core/spending/benchmarks.ts";
import { loadConsumerExpenditure } from "./bls.ts";
import { loadMarketHistory } from "./markets.ts";
import { loadSocialSecurityTables } from "./ssa.ts";

/** Every reference table the engines use, loaded and validated once per process. */
export interface ReferenceData {
  readonly socialSecurity: SocialSecurityTables;
  readonly marketHistory: readonly MarketYear[];
  /** BLS Consumer Expenditure Survey, Table 1203 (spending by income bracket). */
  readonly consumerExpenditure: CeTable;
}

let cached: ReferenceData | null = null;

export function referenceData(): ReferenceData {
  cached ??= {
    socialSecurity: loadSocialSecurityTables(),
    marketHistory: loadMarketHistory(),
    consumerExpenditure: loadConsumerExpenditure(),
  };
  return cached;
}
