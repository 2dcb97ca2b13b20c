import { describe, expect, it } from "vitest";
import { runCli, runCliJson } from "../support/run-cli.ts";

const GAP = [
  "retirement",
  "gap",
  "--age",
  "45",
  "--retirement-age",
  "65",
  "--savings",
  "350000",
  "--monthly-contribution",
  "2000",
  "--desired-income",
  "120000",
  "--social-security",
  "30000",
  "--return",
  "0.06",
];

describe("finplan retirement gap", () => {
  it("prints the seed household's gap with money as 2-place decimal strings", async () => {
    const json = await runCliJson(GAP);
    expect(json.projected_balance).toBe("2029374.68");
    expect(json.required_balance).toBe("3686886.99");
    expect(json.gap).toBe("1657512.31");
    expect(json.funded_ratio).toBeCloseTo(2029374.68 / 3686886.99, 6);
    expect(json.required_additional_monthly).toBe("3655.43");
    expect((json.today_dollars as Record<string, unknown>).required_balance).toBe("2250000.00");
    const corrections = json.corrections as { type: string; closes_gap: boolean }[];
    expect(corrections.map((c) => c.type)).toEqual(
      expect.arrayContaining(["save_more", "retire_later", "spend_less"]),
    );
    expect(json).not.toHaveProperty("simulation");
  });

  it("renders an aligned table and the corrective moves for people", async () => {
    const run = await runCli(GAP);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Projected balance\s+\$2,029,374\.68\s+\$1,238,468\.40/);
    expect(run.stdout).toContain("Corrective moves");
  });

  it("adds a seeded Monte Carlo simulation that repeats exactly", async () => {
    const args = [...GAP, "--simulate", "monte-carlo", "--paths", "2000", "--seed", "42"];
    const first = await runCliJson(args);
    const second = await runCliJson(args);
    const simulation = first.simulation as {
      kind: string;
      success_probability: number;
      percentiles: unknown[];
    };
    expect(simulation.kind).toBe("monte-carlo");
    expect(simulation.percentiles).toHaveLength(50);
    expect(second.simulation).toEqual(first.simulation);
  });

  it("adds a historical backtest of the plan's withdrawal rate", async () => {
    const json = await runCliJson([...GAP, "--simulate", "historical"]);
    const simulation = json.simulation as { kind: string; windows: number; withdrawal_rate: number };
    expect(simulation.kind).toBe("historical");
    expect(simulation.windows).toBe(2024 - 30 + 1 - 1928 + 1);
    expect(simulation.withdrawal_rate).toBeCloseTo((90000 * 1.025 ** 20) / 2029374.68, 6);
  });

  it.each([
    [["--savings", "-5"], "--savings: must not be negative"],
    [["--return", "6"], "--return: 6 looks like a percent"],
    [["--withdrawal-rate", "0"], "--withdrawal-rate: must be greater than 0"],
    [["--retirement-age", "40"], "--retirement-age: must be after the current age (45)"],
    [["--monthly-contribution", "lots"], '--monthly-contribution: "lots" is not an amount'],
    [["--inflation", "2.5"], "--inflation: 2.5 looks like a percent"],
    [["--simulate", "dice"], '--simulate: must be "historical" or "monte-carlo"'],
    [
      ["--years-to-retirement", "20"],
      "--years-to-retirement: give either a retirement age or years to retirement",
    ],
  ])("rejects %j with exit code 2 naming the flag", async (override, message) => {
    const args = [...GAP];
    for (let i = 0; i < override.length; i += 2) {
      const at = args.indexOf(override[i]!);
      if (at >= 0) args[at + 1] = override[i + 1]!;
      else args.push(override[i]!, override[i + 1]!);
    }
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")[0]).toContain(message);
    expect(run.stdout).toBe("");
  });

  it("needs Social Security, or what to estimate it from", async () => {
    const args = GAP.slice(0, GAP.indexOf("--social-security")).concat(["--return", "0.06"]);
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--social-security: is required");
  });

  it("estimates Social Security from a birth date and salary and offers claiming later", async () => {
    const args = GAP.filter((_, i) => i < 2 || i > 5).filter(
      (a, i, all) => a !== "--social-security" && all[i - 1] !== "--social-security",
    );
    const json = await runCliJson([
      ...args,
      "--birth-date",
      "1981-03-14",
      "--retirement-age",
      "65",
      "--salary",
      "150000",
      "--as-of",
      "2026-06-01",
    ]);
    const estimate = json.social_security_estimate as {
      benefit_at_claim_age: string;
      annual_benefit_at_claim_age: string;
    };
    expect((json.inputs as { social_security: string }).social_security).toBe(
      estimate.annual_benefit_at_claim_age,
    );
    const types = (json.corrections as { type: string }[]).map((c) => c.type);
    expect(types).toContain("claim_ss_later");
  });
});

describe("finplan retirement backtest", () => {
  it("reproduces the 75/25, 4%, 30-year test over 1926-1995 with its failed years", async () => {
    const json = await runCliJson([
      "retirement",
      "backtest",
      "--stock-share",
      "0.75",
      "--withdrawal-rate",
      "0.04",
      "--years",
      "30",
      "--from",
      "1926",
      "--to",
      "1995",
    ]);
    expect(json.windows).toBe(41);
    expect(json.failed_start_years).toEqual([1965, 1966]);
    expect(json.success_rate).toBeCloseTo(39 / 41, 10);
    expect(json.method).toMatch(/prior year's CPI/);
  });

  it("rejects a window longer than the range", async () => {
    const run = await runCli([
      "retirement",
      "backtest",
      "--stock-share",
      "0.6",
      "--withdrawal-rate",
      "0.04",
      "--years",
      "30",
      "--from",
      "2000",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--years: a 30-year window does not fit in 2000-2024");
  });

  it("rejects a stock share given as a percent", async () => {
    const run = await runCli([
      "retirement",
      "backtest",
      "--stock-share",
      "60",
      "--withdrawal-rate",
      "0.04",
      "--years",
      "30",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--stock-share: 60 looks like a percent");
  });
});

describe("finplan retirement ss", () => {
  it("estimates from a salary with the documented keys", async () => {
    const json = await runCliJson([
      "retirement",
      "ss",
      "--birth-date",
      "1970-04-15",
      "--salary",
      "120000",
      "--claim-age",
      "67",
      "--as-of",
      "2026-01-01",
    ]);
    // A constant share of the average wage, indexed to the latest AWI: every year counts $120,000.
    expect(json.aime).toBe(10000);
    expect(json.pia).toBe("3563.20");
    expect(json.full_retirement_age).toBe(67);
    expect(json.benefit_at_62).toBe("2494.00");
    expect(json.benefit_at_fra).toBe("3563.00");
    expect(json.benefit_at_70).toBe("4418.00");
    expect(json.benefit_at_claim_age).toBe("3563.00");
  });

  it("reads an earnings file and rejects a malformed one naming the line", async () => {
    const { writeFileSync, mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(`${tmpdir()}/finplan-`);
    writeFileSync(`${dir}/good.csv`, 'year,earnings\n2020,50000\n2021,"52,000.50"\n');
    writeFileSync(`${dir}/bad.csv`, "year,earnings\n2020,50000\n2021,fifty\n");
    // Born 1960: indexing year 2020, so 2020 and 2021 count at nominal value.
    const good = await runCliJson([
      "retirement",
      "ss",
      "--birth-date",
      "1960-05-05",
      "--earnings-file",
      `${dir}/good.csv`,
      "--as-of",
      "2026-01-01",
    ]);
    expect(good.aime).toBe(Math.floor((50000 + 52000.5) / 420));
    const bad = await runCli([
      "retirement",
      "ss",
      "--birth-date",
      "1966-05-05",
      "--earnings-file",
      `${dir}/bad.csv`,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--earnings-file: line 3: expected "year,earnings"');
  });

  it.each([
    [["--birth-date", "1970-13-01", "--salary", "1"], "--birth-date"],
    [
      ["--birth-date", "1970-01-01", "--salary", "1", "--claim-age", "61"],
      "--claim-age: must be between 62 and 70",
    ],
    [
      ["--birth-date", "1970-01-01", "--salary", "1", "--claim-age", "67.1"],
      "--claim-age: must be whole years or whole months",
    ],
    [["--birth-date", "1970-01-01"], "--salary: is required when no earnings file is given"],
    [
      ["--birth-date", "2030-01-01", "--salary", "1", "--as-of", "2026-01-01"],
      "--birth-date: is after the as-of date",
    ],
    [
      ["--birth-date", "1970-01-01", "--salary", "1", "--spouse-pia", "900"],
      "--spouse-birth-date: is required",
    ],
  ])("rejects %j", async (args, message) => {
    const run = await runCli(["retirement", "ss", ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe("finplan --help", () => {
  it.each([
    [[]],
    [["retirement"]],
    [["retirement", "gap"]],
    [["retirement", "ss"]],
    [["retirement", "backtest"]],
    [["demo"]],
  ])("explains %j", async (path) => {
    const run = await runCli([...path, "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: finplan/);
  });
});
