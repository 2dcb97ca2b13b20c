import { useQuery } from "@tanstack/react-query";
import { api } from "./client.ts";
import { householdPath, keys } from "./hooks.ts";

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

export function useSpendingAnalysis(id: string) {
  return useQuery({
    queryKey: keys.household(id, "spending-analysis"),
    queryFn: () => api.get<SpendingAnalysis>(`${householdPath(id)}/spending/analysis`),
  });
}
