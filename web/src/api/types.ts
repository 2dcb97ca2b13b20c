/**
 * The parts of the API's JSON answers the dashboard reads. Money arrives as decimal strings
 * ("1234.56") and stays a string until Intl formats it; rates and ratios are decimals (0.05).
 */
export type Role = "client" | "planner" | "admin";

export interface User {
  id: string;
  email: string;
  role: Role;
  display_name: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface RetirementHeadline {
  funded_ratio: number;
  gap: string;
  on_track: boolean;
}

export interface ClientSummary {
  id: string;
  name: string;
  state: string;
  retirement: RetirementHeadline | null;
}

export interface Household {
  id: string;
  name: string;
  state: string;
  filing_status: string;
  annual_income: string | null;
}

export interface Correction {
  type: string;
  closes_gap: boolean;
  description: string;
}

export interface RetirementGap {
  projected_balance: string;
  required_balance: string;
  gap: string;
  funded_ratio: number;
  required_additional_monthly: string;
  years_to_retirement: number;
  corrections: Correction[];
}

export interface CategorySpending {
  monthly_average: string;
  share_of_income: number | null;
  peer_share: number | null;
}

export interface SavingsOpportunity {
  category: string;
  annual_savings: string;
  reason: string;
  confidence: "low" | "medium" | "high";
  rule_id: string;
}

export interface SpendingAnalysis {
  months: number;
  first_month: string;
  last_month: string;
  categories: Record<string, CategorySpending>;
  opportunities: SavingsOpportunity[];
  notes: string[];
}

export interface Beneficiary {
  id: string;
  name: string;
  birth_date: string;
  plan_id: string | null;
  balance: string;
  monthly_contribution: string;
}

export interface GlideStep {
  years_to_enrollment: number;
  equity: number;
  fixed_income: number;
  money_market: number;
}

export interface CollegePlan {
  recommendation: {
    years_to_enrollment: number;
    enrollment_year: number;
    risk: string;
    allocation: { equity: number; fixed_income: number; money_market: number };
    path: GlideStep[];
  };
  plan: {
    four_year_cost: string;
    needed_at_enrollment: string;
    projected_balance: string;
    gap: string;
    additional_monthly: string;
    cost_source: string;
  };
}
