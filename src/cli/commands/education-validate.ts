import type { Command } from "commander";
import { type ValidateAnswer, validateFor, validateRequest } from "../../app/education.ts";
import { validateJson } from "../../app/education-json.ts";
import { defaultFundListStore } from "../../data/fund-list-store.ts";
import { referenceData } from "../../data/reference-data.ts";
import { requestFromOptions, withFlagNames } from "../options.ts";
import { percent, print, printJson, renderTable } from "../output.ts";

function renderValidate(answer: ValidateAnswer): string {
  const v = answer.validation;
  const rows = v.selections.map((s) => [
    s.query,
    s.valid ? "ok" : s.removed ? "removed" : "not found",
    s.option?.name ?? (s.suggestion ? `did you mean "${s.suggestion.name}"?` : ""),
    s.option?.expenseRatio == null ? "" : percent(s.option.expenseRatio, 3),
    s.weight === null ? "" : `${s.weight.toString()}%`,
  ]);
  return [
    `${answer.plan.name} (${answer.plan.id}): fund list version ${v.version}, as of ${v.asOf}`,
    "",
    renderTable(["selection", "status", "option", "expense", "weight"], rows, [
      "left",
      "left",
      "left",
      "right",
      "right",
    ]),
    "",
    `Weights total ${v.weightTotal.toString()}%${v.weightsValid ? " ✓" : ""}`,
    ...(answer.stateBenefit
      ? [
          `Keeps the ${answer.stateBenefit.state} state tax benefit with a ${answer.plan.state} plan: ${answer.stateBenefit.keeps}`,
        ]
      : []),
    ...(v.problems.length > 0
      ? ["", "Problems", ...v.problems.map((p) => `- ${p}`)]
      : ["", "All selections are valid."]),
  ].join("\n");
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function registerValidateCommand(group: Command): void {
  group
    .command("validate")
    .summary("check selected investment options against a plan's newest fund list")
    .description(
      "Check each selected option (name or ticker, optionally =weight in percent) against the plan's newest fund-list " +
        "version: valid or not, the closest real option for a misspelt name (Levenshtein edit distance on names folded " +
        "to lower case), a warning for an option removed in the newest version, weights that must total 100%, and with " +
        "--state whether the household keeps its state tax benefit. The verdict is in the output (valid or not); bad flags exit 2.",
    )
    .requiredOption("--plan <plan-id>", "the plan (see finplan 529 plans)")
    .requiredOption("--option <name[=weight]>", "a selected option; repeat for each", collect)
    .option("--state <XX>", "the household's resident state, to check the state tax benefit")
    .option("--json", "print JSON (weights as fractions)")
    .action((options: Record<string, string | string[] | boolean | undefined>) => {
      const request = requestFromOptions(validateRequest, options);
      const refs = referenceData().education;
      const answer = withFlagNames(() =>
        validateFor(request, refs, defaultFundListStore(refs.baselineFundLists)),
      );
      if (options.json) printJson(validateJson(answer));
      else print(renderValidate(answer));
    });
}
