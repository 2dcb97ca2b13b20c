import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { launchChromium } from "../test/e2e/support/browser.ts";
import { type DemoServer, startDemoServer } from "../test/e2e/support/demo-server.ts";
import type { BenchmarkResult, BenchmarkSuite } from "./harness.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const DIST = `${ROOT}web/dist/`;
const DEMO_PLANNER = "planner@demo.finplan";
const DEMO_PASSWORD = "finplan-demo-2026";
const RENDER_RUNS = 7;
const PIE_SECTOR = ".recharts-pie-sector";

/** The scripts index.html loads at once: its module entry and the chunks it preloads (not lazy chunks). */
export function initialScripts(indexHtml: string): string[] {
  const sources = [...indexHtml.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((m) => m[1]!);
  const preloads = [...indexHtml.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  return [...new Set([...sources, ...preloads])];
}

/** Gzipped bytes (zlib's default level, as a server compresses on the fly) of the initial route's scripts. */
function initialJavaScript(): { bytes: number; files: number } {
  const scripts = initialScripts(readFileSync(`${DIST}index.html`, "utf8"));
  const bytes = scripts.reduce(
    (sum, src) => sum + gzipSync(readFileSync(`${DIST}${src.replace(/^\//, "")}`)).length,
    0,
  );
  return { bytes, files: scripts.length };
}

async function chenHousehold(server: DemoServer): Promise<string> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: DEMO_PLANNER, password: DEMO_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const clients = await fetch(`${server.url}/api/planner/clients`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const { items } = (await clients.json()) as { items: { id: string; name: string }[] };
  const chen = items.find((item) => item.name === "Chen household");
  if (!chen) throw new Error("the demo firm has no Chen household");
  return chen.id;
}

/**
 * Milliseconds from navigation start until the budget pie chart's first sector is in the page, for a
 * logged-in planner opening a household page in a fresh browser context (empty HTTP cache). A
 * MutationObserver installed before any page script notes the instant; performance.now() counts
 * from the navigation's start.
 */
async function budgetRender(browser: Browser, server: DemoServer, householdId: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const login = await context.request.post(`${server.url}/api/auth/login`, {
      data: { email: DEMO_PLANNER, password: DEMO_PASSWORD },
    });
    if (login.status() !== 200) throw new Error(`demo login answered ${login.status()}`);
    const page = await context.newPage();
    await page.addInitScript(`(() => {
      const seen = () => {
        if (window.__pieDrawnAt !== undefined || !document.querySelector(${JSON.stringify(PIE_SECTOR)})) return;
        window.__pieDrawnAt = performance.now();
      };
      new MutationObserver(seen).observe(document, { childList: true, subtree: true });
    })()`);
    await page.goto(`${server.url}/households/${householdId}`);
    await page.waitForFunction("window.__pieDrawnAt !== undefined", null, { timeout: 30_000 });
    return (await page.evaluate("window.__pieDrawnAt")) as number;
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export const webBenchmarks: BenchmarkSuite = {
  name: "web dashboard",
  async run(): Promise<BenchmarkResult[]> {
    execFileSync("npm", ["run", "--silent", "build:web"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    });
    const js = initialJavaScript();
    const chromium = execFileSync("bash", [`${ROOT}scripts/ensure-chromium.sh`], { encoding: "utf8" }).trim();
    const server = await startDemoServer();
    const browser = await launchChromium(chromium);
    try {
      const household = await chenHousehold(server);
      await budgetRender(browser, server, household); // warms the server's code paths, not the browser
      const times: number[] = [];
      for (let i = 0; i < RENDER_RUNS; i++) times.push(await budgetRender(browser, server, household));
      return [
        {
          name: "initial route JavaScript, gzipped",
          measured: js.bytes / 1000,
          unit: "kB",
          goal: "max",
          target: 300,
          detail: `${js.files} file(s) index.html loads at once; lazy route chunks excluded`,
        },
        {
          name: "budget dashboard first render (Chromium)",
          measured: median(times),
          unit: "ms",
          goal: "max",
          target: 1500,
          detail: `navigation start → pie chart drawn, median of ${RENDER_RUNS} fresh contexts (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)} ms); demo server, embedded database`,
        },
      ];
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
