import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createAccount } from "../../src/app/accounts.ts";
import { FileFundListStore } from "../../src/data/fund-list-store.ts";
import { referenceData } from "../../src/data/reference-data.ts";
import type { Database } from "../../src/db/database.ts";
import { createApp } from "../../src/server/app.ts";
import { listen, type RunningServer } from "../../src/server/listen.ts";
import { createLogger } from "../../src/server/logger.ts";
import {
  type MetricsStreaming,
  startMetricsStreaming,
} from "../../src/server/streaming/metrics-streaming.ts";
import { type DatabaseKind, freshDatabase } from "./databases.ts";

export const PASSWORD = "correct horse battery";

/**
 * A server with the metrics pipeline for tests: two planners (ann, bob), each with one client
 * household; events go through Kafka when `brokers` is given, in-process otherwise.
 */
export interface MetricsServer {
  readonly url: string;
  readonly annHousehold: string;
  readonly bobHousehold: string;
  readonly streaming: MetricsStreaming;
  call(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
  login(email: string): Promise<string>;
  close(): Promise<void>;
}

export async function startMetricsServer(
  db: Database,
  brokers: readonly string[] | null,
  groupId?: string,
): Promise<MetricsServer> {
  const account = (email: string, role: "client" | "planner", planner?: string) =>
    createAccount(db, { email, password: PASSWORD, role, ...(planner ? { planner } : {}) });
  await account("ann@firm.test", "planner");
  await account("bob@firm.test", "planner");
  const ann = await account("carla@client.test", "client", "ann@firm.test");
  const bob = await account("dmitri@client.test", "client", "bob@firm.test");
  const logger = createLogger("silent");
  const streaming = await startMetricsStreaming({
    db,
    logger,
    brokers,
    ...(groupId ? { groupId } : {}),
    relay: { pollMs: 20 },
  });
  const refs = referenceData();
  const fundLists = new FileFundListStore(
    mkdtempSync(join(tmpdir(), "finplan-funds-")),
    refs.education.baselineFundLists,
  );
  const server: RunningServer = await listen(
    createApp({ db, refs, fundLists, now: () => new Date(), logger, metrics: streaming }),
    0,
    "127.0.0.1",
  );
  const call = (path: string, init: RequestInit & { token?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set("authorization", `Bearer ${init.token}`);
    if (typeof init.body === "string" && !headers.has("content-type"))
      headers.set("content-type", "application/json");
    return fetch(`${server.url}${path}`, { ...init, headers });
  };
  return {
    url: server.url,
    annHousehold: ann.householdId as string,
    bobHousehold: bob.householdId as string,
    streaming,
    call,
    async login(email) {
      const response = await call("/api/auth/login", {
        method: "POST",
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      if (response.status !== 200) throw new Error(`login ${email}: ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
    async close() {
      await streaming.close();
      await server.close();
    },
  };
}

/**
 * A fresh database of `kind` with an in-process metrics server on it for the enclosing suite:
 * registers the suite's beforeAll/afterAll and returns a handle read inside the tests.
 */
export function metricsServerForSuite(kind: DatabaseKind): {
  readonly db: Database;
  readonly server: MetricsServer;
} {
  const handle = {} as { db: Database; server: MetricsServer };
  beforeAll(async () => {
    handle.db = await freshDatabase(kind);
    handle.server = await startMetricsServer(handle.db, null);
  });
  afterAll(async () => {
    await handle.server?.close();
    await handle.db?.close();
  });
  return handle;
}
