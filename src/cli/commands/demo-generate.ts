import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { demoGenerateRequest } from "../../app/spending.ts";
import { cardCsv, cardOfx, checkingCsv, generateDemoHousehold } from "../../core/spending/demo-household.ts";
import { requestFromOptions, todayIso } from "../options.ts";
import { print, printJson } from "../output.ts";

/** The 24 months before the current one, as the default start (YYYY-MM). */
function defaultStart(months: number): string {
  const [year, month] = todayIso().split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export function registerDemoGenerateCommand(demo: Command): void {
  demo
    .command("generate")
    .summary("write a synthetic household's statements")
    .description(
      "Write a synthetic household's statements in real export formats: checking.csv (bank style, charges negative), " +
        "credit-card.csv (card style, charges positive) and rewards-card.qfx (OFX 1.02). Merchants, amounts and " +
        "seasonality are realistic and invented; the same --seed and --start give the same files. Try them with " +
        "`finplan budget analyze --file checking.csv --file credit-card.csv --file rewards-card.qfx --income 180000`.",
    )
    .option("--months <n>", "months of history, 1 to 120", "24")
    .option("--seed <n>", "random seed", "7")
    .option("--start <month>", "first month, YYYY-MM (default: the months up to last month)")
    .requiredOption("--out <dir>", "directory to write the files to (created if missing)")
    .option("--json", "print JSON (the files written)")
    .action((options: Record<string, unknown>) => {
      const { out, ...flags } = options;
      const request = requestFromOptions(demoGenerateRequest, flags);
      const household = generateDemoHousehold({
        seed: request.seed,
        months: request.months,
        start: request.start ?? defaultStart(request.months),
      });
      const files = {
        "checking.csv": checkingCsv(household.checking),
        "credit-card.csv": cardCsv(household.card),
        "rewards-card.qfx": cardOfx(household.rewardsCard, "4111XXXXXXXX9876"),
      };
      mkdirSync(out as string, { recursive: true });
      const written = Object.entries(files).map(([name, text]) => {
        const path = join(out as string, name);
        writeFileSync(path, text);
        return { path, rows: text.split("\n").filter((l) => l.trim() !== "").length };
      });
      if (options.json) printJson({ files: written });
      else print(written.map((w) => `wrote ${w.path} (${w.rows} lines)`).join("\n"));
    });
}
