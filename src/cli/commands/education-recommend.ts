import type { Command } from "commander";
import { type RecommendAnswer, recommendFor, recommendRequest } from "../../app/education.ts";
import { recommendJson } from "../../app/education-json.ts";
import type { GlidePathYear } from "../../core/education/glide-path.ts";
import { referenceData } from "../../data/reference-data.ts";
import { requestFromOptions, todayIso, withFlagNames } from "../options.ts";
import { print, printJson, renderPairs } from "../output.ts";

/** Allocation percents as fractions summing to 1, for JSON. */

const BAR = 50;

/** One stacked bar per year: █ equity, ▒ bonds, ░ money market, each cell 2 percentage points. */
export function stackedBars(path: readonly GlidePathYear[], highlight: number): string {
  const rows = path.map(({ yearsToEnrollment: y, allocation: a }) => {
    const eq = Math.round(a.equity / 2);
    const mm = Math.round(a.moneyMarket / 2);
    const bar = "█".repeat(eq) + "▒".repeat(Math.max(0, BAR - eq - mm)) + "░".repeat(mm);
    const mark = y === highlight ? "◀" : " ";
    const figures = `${String(a.equity).padStart(3)}/${String(a.fixedIncome).padStart(3)}/${String(a.moneyMarket).padStart(3)}`;
    return `${String(y).padStart(2)} yrs │${bar}│ ${figures} ${mark}`;
  });
  return [...rows, "        █ equity  ▒ bonds  ░ money market   (equity/bonds/money market, %)"].join("\n");
}

function renderRecommend(answer: RecommendAnswer): string {
  const { timing: t, allocation: a } = answer;
  const lines = [
    `Recommended 529 allocation (${answer.risk}): ${t.yearsToEnrollment} years to enrollment in ${t.enrollmentYear}${t.enrolled ? " (enrolled)" : ""}`,
    "",
    renderPairs([
      ["Equity", `${a.equity}%`],
      ["Bonds", `${a.fixedIncome}%`],
      ["Money market", `${a.moneyMarket}%`],
    ]),
    "",
    "Glide path",
    stackedBars(answer.path, t.yearsToEnrollment),
  ];
  if (answer.plan) {
    const m = answer.planMatch;
    lines.push(
      "",
      m
        ? `${answer.plan.name}: closest published portfolio "${m.portfolio}" of ${m.pathName} holds ${m.equityPercent}% equity, ` +
            `${m.equityDifference >= 0 ? "+" : ""}${m.equityDifference.toFixed(1)} points against the recommendation (as of ${m.asOf}; ${m.source})`
        : `${answer.plan.name}: no published glide path in data/529/glide_paths.json covers ${t.yearsToEnrollment} years to enrollment`,
    );
  }
  lines.push(
    "",
    "Method: anchors 18+ yrs 90/10, 10 yrs 70/30, 5 yrs 50/50, 2 yrs 30/70, 0 yrs 10% equity/90% money market, linear between; " +
      "risk shifts equity by min(years, 10) points; see src/core/education/glide-path.ts.",
  );
  return lines.join("\n");
}

export function registerRecommendCommand(group: Command): void {
  group
    .command("recommend")
    .summary("age-based allocation and the whole glide path")
    .description(
      "Recommend an equity / bond / money-market allocation for a 529 account from the beneficiary's age. Default path: " +
        "18+ years to enrollment 90% equity, 10 years 70%, 5 years 50%, 2 years 30%, enrollment 10% equity with 90% money " +
        "market, linear in between; below 2 years the bonds move into money market. --risk conservative/aggressive shifts " +
        "equity down/up by min(years to enrollment, 10) points. Enrollment year = birth year + enrollment age (18). With " +
        "--plan, also the plan's own published portfolio (data/529/glide_paths.json) closest to the recommendation.",
    )
    .argument("[beneficiary-age]", "the beneficiary's age in whole years (0-30)")
    .option("--birth-date <date>", "the beneficiary's birth date, YYYY-MM-DD (instead of an age)")
    .option("--risk <level>", "conservative, moderate or aggressive", "moderate")
    .option("--enrollment-age <age>", "age at which college starts", "18")
    .option("--plan <plan-id>", "compare with this plan's published glide path (see finplan 529 plans)")
    .option("--as-of <date>", "the date the age is as of, YYYY-MM-DD (default today)")
    .option("--json", "print JSON (allocations as fractions summing to 1)")
    .action((beneficiaryAge: string | undefined, options: Record<string, string | boolean | undefined>) => {
      const request = requestFromOptions(
        recommendRequest,
        { ...options, age: beneficiaryAge, asOf: options.asOf ?? todayIso() },
        { age: "<beneficiary-age>" },
      );
      const answer = withFlagNames(() => recommendFor(request, referenceData().education), {
        age: "<beneficiary-age>",
      });
      if (options.json) printJson(recommendJson(answer));
      else print(renderRecommend(answer));
    });
}
