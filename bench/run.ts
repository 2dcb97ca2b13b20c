import { educationBenchmarks } from "./education.bench.ts";
import { type BenchmarkResult, met, renderResults } from "./harness.ts";
import { httpBenchmarks } from "./http.bench.ts";
import { kafkaBenchmarks } from "./kafka.bench.ts";
import { retirementBenchmarks } from "./retirement.bench.ts";
import { spendingBenchmarks } from "./spending.bench.ts";
import { webBenchmarks } from "./web.bench.ts";

/** Every benchmark suite; `npm run bench` runs them all and prints each figure against its target. */
const suites = [
  retirementBenchmarks,
  educationBenchmarks,
  spendingBenchmarks,
  httpBenchmarks,
  kafkaBenchmarks,
  webBenchmarks,
];

const results: BenchmarkResult[] = [];
for (const suite of suites) {
  process.stderr.write(`running ${suite.name} benchmarks…\n`);
  results.push(...(await suite.run()));
}
console.log(renderResults(results));
const missed = results.filter((r) => !met(r)).length;
console.log(
  missed === 0 ? "\nAll targets met on this machine." : `\n${missed} target(s) missed on this machine.`,
);
