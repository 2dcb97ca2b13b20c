import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";
import { householdPath, keys } from "./hooks.ts";
import { CLIENTS_KEY } from "./planner.ts";
import type { RetirementGap, RetirementProfile, RetirementSimulation } from "./retirement-types.ts";

export function useRetirementGap(id: string) {
  return useQuery({
    queryKey: keys.household(id, "retirement-gap"),
    queryFn: () => api.get<RetirementGap>(`${householdPath(id)}/retirement/gap`),
  });
}

export function useRetirementProfile(id: string) {
  return useQuery({
    queryKey: keys.household(id, "retirement-profile"),
    queryFn: () => api.get<RetirementProfile>(`${householdPath(id)}/retirement-profile`),
  });
}

export function useRetirementSimulation(id: string) {
  return useQuery({
    queryKey: keys.household(id, "retirement-simulation"),
    queryFn: () => api.get<RetirementSimulation>(`${householdPath(id)}/retirement/simulation`),
  });
}

/**
 * The gap of a what-if: the stored profile with some inputs replaced, computed by the stateless
 * POST /api/retirement/gap (nothing is saved). Off while `request` is null.
 */
export function useWhatIfGap(id: string, request: Record<string, unknown> | null) {
  return useQuery({
    queryKey: [...keys.household(id, "retirement-what-if"), request],
    queryFn: () => api.post<RetirementGap>("/api/retirement/gap", request),
    enabled: request !== null,
  });
}

/**
 * Replaces the household's stored retirement profile (PUT; `profile` in the API's wire form). The
 * household's retirement answers and the planner's client list (its gap headline) come from the
 * stored profile, so they are fetched again; the mutation settles once the profile and the gap are
 * current, so "saved" is never shown beside the old figures.
 */
export function useSaveRetirementProfile(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (profile: Record<string, unknown>) =>
      api.put<RetirementProfile>(`${householdPath(id)}/retirement-profile`, profile),
    onSuccess: async () => {
      void client.invalidateQueries({ queryKey: keys.household(id, "retirement-simulation") });
      void client.invalidateQueries({ queryKey: CLIENTS_KEY });
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.household(id, "retirement-profile") }),
        client.invalidateQueries({ queryKey: keys.household(id, "retirement-gap") }),
      ]);
    },
  });
}
