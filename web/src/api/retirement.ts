import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api } from "./client.ts";
import { householdPath, keys } from "./hooks.ts";
import { CLIENTS_KEY } from "./planner.ts";
import type { RetirementGap, RetirementProfile, RetirementSimulation } from "./retirement-types.ts";

/** The household's retirement review: the gap of its stored profile with the corrective moves. */
export function useRetirement(id: string) {
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
 * Replaces the household's stored retirement profile (PUT; `profile` in the API's wire form), only
 * if it is still at `revision`, the one the change was made on (If-Match). The household's
 * retirement answers and the planner's client list (its gap headline) come from the stored
 * profile, so they are fetched again; the mutation settles once the profile and the gap are
 * current, so "saved" is never shown beside the old figures. When someone else saved first (412),
 * the stored profile is fetched again, so what the user sees and may save next is the newer one.
 */
export function useSaveRetirementProfile(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ profile, revision }: { profile: Record<string, unknown>; revision: number }) =>
      api.put<RetirementProfile>(`${householdPath(id)}/retirement-profile`, profile, {
        "if-match": `"${revision}"`,
      }),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) {
        void client.invalidateQueries({ queryKey: keys.household(id, "retirement-profile") });
        void client.invalidateQueries({ queryKey: keys.household(id, "retirement-gap") });
      }
    },
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
