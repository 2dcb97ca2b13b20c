import { computeGap } from "../src/core/retirement/gap-engine.ts";
import { runHistoricalBacktest } from "../src/core/retirement/historical-backtest.ts";
import { runMonteCarlo } from "../src/core/retirement/monte-carlo.ts";
import { referenceData } from "../src/data/reference-data.ts";
import { SEED_HOUSEHOLD_GAP } from "../test/support/households.ts";
import { type BenchmarkSuite, callsPerSecond, medianMilliseconds } from "./harness.ts";

const gapInput = { ...SEED_HOUSEHOLD_GAP, contributionGrowth: 0.02 };

export const retirementBenchmarks: BenchmarkSuite = {
  name: "retirement",
  run() {
    const history = referenceData().marketHistory;
    const gapsPerSecond = callsPerSecond(() => computeGap(gapInput));
    const monteCarloMs = medianMilliseconds(
      () =>
        runMonteCarlo({
          initialBalance: 350_000,
          monthlyContribution: 2_000,
          contributionGrowth: 0,
          monthsToRetirement: 240,
          retirementMonths: 240,
          firstYearWithdrawal: 147_000,
          inflation: 0.025,
          expectedReturn: 0.06,
          volatility: 0.116,
          paths: 10_000,
          seed: 1,
        }),
      9,
      2,
    );
    const backtestMs = medianMilliseconds(
      () =>
        runHistoricalBacktest(history, {
          stockShare: 0.6,
          withdrawalRate: 0.04,
          years: 30,
          fromYear: history[0]!.year,
          toYear: history[history.length - 1]!.year,
          initialBalance: 1_000_000,
        }),
      200,
    );
    return [
      {
        name: "retirement gap calculations",
        measured: gapsPerSecond,
        unit: "per s",
        goal: "min",
        target: 100_000,
        detail: "20 years, contributions rising yearly; the issue sets no target, 100,000/s is ours",
      },
      {
        name: "Monte Carlo 10,000 paths x 40 years monthly",
        measured: monteCarloMs,
        unit: "ms",
        goal: "max",
        target: 100,
        detail: "median of 9 runs, one core",
      },
      {
        name: "historical backtest, all 30-year windows",
        measured: backtestMs,
        unit: "ms",
        goal: "max",
        target: 10,
        detail: `${history[0]!.year}-${history[history.length - 1]!.year}, median of 200 runs`,
      },
    ];
  },
};
