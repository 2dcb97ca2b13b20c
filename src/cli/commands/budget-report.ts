import type { SpendingAnalysis } from "../../app/spending.ts";
import { Money } from "../../core/money.ts";
import { categoryLabel } from "../../core/spending/categories.ts";
import type { ImportReport } from "../../core/spending/import/import-report.ts";
import { barChart } from "../charts.ts";
import { percent, renderPairs, renderTable } from "../output.ts";

/** Human and JSON renderings of a spending analysis, shared by `budget analyze` and the demo. */

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const signedPercent = (fraction: number) => `${fraction >= 0 ? "+" : ""}${percent(fraction)}`;

export function renderImportReport(file: string, report: ImportReport): string {
  const lines = [
    `${file} (${report.format.toUpperCase()}, account ${report.account}): ${report.rowsRead} rows read, ${report.imported} imported, ` +
      `${report.duplicatesSkipped} duplicates skipped, ${report.pendingSkipped} pending skipped, ${report.rejectedCount} rejected`,
    ...report.rejected.map((r) => `  line ${r.line}: ${r.reason}`),
  ];
  if (report.rejectedCount > report.rejected.length) {
    lines.push(`  … and ${report.rejectedCount - report.rejected.length} more rejected rows`);
  }
  lines.push(...report.assumptions.map((a) => `  assumed: ${a}`));
  lines.push(...report.warnings.map((w) => `  warning: ${w}`));
  return lines.join("\n");
}

export function renderTransactions(analysis: SpendingAnalysis): string {
  return renderTable(
    ["date", "account", "description", "amount", "category", "why"],
    analysis.transactions.map(({ transaction: t, categorization: c }) => [
      t.date,
      t.account,
      t.description.slice(0, 40),
      t.amount.format(),
      c.category,
      c.reason,
    ]),
    ["left", "left", "left", "right", "left", "left"],
  );
}

export function renderAnalysis(analysis: SpendingAnalysis): string {
  const { patterns, peers } = analysis;
  const peerOf = new Map(peers.categories.map((c) => [c.category, c]));
  const rows = patterns.categories.map((c) => {
    const peer = peerOf.get(c.category);
    return [
      categoryLabel(c.category),
      c.monthlyAverage.format({ cents: false }),
      percent(c.shareOfIncome),
      peer?.peerShare == null ? "n/a" : percent(peer.peerShare),
      peer?.difference == null ? "" : signedPercent(peer.difference),
      c.trendPerYear === null ? "" : signedPercent(c.trendPerYear),
    ];
  });
  rows.push([
    "total spending",
    patterns.totalSpending.monthlyAverage.format({ cents: false }),
    percent(patterns.totalSpending.shareOfIncome),
    "",
    "",
    patterns.totalSpending.trendPerYear === null ? "" : signedPercent(patterns.totalSpending.trendPerYear),
  ]);
  const lines = [
    renderPairs([
      [
        "Period",
        `${patterns.firstMonth.slice(0, 7)} to ${patterns.lastMonth.slice(0, 7)} (${patterns.months} months)`,
      ],
      ["Income", `${patterns.annualIncome.format({ cents: false })} a year (${patterns.incomeSource})`],
      [
        "Savings rate",
        patterns.savingsRate === null
          ? "n/a"
          : `${percent(patterns.savingsRate)} (${patterns.savingsRateBasis})`,
      ],
      [
        "Uncategorized",
        `${patterns.uncategorized.monthlyAverage.format({ cents: false })} a month, ${percent(patterns.uncategorized.shareOfOutflows)} of money out (not in total spending)`,
      ],
      ["Peers", `${peers.peerGroup}: CE ${peers.year} bracket ${peers.bracket.label}`],
    ]),
    "",
    renderTable(["category", "per month", "of income", "peers", "difference", "trend/yr"], rows, [
      "left",
      "right",
      "right",
      "right",
      "right",
      "right",
    ]),
    "",
    "Spending by category, per month",
    barChart(
      patterns.categories
        .filter((c) => c.monthlyAverage.cents > 0n)
        .sort((a, b) => b.monthlyAverage.compare(a.monthlyAverage))
        .map((c) => ({ label: categoryLabel(c.category), value: c.monthlyAverage })),
    ),
    "",
    "Patterns",
    ...renderPatterns(analysis),
    "",
    "Top opportunities (annual, no dollar counted twice)",
  ];
  if (analysis.opportunities.length === 0) lines.push("  none found");
  analysis.opportunities.slice(0, 8).forEach((o, i) => {
    lines.push(
      `  ${i + 1}. ${o.annualSavings.format({ cents: false })} ${categoryLabel(o.category)} (${o.confidence}): ${o.reason}`,
    );
  });
  if (analysis.opportunities.length > 0) {
    lines.push(
      `  total ${Money.sum(analysis.opportunities.map((o) => o.annualSavings)).format({ cents: false })} a year`,
    );
  }
  lines.push("", "Notes", ...[...peers.notes, ...analysis.notes].map((n) => `  - ${n}`));
  const notCompared = peers.categories.filter((c) => c.peerShare === null);
  lines.push(...notCompared.map((c) => `  - ${categoryLabel(c.category)}: ${c.note}`));
  return lines.join("\n");
}

function renderPatterns(analysis: SpendingAnalysis): string[] {
  const { patterns } = analysis;
  const lines: string[] = [];
  for (const c of patterns.categories) {
    if (c.seasonality && c.seasonality.peakIndex >= 1.5) {
      lines.push(
        `  seasonal: ${categoryLabel(c.category)} peaks in ${MONTH_NAMES[c.seasonality.peakMonth - 1]} at ${c.seasonality.peakIndex.toFixed(1)}× a typical month`,
      );
    }
    for (const a of c.anomalies) {
      lines.push(
        `  unusual month: ${categoryLabel(c.category)} ${a.month.slice(0, 7)} ${a.amount.format({ cents: false })} (robust z ${a.robustZ.toFixed(1)})`,
      );
    }
  }
  const creep = patterns.lifestyleCreep;
  if (creep) {
    lines.push(
      `  lifestyle creep: spending ${signedPercent(creep.spendingGrowthPerYear)}/yr against income ${signedPercent(creep.incomeGrowthPerYear)}/yr${creep.flagged ? " — spending is outgrowing income" : ""}`,
    );
  }
  const active = patterns.recurringCharges.filter((r) => r.active);
  if (active.length > 0) {
    const annual = Money.sum(active.map((r) => r.annualizedCost));
    lines.push(`  recurring charges: ${active.length} active, ${annual.format()} a year`);
    for (const r of active.slice(0, 10)) {
      lines.push(
        `    ${r.merchant} (${r.account}, ${r.period}): ${r.latestAmount.format()} → ${r.annualizedCost.format()} a year`,
      );
    }
  }
  for (const m of analysis.uncategorizedMerchants) {
    lines.push(
      `  uncategorized: "${m.merchant}" ${m.transactions}× ${m.amount.format({ cents: false })} (add a rule with finplan budget categorize)`,
    );
  }
  return lines.length > 0 ? lines : ["  none found"];
}
