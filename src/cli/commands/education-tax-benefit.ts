import type { Command } from "commander";
import { type TaxBenefitAnswer, taxBenefitFor, taxBenefitRequest } from "../../app/education.ts";
import { taxBenefitJson } from "../../app/education-json.ts";
import { referenceData } from "../../data/reference-data.ts";
import { requestFromOptions, todayIso, withFlagNames } from "../options.ts";
import { print, printJson, renderPairs } from "../output.ts";

function renderTaxBenefit(answer: TaxBenefitAnswer): string {
  const b = answer.benefit;
  return [
    `${answer.rule.stateName} 529 benefit, tax year ${answer.taxYear}, contribution to a ${answer.planState} plan`,
    "",
    renderPairs([
      ["Deductible amount", b.deductibleAmount.format()],
      ["Credit", b.creditAmount.format()],
      ["Tax saved", b.taxSaved.format()],
      ["Carryforward created", b.carryforward.format()],
      ["Limit applied", b.cap ? b.cap.format() : "none"],
      ["Marginal rate", b.marginalRate ? `${b.marginalRate.times(100).toString()}%` : "n/a"],
    ]),
    "",
    "Notes",
    ...b.notes.map((n) => `- ${n}`),
    "",
    `Rule: ${answer.rule.limitBasisDetail || "(none)"}`,
    `Data: data/529/state_tax_benefits.json (${answer.rule.state}: ${answer.rule.sources.length} sources, confidence ${answer.rule.confidence})`,
  ].join("\n");
}

export function registerTaxBenefitCommand(group: Command): void {
  group
    .command("tax-benefit")
    .summary("state income-tax deduction or credit for a contribution")
    .description(
      "The resident state's income-tax benefit for one year's 529 contribution: deduction or credit, tax saved, " +
        "carryforward created and notes (parity, recapture, income limits). Tax saved = deductible × marginal rate (default: " +
        "the state's top rate), or the credit. Rules: data/529/state_tax_benefits.json, tax year 2025 with 2026 values " +
        "where published (see data/529/SOURCES.md and VERIFICATION.md).",
    )
    .requiredOption("--state <XX>", "resident state, two letters (DC included)")
    .requiredOption("--contribution <amount>", "this year's contribution, e.g. 15000")
    .option("--plan-state <XX>", "state of the plan contributed to (default: the resident state)")
    .option("--filing <status>", "single or mfj", "single")
    .option("--beneficiaries <n>", "number of beneficiaries the contribution is spread across", "1")
    .option("--marginal-rate <rate>", "your state marginal rate as a decimal (default: the state's top rate)")
    .option("--income <amount>", "state taxable income / AGI, for income limits and income-tiered credits")
    .option("--prior-carryforward <amount>", "earlier contributions not yet deducted")
    .option("--tax-year <year>", "2025 or 2026 (default: this year, within that range)")
    .option("--json", "print JSON (money as decimal strings)")
    .action((options: Record<string, string | boolean | undefined>) => {
      const request = requestFromOptions(taxBenefitRequest, { ...options, asOf: todayIso() });
      const answer = withFlagNames(() => taxBenefitFor(request, referenceData().education));
      if (options.json) printJson(taxBenefitJson(answer));
      else print(renderTaxBenefit(answer));
    });
}
