import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, logIn, openPage, type WatchedPage } from "./support/browser.ts";
import { apiToken, checkView, householdIdOf, PASSWORD, PLANNER } from "./support/demo.ts";

/**
 * The budget part of the household page, on the Okafor household only (the other browser tests
 * read Chen and Rivera): charts with their tables, statement upload and re-categorization.
 * The tests run in order: the upload adds a month that the re-categorization then uses.
 */

const baseUrl = inject("baseUrl");
const HOUSEHOLD = "Okafor household";
const FILE_INPUT = "Statement file (CSV, OFX or QFX)";

let browser: Browser;
let householdId: string;

beforeAll(async () => {
  browser = await launchChromium(inject("chromiumPath"));
  householdId = await householdIdOf(baseUrl, HOUSEHOLD);
});

afterAll(async () => {
  await browser?.close();
});

async function openBudget(viewport?: {
  width: number;
  height: number;
}): Promise<WatchedPage & { budget: Locator }> {
  const view = await openPage(browser, viewport);
  await logIn(view.page, baseUrl, PLANNER, PASSWORD);
  await view.page.getByRole("link", { name: HOUSEHOLD }).click();
  await view.page.getByRole("heading", { level: 1, name: HOUSEHOLD }).waitFor();
  const budget = view.page.getByRole("region", { name: "Budget" });
  await budget.locator(".recharts-pie-sector").first().waitFor();
  await budget.locator(".transactions tbody tr").first().waitFor();
  return { ...view, budget };
}

/** The "A month" cell of a category in the pie chart's table. */
function monthlyOf(budget: Locator, category: string): Promise<string | null> {
  return budget
    .locator(".chart-with-table tbody tr", { has: budget.page().getByRole("rowheader", { name: category }) })
    .locator("td")
    .first()
    .textContent();
}

function caption(budget: Locator): Promise<string | null> {
  return budget.locator("#spending-table-caption").textContent();
}

/** How many months the household has and the last one, from the API. */
async function importedMonths(): Promise<{ months: number; last_month: string }> {
  const answer = await fetch(`${baseUrl}/api/households/${householdId}/spending/analysis`, {
    headers: { authorization: `Bearer ${await apiToken(baseUrl)}` },
  });
  return (await answer.json()) as { months: number; last_month: string };
}

/** Sends uploads at `bytesPerSecond` (Chromium's network emulation), so the progress bar is seen. */
async function throttleUploads(page: Page, bytesPerSecond: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
}

/**
 * Every part of the transactions table shows in its box (no part cut off at the right edge), and
 * Chromium's accessibility tree still has it as a table of rows: header row, then one per transaction
 * with the description as its row header, whichever layout the width chose.
 */
async function expectTransactionsFit(page: Page, budget: Locator): Promise<void> {
  const wrapper = budget.locator(".transactions-scroll");
  expect(await wrapper.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(
    0,
  );
  const outer = await wrapper.boundingBox();
  const row = budget.locator(".transactions tbody tr").first();
  for (const part of [row.locator(".category"), row.locator(".rule"), row.getByRole("button")]) {
    const inner = await part.boundingBox();
    expect(inner && outer && inner.x >= outer.x && inner.x + inner.width <= outer.x + outer.width).toBe(true);
  }
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send("DOM.getDocument");
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: ".transactions" });
  const count = async (role: string) =>
    (await cdp.send("Accessibility.queryAXTree", { nodeId, role })).nodes.length;
  expect(await count("table")).toBe(1);
  expect(await count("row")).toBe(21);
  expect(await count("rowheader")).toBe(20);
  await cdp.detach();
}

/** Drops the browser's log line for an API answer with `status` (a failed resource); nothing else may go wrong. */
function forgiveFailedResource(view: WatchedPage, status: number): void {
  const pattern = new RegExp(`Failed to load resource: .* ${status}`);
  view.errors.splice(0, view.errors.length, ...view.errors.filter((error) => !pattern.test(error)));
}

describe("budget dashboard (Okafor household)", () => {
  it("shows the spending pie, the peer benchmarks, the monthly trend and the opportunities, each chart with a table", async () => {
    const view = await openBudget();
    const { budget } = view;
    expect(await caption(budget)).toMatch(/\(24 months\)/);
    await expect.poll(() => budget.locator(".opportunities li").count()).toBeGreaterThan(0);

    // Benchmarks: paired bars, and the same shares in a table.
    await expect
      .poll(() => budget.locator(".benchmark-chart .recharts-bar-rectangle").count())
      .toBeGreaterThan(4);
    await budget.getByText("Benchmarks as a table").click();
    const housing = await budget
      .getByRole("table", {
        name: /Share of income against peer households with income \$100,000 to \$149,999/,
      })
      .getByRole("row", { name: /Housing/ })
      .textContent();
    expect(housing).toMatch(/Housing\d+(\.\d)?%\d+(\.\d)?%[+−]\d+\.\d points/);

    // Monthly trend: one bar per month, and the months in a table.
    await expect.poll(() => budget.locator(".trend-chart .recharts-bar-rectangle").count()).toBe(24);
    await budget.getByText("Monthly spending as a table").click();
    const monthRows = budget.getByRole("table", { name: /per month/ }).locator("tbody tr");
    expect(await monthRows.count()).toBe(24);
    expect(await monthRows.first().textContent()).toMatch(/^\w{3} \d{4}\$[\d,]+\.\d\d/);

    // Transactions say why they have their category: the reason of the rule that chose it.
    const reasons = await budget.locator(".transactions .rule").allTextContents();
    expect(reasons.length).toBe(20);
    for (const reason of reasons) expect(reason).toMatch(/is a known|keyword|category code|no rule matched/);
    await expectTransactionsFit(view.page, budget);
    // Shares of income all show one decimal, so the column lines up.
    const shares = await budget.locator(".chart-with-table tbody td:last-child").allTextContents();
    expect(shares.length).toBeGreaterThan(3);
    for (const share of shares) expect(share).toMatch(/^(\d+\.\d%|—)$/);
    await checkView(view, "budget-okafor");
  });

  it("refuses a file that is not a statement, naming the field, and changes nothing", async () => {
    const view = await openBudget();
    const { budget } = view;
    const before = await caption(budget);
    const housingBefore = await monthlyOf(budget, "Housing");

    await budget.getByLabel(FILE_INPUT).setInputFiles({
      name: "notes.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("shopping list\nmilk, eggs\nbread\n"),
    });
    await budget.getByRole("button", { name: "Upload statement" }).click();
    const alert = budget.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /nothing was changed.*file: not a statement: no header with a date/,
    );
    expect(await caption(budget)).toBe(before);
    expect(await monthlyOf(budget, "Housing")).toBe(housingBefore);
    expect((await importedMonths()).months).toBe(24);
    forgiveFailedResource(view, 400);
    await checkView(view, "budget-upload-refused");
  });

  it("uploads a CSV with a progress bar, shows the import report, and the figures take in the new transactions", async () => {
    const { last_month } = await importedMonths();
    // The last day of the demo's last month (the last complete one): the newest transactions, so the
    // list shows them first, in a month the averages count.
    const [year, month] = last_month.split("-").map(Number) as [number, number];
    const mm = String(month).padStart(2, "0");
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const day = () => `${mm}/${lastDay}/${year}`;
    // A reference column, which the import ignores (bank exports carry such columns), makes the file
    // about 100 KB, so the throttled upload reports its progress in several steps.
    const reference = "0".repeat(4000);
    // Line 1 the header, line 2 tuition, lines 3-25 twenty-three tutoring charges, lines 26-27 bad rows.
    const rows = [
      "Date,Description,Amount,Reference",
      `${day()},STATE UNIVERSITY BURSAR,-4200.00,${reference}`,
      ...Array.from({ length: 23 }, () => `${day()},KUMON MATH CENTER,-25.00,${reference}`),
      `${mm}/40/${year},KUMON MATH CENTER,-25.00,${reference}`,
      `not a date,REFUND,-1.00,${reference}`,
    ];

    const view = await openBudget();
    const { page, budget } = view;
    expect(await caption(budget)).toMatch(/\(24 months\)/);
    expect(await budget.getByRole("rowheader", { name: "Education" }).count()).toBe(0);

    await throttleUploads(page, 40_000);
    await page.evaluate(
      `window.progressSeen = [];
       new MutationObserver(() => {
         const bar = document.querySelector(".upload-progress progress");
         if (bar) window.progressSeen.push(bar.value);
       }).observe(document.body, { subtree: true, childList: true, attributes: true });`,
    );
    await budget.getByLabel(FILE_INPUT).setInputFiles({
      name: "okafor-tuition.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${rows.join("\n")}\n`),
    });
    await budget.getByRole("button", { name: "Upload statement" }).click();
    await budget.getByRole("progressbar", { name: "Uploading okafor-tuition.csv" }).waitFor();
    const report = budget.locator(".import-report");
    await report.waitFor();
    // The bar followed the upload's progress events: from 0 through steps in between to 100.
    const seen = await page.evaluate<number[]>("window.progressSeen");
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(100);
    expect(seen.filter((value) => value > 0 && value < 100).length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const text = await report.textContent();
    expect(text).toMatch(/26 rows read/);
    expect(text).toMatch(/24 transactions imported/);
    expect(text).toMatch(/0 duplicates skipped/);
    expect(text).toMatch(/line 26: .*not a date/);
    expect(text).toMatch(/line 27: .*not a date/);

    // 4,200.00 + 23 × 25.00 = 4,775.00 of education, over the same 24 months = 198.96.
    await expect.poll(() => monthlyOf(budget, "Education")).toBe("$198.96");
    expect(await caption(budget)).toMatch(/\(24 months\)/);
    await expect.poll(() => budget.locator(".trend-chart .recharts-bar-rectangle").count()).toBe(24);
    await checkView(view, "budget-upload-report");

    // The same file again imports nothing.
    await budget.getByRole("button", { name: "Upload statement" }).click();
    await expect.poll(() => report.textContent()).toMatch(/0 transactions imported.*24 duplicates skipped/);
    expect((await importedMonths()).months).toBe(24);
  });

  it("re-categorizes a transaction with a rule: every matching transaction and the totals move", async () => {
    const view = await openBudget();
    const { page, budget } = view;
    const kumon = budget.locator(".transactions tbody tr", { hasText: "KUMON MATH CENTER" }).first();
    await kumon.waitFor();
    expect(await kumon.locator(".category").textContent()).toBe("Education");
    expect(await kumon.locator(".rule").textContent()).toBe('"kumon" is a known education merchant');
    const childcareBefore = await monthlyOf(budget, "Childcare");

    const focused = () =>
      page.evaluate<string | null>(
        "document.activeElement.getAttribute('aria-label') ?? document.activeElement.id",
      );
    await kumon.getByRole("button", { name: /Re-categorize KUMON MATH CENTER/ }).click();
    const categoryField = budget.getByLabel("New category");
    const matchField = budget.getByLabel("For every description containing");
    expect(await focused()).toBe(await categoryField.getAttribute("id"));
    await categoryField.selectOption("childcare");
    expect(await matchField.inputValue()).toBe("KUMON MATH CENTER");

    // A text too short for a rule: the API's field error, and nothing changes.
    await matchField.fill("K");
    await budget.getByRole("button", { name: "Create rule" }).click();
    await expect
      .poll(() => budget.getByRole("alert").textContent())
      .toBe("The rule was not saved: match: must be at least 2 characters");
    expect(await kumon.locator(".category").textContent()).toBe("Education");
    forgiveFailedResource(view, 400);

    await matchField.fill("KUMON MATH CENTER");
    await checkView(view, "budget-recategorize-form");
    await budget.getByRole("button", { name: "Create rule" }).click();

    await expect
      .poll(() => budget.getByRole("status").filter({ hasText: "Rule added" }).textContent())
      .toMatch(/descriptions containing "KUMON MATH CENTER" are childcare.*; 23 transactions re-categorized/);
    await expect.poll(() => kumon.locator(".category").textContent()).toBe("Childcare");
    // The editor closed and the keyboard is back on the row's button.
    expect(await focused()).toMatch(/^Re-categorize KUMON MATH CENTER/);
    expect(await kumon.locator(".rule").textContent()).toBe(
      'your rule: descriptions containing "KUMON MATH CENTER" are childcare',
    );
    // 575.00 left education for childcare: education 4,200.00 / 24 = 175.00.
    await expect.poll(() => monthlyOf(budget, "Education")).toBe("$175.00");
    expect(await monthlyOf(budget, "Childcare")).not.toBe(childcareBefore);
    await checkView(view, "budget-recategorized");
  });

  it("leaves the month in progress out of the averages, and says so", async () => {
    const view = await openBudget();
    const { budget } = view;
    const before = { caption: await caption(budget), groceries: await monthlyOf(budget, "Food groceries") };
    const [y, m, d] = new Date().toISOString().slice(0, 10).split("-");
    await budget.getByLabel(FILE_INPUT).setInputFiles({
      name: "this-month.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`Date,Description,Amount\n${m}/${d}/${y},CORNER GROCER,-42.10\n`),
    });
    await budget.getByRole("button", { name: "Upload statement" }).click();
    await budget.locator(".import-report").filter({ hasText: "this-month.csv" }).waitFor();
    const notes = budget.getByRole("list", { name: "How the figures were worked out" });
    await expect
      .poll(() => notes.textContent())
      .toContain(`${y}-${m} is in progress: its 1 transaction so far`);
    expect(await caption(budget)).toBe(before.caption);
    expect(await monthlyOf(budget, "Food groceries")).toBe(before.groceries);
  });

  it("reads a statement as the user says: day-first dates, a named account", async () => {
    const view = await openBudget();
    const { budget } = view;
    await budget.getByLabel(FILE_INPUT).setInputFiles({
      name: "travel-card.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("Date,Description,Amount\n02/01/2026,HARBOUR VIEW BAKERY,-12.50\n"),
    });
    await budget.getByText("How to read the file (optional)").click();
    await budget.getByLabel("Account name").fill("Travel card");
    await budget.getByLabel("Dates like 03/04/2026 are").selectOption("dmy");
    await budget.getByLabel("Charges are").selectOption("charges-negative");
    await checkView(view, "budget-reading-options");
    await budget.getByRole("button", { name: "Upload statement" }).click();
    const report = budget.locator(".import-report");
    await report.waitFor();
    expect(await report.textContent()).toMatch(/account Travel card.*1 transactions imported/);
    expect(await report.textContent()).not.toMatch(/month\/day\/year/);
    // 02/01/2026 read day first is the 2nd of January.
    const token = await apiToken(baseUrl);
    let found: { date: string; account: string } | undefined;
    for (let offset = 0; !found; offset += 200) {
      const page = (await (
        await fetch(`${baseUrl}/api/households/${householdId}/transactions?limit=200&offset=${offset}`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as { items: { date: string; account: string; description: string }[] };
      if (page.items.length === 0) break;
      found = page.items.find((t) => t.description === "HARBOUR VIEW BAKERY");
    }
    expect(found).toMatchObject({ date: "2026-01-02", account: "Travel card" });
  });

  it("fits the budget panel on a 390 px phone without horizontal scrolling", async () => {
    const view = await openBudget({ width: 390, height: 844 });
    await view.budget.locator(".benchmark-chart .recharts-bar-rectangle").first().waitFor();
    const overflow = await view.page.evaluate<number>(
      "document.documentElement.scrollWidth - window.innerWidth",
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectTransactionsFit(view.page, view.budget);
    await checkView(view, "budget-390px");
  });
});
