import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { seededRandom } from "../src/core/random.ts";
import { startPostgres } from "../test/setup/postgres-server.ts";
import type { BenchmarkResult, BenchmarkSuite } from "./harness.ts";

interface BenchServer {
  readonly url: string;
  readonly token: string;
  readonly tenYearsHousehold: string;
  readonly emptyHousehold: string;
  readonly process: ChildProcess;
}

/** Starts bench/support/bench-server.ts in a child process and waits for its ready line. */
async function startServer(databaseUrl?: string): Promise<BenchServer> {
  const env = { ...process.env, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  const child = spawn(
    process.execPath,
    ["--import", "tsx", new URL("./support/bench-server.ts", import.meta.url).pathname],
    {
      env,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { ...(JSON.parse(first) as Omit<BenchServer, "process">), process: child };
}

async function stop(server: BenchServer): Promise<void> {
  const exited = new Promise((resolve) => server.process.once("exit", resolve));
  server.process.kill("SIGTERM");
  await exited;
}

async function load(options: autocannon.Options): Promise<autocannon.Result> {
  await autocannon({ connections: 16, ...options, duration: 2 }); // warm the server's code paths first
  return autocannon({ connections: 16, duration: 8, ...options });
}

/** A checking-account export of `rows` distinct transactions over ten years (seeded, invented merchants). */
function syntheticStatement(rows: number): string {
  const random = seededRandom(2026);
  const merchants = [
    "WHOLE FOODS MARKET",
    "SHELL OIL",
    "NETFLIX.COM",
    "CITY WATER UTIL",
    "DELTA AIR LINES",
    "CVS PHARMACY",
    "AMC THEATRES",
    "CHIPOTLE",
  ];
  const lines = ["Date,Description,Amount"];
  for (let i = 0; i < rows; i++) {
    const day = Math.floor((i / rows) * 3650);
    const date = new Date(Date.UTC(2016, 0, 1) + day * 86_400_000);
    const mmddyyyy = `${String(date.getUTCMonth() + 1).padStart(2, "0")}/${String(date.getUTCDate()).padStart(2, "0")}/${date.getUTCFullYear()}`;
    const merchant = merchants[Math.floor(random.next() * merchants.length)];
    const amount = (5 + random.next() * 200).toFixed(2);
    lines.push(`${mmddyyyy},${merchant} #${i % 997},-${amount}`);
  }
  return `${lines.join("\n")}\n`;
}

async function retirementGapLoad(server: BenchServer): Promise<BenchmarkResult[]> {
  const headers = { authorization: `Bearer ${server.token}`, "content-type": "application/json" };
  const body = JSON.stringify({
    age: 45,
    retirement_age: 65,
    savings: 350000,
    monthly_contribution: 2000,
    desired_income: 120000,
    social_security: 30000,
    return: 0.06,
  });
  const gap = await load({ url: `${server.url}/api/retirement/gap`, method: "POST", headers, body });
  return [
    {
      name: "POST /api/retirement/gap throughput",
      measured: gap.requests.average,
      unit: "req/s",
      goal: "min",
      target: 3000,
      detail: `16 connections, 8 s, ${gap.requests.total} requests, ${gap.non2xx + gap.errors} failed; embedded database`,
    },
    {
      name: "POST /api/retirement/gap p99 latency",
      measured: gap.latency.p99,
      unit: "ms",
      goal: "max",
      target: 25,
      detail: `p50 ${gap.latency.p50} ms`,
    },
  ];
}

async function postgresLoads(server: BenchServer): Promise<BenchmarkResult[]> {
  const auth = { authorization: `Bearer ${server.token}` };
  const monthly = await load({
    url: `${server.url}/api/households/${server.tenYearsHousehold}/spending/monthly`,
    headers: auth,
  });
  const rows = 100_000;
  const form = new FormData();
  form.set("file", new File([syntheticStatement(rows)], "ten-years.csv", { type: "text/csv" }));
  const started = performance.now();
  const response = await fetch(`${server.url}/api/households/${server.emptyHousehold}/transactions/import`, {
    method: "POST",
    headers: auth,
    body: form,
  });
  const report = (await response.json()) as { imported?: number };
  const seconds = (performance.now() - started) / 1000;
  return [
    {
      name: "GET 10 years of monthly spending (PostgreSQL)",
      measured: monthly.requests.average,
      unit: "req/s",
      goal: "min",
      target: 1000,
      detail: `120 months, 16 connections, ${monthly.non2xx + monthly.errors} failed, p99 ${monthly.latency.p99} ms`,
    },
    {
      name: "import 100,000 transactions via the API (PostgreSQL)",
      measured: seconds,
      unit: "s",
      goal: "max",
      target: 5,
      detail: `HTTP ${response.status}, ${report.imported ?? 0} imported, one multipart upload`,
    },
  ];
}

export const httpBenchmarks: BenchmarkSuite = {
  name: "HTTP API",
  async run(): Promise<BenchmarkResult[]> {
    const embedded = await startServer();
    const results: BenchmarkResult[] = [];
    try {
      results.push(...(await retirementGapLoad(embedded)));
    } finally {
      await stop(embedded);
    }
    const postgres = await startPostgres();
    try {
      const server = await startServer(postgres.url);
      try {
        results.push(...(await postgresLoads(server)));
      } finally {
        await stop(server);
      }
    } finally {
      postgres.stop();
    }
    return results;
  },
};
