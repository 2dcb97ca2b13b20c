import { useQuery } from "@tanstack/react-query";
import { api } from "./client.ts";
import { householdPath, keys } from "./hooks.ts";

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

export function useRetirementGap(id: string) {
  return useQuery({
    queryKey: keys.household(id, "retirement-gap"),
    queryFn: () => api.get<RetirementGap>(`${householdPath(id)}/retirement/gap`),
  });
}
