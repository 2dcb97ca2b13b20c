import { basename, extname } from "node:path";
import type { Command } from "commander";
import { FundListRejected, type IngestAnswer, ingestFundList, planFor } from "../../app/education.ts";
import { isEmptyDiff } from "../../core/education/fund-list.ts";
import { ValidationError } from "../../core/errors.ts";
import { defaultFundListStore } from "../../data/fund-list-store.ts";
import { referenceData } from "../../data/reference-data.ts";
import { readInputFile, todayIso, withFlagNames } from "../options.ts";
import { percent, print, printJson, renderTable } from "../output.ts";

function ratio(value: number | null): string {
  return value === null ? "unpublished" : percent(value, 3);
}

function renderIngest(answer: IngestAnswer): string {
  const { diff, saved } = answer;
  const lines = [
    `Stored ${answer.plan.id} fund list version ${saved.version} (${saved.options.length} options, as of ${saved.asOf})`,
    diff.fromVersion === null
      ? "First version for this plan."
      : `Changes against version ${diff.fromVersion}:`,
  ];
  if (diff.fromVersion !== null && isEmptyDiff(diff)) lines.push("  no changes");
  lines.push(
    ...diff.added.map((n) => `  + added    ${n}`),
    ...diff.removed.map((n) => `  - removed  ${n}`),
    ...diff.renamed.map((r) => `  ~ renamed  ${r.from} → ${r.to}`),
    ...diff.expenseRatioChanged.map((c) => `  $ expense  ${c.name}: ${ratio(c.from)} → ${ratio(c.to)}`),
  );
  return lines.join("\n");
}

export function registerIngestCommand(group: Command): void {
  group
    .command("ingest-fund-list")
    .summary("store a plan's published fund list as a new version and show what changed")
    .description(
      "Validate a plan's published fund list (JSON: {as_of, source, options: [{name, ticker, type, expense_ratio_pct, " +
        "previous_name}]}; CSV: a header with name and any of ticker, type, expense_ratio_pct, previous_name) and store it " +
        "as the plan's next version under $FINPLAN_HOME (default ./.finplan)/fund-lists/<plan-id>/, then print what " +
        "changed against the previous version: options added, removed, renamed (same ticker, or previous_name given) and " +
        "expense ratios changed. A list with any problem is rejected whole, with one line per problem; nothing is stored. " +
        "The vendored lists in data/529/fund_lists/ are each plan's first version(s).",
    )
    .argument("<file>", "the list, .json or .csv")
    .requiredOption("--plan <plan-id>", "the plan the list belongs to")
    .option("--as-of <date>", "the date the list is current as of (default: the file's as_of, else today)")
    .option("--json", "print JSON")
    .action((file: string, options: Record<string, string | boolean | undefined>) => {
      const extension = extname(file).toLowerCase();
      if (extension !== ".json" && extension !== ".csv") {
        throw new ValidationError("<file>", `${file}: give a .json or .csv file`);
      }
      const content = readInputFile(file, "<file>");
      const refs = referenceData().education;
      let answer: IngestAnswer;
      try {
        answer = withFlagNames(() =>
          ingestFundList(
            {
              planId: String(options.plan),
              content,
              format: extension === ".json" ? "json" : "csv",
              asOf: typeof options.asOf === "string" ? options.asOf : todayIso(),
              fileName: basename(file),
            },
            refs,
            defaultFundListStore(refs.baselineFundLists),
          ),
        );
      } catch (error) {
        if (!(error instanceof FundListRejected)) throw error;
        for (const p of error.problems)
          process.stderr.write(`${file}: ${p.where}: ${p.field}: ${p.message}\n`);
        throw new ValidationError("<file>", error.message);
      }
      if (options.json)
        printJson({ plan_id: answer.plan.id, version: answer.saved.version, diff: answer.diff });
      else print(renderIngest(answer));
    });
}

export function registerPlansCommand(group: Command): void {
  group
    .command("plans")
    .summary("list 529 plan ids, optionally for one state")
    .description(
      "List the plans in data/529/plans.json with their ids (for --plan), channel and fund-list versions.",
    )
    .option("--state <XX>", "only this state's plans")
    .option("--json", "print JSON")
    .action((options: Record<string, string | boolean | undefined>) => {
      const refs = referenceData().education;
      const state = typeof options.state === "string" ? options.state.trim().toUpperCase() : null;
      if (state !== null && !refs.stateRules.byState.has(state)) {
        throw new ValidationError(
          "--state",
          `unknown state "${state}" (use a two-letter code such as NY or DC)`,
        );
      }
      const store = defaultFundListStore(refs.baselineFundLists);
      const plans = refs.plans
        .filter((p) => state === null || p.state === state)
        .map((p) => ({ plan: planFor(refs, p.id), versions: store.versions(p.id).length }));
      if (options.json) {
        printJson(
          plans.map(({ plan, versions }) => ({
            id: plan.id,
            state: plan.state,
            name: plan.name,
            channel: plan.channel,
            fund_list_versions: versions,
          })),
        );
        return;
      }
      print(
        renderTable(
          ["plan id", "state", "channel", "fund list", "name"],
          plans.map(({ plan, versions }) => [
            plan.id,
            plan.state,
            plan.channel,
            versions === 0 ? "-" : `v${versions}`,
            plan.name,
          ]),
        ),
      );
    });
}
