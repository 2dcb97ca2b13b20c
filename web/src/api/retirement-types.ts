/**
 * The retirement answers the dashboard reads, as the API sends them (snake_case, money as decimal
 * strings, rates and ratios as decimals). Types only, so pure code (the what-if) can use them anywhere.
 */

/** Every correction says why and whether it closes the gap alone; the fields after `type` are its evidence. */
interface CorrectionBase {
  closes_gap: boolean;
  description: string;
  effort: number;
}

export type Correction = CorrectionBase &
  (
    | { type: "save_more"; extra_monthly: string; new_monthly_contribution: string }
    | { type: "retire_later"; delay_months: number; new_retirement_age_months: number | null }
    | { type: "spend_less"; new_desired_income: string; reduction: string }
    | { type: "claim_ss_later"; claim_age_months: number; new_social_security: string }
    | { type: "higher_return"; new_return: number; equity_share: number; current_equity_share: number }
    | { type: "combination"; extra_monthly: string; delay_months: number; reduction: string }
  );

/** Monthly benefits at the three claiming ages, as POST /api/retirement/social-security answers. */
export interface SocialSecurityEstimate {
  pia: string;
  full_retirement_age: number;
  benefit_at_62: string;
  benefit_at_fra: string;
  benefit_at_70: string;
  earnings_source: "history" | "salary";
  as_of: string;
  assumptions: string[];
}

export interface GapFigures {
  projected_balance: string;
  required_balance: string;
  gap: string;
  /** projected ÷ required; null when nothing is required (Social Security covers the income). */
  funded_ratio: number | null;
  required_additional_monthly: string;
}

export interface RetirementGap extends GapFigures {
  today_dollars: GapFigures;
  years_to_retirement: number;
  inputs: { social_security: string; expected_return: number; inflation: number; withdrawal_rate: number };
  social_security_estimate: SocialSecurityEstimate | null;
  corrections: Correction[];
}

/** The stored inputs, as GET /api/households/{id}/retirement-profile answers. */
export interface RetirementProfile {
  birth_date: string;
  retirement_age: number;
  savings: string;
  monthly_contribution: string;
  desired_income: string;
  social_security: string | null;
  salary: string | null;
  return: number;
  /** Rises with every save; sent back as If-Match so a save cannot overwrite a newer one. */
  revision: number;
}

export interface SimulationYear {
  year: number;
  age: number;
  phase: "saving" | "retired";
  p10: string;
  p50: string;
  p90: string;
}

export interface RetirementSimulation {
  as_of: string;
  seed: number;
  paths: number;
  stock_share: number;
  stock_share_source: "given" | "implied by the expected return";
  volatility: number;
  retirement_years: number;
  success_probability: number;
  current_age: number;
  retirement_age: number;
  required_balance: string;
  years: SimulationYear[];
}
