import type { Command } from "commander";
import {
  gapRequest,
  retirementGapFor,
  socialSecurityEstimateFor,
  socialSecurityRequest,
} from "../../app/retirement.ts";
import { gapJson, socialSecurityJson } from "../../app/retirement-json.ts";
import { validate } from "../../core/validation.ts";
import { referenceData } from "../../data/reference-data.ts";
import { flagName, today } from "../options.ts";
import { print, printJson } from "../output.ts";
import { renderGap } from "./retirement-gap.ts";
import { renderSocialSecurity } from "./retirement-ss.ts";

/**
 * The sample household of the walk-through: a 45-year-old planner's client earning $150,000,
 * $350,000 saved, $2,000 a month going in, wanting $120,000 a year in retirement at 65.
 */
export const SAMPLE_HOUSEHOLD = {
  birth_date: "1981-03-14",
  salary: "150000",
  savings: "350000",
  monthly_contribution: "2000",
  desired_income: "120000",
  retirement_age: "65",
  return: "0.06",
  income: "185000",
} as const;

function heading(title: string): string {
  return `\n=== ${title} ${"=".repeat(Math.max(0, 76 - title.length))}\n`;
}

export function registerWalkthroughCommand(demo: Command): void {
  demo
    .command("walkthrough", { isDefault: true })
    .description(
      "walk through a sample household: Social Security, retirement gap, corrective moves, Monte Carlo",
    )
    .option("--as-of <date>", "date of the analysis, YYYY-MM-DD (default: today)")
    .option("--json", "print the sample household's Social Security estimate and gap report as JSON")
    .action((options: { asOf?: string; json?: boolean }) => {
      const now = today();
      const asOf = options.asOf;
      const refs = referenceData();
      const h = SAMPLE_HOUSEHOLD;
      const ss = socialSecurityEstimateFor(
        validate(
          socialSecurityRequest,
          { birth_date: h.birth_date, salary: h.salary, as_of: asOf },
          flagName,
        ),
        null,
        refs,
        now,
      );
      const gap = retirementGapFor(
        validate(gapRequest, { ...h, as_of: asOf, simulate: "monte-carlo" }, flagName),
        null,
        refs,
        now,
      );
      if (options.json) {
        printJson({
          household: SAMPLE_HOUSEHOLD,
          social_security: socialSecurityJson(ss),
          gap: gapJson(gap),
        });
        return;
      }
      print(
        "Sample household: born 1981-03-14, salary $150,000 (household income $185,000), $350,000 saved,\n" +
          "$2,000 a month saved, wants $120,000 a year (today's dollars) from age 65, expects 6% a year.",
      );
      print(heading("1. Social Security (finplan retirement ss)"));
      print(renderSocialSecurity(ss));
      print(heading("2. Retirement gap with Monte Carlo (finplan retirement gap --simulate monte-carlo)"));
      print(renderGap(gap));
      print(
        `${heading("Next")}Try: npx finplan retirement gap --help\n` +
          "     npx finplan retirement backtest --stock-share 0.75 --withdrawal-rate 0.04 --years 30 --from 1926 --to 1995",
      );
    });
}
