import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, hasSessionCookie } from "./client.ts";
import type {
  Beneficiary,
  ClientSummary,
  CollegePlan,
  Household,
  Page,
  RetirementGap,
  SpendingAnalysis,
  User,
} from "./types.ts";

/** One query key per API resource, so a logout can drop everything a user saw. */
const keys = {
  me: ["me"] as const,
  household: (id: string, part: string) => ["household", id, part] as const,
};

/**
 * A 401 on any request means the session ended (expired, or revoked elsewhere): forget the user,
 * which shows the login page, instead of showing an error in every panel.
 */
export function forgetExpiredSession(client: QueryClient, error: unknown): void {
  if (error instanceof ApiError && error.status === 401) client.setQueryData(keys.me, null);
}

/** The logged-in user, or null when there is no session (the API answers 401). */
export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async () => {
      if (!hasSessionCookie()) return null;
      try {
        return await api.get<User>("/api/me");
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      api.post<{ user: User }>("/api/auth/login", credentials),
    onSuccess: (session) => {
      client.clear();
      client.setQueryData(keys.me, session.user);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>("/api/auth/logout"),
    onSettled: () => {
      client.clear();
      client.setQueryData(keys.me, null);
    },
  });
}

/** A planner's client households with their retirement headline. */
export function useClients() {
  return useQuery({
    queryKey: ["planner", "clients"],
    queryFn: () => api.get<Page<ClientSummary>>("/api/planner/clients"),
  });
}

/** The households the user may see (a client's is their own). */
export function useHouseholds(enabled: boolean) {
  return useQuery({
    queryKey: ["households"],
    queryFn: () => api.get<Page<Household>>("/api/households"),
    enabled,
  });
}

const householdPath = (id: string) => `/api/households/${encodeURIComponent(id)}`;

export function useHousehold(id: string) {
  return useQuery({
    queryKey: keys.household(id, "profile"),
    queryFn: () => api.get<Household>(householdPath(id)),
  });
}

export function useRetirementGap(id: string) {
  return useQuery({
    queryKey: keys.household(id, "retirement-gap"),
    queryFn: () => api.get<RetirementGap>(`${householdPath(id)}/retirement/gap`),
  });
}

export function useSpendingAnalysis(id: string) {
  return useQuery({
    queryKey: keys.household(id, "spending-analysis"),
    queryFn: () => api.get<SpendingAnalysis>(`${householdPath(id)}/spending/analysis`),
  });
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
