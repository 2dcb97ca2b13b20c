import { Money } from "../../src/core/money.ts";
import type { GapInput } from "../../src/core/retirement/gap-engine.ts";

/**
 * The seed's example household: 45 years old, retiring at 65, $350,000 saved, $2,000 a month,
 * wanting $120,000 a year with $30,000 of Social Security, expecting 6% a year.
 */
export const SEED_HOUSEHOLD_GAP: GapInput = {
  currentSavings: Money.parse("350000"),
  monthlyContribution: Money.parse("2000"),
  monthsToRetirement: 240,
  desiredIncome: Money.parse("120000"),
  socialSecurity: Money.parse("30000"),
  expectedReturn: 0.06,
  inflation: 0.025,
  withdrawalRate: 0.04,
  contributionGrowth: 0,
};
