import type { Command } from "commander";
import { backtestRequest, historicalBacktestFor } from "../../app/retirement.ts";
import { backtestJson } from "../../app/retirement-json.ts";
import type { BacktestResult } from "../../core/retirement/historical-backtest.ts";
import { referenceData } from "../../data/reference-data.ts";
import { requestFromOptions, withFlagNames } from "../options.ts";
import { percent, print, printJson, renderPairs } from "../output.ts";

/** A strip of one character per start year: █ survived, ░ failed, so runs of bad years stand out. */
function windowStrip(result: BacktestResult): string {
  const rows: string[] = [];
  for (let i = 0; i < result.detail.length; i += 20) {
    const chunk = result.detail.slice(i, i + 20);
    const span = `${chunk[0]!.startYear}-${chunk[chunk.length - 1]!.startYear}`;
    rows.push(`${span}  ${chunk.map((w) => (w.succeeded ? "█" : "░")).join("")}`);
  }
  return [...rows, "           █ lasted the whole window   ░ ran out"].join("\n");
}

export function renderBacktest(result: BacktestResult): string {
  const failed = result.failedStartYears;
  return [
    `Historical backtest: ${result.windows} windows of ${result.years} years, starting ${result.fromYear}-${
      result.toYear - result.years + 1
    } (returns ${result.fromYear}-${result.toYear})`,
    "",
    renderPairs([
      [
        "Success rate",
        `${percent(result.successRate)} (${result.windows - failed.length} of ${result.windows} windows)`,
      ],
      ["Failed start years", failed.length === 0 ? "none" : failed.join(", ")],
      ["Median ending balance", result.medianEndingBalance.format({ cents: false })],
      [
        "Worst ending balance",
        `${result.worstEndingBalance.format({ cents: false })} (start ${result.worstStartYear})`,
      ],
    ]),
    "",
    windowStrip(result),
    "",
    `Method: ${result.method}`,
    "Data: S&P 500 and 10-year Treasury total returns, CPI-U (Damodaran from 1928, Shiller before); see data/markets/SOURCES.md.",
  ].join("\n");
}

export function registerBacktestCommand(retirement: Command): void {
  retirement
    .command("backtest")
    .summary("test a withdrawal rate against every historical period")
    .description(
      "Run a withdrawal plan through every historical window of market returns (the Trinity-study method in annual " +
        "steps) and report how often the money lasted. Rates are decimals: 0.04 for 4%.",
    )
    .requiredOption(
      "--stock-share <fraction>",
      "share of the portfolio in stocks, 0 to 1 (the rest in 10-year Treasuries)",
    )
    .requiredOption(
      "--withdrawal-rate <rate>",
      "first-year withdrawal as a share of the starting balance, e.g. 0.04",
    )
    .requiredOption("--years <n>", "length of each window in years, e.g. 30")
    .option(
      "--from <year>",
      "first start year considered (default 1928, the first year of the single-source series)",
    )
    .option("--to <year>", "last year of returns used (default: the latest year in the data)")
    .option("--initial-balance <amount>", "starting balance for the ending-balance figures (default 1000000)")
    .option("--json", "print JSON (snake_case keys, money as decimal strings)")
    .action((options: Record<string, string | boolean | undefined>) => {
      const request = requestFromOptions(backtestRequest, options);
      const result = withFlagNames(() => historicalBacktestFor(request, referenceData()));
      if (options.json) printJson(backtestJson(result));
      else print(renderBacktest(result));
    });
}
