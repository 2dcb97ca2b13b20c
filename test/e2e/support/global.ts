import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { type DemoServer, startDemoServer } from "./demo-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

let server: DemoServer | null = null;

/** Installs chromium when missing and starts one demo server for every browser test. */
export async function setup(project: TestProject): Promise<void> {
  const chromiumPath = execFileSync(
    "bash",
    [new URL("../../../scripts/ensure-chromium.sh", import.meta.url).pathname],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  ).trim();
  server = await startDemoServer();
  project.provide("baseUrl", server.url);
  project.provide("chromiumPath", chromiumPath);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
