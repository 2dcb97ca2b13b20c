import type { Command } from "commander";
import { registerCompareStatesCommand } from "./education-compare-states.ts";
import { registerIngestCommand, registerPlansCommand } from "./education-fund-lists.ts";
import { registerPlanCommand } from "./education-plan.ts";
import { registerRecommendCommand } from "./education-recommend.ts";
import { registerTaxBenefitCommand } from "./education-tax-benefit.ts";
import { registerValidateCommand } from "./education-validate.ts";

/** The `finplan 529` command group. */
export function registerEducationCommands(program: Command): void {
  const group = program
    .command("529")
    .description(
      "529 college savings: glide path, contribution plan, state tax benefit, plan comparison and fund validation " +
        "(reference data in data/529/, see its SOURCES.md)",
    );
  registerRecommendCommand(group);
  registerPlanCommand(group);
  registerTaxBenefitCommand(group);
  registerCompareStatesCommand(group);
  registerValidateCommand(group);
  registerPlansCommand(group);
  registerIngestCommand(group);
}
