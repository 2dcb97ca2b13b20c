import { ValidationError } from "../errors.ts";
import type { Money } from "../money.ts";
import { BUILTIN_MCC_RANGES, BUILTIN_PHRASES, type PhraseList } from "./builtin-rules.ts";
import { type Category, categoryLabel } from "./categories.ts";

/**
 * Assigns each transaction a category and the rule that decided it, so every categorization can
 * answer "why?". Precedence, first match wins:
 *
 *   1. user rules, the most recently added first (a re-categorization overrides older ones);
 *   2. the merchant category code (MCC) when the file carries one;
 *   3. built-in merchant names, then built-in keywords (longest phrase first within a tier);
 *   4. otherwise `uncategorized`, which is reported, never hidden or guessed.
 */

/** Conditions of a user rule; every condition given must hold. Amounts compare the absolute value. */
export interface RuleConditions {
  /** Case-insensitive substring of the description. */
  readonly contains?: string;
  /** A regular expression on the description (case-insensitive). */
  readonly regex?: string;
  readonly minAmount?: Money;
  readonly maxAmount?: Money;
  readonly account?: string;
  readonly direction?: "in" | "out";
}

export interface UserRule {
  readonly id: string;
  readonly category: Category;
  readonly reason: string;
  readonly when: RuleConditions;
}

export interface Categorization {
  readonly category: Category;
  readonly ruleId: string;
  readonly reason: string;
}

export interface Categorizable {
  readonly description: string;
  readonly amount: Money;
  readonly account: string;
  readonly mcc?: number;
}

export const UNCATEGORIZED: Categorization = {
  category: "uncategorized",
  ruleId: "none",
  // Each surface says how to add a rule (the CLI's categorize command, the dashboard's Re-categorize).
  reason: "no rule matched",
};

interface PhraseRule {
  readonly tokens: readonly string[];
  readonly rank: number;
  readonly direction: "in" | "out" | undefined;
  readonly result: Categorization;
}

/** Lower-cased words of a description; anything but a-z and 0-9 separates words. */
export function words(text: string): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    const wordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (wordChar && start === -1) start = i;
    else if (!wordChar && start !== -1) {
      found.push(lower.slice(start, i));
      start = -1;
    }
  }
  return found;
}

function phraseIndex(lists: readonly PhraseList[]): Map<string, PhraseRule[]> {
  const index = new Map<string, PhraseRule[]>();
  for (const list of lists) {
    for (const phrase of list.phrases) {
      const tokens = words(phrase);
      const tierRank = list.tier === "merchant" ? 0 : 1;
      const rule: PhraseRule = {
        tokens,
        rank: tierRank * 100 - tokens.length,
        direction: list.direction,
        result: {
          category: list.category,
          ruleId: `builtin:${list.tier}:${tokens.join("-")}`,
          reason:
            list.tier === "merchant"
              ? `"${phrase}" is a known ${categoryLabel(list.category)} merchant`
              : `the keyword "${phrase}" indicates ${categoryLabel(list.category)}`,
        },
      };
      const first = tokens[0]!;
      const bucket = index.get(first) ?? [];
      bucket.push(rule);
      index.set(first, bucket);
    }
  }
  return index;
}

const BUILTIN_INDEX = phraseIndex(BUILTIN_PHRASES);

const MCC_RESULTS = BUILTIN_MCC_RANGES.map((range) => ({
  ...range,
  result: {
    category: range.category,
    ruleId: `builtin:mcc:${range.from}-${range.to}`,
    reason: `merchant category code in ${range.from}–${range.to} (${range.name})`,
  } satisfies Categorization,
}));

interface CompiledUserRule {
  readonly rule: UserRule;
  readonly contains: string | null;
  readonly regex: RegExp | null;
  readonly result: Categorization;
}

function compile(rule: UserRule): CompiledUserRule {
  let regex: RegExp | null = null;
  if (rule.when.regex !== undefined) {
    try {
      regex = new RegExp(rule.when.regex, "i");
    } catch (error) {
      throw new ValidationError(
        "regex",
        `${rule.when.regex} is not a regular expression: ${(error as Error).message}`,
      );
    }
  }
  return {
    rule,
    contains: rule.when.contains?.toLowerCase() ?? null,
    regex,
    result: { category: rule.category, ruleId: rule.id, reason: rule.reason },
  };
}

function matchesUserRule(compiled: CompiledUserRule, t: Categorizable, lower: string): boolean {
  const when = compiled.rule.when;
  if (compiled.contains !== null && !lower.includes(compiled.contains)) return false;
  if (compiled.regex !== null && !compiled.regex.test(t.description)) return false;
  if (when.account !== undefined && when.account.toLowerCase() !== t.account.toLowerCase()) return false;
  if (when.direction === "in" && t.amount.cents <= 0n) return false;
  if (when.direction === "out" && t.amount.cents >= 0n) return false;
  const abs = t.amount.cents < 0n ? -t.amount.cents : t.amount.cents;
  if (when.minAmount !== undefined && abs < when.minAmount.cents) return false;
  if (when.maxAmount !== undefined && abs > when.maxAmount.cents) return false;
  return true;
}

export class Categorizer {
  private readonly userRules: readonly CompiledUserRule[];

  /** `userRules` in the order they were added; later rules take precedence. */
  constructor(userRules: readonly UserRule[] = []) {
    this.userRules = [...userRules].reverse().map(compile);
  }

  categorize(t: Categorizable): Categorization {
    if (this.userRules.length > 0) {
      const lower = t.description.toLowerCase();
      for (const compiled of this.userRules) if (matchesUserRule(compiled, t, lower)) return compiled.result;
    }
    if (t.mcc !== undefined) {
      for (const range of MCC_RESULTS) if (t.mcc >= range.from && t.mcc <= range.to) return range.result;
    }
    return this.phraseMatch(t) ?? UNCATEGORIZED;
  }

  private phraseMatch(t: Categorizable): Categorization | null {
    const tokens = words(t.description);
    const direction = t.amount.cents > 0n ? "in" : "out";
    let best: PhraseRule | null = null;
    for (let i = 0; i < tokens.length; i++) {
      const candidates = BUILTIN_INDEX.get(tokens[i]!);
      if (!candidates) continue;
      for (const rule of candidates) {
        if (best !== null && rule.rank >= best.rank) continue;
        if (rule.direction !== undefined && rule.direction !== direction) continue;
        if (matchesAt(tokens, i, rule.tokens)) best = rule;
      }
    }
    return best?.result ?? null;
  }
}

function matchesAt(tokens: readonly string[], at: number, phrase: readonly string[]): boolean {
  if (at + phrase.length > tokens.length) return false;
  for (let j = 1; j < phrase.length; j++) if (tokens[at + j] !== phrase[j]) return false;
  return true;
}

/** Every built-in rule's categorization by its id, so a stored rule id can say why again. */
const BUILTIN_BY_ID = new Map<string, Categorization>([
  ...[...BUILTIN_INDEX.values()].flat().map((rule) => [rule.result.ruleId, rule.result] as const),
  ...MCC_RESULTS.map((range) => [range.result.ruleId, range.result] as const),
  [UNCATEGORIZED.ruleId, UNCATEGORIZED],
]);

/**
 * The categorization a built-in rule id (or "none") stands for, as `categorize` gave it; undefined
 * for any other id (the household's own rules keep their reason with them).
 */
export function builtinCategorization(ruleId: string): Categorization | undefined {
  return BUILTIN_BY_ID.get(ruleId);
}
