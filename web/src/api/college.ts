import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";
import { householdPath, keys } from "./hooks.ts";
import type { Page } from "./types.ts";

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

/** A plan's own published portfolio for the beneficiary's years to enrollment. */
export interface PlanPortfolio {
  path: string;
  portfolio: string;
  equity: number;
  equity_difference: number;
  as_of: string;
  source: string;
}

export interface CollegePlan {
  recommendation: {
    years_to_enrollment: number;
    enrollment_year: number;
    risk: string;
    allocation: { equity: number; fixed_income: number; money_market: number };
    path: GlideStep[];
    /** Present when the beneficiary has a plan: its published portfolio nearest these years, if any. */
    plan_match?: { plan_id: string; match: PlanPortfolio | null };
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

export function useBeneficiaries(id: string) {
  return useQuery({
    queryKey: keys.household(id, "beneficiaries"),
    queryFn: () => api.get<Page<Beneficiary>>(`${householdPath(id)}/beneficiaries`),
  });
}

/** The glide path and funding plan of one beneficiary, costed for a public in-state college. */
export function useCollegePlan(householdId: string, beneficiaryId: string) {
  return useQuery({
    queryKey: keys.household(householdId, `college-plan/${beneficiaryId}`),
    queryFn: () =>
      api.get<CollegePlan>(
        `${householdPath(householdId)}/beneficiaries/${encodeURIComponent(beneficiaryId)}/college-plan?college=public-in-state`,
      ),
  });
}

export const COLLEGE_TYPES = ["public-in-state", "public-out-of-state", "private"] as const;
export type CollegeType = (typeof COLLEGE_TYPES)[number];

/** POST /api/529/plan: the flags of `finplan 529 plan`, money as decimal strings. */
export interface ContributionRequest {
  age: number;
  balance: string;
  monthly: string;
  college: CollegeType;
}

export interface ContributionAnswer {
  years_to_enrollment: number;
  enrollment_year: number;
  four_year_cost: string;
  needed_at_enrollment: string;
  projected_balance: string;
  gap: string;
  additional_monthly: string;
  lump_sum_today: string;
  cost_source: string;
}

/**
 * A question to the API that changes as the user types: null while the inputs are incomplete or
 * invalid (no request then), and the last answer stays on screen while the next one loads.
 */
function usePostQuery<Req, Res>(name: string, path: string, request: Req | null) {
  return useQuery({
    queryKey: ["529", name, request],
    queryFn: () => api.post<Res>(path, request),
    enabled: request !== null,
    placeholderData: keepPreviousData,
  });
}

export function useContributionPlan(request: ContributionRequest | null) {
  return usePostQuery<ContributionRequest, ContributionAnswer>("plan", "/api/529/plan", request);
}

export interface Plan529 {
  id: string;
  name: string;
  state: string;
  channel: string;
}

/** Every 529 plan in the reference data. */
export function useCollegePlans() {
  return useQuery({
    queryKey: ["529", "plans"],
    queryFn: () => api.get<{ items: Plan529[] }>("/api/529/plans"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export interface FundCheck {
  plan_id: string;
  list_version: number;
  list_as_of: string;
  selections: {
    query: string;
    valid: boolean;
    matched: string | null;
    expense_ratio: number | null;
    suggestion: string | null;
    removed_after_version: number | null;
  }[];
}

/** POST /api/529/validate for one option typed by the user. */
export function useFundCheck(request: { plan: string; option: [string] } | null) {
  return usePostQuery<typeof request, FundCheck>("validate", "/api/529/validate", request);
}

export interface CompareRequest {
  state: string;
  age: number;
  contribution: string;
  balance: string;
  filing: string;
  income?: string;
  /** The household's marginal state rate as a decimal fraction; the state's top rate when absent. */
  marginal_rate?: string;
}

export interface PlanRow {
  /** 1 = best; null when the plan's fees are unknown (listed after the ranked plans). */
  rank: number | null;
  tied: boolean;
  plan_id: string;
  plan_name: string;
  plan_state: string;
  channel: string;
  first_year_tax_saved: string;
  tax_saved: string;
  expense_ratio: number | null;
  fee_drag: string | null;
  net_value: string | null;
  reason: string;
}

export function useStateComparison(request: CompareRequest | null) {
  return usePostQuery<CompareRequest, { state: string; tax_year: number; plans: PlanRow[] }>(
    "compare",
    "/api/529/compare-states",
    request,
  );
}

export interface TaxBenefitRequest {
  state: string;
  contribution: string;
  filing: string;
  beneficiaries: number;
  plan_state?: string;
  income?: string;
  /** The household's own marginal state rate as a decimal fraction; the state's top rate when absent. */
  marginal_rate?: string;
}

export interface TaxBenefit {
  state: string;
  plan_state: string;
  tax_year: number;
  qualifies: boolean;
  deductible_amount: string;
  credit_amount: string;
  tax_saved: string;
  carryforward: string;
  cap: string | null;
  marginal_rate: number | null;
  notes: string[];
  sources: string[];
}

export function useTaxBenefit(request: TaxBenefitRequest | null) {
  return usePostQuery<TaxBenefitRequest, TaxBenefit>("tax-benefit", "/api/529/tax-benefit", request);
}

/** Changes a beneficiary (e.g. the birth date); the list and that child's plan are fetched again. */
export function useUpdateBeneficiary(householdId: string, beneficiaryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { birth_date: string }) =>
      api.patch<Beneficiary>(
        `${householdPath(householdId)}/beneficiaries/${encodeURIComponent(beneficiaryId)}`,
        change,
      ),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: keys.household(householdId, "beneficiaries") }),
        client.invalidateQueries({ queryKey: keys.household(householdId, `college-plan/${beneficiaryId}`) }),
      ]),
  });
}
