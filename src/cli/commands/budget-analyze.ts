import type { Command } from "commander";
import {
  analyzeMonthlyTotals,
  analyzeRequest,
  analyzeTransactions,
  importOptionsFor,
} from "../../app/spending.ts";
import { analysisJson, transactionsJson } from "../../app/spending-json.ts";
import { ValidationError } from "../../core/errors.ts";
import { IdSet } from "../../core/spending/import/id-set.ts";
import type { ImportReport } from "../../core/spending/import/import-report.ts";
import { parseMonthlyTotalsCsv } from "../../core/spending/monthly-totals-csv.ts";
import type { Transaction } from "../../core/spending/transaction.ts";
import { finplanHome } from "../../data/finplan-home.ts";
import { referenceData } from "../../data/reference-data.ts";
import { FileTransactionStore } from "../../data/transaction-store.ts";
import { FileUserRuleStore } from "../../data/user-rule-store.ts";
import { readInputFile, requestFromOptions, todayIso, withFlagNames } from "../options.ts";
import { print, printJson } from "../output.ts";
import { importStatementFile } from "../statement-files.ts";
import { renderAnalysis, renderImportReport, renderTransactions } from "./budget-report.ts";

/** Commander option parser for a flag that may be repeated. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Statement options shared by `budget analyze` and `budget import`. */
export function withStatementOptions(command: Command): Command {
  return command
    .option(
      "--account <name>",
      "account the rows belong to (default: the file's account id, else the file name)",
    )
    .option(
      "--columns <mapping>",
      'column names when they are not recognised, e.g. "date=Posting Date,description=Payee,amount=Amount"; ' +
        'positions for a file without a header, e.g. "date=1,amount=2,description=5"',
    )
    .option(
      "--date-format <order>",
      "mdy (03/14/2026) or dmy (14/03/2026) when the file cannot tell (default: detected)",
    )
    .option(
      "--sign <convention>",
      "charges-negative (banks) or charges-positive (many card exports) (default: detected)",
    );
}

export function registerBudgetAnalyzeCommand(budget: Command): void {
  withStatementOptions(
    budget
      .command("analyze")
      .summary("where the money goes: categories, peers, patterns and savings")
      .description(
        "Analyze spending from bank and card exports (CSV, OFX/QFX), from monthly totals, or from the ledger built " +
          "by `budget import` when neither --file nor --months is given. Transactions are categorized (your rules " +
          "first, then merchant codes, merchants and keywords), rolled up by month, compared as shares of income with " +
          "the BLS Consumer Expenditure Survey for your income bracket, and turned into ranked savings opportunities " +
          "in which no dollar is counted twice. Files are read, not stored.",
      )
      .option("--file <path>", "a statement export (repeat for several files)", collect)
      .option("--months <path>", "monthly totals CSV: month, income and a column per category")
      .option(
        "--income <amount>",
        "annual household income before taxes (default: the income deposits observed)",
      ),
  )
    .option("--transactions", "also list every transaction with its category and the rule that chose it")
    .option("--json", "print JSON (snake_case keys, money as decimal strings)")
    .action(async (options: Record<string, unknown>) => {
      const files = (options.file as string[] | undefined) ?? [];
      const monthsFile = options.months as string | undefined;
      const { file: _file, months: _months, transactions: listTransactions, ...flags } = options;
      const request = requestFromOptions(analyzeRequest, flags);
      const refs = referenceData();
      let analysis: ReturnType<typeof analyzeTransactions>;
      if (monthsFile !== undefined) {
        if (files.length > 0)
          throw new ValidationError("--months", "give either --file or --months, not both");
        const parsed = withFlagNames(() => parseMonthlyTotalsCsv(readInputFile(monthsFile, "--months")));
        analysis = withFlagNames(() => analyzeMonthlyTotals(parsed, request, refs));
      } else {
        const home = finplanHome();
        const transactions: Transaction[] = [];
        const reports: ImportReport[] = [];
        if (files.length > 0) {
          const seen = new IdSet();
          for (const file of files) {
            reports.push(
              await importStatementFile(
                file,
                "--file",
                importOptionsFor(request, "", todayIso()),
                seen,
                (t) => transactions.push(t),
              ),
            );
          }
        } else {
          for await (const t of new FileTransactionStore(home).transactions()) transactions.push(t);
          if (transactions.length === 0) {
            throw new ValidationError(
              "--file",
              "is required: the ledger is empty (import statements with `finplan budget import`)",
            );
          }
        }
        const rules = new FileUserRuleStore(home).list();
        analysis = withFlagNames(() => analyzeTransactions(transactions, rules, request, refs, reports));
      }
      if (options.json) {
        const json = analysisJson(analysis, files);
        printJson(listTransactions ? { ...json, transactions: transactionsJson(analysis) } : json);
      } else {
        const imports = analysis.importReports.map((r, i) => renderImportReport(files[i]!, r));
        const listing = listTransactions ? [renderTransactions(analysis), ""] : [];
        print(
          [...imports, ...(imports.length > 0 ? [""] : []), ...listing, renderAnalysis(analysis)].join("\n"),
        );
      }
    });
}
