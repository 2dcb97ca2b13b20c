import type { Command } from "commander";
import { type CompareAnswer, compareFor, compareRequest } from "../../app/education.ts";
import { compareJson } from "../../app/education-json.ts";
import { defaultFundListStore } from "../../data/fund-list-store.ts";
import { referenceData } from "../../data/reference-data.ts";
import { requestFromOptions, todayIso, withFlagNames } from "../options.ts";
import { percent, print, printJson, renderTable } from "../output.ts";

function renderCompare(answer: CompareAnswer, limit: number): string {
  const rows = answer.rows
    .slice(0, limit)
    .map((r) => [
      r.rank === null ? "-" : `${r.rank}${r.tied ? "=" : ""}`,
      r.plan.id,
      r.taxSaved.format({ cents: false }),
      r.fees.expenseRatio === null ? "?" : percent(r.fees.expenseRatio, 3),
      r.fees.accountFeeKnown ? r.fees.accountFee.format({ cents: false }) : "?",
      r.feeDrag?.format({ cents: false }) ?? "?",
      r.netValue?.format({ cents: false }) ?? "?",
      r.reason,
    ]);
  const hidden = answer.rows.length - rows.length;
  const missing = answer.rows.filter((r) => r.rank === null).length;
  return [
    `529 plans for a ${answer.rule.stateName} household: ${answer.annualContribution.format({ cents: false })} a year for ` +
      `${answer.timing.yearsToEnrollment} years (enrollment ${answer.timing.enrollmentYear}), ranked by net value ▼`,
    "",
    renderTable(["rank", "plan", "tax saved", "expense", "acct fee", "fee drag", "net value", "why"], rows, [
      "right",
      "left",
      "right",
      "right",
      "right",
      "right",
      "right",
      "left",
    ]),
    ...(hidden > 0 ? [`… ${hidden} more (use --all)`] : []),
    "",
    `Net value = state tax saved over the years of saving − fee drag (balance at enrollment lost to the age-appropriate ` +
      `portfolio's expense ratio and account fees). "=" marks a tie; "?" marks fee data missing from data/529 ` +
      `(${missing} plans, listed last, not ranked). Sources: data/529/state_tax_benefits.json, plans.json, fund_lists/.`,
  ].join("\n");
}

export function registerCompareStatesCommand(group: Command): void {
  group
    .command("compare-states")
    .summary("rank every 529 plan for a household: tax benefit against fees")
    .description(
      "Rank every plan in data/529/plans.json for one household by net value: the resident state's tax benefit on each " +
        "year's contribution until enrollment (home plan, or any plan in a parity state) minus the fee drag on the " +
        "projected balance (the age-appropriate portfolio's expense ratio plus account fees, along the moderate glide path " +
        "with returns from data/markets). Plans without fee data are listed, unranked.",
    )
    .requiredOption("--state <XX>", "resident state, two letters")
    .requiredOption("--age <years>", "beneficiary's age (0-30)")
    .option("--contribution <amount>", "annual contribution", "6000")
    .option("--balance <amount>", "current balance", "0")
    .option("--filing <status>", "single or mfj", "single")
    .option("--beneficiaries <n>", "number of beneficiaries", "1")
    .option("--income <amount>", "state taxable income / AGI (for income limits)")
    .option("--marginal-rate <rate>", "state marginal rate as a decimal (default: the state's top rate)")
    .option("--risk <level>", "glide path: conservative, moderate or aggressive", "moderate")
    .option("--enrollment-age <age>", "age at which college starts", "18")
    .option("--tax-year <year>", "tax rules year, 2025 or 2026")
    .option("--all", "show every plan (default: the top 15)")
    .option("--json", "print JSON (money as decimal strings)")
    .action((options: Record<string, string | boolean | undefined>) => {
      const { all, ...rest } = options;
      const request = requestFromOptions(compareRequest, { ...rest, asOf: todayIso() });
      const refs = referenceData().education;
      const answer = withFlagNames(() =>
        compareFor(request, refs, defaultFundListStore(refs.baselineFundLists)),
      );
      if (options.json) printJson(compareJson(answer));
      else print(renderCompare(answer, all ? answer.rows.length : 15));
    });
}
