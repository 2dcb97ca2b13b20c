import { useQuery } from "@tanstack/react-query";
import { api } from "./client.ts";
import type { Page } from "./types.ts";

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

/** A planner's client households with their retirement headline. */
export function useClients() {
  return useQuery({
    queryKey: ["planner", "clients"],
    queryFn: () => api.get<Page<ClientSummary>>("/api/planner/clients"),
  });
}
