import type { Command } from "commander";
import { categorizeRequest, userRuleFor } from "../../app/spending.ts";
import { Categorizer } from "../../core/spending/categorizer.ts";
import { finplanHome } from "../../data/finplan-home.ts";
import { FileTransactionStore } from "../../data/transaction-store.ts";
import { FileUserRuleStore } from "../../data/user-rule-store.ts";
import { requestFromOptions, withFlagNames } from "../options.ts";
import { print, printJson } from "../output.ts";

export function registerBudgetCategorizeCommand(budget: Command): void {
  budget
    .command("categorize")
    .summary("re-categorize: store a rule of your own")
    .description(
      "Store a categorization rule of your own. Your rules win over every built-in rule, the newest first, and " +
        "apply to every later `budget analyze`. A rule matches descriptions containing --match (case-insensitive) " +
        "or matching --regex, optionally only on one account or within an amount range (absolute value).",
    )
    .option("--match <text>", "text the description contains")
    .option("--regex <pattern>", "regular expression the description matches (case-insensitive)")
    .requiredOption("--category <category>", "the category to assign")
    .option("--account <name>", "only on this account")
    .option("--min-amount <amount>", "only amounts of at least this much")
    .option("--max-amount <amount>", "only amounts of at most this much")
    .option("--json", "print JSON (snake_case keys)")
    .action(async (options: Record<string, unknown>) => {
      const request = requestFromOptions(categorizeRequest, options);
      const rule = withFlagNames(() => userRuleFor(request));
      const home = finplanHome();
      const stored = new FileUserRuleStore(home).add(rule);
      const only = new Categorizer([stored]);
      let matched = 0;
      for await (const t of new FileTransactionStore(home).transactions()) {
        if (only.categorize(t).ruleId === stored.id) matched++;
      }
      if (options.json) {
        printJson({
          rule: { id: stored.id, category: stored.category, reason: stored.reason },
          ledger_matches: matched,
        });
      } else {
        print(`stored rule ${stored.id}: ${stored.reason}\nit matches ${matched} transactions in the ledger`);
      }
    });
}
