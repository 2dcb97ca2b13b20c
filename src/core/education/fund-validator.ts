import Decimal from "decimal.js";
import type { FundList, FundOption } from "./fund-list.ts";
import { normalizeName } from "./fund-list.ts";

/**
 * Checks a household's chosen investment options against a plan's newest fund list.
 *
 * Matching: a selection matches an option by ticker (case-insensitive) or by name, comparing
 * names case-insensitively with punctuation and spacing folded. A selection that matches nothing
 * gets the closest current option by Levenshtein edit distance between the folded names
 * (insertions, deletions and substitutions each cost 1); it is offered as "did you mean" when the
 * distance is at most a third of the longer name (minimum 2), otherwise reported as no close
 * match. A selection that matches an option of an earlier version only is reported as removed.
 *
 * Weights are percents; either every selection has one or none does (a single selection then
 * takes 100). They must total exactly 100, checked in decimal arithmetic.
 */

export interface Selection {
  readonly query: string;
  /** Percent of the contribution (60 for 60%); null when not given. */
  readonly weight: Decimal | null;
}

export interface Suggestion {
  readonly name: string;
  readonly distance: number;
}

export interface SelectionCheck {
  readonly query: string;
  readonly valid: boolean;
  readonly option: FundOption | null;
  readonly matchedBy: "ticker" | "name" | null;
  readonly suggestion: Suggestion | null;
  /** Set when the selection names an option that an earlier version listed and the newest does not. */
  readonly removed: { readonly lastVersion: number; readonly asOf: string } | null;
  readonly weight: Decimal | null;
}

export interface FundValidation {
  readonly planId: string;
  readonly version: number;
  readonly asOf: string;
  readonly selections: readonly SelectionCheck[];
  readonly weightTotal: Decimal;
  readonly weightsValid: boolean;
  readonly problems: readonly string[];
  readonly valid: boolean;
}

const HUNDRED = new Decimal(100);

/** Levenshtein distance with two rolling rows. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** A plan's fund-list versions indexed once, so each selection is a map lookup or one scan. */
export class FundValidator {
  private readonly newest: FundList;
  private readonly byTicker = new Map<string, FundOption>();
  private readonly byName = new Map<string, FundOption>();
  private readonly folded: { readonly key: string; readonly option: FundOption }[];
  private readonly removedByKey = new Map<string, { lastVersion: number; asOf: string }>();

  constructor(versions: readonly FundList[]) {
    const newest = versions[versions.length - 1];
    if (!newest) throw new RangeError("a plan needs at least one fund-list version to validate against");
    this.newest = newest;
    for (const option of newest.options) {
      if (option.ticker) this.byTicker.set(option.ticker.toUpperCase(), option);
      this.byName.set(normalizeName(option.name), option);
    }
    this.folded = newest.options.map((option) => ({ key: normalizeName(option.name), option }));
    for (const list of versions.slice(0, -1)) {
      for (const option of list.options) {
        const keys = [normalizeName(option.name), ...(option.ticker ? [option.ticker.toUpperCase()] : [])];
        for (const key of keys) {
          if (!this.byName.has(key) && !this.byTicker.has(key)) {
            this.removedByKey.set(key, { lastVersion: list.version, asOf: list.asOf });
          }
        }
      }
    }
  }

  private closest(key: string): Suggestion | null {
    let best: Suggestion | null = null;
    for (const { key: candidate, option } of this.folded) {
      const distance = editDistance(key, candidate);
      if (best === null || distance < best.distance) best = { name: option.name, distance };
    }
    return best;
  }

  check(selection: Selection): SelectionCheck {
    const base = { query: selection.query, weight: selection.weight, suggestion: null, removed: null };
    const ticker = this.byTicker.get(selection.query.trim().toUpperCase());
    if (ticker) return { ...base, valid: true, option: ticker, matchedBy: "ticker" };
    const key = normalizeName(selection.query);
    const named = this.byName.get(key);
    if (named) return { ...base, valid: true, option: named, matchedBy: "name" };
    const removed =
      this.removedByKey.get(key) ?? this.removedByKey.get(selection.query.trim().toUpperCase()) ?? null;
    const nearest = this.closest(key);
    const limit = Math.max(
      2,
      Math.floor(Math.max(key.length, nearest ? normalizeName(nearest.name).length : 0) / 3),
    );
    const suggestion = nearest && (removed || nearest.distance <= limit) ? nearest : null;
    return { ...base, valid: false, option: null, matchedBy: null, suggestion, removed };
  }

  validate(selections: readonly Selection[]): FundValidation {
    const problems: string[] = [];
    const weighted = selections.filter((s) => s.weight !== null).length;
    let checks = selections.map((s) => this.check(s));
    if (weighted === 0 && selections.length === 1) checks = [{ ...checks[0]!, weight: HUNDRED }];
    else if (weighted !== selections.length) {
      problems.push('give a weight for every selection (e.g. "name=60"), or none when there is only one');
    }
    const weightTotal = checks.reduce((sum, c) => sum.plus(c.weight ?? 0), new Decimal(0));
    const weightsValid = problems.length === 0 && weightTotal.equals(HUNDRED);
    if (problems.length === 0 && !weightsValid)
      problems.push(`weights total ${weightTotal.toString()}%, not 100%`);
    if (checks.some((c) => c.weight?.isNegative())) problems.push("weights must not be negative");
    for (const c of checks) {
      if (c.removed) {
        problems.push(
          `"${c.query}" was removed from the plan's list after version ${c.removed.lastVersion} (${c.removed.asOf})`,
        );
      } else if (!c.valid) {
        problems.push(
          `"${c.query}" is not an option of this plan${c.suggestion ? `; did you mean "${c.suggestion.name}"?` : ""}`,
        );
      }
    }
    return {
      planId: this.newest.planId,
      version: this.newest.version,
      asOf: this.newest.asOf,
      selections: checks,
      weightTotal,
      weightsValid,
      problems,
      valid: problems.length === 0,
    };
  }
}
