import Decimal from "decimal.js";
import { FundValidator, type Selection } from "../src/core/education/fund-validator.ts";
import { compareStatePlans } from "../src/core/education/state-plan-comparator.ts";
import { Money } from "../src/core/money.ts";
import { referenceData } from "../src/data/reference-data.ts";
import { type BenchmarkSuite, callsPerSecond, medianMilliseconds } from "./harness.ts";

export const educationBenchmarks: BenchmarkSuite = {
  name: "529",
  run() {
    const refs = referenceData().education;
    const household = {
      residentState: "NY",
      yearsToEnrollment: 13,
      enrollmentYear: 2039,
      annualContribution: Money.parse("6000"),
      currentBalance: Money.parse("20000"),
      filing: "mfj" as const,
      beneficiaries: 1,
      taxYear: 2025,
      risk: "moderate" as const,
    };
    const inputs = {
      plans: refs.plans,
      rule: refs.stateRules.byState.get("NY")!,
      returns: refs.returns,
      fundList: (id: string) => refs.baselineFundLists.get(id)?.at(-1) ?? null,
    };
    const compareMs = medianMilliseconds(() => compareStatePlans(household, inputs), 200);
    const validator = new FundValidator(refs.baselineFundLists.get("oh-collegeadvantage-direct")!);
    // A realistic mix: exact names, a ticker-less misspelling (a full edit-distance scan) and a weight each.
    const selections: Selection[] = [
      { query: "Vanguard Ohio Target Enrollment Portfolio 2036/2037", weight: new Decimal(50) },
      { query: "vanguard wellington option", weight: new Decimal(30) },
      { query: "Vangard Income Portfolo", weight: new Decimal(20) },
    ];
    const validationsPerSecond = callsPerSecond(() => validator.validate(selections));
    return [
      {
        name: `compare all ${refs.plans.length} plans for one household`,
        measured: compareMs,
        unit: "ms",
        goal: "max",
        target: 5,
        detail: "NY, 13 years of contributions, median of 200 runs",
      },
      {
        name: "fund validation",
        measured: validationsPerSecond * selections.length,
        unit: "selections/s",
        goal: "min",
        target: 10_000,
        detail: "Ohio list (33 options), 3 selections per call, one misspelt",
      },
    ];
  },
};
