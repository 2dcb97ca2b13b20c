import { readFileSync } from "node:fs";
import { IdSet } from "./src/core/spending/import/id-set.ts";
import { createStatementImport } from "./src/core/spending/import/statement-import.ts";

const text = readFileSync("/tmp/prof/s.csv", "utf8");
const chunks: string[] = [];
for (let i = 0; i < text.length; i += 1 << 20) chunks.push(text.slice(i, i + (1 << 20)));
for (const label of ["noop-seen", "set-seen"]) {
  const t = performance.now();
  let m = 0;
  const seen = label === "noop-seen" ? { has: () => false, add: () => undefined } : new IdSet();
  const run = createStatementImport(
    { fallbackAccount: "b", dateOrder: "mdy", sign: "charges-negative" },
    seen,
    () => m++,
  );
  for (const c of chunks) run.push(c);
  run.end();
  console.log(label, (performance.now() - t).toFixed(0), m, (process.memoryUsage().rss / 1e6).toFixed(0));
}
