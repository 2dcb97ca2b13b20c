import { FileFundListStore, type FundListStore, storeRoot } from "../../data/fund-list-store.ts";
import type { EducationReferenceData } from "../../data/reference-data.ts";

/** The fund-list store the CLI uses: files under $FINPLAN_HOME or ./.finplan. */
export function fundListStore(refs: EducationReferenceData): FundListStore {
  return new FileFundListStore(storeRoot(), refs.baselineFundLists);
}
