import { main } from "../../src/cli/main.ts";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the `finplan` CLI in-process with `args` (as typed after `finplan`), capturing what it
 * writes. The same `main` the bin script calls, so flag parsing, validation and exit codes are real.
 */
export async function runCli(args: readonly string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main(["node", "finplan", ...args]);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/** Runs a command with --json and parses its output; fails loudly if the command did not succeed. */
export async function runCliJson(args: readonly string[]): Promise<Record<string, unknown>> {
  const run = await runCli([...args, "--json"]);
  if (run.code !== 0) throw new Error(`finplan ${args.join(" ")} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}
