import type { Command } from "commander";
import { type GapAnswer, gapRequest, retirementGapFor, type Simulation } from "../../app/retirement.ts";
import { gapJson } from "../../app/retirement-json.ts";
import { describeAge, describeDuration } from "../../core/dates.ts";
import type { Correction } from "../../core/retirement/correction-suggester.ts";
import { referenceData } from "../../data/reference-data.ts";
import { fanChart } from "../charts.ts";
import { requestFromOptions, today, withFlagNames } from "../options.ts";
import { percent, print, printJson, renderPairs, renderTable } from "../output.ts";
import { renderBacktest } from "./retirement-backtest.ts";
import { earningsFromFile } from "./retirement-ss.ts";

/** Fields whose flag is not simply the field name with dashes. */
const GAP_FLAGS = { years: "--retirement-years" };

function figureRows(answer: GapAnswer): string[][] {
  const { report } = answer;
  const todays = report.todayDollars;
  const shortfall = !report.gap.isNegative();
  return [
    ["Projected balance", report.projectedBalance.format(), todays.projectedBalance.format()],
    ["Required balance", report.requiredBalance.format(), todays.requiredBalance.format()],
    [
      shortfall ? "Gap (shortfall)" : "Surplus",
      (shortfall ? report.gap : report.gap.negate()).format(),
      (shortfall ? todays.gap : todays.gap.negate()).format(),
    ],
    [
      "Extra saving to close, monthly",
      report.requiredAdditionalMonthly.format(),
      todays.requiredAdditionalMonthly.format(),
    ],
  ];
}

function correctionRows(corrections: readonly Correction[]): string[][] {
  return corrections.map((c, i) => [
    String(i + 1),
    c.type,
    c.closesGap ? "yes" : "no",
    c.effort.toFixed(2),
    c.description,
  ]);
}

function renderSimulation(simulation: Simulation): string {
  if (simulation.kind === "historical") {
    return [
      `Withdrawal rate at retirement: ${percent(simulation.withdrawalRate, 2)}`,
      renderBacktest(simulation.result),
    ].join("\n");
  }
  const r = simulation.result;
  const every = Math.max(1, Math.round(r.percentiles.length / 12));
  const rows = r.percentiles
    .filter((_, i) => (i + 1) % every === 0 || i === r.percentiles.length - 1)
    .map((p) => ({ label: `year ${p.year}`, p10: p.p10, p50: p.p50, p90: p.p90 }));
  return [
    `Monte Carlo: ${percent(r.successProbability)} of ${r.paths.toLocaleString("en-US")} paths last through retirement ` +
      `(seed ${r.seed}, volatility ${percent(simulation.volatility)})`,
    "",
    "Balance by year (nominal)",
    fanChart(rows),
    "",
    `Method: ${r.method}`,
  ].join("\n");
}

export function renderGap(answer: GapAnswer): string {
  const { report, input } = answer;
  const span =
    answer.currentAgeMonths !== null && answer.retirementAgeMonths !== null
      ? ` (age ${describeAge(answer.currentAgeMonths)} → ${describeAge(answer.retirementAgeMonths)})`
      : "";
  const needed = input.desiredIncome.subtract(input.socialSecurity);
  const lines = [
    `Retirement gap: ${describeDuration(input.monthsToRetirement)} to retirement${span}`,
    "",
    renderTable(["", "At retirement", "Today's dollars"], figureRows(answer), ["left", "right", "right"]),
    "",
    renderPairs([
      [
        "Funded ratio",
        report.fundedRatio === null ? "fully covered by Social Security" : percent(report.fundedRatio),
      ],
      [
        "Required balance",
        `(${input.desiredIncome.format({ cents: false })} desired − ${input.socialSecurity.format({ cents: false })} Social Security` +
          `${needed.isNegative() ? ", covered" : ""}) ÷ ${percent(input.withdrawalRate, 2)} withdrawal rate, ` +
          `inflated ${percent(input.inflation, 2)} a year`,
      ],
      [
        "Projection",
        `${input.currentSavings.format({ cents: false })} now plus ${input.monthlyContribution.format({ cents: false })} a month ` +
          `at ${percent(input.expectedReturn, 2)} a year (monthly compounding, end-of-month contributions)`,
      ],
    ]),
  ];
  if (answer.socialSecurity) {
    const e = answer.socialSecurity.estimate;
    lines.push(
      "",
      `Social Security estimate: ${e.atClaimAge.monthly.format()} a month at ${describeAge(e.atClaimAge.claimAgeMonths)} ` +
        `(PIA ${e.pia.format()}, AIME $${e.aime.toLocaleString("en-US")})`,
    );
  }
  if (answer.corrections.length > 0) {
    lines.push(
      "",
      "Corrective moves, easiest first (effort: 1.0 = a major life change)",
      renderTable(
        ["#", "Move", "Closes gap", "Effort", "What"],
        correctionRows(answer.corrections),
        ["right", "left", "left", "right", "left"],
        [undefined, undefined, undefined, undefined, 72],
      ),
    );
  } else {
    lines.push("", "On track: the projected balance covers the required balance.");
  }
  if (answer.simulation) lines.push("", renderSimulation(answer.simulation));
  return lines.join("\n");
}

export function registerGapCommand(retirement: Command): void {
  retirement
    .command("gap")
    .summary("project savings against the balance retirement needs, and how to close the gap")
    .description(
      "Project savings to retirement and compare with the balance the desired income needs (the 4% rule on income " +
        "above Social Security), then suggest corrective moves. Rates are decimals (0.06 for 6%); money is in dollars; " +
        "desired income and Social Security are annual, in today's dollars. Give --age with --retirement-age, or " +
        "--years-to-retirement. Without --social-security, give --birth-date with --salary or --earnings-file to estimate it.",
    )
    .option("--age <years>", "current age in whole years")
    .option(
      "--birth-date <date>",
      "date of birth, YYYY-MM-DD (gives the age, and enables the Social Security estimate)",
    )
    .option("--retirement-age <age>", "age at retirement; 65.5 = 65 and 6 months")
    .option("--years-to-retirement <years>", "instead of the two ages")
    .requiredOption("--savings <amount>", "current retirement savings")
    .requiredOption("--monthly-contribution <amount>", "amount saved each month")
    .requiredOption("--desired-income <amount>", "annual income wanted in retirement, today's dollars")
    .option("--social-security <amount>", "expected annual Social Security, today's dollars (0 for none)")
    .option("--salary <amount>", "current covered earnings, to estimate Social Security")
    .option("--earnings-file <file>", "CSV year,earnings of covered earnings, to estimate Social Security")
    .option("--claim-age <age>", "age Social Security is claimed, 62 to 70 (default: full retirement age)")
    .option(
      "--income <amount>",
      "gross household income a year (to keep suggested saving affordable and rank moves)",
    )
    .requiredOption("--return <rate>", "expected annual portfolio return, e.g. 0.06")
    .option("--inflation <rate>", "annual inflation", "0.025")
    .option("--withdrawal-rate <rate>", "withdrawal rate in retirement", "0.04")
    .option("--contribution-growth <rate>", "yearly raise of the monthly contribution", "0")
    .option("--simulate <method>", "also estimate the probability of success: historical or monte-carlo")
    .option("--stock-share <fraction>", "stock share for the simulation, 0 to 1", "0.6")
    .option("--volatility <rate>", "annual volatility for monte-carlo (default: history of the stock share)")
    .option("--retirement-years <n>", "years retirement must last in the simulation", "30")
    .option("--paths <n>", "monte-carlo paths", "10000")
    .option("--seed <n>", "monte-carlo seed; the same seed gives the same result", "1")
    .option("--from <year>", "first year of market history used by the simulation (default 1928)")
    .option("--to <year>", "last year of market history used by the simulation")
    .option("--as-of <date>", "date of the analysis, YYYY-MM-DD (default: today)")
    .option("--json", "print JSON (snake_case keys, money as decimal strings)")
    .action((options: Record<string, string | boolean | undefined>) => {
      const request = requestFromOptions(gapRequest, options);
      const now = today();
      const history = earningsFromFile(
        options.earningsFile as string | undefined,
        (request.as_of ?? now).year,
      );
      const answer = withFlagNames(() => retirementGapFor(request, history, referenceData(), now), GAP_FLAGS);
      if (options.json) printJson(gapJson(answer));
      else print(renderGap(answer));
    });
}
