import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render } from "@testing-library/react";
import type { ReactElement } from "react";
import { afterEach, vi } from "vitest";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** One request the component made, as the API would receive it. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  /** The If-Match header, recorded only when one was sent. */
  readonly ifMatch?: string;
}

type Answer = { status?: number; body: unknown } | ((request: RecordedRequest) => unknown);

/**
 * A stand-in for the API behind `fetch`: answers by "METHOD /path" (query string included when the
 * key has one) and records every request, so a test can assert what was sent, and that nothing was.
 */
export function fakeApi(routes: Record<string, Answer>): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? "GET";
    const body = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    const ifMatch = (init.headers as Record<string, string> | undefined)?.["if-match"];
    const request = { method, path: input, body, ...(ifMatch === undefined ? {} : { ifMatch }) };
    requests.push(request);
    const answer = routes[`${method} ${input}`] ?? routes[`${method} ${input.split("?")[0]}`];
    if (answer === undefined)
      return json(404, { error: "not_found", message: `no route ${method} ${input}` });
    if (typeof answer === "function") return json(200, answer(request));
    return json(answer.status ?? 200, answer.body);
  });
  return requests;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/** Renders `ui` with a fresh query client that does not retry (a failed request shows at once). */
export function renderWithQueries(ui: ReactElement) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}
