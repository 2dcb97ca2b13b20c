import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, runCliJson } from "../support/run-cli.ts";
import { fixturePath } from "./fixtures.ts";

let home: string;
const previousHome = process.env.FINPLAN_HOME;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "finplan-home-"));
  process.env.FINPLAN_HOME = home;
});

afterEach(() => {
  rmSync(home, { recursive: true, force: true });
  if (previousHome === undefined) delete process.env.FINPLAN_HOME;
  else process.env.FINPLAN_HOME = previousHome;
});

const STATEMENTS = ["chase-style-checking.csv", "amex-style-card.csv", "ofx-1x-sgml.qfx"].flatMap((f) => [
  "--file",
  fixturePath(f),
]);

describe("finplan budget analyze", () => {
  it("analyzes statement files with the documented JSON keys, without storing anything", async () => {
    const json = await runCliJson(["budget", "analyze", ...STATEMENTS, "--income", "180000"]);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        "months",
        "categories",
        "savings_rate",
        "patterns",
        "opportunities",
        "import_report",
      ]),
    );
    expect(json.months).toBe(1);
    const categories = json.categories as Record<string, Record<string, unknown>>;
    // mortgage 3,412.18 + energy 212.33 (Chase-style CSV) + AT&T 64.10 (OFX)
    expect(categories.housing).toMatchObject({ monthly_average: "3688.61", peer_share: expect.any(Number) });
    expect(categories.housing!.share_of_income).toBeCloseTo((3688.61 * 12) / 180_000, 10);
    expect(categories.subscriptions!.peer_share).toBeNull();
    expect(Object.keys(categories.travel!)).toEqual(
      expect.arrayContaining(["monthly_average", "share_of_income", "peer_share", "trend_per_year"]),
    );
    const reports = json.import_report as { imported: number; format: string }[];
    expect(reports.map((r) => [r.format, r.imported])).toEqual([
      ["csv", 10],
      ["csv", 10],
      ["ofx", 4],
    ]);
    for (const o of json.opportunities as Record<string, unknown>[]) {
      expect(Object.keys(o)).toEqual(
        expect.arrayContaining(["category", "annual_savings", "reason", "confidence"]),
      );
      expect(o.annual_savings).toMatch(/^\d+\.\d{2}$/);
    }
    expect(existsSync(join(home, "ledger"))).toBe(false);
  });

  it("prints a category table, a bar chart, patterns and opportunities for people", async () => {
    const run = await runCli(["budget", "analyze", ...STATEMENTS, "--income", "180000"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/category\s+per month\s+of income\s+peers\s+difference\s+trend\/yr/);
    expect(run.stdout).toMatch(/housing\s+│█+/);
    expect(run.stdout).toContain("Top opportunities");
    expect(run.stdout).toContain("subscriptions: no CE line");
  });

  it("analyzes monthly totals alone, with trends and seasonality", async () => {
    const json = await runCliJson([
      "budget",
      "analyze",
      "--months",
      fixturePath("monthly-totals.csv"),
      "--income",
      "180000",
    ]);
    expect(json.months).toBe(14);
    const categories = json.categories as Record<string, { trend_per_year: number; monthly_average: string }>;
    expect(categories.food_dining!.trend_per_year).toBeGreaterThan(0.15);
    expect(categories.education!.monthly_average).toBe("0.00");
    const patterns = json.patterns as { seasonality: { category: string; peak_month: number }[] };
    expect(patterns.seasonality.find((s) => s.category === "travel")?.peak_month).toBe(7);
    expect(json.notes).toEqual(expect.arrayContaining([expect.stringContaining("education")]));
  });

  it.each([
    [["--income", "abc"], /--income: "abc" is not an amount/],
    [["--date-format", "ymd"], /--date-format: must be "mdy"/],
    [["--sign", "positive"], /--sign: must be "charges-negative" or "charges-positive"/],
    [["--columns", "colour=blue"], /--columns: "colour=blue" is not KEY=COLUMN/],
  ])("rejects bad flags %j with exit code 2", async (flags, message) => {
    const run = await runCli([
      "budget",
      "analyze",
      "--file",
      fixturePath("chase-style-checking.csv"),
      ...flags,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("rejects files that are not statements, naming the file", async () => {
    for (const [name, message] of [
      ["wrong-columns.csv", /--file: .*wrong-columns\.csv: not a statement: no header/],
      ["empty.csv", /--file: .*empty\.csv: the file is empty/],
      ["does-not-exist.csv", /--file: cannot read .*: no such file/],
    ] as const) {
      const run = await runCli(["budget", "analyze", "--file", fixturePath(name), "--income", "180000"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    const binary = join(home, "statement.csv");
    writeFileSync(
      binary,
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]),
    );
    const run = await runCli(["budget", "analyze", "--file", binary]);
    expect(run.stderr).toMatch(/--file: .*binary data/);
  });

  it("rejects a monthly file with a gap, both inputs at once, and a file without income", async () => {
    const gap = join(home, "gap.csv");
    writeFileSync(gap, "month,housing,income\n2026-01,100,1000\n2026-03,100,1000\n");
    let run = await runCli(["budget", "analyze", "--months", gap]);
    expect(run.stderr).toMatch(/--months: months must be consecutive: 2026-01 is followed by 2026-03/);
    run = await runCli(["budget", "analyze", "--months", gap, "--file", fixturePath("amex-style-card.csv")]);
    expect(run.stderr).toMatch(/give either --file or --months/);
    run = await runCli(["budget", "analyze", "--file", fixturePath("amex-style-card.csv")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--income: is required/);
  });
});

describe("finplan budget import and categorize", () => {
  it("imports into the ledger, and a second import adds nothing (identical coffees kept)", async () => {
    const file = fixturePath("chase-style-checking.csv");
    const first = await runCliJson(["budget", "import", "--file", file, "--account", "joint checking"]);
    expect(first.ledger_transactions).toBe(10);
    const second = await runCliJson(["budget", "import", "--file", file, "--account", "joint checking"]);
    expect(second.ledger_transactions).toBe(10);
    expect((second.import_report as { imported: number; duplicates_skipped: number }[])[0]).toMatchObject({
      imported: 0,
      duplicates_skipped: 10,
    });
    const stored = readdirSync(join(home, "ledger"));
    expect(stored).toEqual(["import-000001.jsonl"]);
    const lines = readFileSync(join(home, "ledger", stored[0]!), "utf8")
      .trim()
      .split("\n");
    expect(lines.filter((l) => l.includes("STARBUCKS"))).toHaveLength(2);
  });

  it("prints the import report with rejected lines for people", async () => {
    const run = await runCli(["budget", "import", "--file", fixturePath("few-bad-rows.csv")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "7 rows read, 4 imported, 0 duplicates skipped, 0 pending skipped, 3 rejected",
    );
    expect(run.stdout).toContain('line 5: amount "forty dollars" is not an amount');
  });

  it("imports nothing from a file that is not a statement, even after good files", async () => {
    const run = await runCli([
      "budget",
      "import",
      "--file",
      fixturePath("amex-style-card.csv"),
      "--file",
      fixturePath("wrong-columns.csv"),
    ]);
    expect(run.code).toBe(2);
    expect(readdirSync(join(home, "ledger"))).toEqual(["import-000001.jsonl"]);
    expect(readdirSync(join(home, "ledger")).some((f) => f.endsWith(".tmp"))).toBe(false);
  });

  it("stores a user rule that later analyses of the ledger apply", async () => {
    await runCliJson(["budget", "import", "--file", fixturePath("capital-one-style-card.csv")]);
    const before = await runCliJson(["budget", "analyze", "--income", "180000"]);
    expect(
      (before.categories as Record<string, { monthly_average: string }>).food_groceries!.monthly_average,
    ).toBe("312.64");
    const rule = await runCliJson([
      "budget",
      "categorize",
      "--match",
      "target",
      "--category",
      "food_groceries",
    ]);
    expect(rule).toMatchObject({ rule: { id: "user:1", category: "food_groceries" }, ledger_matches: 1 });
    const after = await runCliJson(["budget", "analyze", "--income", "180000"]);
    expect(
      (after.categories as Record<string, { monthly_average: string }>).food_groceries!.monthly_average,
    ).toBe("400.74");
  });

  it("rejects a rule without a match, with an unknown category or a bad regex", async () => {
    let run = await runCli(["budget", "categorize", "--category", "travel"]);
    expect(run.stderr).toMatch(/--match: is required/);
    run = await runCli(["budget", "categorize", "--match", "x y", "--category", "shopping"]);
    expect(run.stderr).toMatch(/--category: must be one of housing/);
    run = await runCli(["budget", "categorize", "--regex", "(", "--category", "travel"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--regex: is not a regular expression/);
    expect(existsSync(join(home, "rules.json"))).toBe(false);
  });

  it("asks for a file when the ledger is empty", async () => {
    const run = await runCli(["budget", "analyze", "--income", "180000"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--file: is required: the ledger is empty/);
  });
});

describe("finplan demo generate", () => {
  it("writes seeded statements in three export formats that analyze end to end", async () => {
    const out = join(home, "demo");
    const args = ["demo", "generate", "--months", "24", "--seed", "7", "--start", "2024-01", "--out", out];
    expect((await runCli(args)).code).toBe(0);
    const first = readFileSync(join(out, "credit-card.csv"), "utf8");
    expect(readdirSync(out).sort()).toEqual(["checking.csv", "credit-card.csv", "rewards-card.qfx"]);
    await runCli(args);
    expect(readFileSync(join(out, "credit-card.csv"), "utf8")).toBe(first);
    const files = ["checking.csv", "credit-card.csv", "rewards-card.qfx"].flatMap((f) => [
      "--file",
      join(out, f),
    ]);
    const json = await runCliJson(["budget", "analyze", ...files, "--income", "180000"]);
    expect(json.months).toBe(24);
    const reports = json.import_report as { rejected_count: number; assumptions: string[] }[];
    expect(reports.every((r) => r.rejected_count === 0)).toBe(true);
    expect(reports[1]!.assumptions.join(" ")).toContain("card style");
    const opportunities = json.opportunities as { rule_id: string; confidence: string }[];
    expect(opportunities).toContainEqual(
      expect.objectContaining({ rule_id: "duplicate-subscriptions", confidence: "high" }),
    );
    const patterns = json.patterns as { seasonality: { category: string; peak_month: number }[] };
    expect(patterns.seasonality.find((s) => s.category === "travel")?.peak_month).toBe(7);
    expect((json.uncategorized as { share_of_outflows: number }).share_of_outflows).toBeLessThan(0.1);
  });

  it("rejects bad flags", async () => {
    const run = await runCli(["demo", "generate", "--months", "0", "--out", join(home, "x")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--months: must be between 1 and 120/);
    const start = await runCli(["demo", "generate", "--start", "2024-13", "--out", join(home, "x")]);
    expect(start.stderr).toMatch(/--start: must be a month as YYYY-MM/);
    expect(existsSync(join(home, "x"))).toBe(false);
  });
});
