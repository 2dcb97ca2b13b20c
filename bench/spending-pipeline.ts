import { createReadStream } from "node:fs";
import { Categorizer } from "../src/core/spending/categorizer.ts";
import { IdSet } from "../src/core/spending/import/id-set.ts";
import { createStatementImport } from "../src/core/spending/import/statement-import.ts";
import { MonthlyRollup } from "../src/core/spending/monthly-rollup.ts";

/**
 * Child process of the spending benchmark: streams one CSV statement through import, categorize
 * and the monthly roll-up, then prints rows, milliseconds and the process's peak resident set
 * size (getrusage maxrss), so the memory figure belongs to this pipeline alone.
 */
const path = process.argv[2]!;
const start = performance.now();
const categorizer = new Categorizer();
const rollup = new MonthlyRollup();
const run = createStatementImport({ fallbackAccount: "bench" }, new IdSet(), (t) => {
  rollup.add(t.date, t.amount.cents, categorizer.categorize(t).category);
});
for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 }))
  run.push(chunk as string);
const report = run.end();
const months = rollup.rows().length;
const milliseconds = performance.now() - start;
process.stdout.write(
  JSON.stringify({
    rows: report.rowsRead,
    imported: report.imported,
    months,
    milliseconds,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
