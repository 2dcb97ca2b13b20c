import { educationBenchmarks } from "./education.bench.ts";
import { type BenchmarkResult, met, renderResults } from "./harness.ts";
import { httpBenchmarks } from "./http.bench.ts";
import { kafkaBenchmarks } from "./kafka.bench.ts";
import { retirementBenchmarks } from "./retirement.bench.ts";
import { spendingBenchmarks } from "./spending.bench.ts";
import { webBenchmarks } from "./web.bench.ts";

/**
 * Every benchmark suite; `npm run bench` runs them all and prints each figure against its target.
 * `npm run bench -- spending http` runs only the suites whose names contain one of the words.
 */
const suites = [
  retirementBenchmarks,
  educationBenchmarks,
  spendingBenchmarks,
  httpBenchmarks,
  kafkaBenchmarks,
  webBenchmarks,
];

const wanted = process.argv.slice(2).map((word) => word.toLowerCase());
const chosen = suites.filter(
  (s) => wanted.length === 0 || wanted.some((w) => s.name.toLowerCase().includes(w)),
);
if (chosen.length === 0) {
  console.error(
    `no benchmark suite matches ${wanted.join(", ")}; suites: ${suites.map((s) => s.name).join(", ")}`,
  );
  process.exit(2);
}

const results: BenchmarkResult[] = [];
for (const suite of chosen) {
  process.stderr.write(`running ${suite.name} benchmarks…\n`);
  results.push(...(await suite.run()));
}
console.log(renderResults(results));
const missed = results.filter((r) => !met(r)).length;
console.log(
  missed === 0 ? "\nAll targets met on this machine." : `\n${missed} target(s) missed on this machine.`,
);
