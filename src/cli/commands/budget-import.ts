import type { Command } from "commander";
import { importOptionsFor, importRequest } from "../../app/spending.ts";
import { importReportJson } from "../../app/spending-json.ts";
import type { ImportReport } from "../../core/spending/import/import-report.ts";
import { finplanHome } from "../../data/finplan-home.ts";
import { FileTransactionStore } from "../../data/transaction-store.ts";
import { requestFromOptions, todayIso } from "../options.ts";
import { print, printJson } from "../output.ts";
import { importStatementFile } from "../statement-files.ts";
import { collect, withStatementOptions } from "./budget-analyze.ts";
import { renderImportReport } from "./budget-report.ts";

export function registerBudgetImportCommand(budget: Command): void {
  withStatementOptions(
    budget
      .command("import")
      .summary("import statements into the local ledger, skipping what is already there")
      .description(
        "Import bank and card exports (CSV, OFX/QFX) into the household's ledger under $FINPLAN_HOME (default ./.finplan). " +
          "Re-importing a file, or an overlapping export, adds nothing twice: OFX rows are known by their FITID, CSV rows " +
          "by a hash of account, date, amount and description plus an occurrence count, so two identical coffees on " +
          "one day stay two. Each file is committed atomically; a file that is not a statement imports nothing.",
      )
      .requiredOption("--file <path>", "a statement export (repeat for several files)", collect),
  )
    .option("--json", "print JSON (snake_case keys)")
    .action(async (options: Record<string, unknown>) => {
      const files = options.file as string[];
      const { file: _file, ...flags } = options;
      const request = requestFromOptions(importRequest, flags);
      const store = new FileTransactionStore(finplanHome());
      const seen = await store.knownIds();
      const reports: ImportReport[] = [];
      for (const file of files) {
        const batch = store.beginBatch();
        try {
          reports.push(
            await importStatementFile(file, "--file", importOptionsFor(request, "", todayIso()), seen, (t) =>
              batch.add(t),
            ),
          );
          // A file that fails stops the command, so the ids it added to `seen` are never used.
          batch.commit();
        } catch (error) {
          batch.abort();
          throw error;
        }
      }
      let total = 0;
      for await (const _ of store.transactions()) total++;
      if (options.json) {
        printJson({
          import_report: reports.map((r, i) => ({ file: files[i], ...importReportJson(r) })),
          ledger_transactions: total,
        });
      } else {
        print(
          [...reports.map((r, i) => renderImportReport(files[i]!, r)), `ledger: ${total} transactions`].join(
            "\n",
          ),
        );
      }
    });
}
