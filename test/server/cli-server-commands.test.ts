import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, runCliJson } from "../support/run-cli.ts";

const BIN = new URL("../../bin/finplan.js", import.meta.url).pathname;

describe("finplan db migrate, data load and user create on the embedded database", () => {
  let dir: string;
  const saved = process.env.FINPLAN_DATA_DIR;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "finplan-cli-db-"));
    process.env.FINPLAN_DATA_DIR = dir;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.FINPLAN_DATA_DIR;
    else process.env.FINPLAN_DATA_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it("migrates once, then reports the database up to date", async () => {
    const first = await runCliJson(["db", "migrate"]);
    expect((first.applied as string[]).length).toBeGreaterThan(0);
    expect(await runCliJson(["db", "migrate"])).toEqual({ applied: [] });
  });

  it("says in one line why the server cannot start on a port already in use, and exits", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      // The real binary, so a timer or connection left running after the failure would show as a hang.
      const run = spawn(process.execPath, [BIN, "serve", "--port", String(port)], {
        env: { ...process.env, FINPLAN_DATA_DIR: dir, LOG_LEVEL: "silent" },
      });
      let stderr = "";
      run.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const code = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => {
          run.kill("SIGKILL");
          resolve(null);
        }, 60_000);
        run.once("exit", (exitCode) => {
          clearTimeout(timer);
          resolve(exitCode);
        });
      });
      expect(code).toBe(1);
      expect(stderr).toBe(
        `error: port ${port} on 127.0.0.1 is already in use: stop the other server or choose another port with --port (or PORT)\n`,
      );
    } finally {
      taken.close();
    }
  }, 90_000);

  it("says in one line that a DATABASE_URL does not answer", async () => {
    process.env.DATABASE_URL = "postgres://finplan@127.0.0.1:1/nowhere";
    try {
      const run = await runCli(["db", "migrate"]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /^error: cannot reach PostgreSQL at 127\.0\.0\.1:1\/nowhere \(DATABASE_URL\): .*ECONNREFUSED/,
      );
      expect(run.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    } finally {
      delete process.env.DATABASE_URL;
    }
  });

  it("loads the reference tables", async () => {
    const counts = await runCliJson(["data", "load"]);
    expect(counts.plans).toBeGreaterThan(50);
  });

  it("creates a planner and a client linked to them, persisted across commands", async () => {
    const planner = await runCliJson([
      "user",
      "create",
      "--email",
      "pat@firm.test",
      "--password",
      "long enough pw",
      "--role",
      "planner",
    ]);
    expect((planner.user as { role: string }).role).toBe("planner");
    const client = await runCliJson([
      "user",
      "create",
      "--email",
      "Quinn@Client.test",
      "--password",
      "long enough pw",
      "--role",
      "client",
      "--planner",
      "pat@firm.test",
    ]);
    expect((client.user as { email: string }).email).toBe("quinn@client.test");
    expect(client.household_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    [
      ["--email", "pat@firm.test", "--password", "long enough pw", "--role", "planner"],
      "a user with email pat@firm.test exists",
    ],
    [
      ["--email", "x@firm.test", "--password", "short", "--role", "planner"],
      "--password: must be at least 10 characters",
    ],
    [
      ["--email", "x@firm.test", "--password", "long enough pw", "--role", "boss"],
      "--role: must be one of client, planner, admin",
    ],
    [
      ["--email", "nope", "--password", "long enough pw", "--role", "client"],
      "--email: is not an email address",
    ],
    [
      [
        "--email",
        "y@firm.test",
        "--password",
        "long enough pw",
        "--role",
        "client",
        "--planner",
        "ghost@firm.test",
      ],
      "--planner: no planner with email ghost@firm.test",
    ],
  ])("rejects %j with exit code 2", async (args, message) => {
    const run = await runCli(["user", "create", ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
