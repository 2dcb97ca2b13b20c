import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, logIn, openPage, type WatchedPage } from "./support/browser.ts";
import { apiToken, checkView, householdIdOf, PASSWORD, PLANNER } from "./support/demo.ts";

const baseUrl = inject("baseUrl");
/** Lucia Rivera's birth date in the demo data; the only beneficiary these tests change. */
const LUCIA_BORN = "2016-05-20";

let browser: Browser;

interface Beneficiary {
  id: string;
  name: string;
  birth_date: string;
}

async function beneficiariesOf(household: string): Promise<Beneficiary[]> {
  const id = await householdIdOf(baseUrl, household);
  const response = await fetch(`${baseUrl}/api/households/${id}/beneficiaries`, {
    headers: { authorization: `Bearer ${await apiToken(baseUrl)}` },
  });
  return ((await response.json()) as { items: Beneficiary[] }).items;
}

/** Puts Lucia's birth date back, so other browser tests see the demo data as it was. */
async function restoreLucia(): Promise<void> {
  const rivera = await householdIdOf(baseUrl, "Rivera household");
  const [lucia] = await beneficiariesOf("Rivera household");
  if (!lucia || lucia.birth_date === LUCIA_BORN) return;
  await fetch(`${baseUrl}/api/households/${rivera}/beneficiaries/${lucia.id}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${await apiToken(baseUrl)}`, "content-type": "application/json" },
    body: JSON.stringify({ birth_date: LUCIA_BORN }),
  });
}

/** The planner on the Rivera household page, with Lucia's 529 card loaded. */
async function openLucia(viewport?: {
  width: number;
  height: number;
}): Promise<{ view: WatchedPage; lucia: Locator }> {
  const view = await openPage(browser, viewport);
  await logIn(view.page, baseUrl, PLANNER, PASSWORD);
  await view.page.getByRole("link", { name: "Rivera household" }).click();
  const college = view.page.getByRole("region", { name: "529 college savings" });
  const lucia = college.getByRole("article", { name: "Lucia Rivera" });
  await lucia.locator(".glide-chart .recharts-bar-rectangle").first().waitFor();
  return { view, lucia };
}

beforeAll(async () => {
  browser = await launchChromium(inject("chromiumPath"));
});

afterAll(async () => {
  await restoreLucia();
  await browser?.close();
});

describe("529 dashboard", () => {
  it("redraws Lucia's glide path when her birth date changes, and leaves the Chen children alone", async () => {
    const chenBefore = await beneficiariesOf("Chen household");
    const { view, lucia } = await openLucia();
    await lucia.getByText("Glide path as a table").click();
    const nowRow = lucia.getByRole("row", { name: /\(now\)/ });
    const before = await nowRow.textContent();
    const enrollsBefore = await lucia.locator(".figures div", { hasText: "Enrolls" }).textContent();
    // The plan's own portfolio for this year is shown beside the recommendation, or its absence said.
    expect(await lucia.locator(".plan-portfolio").textContent()).toMatch(/NY|529/);
    await checkView(view, "college-glide-path");

    await lucia.getByLabel("Birth date of Lucia Rivera").fill("2022-05-20");
    await lucia.getByRole("button", { name: "Save birth date" }).click();
    await expect.poll(() => nowRow.textContent()).not.toBe(before);
    const after = await nowRow.textContent();
    // Four years younger: more years to enrollment, and a larger stock share now.
    const years = (text: string | null) => Number(/^(\d+)/.exec(text ?? "")?.[1]);
    const equity = (text: string | null) => Number(/\(now\)([\d.]+)%/.exec(text ?? "")?.[1]);
    expect(years(after)).toBeGreaterThan(years(before));
    expect(equity(after)).toBeGreaterThan(equity(before));
    expect(await lucia.locator(".figures div", { hasText: "Enrolls" }).first().textContent()).not.toBe(
      enrollsBefore,
    );
    expect(await lucia.locator(".note").first().textContent()).toMatch(/May 20, 2022/);
    await checkView(view, "college-birth-date-changed");

    expect(await beneficiariesOf("Chen household")).toEqual(chenBefore);
    await restoreLucia();
  });

  it("gives live contribution results as the planner types, and explains a bad amount", async () => {
    const { view, lucia } = await openLucia();
    const calculator = lucia.getByRole("region", { name: "Contribution calculator for Lucia Rivera" });
    const projected = calculator.locator(".figures div", { hasText: "Projected balance" }).locator("dd");
    await projected.waitFor();
    const before = await projected.textContent();
    const monthly = calculator.getByLabel("Monthly contribution ($)");
    await monthly.fill("1,500");
    await expect.poll(() => projected.textContent()).not.toBe(before);
    expect(await projected.textContent()).toMatch(/^\$[\d,]+$/);
    await checkView(view, "college-calculator");

    await monthly.fill("lots");
    await calculator.getByText("Enter dollars and cents only, such as 1234.56.").waitFor();
    expect(await monthly.getAttribute("aria-invalid")).toBe("true");
    await checkView(view, "college-calculator-bad-input");
  });

  it("checks a fund against NY 529 Direct's approved list as the planner types", async () => {
    const { view, lucia } = await openLucia();
    const selector = lucia.getByRole("region", { name: "Fund selector for Lucia Rivera" });
    const fund = selector.getByLabel("Fund name or ticker");
    await fund.pressSequentially("Interest Acumulation Portfolio");
    await selector.getByText(/is not on .*approved list/).waitFor();
    await selector.getByRole("button", { name: "Interest Accumulation Portfolio" }).click();
    await selector.getByText(/approved list: Interest Accumulation Portfolio/).waitFor();
    await checkView(view, "college-fund-selector");
  });

  it("sorts the state plan comparison by a column from the keyboard, with the reason per plan", async () => {
    const { view, lucia } = await openLucia();
    await lucia.getByText("Compare state plans for Lucia Rivera").click();
    const table = lucia.locator("table.plan-comparison");
    await table.locator("tbody tr").first().waitFor();
    expect(await table.locator("tbody tr").count()).toBeGreaterThan(3);
    expect(await table.locator("tbody td.reason").first().textContent()).not.toBe("");
    const netHeader = table.getByRole("columnheader", { name: /Net value/ });
    await table.getByRole("button", { name: /Net value/ }).focus();
    await view.page.keyboard.press("Enter");
    await expect.poll(() => netHeader.getAttribute("aria-sort")).toBe("ascending");
    await view.page.keyboard.press("Enter");
    await expect.poll(() => netHeader.getAttribute("aria-sort")).toBe("descending");
    expect(await table.getByRole("columnheader", { name: /Rank/ }).getAttribute("aria-sort")).toBeNull();
    // The explanation is a paragraph above the table that says how it is sorted; the caption names it.
    expect(await lucia.getByRole("table", { name: "529 plans for Lucia Rivera" }).count()).toBe(1);
    const about = lucia.locator(`[id="${await table.getAttribute("aria-describedby")}"]`);
    expect(await about.textContent()).toMatch(
      /^529 plans for Lucia Rivera as a NY resident, tax year \d{4}: .* Sorted by net value, descending\.$/,
    );
    // On a desktop every column fits across, and the box scrolls within the window, from the keyboard too.
    const box = lucia.getByRole("region", { name: "529 plans for Lucia Rivera" });
    expect(await box.getAttribute("tabindex")).toBe("0");
    const size = await box.evaluate((element) => ({
      overflowX: element.scrollWidth - element.clientWidth,
      overflowY: element.scrollHeight - element.clientHeight,
      height: element.getBoundingClientRect().height,
    }));
    expect(size.overflowX).toBeLessThanOrEqual(0);
    expect(size.overflowY).toBeGreaterThan(0);
    expect(size.height).toBeLessThanOrEqual(900);
    await box.focus();
    await view.page.keyboard.press("PageDown");
    await expect.poll(() => box.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    // The header row stays in view as the box scrolls.
    const top = async (locator: Locator) => (await locator.boundingBox())?.y ?? Number.NaN;
    expect(Math.abs((await top(netHeader)) - (await top(box)))).toBeLessThan(3);
    await checkView(view, "college-plan-comparison");
  });

  it("shows the household's state tax benefit, and recomputes it at the rate typed", async () => {
    const { view } = await openLucia();
    const benefit = view.page.locator(".tax-benefit");
    await benefit.getByText(/NY resident, married filing jointly/).waitFor();
    const saved = benefit.locator(".figures div", { hasText: "State tax saved" }).locator("dd");
    const atTopRate = await saved.textContent();
    expect(atTopRate).toMatch(/^\$[\d,]+\.\d\d$/);
    await benefit.getByLabel("Your marginal state tax rate (%)").fill("6.85");
    await expect.poll(() => saved.textContent()).not.toBe(atTopRate);
    await benefit.getByText(/marginal state rate of 6\.85%/).waitFor();
    await checkView(view, "college-tax-benefit");
  });

  it("fits the 529 tools on a 390 px phone without horizontal scrolling", async () => {
    const { view, lucia } = await openLucia({ width: 390, height: 844 });
    await lucia.getByText("Compare state plans for Lucia Rivera").click();
    await lucia.locator("table.plan-comparison tbody tr").first().waitFor();
    const overflow = await view.page.evaluate<number>(
      "document.documentElement.scrollWidth - window.innerWidth",
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await checkView(view, "college-390px");
  });
});
