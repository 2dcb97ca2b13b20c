import Decimal from "decimal.js";
import { Money } from "../money.ts";
import type { SpendingPatterns } from "./analyzer.ts";
import type { PeerComparison } from "./benchmarks.ts";
import { type BudgetCategory, categoryLabel, isBudgetCategory } from "./categories.ts";
import type { RecurringCharge } from "./recurring-charges.ts";

/**
 * Savings opportunities as rule objects: each rule looks at the patterns (and the peer
 * comparison when there is one) and proposes findings, each claiming annual dollars from one
 * category with its evidence and a confidence. Rules run from the most specific (a duplicate
 * subscription) to the most general (a category above its peers), and a claims ledger keeps the
 * opportunities from counting a dollar twice:
 *
 * - a `specific` finding (named charges, e.g. a duplicate subscription) claims its dollars, capped
 *   at what the category has not yet had claimed;
 * - an `excess` finding (spending above a benchmark) measures the same pot as every earlier claim
 *   in its category, so it claims only its excess less everything already claimed there: a dollar
 *   claimed by a duplicate subscription is not claimed again by "above peers", and two benchmarks
 *   of one category (travel against peers, dining against groceries and against peers) never add up.
 *
 * The result is ranked by annual dollars.
 */
export type Confidence = "high" | "medium" | "low";

export interface SavingsData {
  readonly patterns: SpendingPatterns;
  readonly peers: PeerComparison | null;
}

export interface Finding {
  readonly category: BudgetCategory;
  readonly basis: "specific" | "excess";
  /** Annual dollars the rule would free, before the ledger removes dollars already claimed. */
  readonly annualSavings: Money;
  readonly reason: string;
  readonly confidence: Confidence;
  readonly evidence: Readonly<Record<string, string | number>>;
}

export interface SavingsRule {
  readonly id: string;
  readonly description: string;
  evaluate(data: SavingsData): Finding[];
}

export interface Opportunity extends Finding {
  readonly ruleId: string;
}

const pct = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

function annualOf(data: SavingsData, category: BudgetCategory): Money {
  return data.patterns.categories.find((c) => c.category === category)!.monthlyAverage.times(12);
}

/** Income × a fraction of income, in Money. */
function ofIncome(data: SavingsData, fraction: number): Money {
  return data.patterns.annualIncome.times(new Decimal(fraction));
}

/** Families of services where holding two at once is usually paying twice for one need. */
const SERVICE_FAMILIES: readonly { family: string; merchants: readonly string[]; confidence: Confidence }[] =
  [
    {
      family: "music streaming",
      merchants: ["spotify", "apple music", "pandora", "youtube music", "amazon music", "tidal"],
      confidence: "medium",
    },
    {
      family: "cloud storage",
      merchants: ["icloud", "dropbox", "google one", "google storage"],
      confidence: "medium",
    },
    {
      family: "gym membership",
      merchants: ["planet fitness", "equinox", "orangetheory", "life time", "classpass", "peloton"],
      confidence: "medium",
    },
    {
      family: "video streaming",
      merchants: ["netflix", "hulu", "disney", "max", "paramount", "peacock", "apple tv", "prime video"],
      confidence: "low",
    },
  ];

function familyOf(charge: RecurringCharge) {
  return SERVICE_FAMILIES.find((f) =>
    f.merchants.some((m) => charge.merchant === m || charge.merchant.startsWith(`${m} `)),
  );
}

/** Active recurring charges of one merchant on two accounts, or two services of one family. */
export const duplicateSubscriptions: SavingsRule = {
  id: "duplicate-subscriptions",
  description: "recurring charges that duplicate each other",
  evaluate(data) {
    const active = data.patterns.recurringCharges.filter((c) => c.active);
    const groups = new Map<string, { charges: RecurringCharge[]; confidence: Confidence; label: string }>();
    for (const charge of active) {
      const family = familyOf(charge);
      const key = family ? `family:${family.family}` : `merchant:${charge.merchant}`;
      const group = groups.get(key) ?? {
        charges: [],
        confidence: family ? family.confidence : "high",
        label: family ? family.family : `"${charge.description}"`,
      };
      group.charges.push(charge);
      groups.set(key, group);
    }
    const findings: Finding[] = [];
    for (const group of groups.values()) {
      const sameMerchant = new Set(group.charges.map((c) => c.merchant)).size === 1;
      const [kept, ...extra] = [...group.charges].sort((a, b) => b.annualizedCost.compare(a.annualizedCost));
      if (!kept || extra.length === 0 || !isBudgetCategory(kept.category)) continue;
      findings.push({
        category: kept.category,
        basis: "specific",
        annualSavings: Money.sum(extra.map((c) => c.annualizedCost)),
        reason: `${group.charges.length} recurring ${group.label} charges (${group.charges.map((c) => `${c.description} on account ${c.account}`).join(", ")}); keeping the dearest and cancelling the rest`,
        confidence: sameMerchant ? "high" : group.confidence,
        evidence: Object.fromEntries(
          group.charges.map((c) => [`${c.description} (${c.account})`, c.annualizedCost.toString()]),
        ),
      });
    }
    return findings;
  },
};

/** Dining out is a larger multiple of groceries than for peers at this income. */
export const diningVersusGroceries: SavingsRule = {
  id: "dining-vs-groceries",
  description: "dining out against groceries, compared with the peer ratio",
  evaluate(data) {
    const ratio = data.peers?.peerDiningToGroceries;
    if (!ratio) return [];
    const dining = annualOf(data, "food_dining");
    const groceries = annualOf(data, "food_groceries");
    const expected = groceries.times(new Decimal(ratio));
    if (dining.compare(expected) <= 0 || groceries.isZero()) return [];
    const householdRatio = dining.toNumber() / groceries.toNumber();
    return [
      {
        category: "food_dining",
        basis: "excess",
        annualSavings: dining.subtract(expected),
        reason: `dining out is ${householdRatio.toFixed(2)}× groceries against ${ratio.toFixed(2)}× for peers; the figure is the dining above the peer ratio (some of it would move to groceries)`,
        confidence: "medium",
        evidence: {
          dining_annual: dining.toString(),
          groceries_annual: groceries.toString(),
          peer_ratio: Number(ratio.toFixed(4)),
        },
      },
    ];
  },
};

function aboveTarget(
  data: SavingsData,
  category: BudgetCategory,
  targetShare: number,
  describe: (share: number) => { reason: string; confidence: Confidence },
): Finding[] {
  const pattern = data.patterns.categories.find((c) => c.category === category)!;
  if (pattern.shareOfIncome <= targetShare) return [];
  const excess = annualOf(data, category).subtract(ofIncome(data, targetShare));
  if (excess.cents <= 0n) return [];
  const { reason, confidence } = describe(pattern.shareOfIncome);
  return [
    {
      category,
      basis: "excess",
      annualSavings: excess,
      reason,
      confidence,
      evidence: {
        share_of_income: Number(pattern.shareOfIncome.toFixed(4)),
        target_share: Number(targetShare.toFixed(4)),
      },
    },
  ];
}

function peerShare(data: SavingsData, category: BudgetCategory): number | null {
  return data.peers?.categories.find((c) => c.category === category)?.peerShare ?? null;
}

export const insuranceAbovePeers: SavingsRule = {
  id: "insurance-above-peers",
  description: "insurance premiums above the peer share",
  evaluate(data) {
    const peer = peerShare(data, "insurance");
    if (peer === null) return [];
    return aboveTarget(data, "insurance", peer, (share) => ({
      reason: `insurance premiums take ${pct(share)} of income against ${pct(peer)} for peers; re-quote auto, home and life cover`,
      confidence: "medium",
    }));
  },
};

/**
 * Non-mortgage debt payments above 10% of income: the consumer-debt half of the "20/10" rule of
 * thumb (consumer debt payments at most 10% of income). The figure is the payment above that
 * guideline, the amount refinancing or paying down would need to free; rates and balances are not
 * in the statements, so confidence is low.
 */
export const DEBT_PAYMENT_GUIDELINE = 0.1;

export const debtPaymentShare: SavingsRule = {
  id: "debt-payment-share",
  description: "debt payments above 10% of income (refinancing)",
  evaluate(data) {
    return aboveTarget(data, "debt_payments", DEBT_PAYMENT_GUIDELINE, (share) => ({
      reason: `debt payments take ${pct(share)} of income, above the 10% guideline; refinancing at a lower rate or a longer term would lower them`,
      confidence: "low",
    }));
  },
};

export const travelAbovePeers: SavingsRule = {
  id: "travel-above-peers",
  description: "travel above the peer share (a CE proxy)",
  evaluate(data) {
    const peer = peerShare(data, "travel");
    if (peer === null) return [];
    return aboveTarget(data, "travel", peer, (share) => ({
      reason: `travel takes ${pct(share)} of income against about ${pct(peer)} for peers (CE lodging and fares, a proxy)`,
      confidence: "low",
    }));
  },
};

/**
 * Categories not proposed for cutting against peers: saving is the goal, not a cost; and CE means
 * for childcare and education average in the many households that pay nothing (no young children,
 * no student), so a paying family is always far "above peers" there without overspending.
 */
const NEVER_CUT = new Set<BudgetCategory>(["savings_contributions", "investments", "childcare", "education"]);
/** Above peers by more than a quarter of the peer share: medium confidence, otherwise low. */
const CLEARLY_ABOVE = 1.25;

export const categoriesAbovePeers: SavingsRule = {
  id: "category-above-peers",
  description: "each category's share of income above its peers'",
  evaluate(data) {
    return (data.peers?.categories ?? []).flatMap((c) => {
      if (c.peerShare === null || NEVER_CUT.has(c.category)) return [];
      const peer = c.peerShare;
      return aboveTarget(data, c.category, peer, (share) => ({
        reason: `${categoryLabel(c.category)} takes ${pct(share)} of income against ${pct(peer)} for peers`,
        confidence: c.category === "housing" ? "low" : share > CLEARLY_ABOVE * peer ? "medium" : "low",
      }));
    });
  },
};

/** The rules in claiming order: specific first, general last. */
export const SAVINGS_RULES: readonly SavingsRule[] = [
  duplicateSubscriptions,
  diningVersusGroceries,
  insuranceAbovePeers,
  debtPaymentShare,
  travelAbovePeers,
  categoriesAbovePeers,
];

/** Runs the rules, caps each claim by what its category has left, and ranks by annual dollars. */
export function findSavings(data: SavingsData, rules: readonly SavingsRule[] = SAVINGS_RULES): Opportunity[] {
  const left = new Map<BudgetCategory, bigint>(
    data.patterns.categories.map((c) => [c.category, c.monthlyAverage.times(12).cents]),
  );
  const claimed = new Map<BudgetCategory, bigint>();
  const opportunities: Opportunity[] = [];
  for (const rule of rules) {
    for (const finding of rule.evaluate(data)) {
      const available = left.get(finding.category) ?? 0n;
      const already = claimed.get(finding.category) ?? 0n;
      const wanted =
        finding.basis === "excess" ? finding.annualSavings.cents - already : finding.annualSavings.cents;
      const claim = wanted < available ? wanted : available;
      if (claim <= 0n) continue;
      left.set(finding.category, available - claim);
      claimed.set(finding.category, already + claim);
      opportunities.push({ ...finding, ruleId: rule.id, annualSavings: Money.fromCents(claim) });
    }
  }
  return opportunities.sort((a, b) => b.annualSavings.compare(a.annualSavings));
}
