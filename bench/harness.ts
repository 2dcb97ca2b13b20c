/**
 * A small benchmark harness: each benchmark measures one figure and compares it with the target
 * its issue sets, so the output says plainly whether the target is met on this machine.
 */
export interface BenchmarkResult {
  readonly name: string;
  readonly measured: number;
  readonly unit: string;
  /** "max": the measured figure must not exceed the target (a time); "min": must reach it (a rate). */
  readonly goal: "max" | "min";
  readonly target: number;
  readonly detail?: string;
}

export interface BenchmarkSuite {
  readonly name: string;
  run(): BenchmarkResult[] | Promise<BenchmarkResult[]>;
}

/**
 * Median wall time of one call of `fn`, in milliseconds, over `samples` timed calls after
 * `warmup` untimed ones (the median resists a stray garbage collection or scheduler pause).
 */
export function medianMilliseconds(
  fn: () => unknown,
  samples: number,
  warmup = Math.max(1, samples / 5),
): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Calls per second of `fn`, timed in batches of `batch` calls for `seconds` seconds. */
export function callsPerSecond(fn: () => unknown, seconds = 1, batch = 1000): number {
  for (let i = 0; i < batch; i++) fn();
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    for (let i = 0; i < batch; i++) fn();
    calls += batch;
    elapsed = performance.now() - start;
  }
  return calls / (elapsed / 1000);
}

export function met(result: BenchmarkResult): boolean {
  return result.goal === "max" ? result.measured <= result.target : result.measured >= result.target;
}

function figure(value: number, unit: string): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
}

export function renderResults(results: readonly BenchmarkResult[]): string {
  const rows = results.map((r) => [
    r.name,
    `${r.goal === "max" ? "≤" : "≥"} ${figure(r.target, r.unit)}`,
    figure(r.measured, r.unit),
    met(r) ? "met" : "MISSED",
    r.detail ?? "",
  ]);
  const header = ["benchmark", "target", "measured", "", "detail"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
