import type { MarketYear } from "../core/retirement/market-history.ts";
import type { SocialSecurityTables } from "../core/retirement/ssa-tables.ts";
import { loadMarketHistory } from "./markets.ts";
import { loadSocialSecurityTables } from "./ssa.ts";

/** Every reference table the engines use, loaded and validated once per process. */
export interface ReferenceData {
  readonly socialSecurity: SocialSecurityTables;
  readonly marketHistory: readonly MarketYear[];
}

let cached: ReferenceData | null = null;

export function referenceData(): ReferenceData {
  cached ??= { socialSecurity: loadSocialSecurityTables(), marketHistory: loadMarketHistory() };
  return cached;
}
