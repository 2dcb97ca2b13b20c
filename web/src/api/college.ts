import { useQuery } from "@tanstack/react-query";
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
