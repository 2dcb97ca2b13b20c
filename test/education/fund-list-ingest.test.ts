import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { diffFundLists, type FundList } from "../../src/core/education/fund-list.ts";
import { parseFundList } from "../../src/core/education/fund-list-import.ts";
import { FileFundListStore } from "../../src/data/fund-list-store.ts";
import { referenceData } from "../../src/data/reference-data.ts";
import { runCli, runCliJson } from "../support/run-cli.ts";

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "finplan-529-"));
  process.env.FINPLAN_HOME = home;
});
afterEach(() => {
  delete process.env.FINPLAN_HOME;
  rmSync(home, { recursive: true, force: true });
});

function list(version: number, options: FundList["options"]): FundList {
  return { planId: "p", version, asOf: "2026-01-01", source: "test", options };
}

describe("fund list diff", () => {
  it("reports options added, removed, renamed (same ticker) and repriced", () => {
    const before = list(1, [
      { name: "Growth", ticker: "GRWX", type: "static", expenseRatio: 0.002 },
      { name: "Income", ticker: null, type: "static", expenseRatio: 0.001 },
      { name: "Old Fund", ticker: null, type: "static", expenseRatio: null },
    ]);
    const after = list(2, [
      { name: "Growth Index", ticker: "GRWX", type: "static", expenseRatio: 0.002 },
      { name: "Income", ticker: null, type: "static", expenseRatio: 0.0008 },
      { name: "New Fund", ticker: null, type: "static", expenseRatio: null },
    ]);
    const diff = diffFundLists(before, after);
    expect(diff.added).toEqual(["New Fund"]);
    expect(diff.removed).toEqual(["Old Fund"]);
    expect(diff.renamed).toEqual([{ from: "Growth", to: "Growth Index", ticker: "GRWX" }]);
    expect(diff.expenseRatioChanged).toEqual([{ name: "Income", from: 0.001, to: 0.0008 }]);
  });
});

describe("fund list import", () => {
  it("rejects a malformed CSV whole, with one error per line and field", () => {
    const csv = [
      "name,ticker,expense_ratio_pct",
      "Growth,GRWX,0.12",
      ",BAD!,abc",
      "Growth,XYZ,12",
      '"Open,1,0.1',
    ].join("\n");
    const parsed = parseFundList(csv, "csv");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => `${p.where} ${p.field}`)).toEqual([
      "line 5 line",
      "line 3 name",
      "line 3 ticker",
      "line 3 expense_ratio_pct",
      "line 4 expense_ratio_pct",
    ]);
  });
});

describe("finplan 529 ingest-fund-list", () => {
  it("stores nothing when the list is malformed, and names the lines", async () => {
    const file = join(home, "bad.csv");
    writeFileSync(file, "name,expense_ratio_pct\nGrowth,0.1\nGrowth,0.2\n");
    const run = await runCli(["529", "ingest-fund-list", file, "--plan", "ny-529-direct"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("line 3: name: repeats line 2");
    expect(run.stderr).toContain("nothing was stored");
    expect(readdirSync(home)).toEqual(["bad.csv"]);
  });

  it("stores a changed list as the next version and reports the diff against the vendored list", async () => {
    const baseline = referenceData().education.baselineFundLists.get("va-invest529")!.at(-1)!;
    const options = baseline.options
      .filter((o) => o.name !== "2024 Portfolio")
      .map((o) => ({
        name: o.name,
        type: o.type,
        expense_ratio_pct:
          o.name === "2042 Portfolio"
            ? 0.35
            : o.expenseRatio === null
              ? undefined
              : Number((o.expenseRatio * 100).toPrecision(10)),
      }));
    const file = join(home, "va.json");
    writeFileSync(
      file,
      JSON.stringify({
        as_of: "2026-01-15",
        options: [...options, { name: "2045 Portfolio", type: "target_enrollment" }],
      }),
    );
    const json = await runCliJson(["529", "ingest-fund-list", file, "--plan", "va-invest529"]);
    expect(json.version).toBe(2);
    const diff = json.diff as Record<string, unknown>;
    expect(diff.added).toEqual(["2045 Portfolio"]);
    expect(diff.removed).toEqual(["2024 Portfolio"]);
    expect(diff.expense_ratio_changed).toEqual([{ name: "2042 Portfolio", from: 0.00383, to: 0.0035 }]);
    const store = new FileFundListStore(home, referenceData().education.baselineFundLists);
    expect(store.versions("va-invest529").map((v) => v.version)).toEqual([1, 2]);
    expect(store.latest("va-invest529")?.asOf).toBe("2026-01-15");
    const validate = await runCliJson([
      "529",
      "validate",
      "--plan",
      "va-invest529",
      "--option",
      "2024 Portfolio",
    ]);
    expect(validate.problems).toEqual([expect.stringContaining("was removed")]);
  });
});
