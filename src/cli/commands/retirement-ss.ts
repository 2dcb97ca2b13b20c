import type { Command } from "commander";
import {
  type SocialSecurityAnswer,
  socialSecurityEstimateFor,
  socialSecurityRequest,
} from "../../app/retirement.ts";
import { socialSecurityJson } from "../../app/retirement-json.ts";
import { describeAge } from "../../core/dates.ts";
import { parseEarningsCsv } from "../../core/retirement/earnings-csv.ts";
import type { EarningsYear, SocialSecurityEstimate } from "../../core/retirement/social-security.ts";
import { referenceData } from "../../data/reference-data.ts";
import { barChart } from "../charts.ts";
import { readInputFile, requestFromOptions, today, withFlagNames } from "../options.ts";
import { percent, print, printJson, renderPairs, renderTable } from "../output.ts";

const FLAGS = { earnings: "--earnings-file" };

/** Reads `--earnings-file` into an earnings record, or null when the flag is absent. */
export function earningsFromFile(path: string | undefined, asOfYear: number): EarningsYear[] | null {
  if (path === undefined) return null;
  return parseEarningsCsv(readInputFile(path, FLAGS.earnings), FLAGS.earnings, asOfYear);
}

export function renderSocialSecurity(answer: SocialSecurityAnswer): string {
  const e: SocialSecurityEstimate = answer.estimate;
  const counted = e.earnings.filter((y) => y.counted).length;
  const source =
    answer.earningsSource === "salary"
      ? "estimated from the salary (past years back-projected along the national average wage index)"
      : "from the earnings file";
  const benefits = renderTable(
    ["Claim at", "Monthly", "Adjustment", "PIA with COLAs"],
    [
      ["62", e.at62],
      [`${describeAge(e.fullRetirementAgeMonths)} (FRA)`, e.atFullRetirementAge],
      ["70", e.at70],
      [`${describeAge(e.atClaimAge.claimAgeMonths)} (chosen)`, e.atClaimAge],
    ].map(([label, b]) => {
      const benefit = b as SocialSecurityEstimate["at62"];
      return [
        label as string,
        benefit.monthly.format(),
        percent(benefit.adjustment, 2),
        benefit.piaAtClaim.format(),
      ];
    }),
    ["left", "right", "right", "right"],
  );
  const lines = [
    "Social Security retirement estimate",
    "",
    renderPairs([
      [
        "AIME",
        `$${e.aime.toLocaleString("en-US")} (highest ${counted} of ${e.earnings.length} indexed years ÷ 420)`,
      ],
      ["PIA at first eligibility", `${e.pia.format()} (bend points of ${e.eligibilityYear}, before COLAs)`],
      ["Full retirement age", describeAge(e.fullRetirementAgeMonths)],
      ["Earnings", source],
    ]),
    "",
    benefits,
    "",
    "Monthly benefit by claiming age",
    barChart(e.byAge.map((b) => ({ label: describeAge(b.claimAgeMonths), value: b.monthly }))),
  ];
  if (e.spousal) {
    lines.push(
      "",
      `Spousal benefit at ${describeAge(e.spousal.claimAgeMonths)}: ${e.spousal.monthly.format()} a month ` +
        `(half the worker's PIA less the spouse's own, ${percent(e.spousal.adjustment, 2)} for early claiming)`,
    );
  }
  if (e.assumptions.length > 0) lines.push("", "Assumptions:", ...e.assumptions.map((a) => `  - ${a}`));
  return lines.join("\n");
}

export function registerSocialSecurityCommand(retirement: Command): void {
  retirement
    .command("ss")
    .summary("estimate Social Security retirement benefits")
    .description(
      "Estimate Social Security retirement benefits as SSA computes them: covered earnings capped at the wage base, " +
        "indexed to age 60 by the national average wage index, highest 35 years averaged (AIME), PIA from the bend " +
        "points of the year you turn 62, COLAs, and the early-claiming reduction or delayed credits. Future years are " +
        "in today's dollars. Give either --salary (a history is estimated from it) or --earnings-file.",
    )
    .requiredOption("--birth-date <date>", "date of birth, YYYY-MM-DD")
    .option("--salary <amount>", "current annual covered earnings (a past history is estimated from it)")
    .option("--earnings-file <file>", "CSV with header year,earnings: one row per year of covered earnings")
    .option(
      "--claim-age <age>",
      "age benefits start, 62 to 70; 66.5 = 66 and 6 months (default: full retirement age)",
    )
    .option("--as-of <date>", "date the estimate is made, YYYY-MM-DD (default: today)")
    .option("--spouse-birth-date <date>", "spouse's date of birth, for a spousal benefit")
    .option(
      "--spouse-claim-age <age>",
      "age the spouse claims, 62 to 70 (default: the spouse's full retirement age)",
    )
    .option("--spouse-pia <amount>", "spouse's own monthly PIA (default 0)")
    .option("--json", "print JSON (snake_case keys, money as decimal strings)")
    .action((options: Record<string, string | boolean | undefined>) => {
      const request = requestFromOptions(socialSecurityRequest, options);
      const now = today();
      const history = earningsFromFile(
        options.earningsFile as string | undefined,
        (request.as_of ?? now).year,
      );
      const answer = withFlagNames(() => socialSecurityEstimateFor(request, history, referenceData(), now), {
        salary: "--salary",
      });
      if (options.json) printJson(socialSecurityJson(answer));
      else print(renderSocialSecurity(answer));
    });
}
