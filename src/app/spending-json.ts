import type { ImportReport } from "../core/spending/import/import-report.ts";
import type { SpendingAnalysis } from "./spending.ts";

/**
 * The JSON form of spending answers: what `finplan budget … --json` prints and what the HTTP API
 * returns (snake_case keys, money as 2-place decimal strings, shares as fractions).
 */

export function importReportJson(report: ImportReport) {
  return {
    format: report.format,
    account: report.account,
    rows_read: report.rowsRead,
    imported: report.imported,
    duplicates_skipped: report.duplicatesSkipped,
    pending_skipped: report.pendingSkipped,
    rejected_count: report.rejectedCount,
    rejected: report.rejected,
    assumptions: report.assumptions,
    warnings: report.warnings,
  };
}

export function analysisJson(analysis: SpendingAnalysis, files: readonly string[] = []) {
  const { patterns, peers } = analysis;
  const peerOf = new Map(peers.categories.map((c) => [c.category, c]));
  return {
    months: patterns.months,
    first_month: patterns.firstMonth,
    last_month: patterns.lastMonth,
    annual_income: patterns.annualIncome,
    income_source: patterns.incomeSource,
    categories: Object.fromEntries(
      patterns.categories.map((c) => [
        c.category,
        {
          monthly_average: c.monthlyAverage,
          share_of_income: c.shareOfIncome,
          peer_share: peerOf.get(c.category)?.peerShare ?? null,
          difference: peerOf.get(c.category)?.difference ?? null,
          trend_per_year: c.trendPerYear,
          peer_note: peerOf.get(c.category)?.note,
        },
      ]),
    ),
    total_spending: patterns.totalSpending,
    savings_rate: patterns.savingsRate,
    savings_rate_basis: patterns.savingsRateBasis,
    uncategorized: { ...patterns.uncategorized, top_merchants: analysis.uncategorizedMerchants },
    patterns: {
      seasonality: patterns.categories
        .filter((c) => c.seasonality)
        .map((c) => ({
          category: c.category,
          peak_month: c.seasonality!.peakMonth,
          peak_index: c.seasonality!.peakIndex,
          profile: c.seasonality!.profile,
        })),
      anomalies: patterns.categories.flatMap((c) => c.anomalies.map((a) => ({ category: c.category, ...a }))),
      recurring_charges: patterns.recurringCharges,
      lifestyle_creep: patterns.lifestyleCreep,
    },
    peers: {
      peer_group: peers.peerGroup,
      bracket: peers.bracket,
      source: `BLS Consumer Expenditure Survey ${peers.year}, ${peers.source}`,
      above_top_bracket: peers.aboveTopBracket,
      notes: peers.notes,
    },
    opportunities: analysis.opportunities.map((o) => ({
      category: o.category,
      annual_savings: o.annualSavings,
      reason: o.reason,
      confidence: o.confidence,
      rule_id: o.ruleId,
      evidence: o.evidence,
    })),
    import_report: analysis.importReports.map((r, i) => ({ file: files[i], ...importReportJson(r) })),
    notes: analysis.notes,
  };
}

/** Each transaction with its category and why: the rule id and its reason. */
export function transactionsJson(analysis: SpendingAnalysis) {
  return analysis.transactions.map(({ transaction: t, categorization: c }) => ({
    date: t.date,
    account: t.account,
    description: t.description,
    amount: t.amount,
    category: c.category,
    rule_id: c.ruleId,
    reason: c.reason,
  }));
}
