import { execFileSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { seededRandom } from "../src/core/random.ts";
import type { BenchmarkSuite } from "./harness.ts";

const ROWS = 1_000_000;
const DAYS = 3 * 365;
const MERCHANTS = [
  "WHOLE FOODS MARKET #",
  "TRADER JOE'S #",
  "STARBUCKS STORE ",
  "CHIPOTLE ",
  "SHELL OIL ",
  "AMZN MKTP US*",
  "NETFLIX.COM ",
  "UBER EATS ",
  "CVS PHARMACY #",
  "TARGET ",
  "DELTA AIR LINES ",
  "PUGET SOUND ENERGY ",
  "GEICO *AUTO ",
  "SQ *LOCAL BISTRO ",
  "COSTCO WHSE #",
  "ACME CORP PAYROLL PPD ID: ",
];

/**
 * Writes a Chase-style checking export of `rows` seeded rows over three years, newest first as
 * banks export them, with store numbers varying so descriptions rarely repeat exactly.
 */
async function writeStatement(path: string, rows: number): Promise<void> {
  const random = seededRandom(42);
  const out = createWriteStream(path);
  out.write("Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #\n");
  let batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    const merchant = MERCHANTS[Math.floor(random.next() * MERCHANTS.length)]!;
    const income = merchant.startsWith("ACME");
    const cents = Math.floor(random.next() * (income ? 600_000 : 25_000)) + 100;
    const amount = `${income ? "" : "-"}${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
    const day = new Date(Date.UTC(2025, 11, 31) - Math.floor((i * DAYS) / rows) * 86_400_000);
    const date = `${String(day.getUTCMonth() + 1).padStart(2, "0")}/${String(day.getUTCDate()).padStart(2, "0")}/${day.getUTCFullYear()}`;
    const description = `${merchant}${Math.floor(random.next() * 9000) + 1000} SEATTLE WA`;
    batch.push(`${income ? "CREDIT" : "DEBIT"},${date},"${description}",${amount},ACH,,`);
    if (batch.length === 10_000) {
      if (!out.write(`${batch.join("\n")}\n`))
        await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      batch = [];
    }
  }
  out.write(`${batch.join("\n")}\n`);
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

export const spendingBenchmarks: BenchmarkSuite = {
  name: "spending",
  async run() {
    const dir = mkdtempSync(join(tmpdir(), "finplan-bench-"));
    try {
      const path = join(dir, "statement.csv");
      await writeStatement(path, ROWS);
      const megabytes = statSync(path).size / 1e6;
      const pipeline = fileURLToPath(new URL("./spending-pipeline.ts", import.meta.url));
      const output = execFileSync(process.execPath, ["--import", "tsx", pipeline, path], {
        encoding: "utf8",
      });
      const result = JSON.parse(output) as {
        rows: number;
        imported: number;
        milliseconds: number;
        peakRssBytes: number;
      };
      if (result.imported !== ROWS) throw new Error(`imported ${result.imported} of ${ROWS} rows`);
      const detail = `${ROWS.toLocaleString("en-US")} rows in date order, ${megabytes.toFixed(0)} MB CSV streamed in 1 MB chunks`;
      return [
        {
          name: "import + categorize + roll-up, CSV",
          measured: result.rows / (result.milliseconds / 1000),
          unit: "rows/s",
          goal: "min",
          target: 250_000,
          detail: `${detail}; ${(result.milliseconds / 1000).toFixed(2)} s`,
        },
        {
          name: "peak memory of that import (RSS high-water)",
          measured: result.peakRssBytes / 1e6,
          unit: "MB",
          goal: "max",
          target: 400,
          detail: "getrusage maxrss of a child process running only the pipeline",
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
