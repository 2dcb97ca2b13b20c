import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/errors.ts";
import { parseColumnMapping } from "../../src/core/spending/import/csv-layout.ts";
import { createStatementImport, importStatement } from "../../src/core/spending/import/statement-import.ts";
import { fixture, importFixture } from "./fixtures.ts";

const amounts = (name: string) => importFixture(name).transactions.map((t) => t.amount.toString());

describe("CSV exports as banks and card issuers produce them", () => {
  it("reads a Chase-style checking export (MM/DD/YYYY, charges negative, trailing comma)", () => {
    const { transactions, report } = importFixture("chase-style-checking.csv");
    expect(report).toMatchObject({ format: "csv", rowsRead: 10, imported: 10, rejectedCount: 0 });
    expect(transactions[0]).toMatchObject({
      date: "2026-03-31",
      description: "ACME CORP PAYROLL PPD ID: 9876543210",
    });
    expect(transactions[0]!.amount.toString()).toBe("6215.40");
    expect(transactions[3]!.amount.toString()).toBe("-3412.18");
    expect(report.assumptions.join(" ")).toContain("bank style");
  });

  it("keeps two genuine identical coffees on one day as two transactions", () => {
    const { transactions } = importFixture("chase-style-checking.csv");
    const coffees = transactions.filter((t) => t.description.startsWith("STARBUCKS"));
    expect(coffees).toHaveLength(2);
    expect(new Set(coffees.map((t) => t.id)).size).toBe(2);
  });

  it("detects the card convention of an Amex-style export (charges positive) and flips it", () => {
    expect(amounts("amex-style-card.csv")).toEqual([
      "-184.22",
      "-22.99",
      "-1248.60",
      "-96.40",
      "2840.12",
      "-11.99",
      "-184.00",
      "12.40",
      "-61.13",
      "-38.50",
    ]);
    expect(importFixture("amex-style-card.csv").report.assumptions.join(" ")).toContain("card style");
  });

  it("lets the user state the sign convention instead", () => {
    const { transactions } = importStatement(fixture("amex-style-card.csv"), {
      fallbackAccount: "amex",
      sign: "charges-negative",
    });
    expect(transactions[0]!.amount.toString()).toBe("184.22");
  });

  it("finds the header of a Bank of America-style export after its summary block, with a BOM and thousands separators", () => {
    const { transactions, report } = importFixture("bofa-style-checking.csv");
    expect(transactions.map((t) => t.amount.toString())).toEqual([
      "-3412.18",
      "6215.40",
      "-1650.00",
      "-143.87",
      "-40.00",
      "6215.40",
      "-3771.50",
    ]);
    expect(report.rejected).toEqual([{ line: 8, reason: 'amount "" is not an amount' }]);
  });

  it("reads separate debit and credit columns (Capital One style) with ISO dates", () => {
    const { transactions } = importFixture("capital-one-style-card.csv");
    expect(transactions.map((t) => [t.date, t.amount.toString()])).toContainEqual(["2026-01-14", "-1036.20"]);
    expect(transactions.map((t) => t.amount.toString())).toContain("1200.00");
  });

  it("skips and counts pending rows", () => {
    const { transactions, report } = importFixture("citi-style-card-with-pending.csv");
    expect(report).toMatchObject({ rowsRead: 5, pendingSkipped: 1, imported: 4 });
    expect(transactions.every((t) => t.date !== "2026-04-02")).toBe(true);
  });

  it("detects day/month order from the file as a whole (a day above 12 anywhere decides)", () => {
    const { transactions, report } = importFixture("european-dates.csv");
    expect(transactions.map((t) => t.date)).toEqual(["2026-03-02", "2026-03-14", "2026-03-25"]);
    expect(report.assumptions[0]).toContain("day/month/year");
  });

  it("warns about rows dated after the import day, and imports them", () => {
    const text =
      "Date,Description,Amount\n11/03/2026,SAFEWAY,-12.00\n12/11/2026,SAFEWAY,-9.00\n12/20/2026,SHELL,-40.00\n";
    const dated = importStatement(text, { fallbackAccount: "x", today: "2026-12-06" });
    expect(dated.transactions).toHaveLength(3);
    expect(dated.report.warnings).toEqual([
      "2 transactions are dated after 2026-12-06 (the latest 2026-12-20); a statement lists only what has happened, so check the date order the file was read with",
    ]);
    // Without an import day (as in a test of old statements) nothing is judged.
    expect(importStatement(text, { fallbackAccount: "x" }).report.warnings).toEqual([]);
    expect(importStatement(text, { fallbackAccount: "x", today: "2026-12-20" }).report.warnings).toEqual([]);
  });

  it("reads DD-MMM-YYYY dates and negatives in parentheses", () => {
    const { transactions } = importFixture("named-month-parentheses.csv");
    expect(transactions.map((t) => [t.date, t.amount.toString()])).toEqual([
      ["2026-01-05", "-145.20"],
      ["2026-01-06", "4980.00"],
      ["2026-01-09", "-236.00"],
    ]);
  });

  it("states the US order as an assumption when no date tells day and month apart", () => {
    const { transactions, report } = importStatement("Date,Description,Amount\n03/04/26,SAFEWAY,-12.00\n", {
      fallbackAccount: "x",
    });
    expect(transactions[0]!.date).toBe("2026-03-04");
    expect(report.assumptions[0]).toContain("month/day/year (the US order)");
  });

  it("takes a user column mapping by name, and by position for a file without a header", () => {
    const named = importStatement("When,What,Value\n2026-03-01,SAFEWAY,-12.00\n", {
      fallbackAccount: "x",
      columns: parseColumnMapping("date=When,description=What,amount=Value"),
    });
    expect(named.transactions).toHaveLength(1);
    const headerless = importStatement(
      '"03/01/2026","-12.00","*","","SAFEWAY 123"\n"03/02/2026","-8.00","*","","CHEVRON"\n',
      {
        fallbackAccount: "x",
        columns: parseColumnMapping("date=1,amount=2,description=5"),
      },
    );
    expect(headerless.transactions.map((t) => t.description)).toEqual(["SAFEWAY 123", "CHEVRON"]);
    expect(() => parseColumnMapping("colour=blue")).toThrow(/KEY=COLUMN/);
  });

  it("gives the same result however the text is chunked (streaming)", () => {
    const text = fixture("bofa-style-checking.csv");
    const whole = importStatement(text, { fallbackAccount: "a" });
    for (const size of [1, 7, 64, 1000]) {
      const got: string[] = [];
      const run = createStatementImport({ fallbackAccount: "a" }, new Set(), (t) =>
        got.push(`${t.id} ${t.amount}`),
      );
      for (let i = 0; i < text.length; i += size) run.push(text.slice(i, i + size));
      expect(run.end()).toEqual(whole.report);
      expect(got).toEqual(whole.transactions.map((t) => `${t.id} ${t.amount}`));
    }
  });

  it("keeps a quoted field with a line break in it as one row", () => {
    const { transactions, report } = importStatement(
      'Date,Description,Amount\n2026-03-01,"SAFEWAY\nSTORE 12",-12.00\n2026-03-02,SHELL,-4.00\n',
      {
        fallbackAccount: "x",
      },
    );
    expect(transactions[0]!.description).toBe("SAFEWAY STORE 12");
    expect(report.rowsRead).toBe(2);
  });
});

describe("OFX and QFX statements", () => {
  it("reads OFX 1.02 SGML (no closing tags, a bare ampersand) with the FITID as id", () => {
    const { transactions, report } = importFixture("ofx-1x-sgml.qfx");
    expect(report).toMatchObject({ format: "ofx", account: "000012345678", imported: 4 });
    expect(transactions[0]).toMatchObject({
      id: "ofx:000012345678:202603030001",
      date: "2026-03-03",
      description: "AT&T WIRELESS",
    });
    expect(transactions.filter((t) => t.description === "BLUE BOTTLE COFFEE")).toHaveLength(2);
  });

  it("reads OFX 2.x XML from a card account, with the SIC code as MCC", () => {
    const { transactions } = importFixture("ofx-2x.ofx");
    expect(transactions.map((t) => [t.amount.toString(), t.mcc ?? null, t.description])).toEqual([
      ["-129.95", 5411, "NEIGHBORHOOD MARKET 42"],
      ["-58.20", 5812, "LUIGI'S TRATTORIA"],
      ["1500.00", null, "PAYMENT RECEIVED - THANK YOU"],
    ]);
  });

  it("streams OFX in small chunks with the same result", () => {
    const text = fixture("ofx-1x-sgml.qfx");
    const got: string[] = [];
    const run = createStatementImport({ fallbackAccount: "a" }, new Set(), (t) => got.push(t.id));
    for (let i = 0; i < text.length; i += 5) run.push(text.slice(i, i + 5));
    expect(run.end().imported).toBe(4);
    expect(got).toEqual(importFixture("ofx-1x-sgml.qfx").transactions.map((t) => t.id));
  });

  it("reports an OFX transaction without an amount by its line", () => {
    const text = fixture("ofx-1x-sgml.qfx").replace(
      "<TRNAMT>-5.75\n<FITID>202603160002",
      "<TRNAMT>abc\n<FITID>202603160002",
    );
    const { report } = importStatement(text, { fallbackAccount: "a" });
    expect(report.rejected).toEqual([{ line: 61, reason: 'transaction TRNAMT "abc" is not an amount' }]);
  });
});

describe("files that are not statements are rejected whole; bad rows are reported", () => {
  const rejection = (text: string) => {
    try {
      importStatement(text, { fallbackAccount: "x" });
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).message;
    }
    throw new Error("not rejected");
  };

  it("rejects an empty file", () => {
    expect(rejection(fixture("empty.csv"))).toBe("the file is empty");
    expect(rejection("\uFEFF\n\n")).toBe("the file is empty");
  });

  it("rejects binary data", () => {
    const png = String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d);
    expect(rejection(png)).toContain("binary");
  });

  it("rejects a CSV without date, description and amount columns, naming what it found", () => {
    expect(rejection(fixture("wrong-columns.csv"))).toMatch(
      /no header with a date.*"Name", "Email", "Phone"/,
    );
  });

  it("rejects a file none of whose rows can be read", () => {
    expect(rejection("Date,Description,Amount\nx,y,z\nq,r,s\n")).toMatch(/none of its 2 rows/);
  });

  it("reports each bad row with its line number and reason, importing the rest", () => {
    const { transactions, report } = importFixture("few-bad-rows.csv");
    expect(report).toMatchObject({ rowsRead: 7, imported: 4, rejectedCount: 3 });
    expect(report.rejected).toEqual([
      { line: 4, reason: 'date "not a date" is not a date' },
      { line: 5, reason: 'amount "forty dollars" is not an amount' },
      { line: 7, reason: "description is empty" },
    ]);
    expect(transactions.map((t) => t.description)).toEqual([
      "SAFEWAY #1442",
      "CHIPOTLE 1123",
      "SHELL OIL 12",
      "SPOTIFY USA",
    ]);
  });
});

describe("re-import", () => {
  it("imports nothing the second time, for CSV and OFX", () => {
    const seen = new Set<string>();
    for (const name of ["chase-style-checking.csv", "ofx-1x-sgml.qfx"]) {
      const first = importFixture(name, seen);
      const second = importFixture(name, seen);
      expect(first.report.imported).toBeGreaterThan(0);
      expect(second.report).toMatchObject({ imported: 0, duplicatesSkipped: first.report.imported });
    }
  });

  it("adds only the new rows of an overlapping later export", () => {
    const seen = new Set<string>();
    const header = "Date,Description,Amount\n";
    const march = "03/30/2026,STARBUCKS,-6.45\n03/30/2026,STARBUCKS,-6.45\n";
    importStatement(header + march, { fallbackAccount: "c" }, seen);
    const later = importStatement(
      `${header + march}03/31/2026,STARBUCKS,-6.45\n`,
      { fallbackAccount: "c" },
      seen,
    );
    expect(later.report).toMatchObject({ imported: 1, duplicatesSkipped: 2 });
  });
});
