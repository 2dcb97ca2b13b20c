/**
 * A plan's published list of investment options, versioned: each ingested list becomes the
 * plan's next version, and the diff against the previous version says what changed.
 */

export interface FundOption {
  readonly name: string;
  /** Exchange ticker or plan fund code when the plan publishes one. */
  readonly ticker: string | null;
  /** target_enrollment, age_based, static, individual, principal_protected… as published. */
  readonly type: string;
  /** Total annual asset-based fee as a decimal fraction (0.0012 for 0.12%); null when unpublished. */
  readonly expenseRatio: number | null;
  /** The option's name in the previous version, when the plan says it was renamed. */
  readonly previousName?: string | null;
}

export interface FundList {
  readonly planId: string;
  readonly version: number;
  /** The date the plan's list is current as of, as published (free text for vendored lists). */
  readonly asOf: string;
  readonly source: string;
  readonly options: readonly FundOption[];
}

export interface RenamedOption {
  readonly from: string;
  readonly to: string;
  readonly ticker: string | null;
}

export interface ExpenseRatioChange {
  readonly name: string;
  readonly from: number | null;
  readonly to: number | null;
}

export interface FundListDiff {
  readonly fromVersion: number | null;
  readonly toVersion: number;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly renamed: readonly RenamedOption[];
  readonly expenseRatioChanged: readonly ExpenseRatioChange[];
  readonly unchanged: number;
}

/** Names compare case-insensitively with runs of spaces and punctuation folded to one space. */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * What changed from `previous` (null for a plan's first list) to `next`. Options are matched, in
 * order, by ticker when both carry one, then by normalized name, then by an explicit
 * `previousName`. A matched pair with different names is a rename; a matched pair whose expense
 * ratio differs (including published ↔ unpublished) is an expense-ratio change. Without a ticker
 * or `previousName`, a renamed option shows as one removed and one added: names alone cannot
 * tell a rename from a replacement (2040/2041 and 2042/2043 portfolios differ by two characters).
 */
export function diffFundLists(previous: FundList | null, next: FundList): FundListDiff {
  const before = previous?.options ?? [];
  const unmatched = new Set(before.map((_, i) => i));
  const byTicker = new Map<string, number>();
  const byName = new Map<string, number>();
  before.forEach((option, i) => {
    if (option.ticker) byTicker.set(option.ticker.toUpperCase(), i);
    byName.set(normalizeName(option.name), i);
  });
  const take = (index: number | undefined): FundOption | null => {
    if (index === undefined || !unmatched.has(index)) return null;
    unmatched.delete(index);
    return before[index]!;
  };
  const added: string[] = [];
  const renamed: RenamedOption[] = [];
  const expenseRatioChanged: ExpenseRatioChange[] = [];
  let unchanged = 0;
  for (const option of next.options) {
    const match =
      (option.ticker ? take(byTicker.get(option.ticker.toUpperCase())) : null) ??
      take(byName.get(normalizeName(option.name))) ??
      (option.previousName ? take(byName.get(normalizeName(option.previousName))) : null);
    if (match === null) {
      added.push(option.name);
      continue;
    }
    const sameName = normalizeName(match.name) === normalizeName(option.name);
    if (!sameName) renamed.push({ from: match.name, to: option.name, ticker: option.ticker ?? match.ticker });
    if (match.expenseRatio !== option.expenseRatio) {
      expenseRatioChanged.push({ name: option.name, from: match.expenseRatio, to: option.expenseRatio });
    }
    if (sameName && match.expenseRatio === option.expenseRatio) unchanged++;
  }
  return {
    fromVersion: previous?.version ?? null,
    toVersion: next.version,
    added,
    removed: [...unmatched].map((i) => before[i]!.name),
    renamed,
    expenseRatioChanged,
    unchanged,
  };
}

/** True when nothing was added, removed, renamed or repriced. */
export function isEmptyDiff(diff: FundListDiff): boolean {
  return (
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.renamed.length === 0 &&
    diff.expenseRatioChanged.length === 0
  );
}
