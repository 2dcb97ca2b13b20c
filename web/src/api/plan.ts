import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";
import { householdPath, keys } from "./hooks.ts";
import { CLIENTS_KEY } from "./planner.ts";

/** What a household's plan is measured against (`GET /api/households/{id}/plan`). */
export interface Goal {
  id: string;
  kind: "retirement" | "college" | "custom";
  name: string;
  target_amount: string | null;
  target_date: string | null;
  current_amount: string | null;
}

export interface PlanInputs {
  /** Decimal share of income (0.15), or null when no target is set. */
  savings_rate: number | null;
  /** Monthly budget per spending category, as decimal strings. */
  budgets: Record<string, string>;
  goals: Goal[];
}

export interface NewGoal {
  kind: "college" | "custom";
  name: string;
  target_amount: string;
  target_date: string;
  current_amount?: string;
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: keys.household(id, "plan"),
    queryFn: () => api.get<PlanInputs>(`${householdPath(id)}/plan`),
  });
}

/**
 * Every plan change recomputes the household's relationship metrics on the server, so the plan and
 * the planner's client list (adherence, goal progress) are fetched again after it.
 */
function usePlanChange<T>(id: string, change: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: keys.household(id, "plan") }),
        client.invalidateQueries({ queryKey: CLIENTS_KEY }),
      ]),
  });
}

export function useSetTargets(id: string) {
  return usePlanChange(id, (targets: { savings_rate?: string | null; budgets?: Record<string, string> }) =>
    api.put(`${householdPath(id)}/plan`, targets),
  );
}

export function useAddGoal(id: string) {
  return usePlanChange(id, (goal: NewGoal) => api.post(`${householdPath(id)}/goals`, goal));
}

export function useUpdateGoal(id: string) {
  return usePlanChange(id, ({ goalId, current_amount }: { goalId: string; current_amount: string }) =>
    api.patch(`${householdPath(id)}/goals/${encodeURIComponent(goalId)}`, { current_amount }),
  );
}

export function useDeleteGoal(id: string) {
  return usePlanChange(id, (goalId: string) =>
    api.delete(`${householdPath(id)}/goals/${encodeURIComponent(goalId)}`),
  );
}
