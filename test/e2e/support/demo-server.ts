import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../setup/free-port.ts";

export interface DemoServer {
  readonly url: string;
  stop(): Promise<void>;
}

const BIN = new URL("../../../bin/finplan.js", import.meta.url).pathname;

/**
 * `finplan serve --demo` as a child process on a free port with a fresh embedded database: the same
 * server and demo data `npm start` gives a person, serving the built web app from web/dist.
 */
export async function startDemoServer(): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "finplan-e2e-"));
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, "serve", "--demo", "--port", String(port)], {
    env: { ...process.env, FINPLAN_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Finplan API on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`finplan serve exited with ${code}:\n${output}`)));
  });
  return {
    url,
    stop: async () => {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
