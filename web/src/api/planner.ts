import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "./client.ts";
import { householdPath } from "./hooks.ts";
import {
  type ClientSummary,
  keepLiveMarks,
  type MetricEvent,
  mergeMetricEvent,
  parseMetricEvent,
} from "./planner-metrics.ts";
import type { Page } from "./types.ts";

export type { ClientSummary } from "./planner-metrics.ts";

/** The planner's client list; other areas refetch it when they change what its cards show. */
export const CLIENTS_KEY = ["planner", "clients"] as const;
/** The API's largest page: the list sorts on the client, so it loads every client it can at once. */
export const CLIENT_PAGE_SIZE = 200;

/** Wait after the last stream event before refetching the list for the details events do not carry. */
const DETAIL_REFRESH_MS = 1500;

/**
 * A planner's client households with their retirement headline and relationship metrics. A refetch
 * keeps the marks of clients the stream updated.
 */
export function useClients() {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: CLIENTS_KEY,
    queryFn: async () =>
      keepLiveMarks(
        queryClient.getQueryData<Page<ClientSummary>>(CLIENTS_KEY),
        await api.get<Page<ClientSummary>>(`/api/planner/clients?limit=${CLIENT_PAGE_SIZE}`),
      ),
  });
}

export type LiveStatus = "connecting" | "connected" | "reconnecting";

export interface PlannerMetrics {
  readonly status: LiveStatus;
  /** The latest event applied to the client list, for the page to announce. */
  readonly latest: MetricEvent | null;
}

/** Wait before reconnecting after the n-th failed attempt: 1 s, 2 s, 4 s … up to 30 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** attempt);
}

/**
 * Live relationship metrics: the server's event stream (same origin, the session cookie) merged
 * into the client list's query cache, so score cards change without a reload. The browser retries a
 * dropped stream on its own; a stream the server refused or closed is reopened here with back-off.
 * Each (re)connection after the first refetches the list, since events sent while disconnected are
 * not replayed. An event carries one score; shortly after a burst of them the list is refetched
 * for the parts behind the scores (interaction count, each goal's status).
 */
export function usePlannerMetrics(): PlannerMetrics {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [latest, setLatest] = useState<MetricEvent | null>(null);
  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let refresh: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let connectedBefore = false;
    const connect = () => {
      source = new EventSource("/api/planner/metrics/stream");
      source.addEventListener("ready", () => {
        if (connectedBefore) void queryClient.invalidateQueries({ queryKey: CLIENTS_KEY });
        connectedBefore = true;
        failures = 0;
        setStatus("connected");
      });
      source.addEventListener("metric", (message) => {
        const event = parseMetricEvent((message as MessageEvent<string>).data);
        if (!event) return;
        queryClient.setQueryData<Page<ClientSummary>>(CLIENTS_KEY, (page) => mergeMetricEvent(page, event));
        setLatest(event);
        clearTimeout(refresh);
        refresh = setTimeout(
          () => void queryClient.invalidateQueries({ queryKey: CLIENTS_KEY }),
          DETAIL_REFRESH_MS,
        );
      });
      source.addEventListener("error", () => {
        setStatus("reconnecting");
        if (source?.readyState !== EventSource.CLOSED) return;
        source.close();
        retry = setTimeout(connect, reconnectDelay(failures++));
      });
    };
    connect();
    return () => {
      clearTimeout(retry);
      clearTimeout(refresh);
      source?.close();
    };
  }, [queryClient]);
  return { status, latest };
}

/** The kinds of interaction a planner records (the API's other kinds are the client's own). */
export const PLANNER_INTERACTIONS = {
  meeting: "Meeting",
  message: "Call or message",
  task_done: "Task completed",
} as const;

export type PlannerInteraction = keyof typeof PLANNER_INTERACTIONS;

export interface NewInteraction {
  kind: PlannerInteraction;
  /** ISO 8601 instant; the server uses now when absent. */
  occurred_at?: string;
}

/**
 * Records an interaction with a client household. The server recomputes the client's metrics and
 * streams them; when the stream is not connected the list is refetched instead.
 */
export function useLogInteraction(householdId: string, live: LiveStatus) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (interaction: NewInteraction) =>
      api.post<{ id: string; events: number }>(`${householdPath(householdId)}/interactions`, interaction),
    onSuccess: () => {
      if (live !== "connected") void queryClient.invalidateQueries({ queryKey: CLIENTS_KEY });
    },
  });
}
