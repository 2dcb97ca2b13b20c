import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { forgetExpiredSession } from "./api/hooks.ts";
import { App } from "./app.tsx";
import "./styles.css";

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error) => forgetExpiredSession(queryClient, error) }),
  defaultOptions: {
    queries: {
      // A 401 or 404 will not change on a retry; anything else gets one more try.
      retry: (failures, error) => failures < 1 && !(error instanceof Error && "status" in error),
      refetchOnWindowFocus: false,
      staleTime: 60_000,
    },
  },
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
