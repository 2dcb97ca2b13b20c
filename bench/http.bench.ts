import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import type { BenchmarkResult, BenchmarkSuite } from "./harness.ts";

interface BenchServer {
  readonly url: string;
  readonly token: string;
  readonly process: ChildProcess;
}

/** Starts bench/support/bench-server.ts in a child process and waits for its {url, token} line. */
async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<BenchServer> {
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
  const { url, token } = JSON.parse(first) as { url: string; token: string };
  return { url, token, process: child };
}

async function load(options: autocannon.Options): Promise<autocannon.Result> {
  return autocannon({ connections: 16, duration: 8, ...options });
}

export const httpBenchmarks: BenchmarkSuite = {
  name: "HTTP API",
  async run(): Promise<BenchmarkResult[]> {
    const server = await startServer();
    try {
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
      // Warm the server's code paths before measuring.
      await load({ url: `${server.url}/api/retirement/gap`, method: "POST", headers, body, duration: 2 });
      const gap = await load({ url: `${server.url}/api/retirement/gap`, method: "POST", headers, body });
      const failed = gap.non2xx + gap.errors;
      return [
        {
          name: "POST /api/retirement/gap throughput",
          measured: gap.requests.average,
          unit: "req/s",
          goal: "min",
          target: 3000,
          detail: `16 connections, 8 s, ${gap.requests.total} requests, ${failed} failed; server in its own process`,
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
    } finally {
      server.process.kill("SIGTERM");
    }
  },
};
