import { Money } from "../money.ts";

/**
 * Plan adherence for one period (a month): how closely the household followed the plan agreed
 * with its planner. Inputs come from stored data:
 * - savings: the month's income and what went to savings and investments (the monthly spending
 *   roll-up), against the household's target savings rate;
 * - budgets: each budgeted category's monthly budget against the month's actual spending;
 * - 529: each beneficiary's scheduled monthly contribution against what was contributed.
 *
 * Components, each 0–100 (null when its inputs are absent):
 * - savings  = 100 · min(1, actual rate ÷ target rate), actual rate = saved ÷ income
 *              (a zero target is met by definition; no income gives null);
 * - budget   = Σ budget_c · s_c ÷ Σ budget_c, s_c = 1 when actual ≤ budget, else
 *              max(0, 1 − overspend ÷ budget): 10% over budget scores 90, double the budget 0;
 *              weighting by budget size keeps a small category from dominating;
 * - 529      = 100 · Σ min(contributed, scheduled) ÷ Σ scheduled (extra in one account does not
 *              make up for a missed one);
 * score = mean of the components that are present; null when none is.
 */
export interface BudgetLine {
  readonly category: string;
  readonly budget: Money;
  readonly actual: Money;
}

export interface ScheduledContribution {
  readonly beneficiary: string;
  readonly scheduled: Money;
  readonly contributed: Money;
}

export interface AdherenceInput {
  readonly income: Money | null;
  readonly saved: Money | null;
  /** Target savings rate as a decimal (0.15 = 15% of income); null when none is set. */
  readonly targetSavingsRate: number | null;
  readonly budgets: readonly BudgetLine[];
  readonly contributions: readonly ScheduledContribution[];
}

export interface CategoryAdherence {
  readonly category: string;
  readonly budget: Money;
  readonly actual: Money;
  /** 0–100. */
  readonly score: number;
}

export interface AdherenceReport {
  readonly score: number | null;
  readonly savings: number | null;
  /** The actual savings rate as a decimal, when there was income. */
  readonly savingsRate: number | null;
  readonly budget: number | null;
  readonly categories: readonly CategoryAdherence[];
  readonly contributions529: number | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const ratio = (a: Money, b: Money) => Number(a.cents) / Number(b.cents);

function categoryScore(line: BudgetLine): number {
  if (line.actual.compare(line.budget) <= 0) return 1;
  if (line.budget.isZero()) return 0;
  return Math.max(0, 1 - ratio(line.actual.subtract(line.budget), line.budget));
}

export function planAdherence(input: AdherenceInput): AdherenceReport {
  const hasIncome = input.income !== null && input.saved !== null && input.income.cents > 0n;
  const savingsRate = hasIncome && input.income && input.saved ? ratio(input.saved, input.income) : null;
  let savings: number | null = null;
  if (savingsRate !== null && input.targetSavingsRate !== null) {
    savings =
      input.targetSavingsRate <= 0
        ? 100
        : 100 * Math.min(1, Math.max(0, savingsRate) / input.targetSavingsRate);
  }

  const categories = input.budgets.map((line) => ({ ...line, score: round1(100 * categoryScore(line)) }));
  const totalBudget = Money.sum(input.budgets.map((b) => b.budget));
  let budget: number | null = null;
  if (input.budgets.length > 0) {
    budget = totalBudget.isZero()
      ? (100 * input.budgets.reduce((s, b) => s + categoryScore(b), 0)) / input.budgets.length
      : (100 * input.budgets.reduce((s, b) => s + Number(b.budget.cents) * categoryScore(b), 0)) /
        Number(totalBudget.cents);
  }

  const scheduled = Money.sum(input.contributions.map((c) => c.scheduled));
  let contributions529: number | null = null;
  if (input.contributions.length > 0 && scheduled.cents > 0n) {
    const met = Money.sum(
      input.contributions.map((c) => (c.contributed.compare(c.scheduled) < 0 ? c.contributed : c.scheduled)),
    );
    contributions529 = 100 * ratio(met, scheduled);
  }

  const present = [savings, budget, contributions529].filter((x): x is number => x !== null);
  return {
    score: present.length === 0 ? null : round1(present.reduce((a, b) => a + b, 0) / present.length),
    savings: savings === null ? null : round1(savings),
    savingsRate,
    budget: budget === null ? null : round1(budget),
    categories,
    contributions529: contributions529 === null ? null : round1(contributions529),
  };
}
