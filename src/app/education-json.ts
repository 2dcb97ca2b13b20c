import type { Allocation } from "../core/education/glide-path.ts";
import type {
  CompareAnswer,
  PlanAnswer,
  RecommendAnswer,
  TaxBenefitAnswer,
  ValidateAnswer,
} from "./education.ts";

/**
 * The JSON form of 529 answers: what `finplan 529 … --json` prints and what the HTTP API returns,
 * key for key (snake_case, money as 2-place decimal strings, allocations as fractions).
 */

export function allocationJson(a: Allocation) {
  return { equity: a.equity / 100, fixed_income: a.fixedIncome / 100, money_market: a.moneyMarket / 100 };
}

export function recommendJson(answer: RecommendAnswer) {
  return {
    years_to_enrollment: answer.timing.yearsToEnrollment,
    enrollment_year: answer.timing.enrollmentYear,
    risk: answer.risk,
    allocation: allocationJson(answer.allocation),
    path: answer.path.map((p) => ({
      years_to_enrollment: p.yearsToEnrollment,
      ...allocationJson(p.allocation),
    })),
    plan_match:
      answer.plan === null
        ? undefined
        : {
            plan_id: answer.plan.id,
            match: answer.planMatch && {
              path_id: answer.planMatch.pathId,
              path: answer.planMatch.pathName,
              portfolio: answer.planMatch.portfolio,
              equity: answer.planMatch.equityPercent / 100,
              equity_difference: answer.planMatch.equityDifference / 100,
              as_of: answer.planMatch.asOf,
              source: answer.planMatch.source,
            },
          },
  };
}

export function taxBenefitJson(answer: TaxBenefitAnswer) {
  const b = answer.benefit;
  return {
    state: answer.rule.state,
    plan_state: answer.planState,
    tax_year: answer.taxYear,
    qualifies: b.qualifies,
    deductible_amount: b.deductibleAmount,
    credit_amount: b.creditAmount,
    tax_saved: b.taxSaved,
    carryforward: b.carryforward,
    cap: b.cap,
    marginal_rate: b.marginalRate?.toNumber() ?? null,
    notes: b.notes,
    sources: answer.rule.sources,
  };
}

export function compareJson(answer: CompareAnswer) {
  return {
    state: answer.rule.state,
    years_to_enrollment: answer.timing.yearsToEnrollment,
    annual_contribution: answer.annualContribution,
    tax_year: answer.taxYear,
    plans: answer.rows.map((r) => ({
      rank: r.rank,
      tied: r.tied,
      plan_id: r.plan.id,
      plan_name: r.plan.name,
      plan_state: r.plan.state,
      channel: r.plan.channel,
      first_year_tax_saved: r.firstYearTaxSaved,
      tax_saved: r.taxSaved,
      expense_ratio: r.fees.expenseRatio,
      expense_source: r.fees.expenseSource,
      account_fee: r.fees.accountFee,
      account_fee_known: r.fees.accountFeeKnown,
      fee_drag: r.feeDrag,
      net_value: r.netValue,
      reason: r.reason,
    })),
  };
}

export function planJson(answer: PlanAnswer) {
  const p = answer.plan;
  return {
    years_to_enrollment: p.yearsToEnrollment,
    enrollment_year: answer.timing.enrollmentYear,
    annual_cost_today: p.annualCostToday,
    cost_source: answer.costSource,
    cost_by_college_year: p.costByCollegeYear,
    four_year_cost: p.fourYearCost,
    needed_at_enrollment: p.neededAtEnrollment,
    projected_balance: p.projectedBalance,
    gap: p.gap,
    additional_monthly: p.additionalMonthly,
    lump_sum_today: p.lumpSumToday,
    superfunding: {
      exclusion_year: p.superfunding.exclusionYear,
      annual_exclusion: p.superfunding.annualExclusion,
      max_single: p.superfunding.maxSingle,
      max_married: p.superfunding.maxMarried,
      balance_with_max_single: p.superfunding.balanceWithMaxSingle,
      note: p.superfunding.note,
    },
    expected_returns: p.expectedReturns.map((r) => ({
      years_to_enrollment: r.yearsToEnrollment,
      expected_return: r.expectedReturn,
    })),
    returns_source: answer.returnsSource,
  };
}

export function validateJson(answer: ValidateAnswer) {
  const v = answer.validation;
  return {
    plan_id: answer.plan.id,
    list_version: v.version,
    list_as_of: v.asOf,
    valid: v.valid,
    selections: v.selections.map((s) => ({
      query: s.query,
      valid: s.valid,
      matched: s.option?.name ?? null,
      matched_by: s.matchedBy,
      expense_ratio: s.option?.expenseRatio ?? null,
      suggestion: s.suggestion?.name ?? null,
      edit_distance: s.suggestion?.distance ?? null,
      removed_after_version: s.removed?.lastVersion ?? null,
      weight: s.weight === null ? null : s.weight.toNumber() / 100,
    })),
    weight_total: v.weightTotal.toNumber() / 100,
    weights_valid: v.weightsValid,
    problems: v.problems,
    keeps_state_benefit: answer.stateBenefit?.keeps ?? null,
  };
}
