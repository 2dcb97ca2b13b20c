import type { Command } from "commander";
import { contributionPlanFor, type PlanAnswer, planRequest } from "../../app/education.ts";
import { planJson } from "../../app/education-json.ts";
import { referenceData } from "../../data/reference-data.ts";
import { barChart } from "../charts.ts";
import { requestFromOptions, todayIso, withFlagNames } from "../options.ts";
import { percent, print, printJson, renderPairs } from "../output.ts";

function renderPlan(answer: PlanAnswer): string {
  const p = answer.plan;
  const shortfall = !p.gap.isNegative();
  return [
    `College funding plan: ${p.yearsToEnrollment} years to enrollment in ${answer.timing.enrollmentYear}`,
    "",
    renderPairs([
      ["Annual cost today", `${p.annualCostToday.format({ cents: false })} (${answer.costSource})`],
      ["Four-year cost", `${p.fourYearCost.format()} (nominal, growing with college-cost inflation)`],
      ["Needed at enrollment", p.neededAtEnrollment.format()],
      ["Projected balance", p.projectedBalance.format()],
      [shortfall ? "Gap (shortfall)" : "Surplus", (shortfall ? p.gap : p.gap.negate()).format()],
      [
        "Extra monthly to close",
        p.additionalMonthly === null ? "n/a (no months left)" : p.additionalMonthly.format(),
      ],
      ["Or a lump sum today", p.lumpSumToday.format()],
      [
        "Superfunding (5-year election)",
        `up to ${p.superfunding.maxSingle.format({ cents: false })} per donor, ${p.superfunding.maxMarried.format({ cents: false })} per couple` +
          `${answer.exclusionExact ? "" : ` (${p.superfunding.exclusionYear} exclusion, the latest in the data)`}`,
      ],
    ]),
    "",
    barChart([
      { label: "needed", value: p.neededAtEnrollment },
      { label: "projected", value: p.projectedBalance },
      { label: "with max superfund", value: p.superfunding.balanceWithMaxSingle },
    ]),
    "",
    `Superfunding: ${p.superfunding.note}`,
    `Returns: ${answer.returnsSource}; weighted by the glide path each year (${p.expectedReturns
      .filter((_, i) => i === 0 || i === p.expectedReturns.length - 1)
      .map((r) => `${r.yearsToEnrollment} yrs ${percent(r.expectedReturn, 2)}`)
      .join(" … ")}).`,
    "Method: see src/core/education/contribution-planner.ts (monthly compounding, end-of-month contributions).",
  ].join("\n");
}

export function registerPlanCommand(group: Command): void {
  group
    .command("plan")
    .summary("four-year cost, projected balance, gap and how to close it")
    .description(
      "Plan contributions for one beneficiary: the four-year cost (today's annual cost, or the College Board average " +
        "published tuition, fees, housing and food for --college, data/529/college_costs.json), grown by college-cost " +
        "inflation (default 5%); the balance projected along the glide path with expected returns per asset class " +
        "(compound annual returns 1928 on of the S&P 500, 10-year Treasury and T-bills, data/markets); the gap; the level " +
        "extra monthly contribution and the lump sum today that close it; and the 5-year gift-tax superfunding limit " +
        "(5 × the federal annual exclusion, data/529/federal_rules.json).",
    )
    .requiredOption("--age <years>", "beneficiary's age (0-30)")
    .option("--balance <amount>", "current 529 balance", "0")
    .option("--monthly <amount>", "current monthly contribution", "0")
    .option("--annual-cost <amount>", "today's annual college cost (instead of --college)")
    .option("--college <type>", "public-in-state, public-out-of-state or private (College Board average)")
    .option("--inflation <rate>", "college-cost inflation as a decimal", "0.05")
    .option("--risk <level>", "glide path: conservative, moderate or aggressive", "moderate")
    .option("--enrollment-age <age>", "age at which college starts", "18")
    .option("--json", "print JSON (money as decimal strings)")
    .action((options: Record<string, string | boolean | undefined>) => {
      const request = requestFromOptions(planRequest, { ...options, asOf: todayIso() });
      const answer = withFlagNames(() => contributionPlanFor(request, referenceData().education));
      if (options.json) printJson(planJson(answer));
      else print(renderPlan(answer));
    });
}
