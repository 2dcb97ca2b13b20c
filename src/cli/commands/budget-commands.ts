import type { Command } from "commander";
import { registerBudgetAnalyzeCommand } from "./budget-analyze.ts";
import { registerBudgetCategorizeCommand } from "./budget-categorize.ts";
import { registerBudgetImportCommand } from "./budget-import.ts";

/** The `budget` command group: spending analysis, the ledger and the household's own rules. */
export function registerBudgetCommands(program: Command): void {
  const budget = program
    .command("budget")
    .description("spending analysis: import statements, categorize, compare with peers, find savings");
  registerBudgetAnalyzeCommand(budget);
  registerBudgetImportCommand(budget);
  registerBudgetCategorizeCommand(budget);
}
