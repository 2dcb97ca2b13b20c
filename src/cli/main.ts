import { Command, CommanderError } from "commander";
import { ConflictError, MissingReferenceDataError, StartupError, ValidationError } from "../core/errors.ts";
import { ReferenceDataError } from "../data/reference-files.ts";
import { registerBudgetCommands } from "./commands/budget-commands.ts";
import { registerDemoGenerateCommand } from "./commands/demo-generate.ts";
import { registerWalkthroughCommand } from "./commands/demo-walkthrough.ts";
import { registerEducationCommands } from "./commands/education.ts";
import { registerPlannerMetricsCommand } from "./commands/planner-metrics.ts";
import { registerBacktestCommand } from "./commands/retirement-backtest.ts";
import { registerGapCommand } from "./commands/retirement-gap.ts";
import { registerSocialSecurityCommand } from "./commands/retirement-ss.ts";
import { registerServerCommands } from "./commands/server-commands.ts";

/** Exit codes: 0 success, 1 an internal or reference-data failure, 2 bad input or usage. */
export const EXIT_BAD_INPUT = 2;

/** Every command below `command`, so usage errors anywhere exit with code 2 instead of exiting the process. */
function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}

export function buildProgram(): Command {
  const program = new Command()
    .name("finplan")
    .description(
      "Planning workbench for financial planners and their client households. " +
        "Every command takes --help; every report command takes --json.",
    )
    .version("0.1.0");
  const retirement = program
    .command("retirement")
    .description("retirement gap, corrective moves, Social Security and probability of success");
  registerGapCommand(retirement);
  registerSocialSecurityCommand(retirement);
  registerBacktestCommand(retirement);
  registerEducationCommands(program);
  registerServerCommands(program);
  registerPlannerMetricsCommand(program.command("planner").description("planner relationship metrics"));
  const demo = program.command("demo").description("a sample household: walk-through (the default)");
  registerWalkthroughCommand(demo);
  registerDemoGenerateCommand(demo);
  registerBudgetCommands(program);
  for (const command of allCommands(program)) {
    command.exitOverride().showHelpAfterError("(run with --help for usage)");
  }
  return program;
}

/** Runs the CLI on `argv` (as process.argv) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help text).
      return error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    }
    if (error instanceof ValidationError) {
      process.stderr.write(`error: ${error.describe()}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof ConflictError) {
      process.stderr.write(`error: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof StartupError) {
      process.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    if (error instanceof ReferenceDataError || error instanceof MissingReferenceDataError) {
      process.stderr.write(`error: reference data: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
