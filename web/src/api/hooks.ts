import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, hasSessionCookie } from "./client.ts";
import type { Household, Page, User } from "./types.ts";

/** One query key per API resource, so a logout can drop everything a user saw. */
export const keys = {
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

/** The households the user may see (a client's is their own). */
export function useHouseholds(enabled: boolean) {
  return useQuery({
    queryKey: ["households"],
    queryFn: () => api.get<Page<Household>>("/api/households"),
    enabled,
  });
}

export const householdPath = (id: string) => `/api/households/${encodeURIComponent(id)}`;

export function useHousehold(id: string) {
  return useQuery({
    queryKey: keys.household(id, "profile"),
    queryFn: () => api.get<Household>(householdPath(id)),
  });
}
