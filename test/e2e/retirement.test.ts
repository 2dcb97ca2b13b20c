import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, logIn, openPage, type WatchedPage } from "./support/browser.ts";
import { apiToken, checkView, householdIdOf, PASSWORD, PLANNER } from "./support/demo.ts";

const baseUrl = inject("baseUrl");

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(inject("chromiumPath"));
});

afterAll(async () => {
  await browser?.close();
});

/** GET an API path as the demo planner. */
async function apiGet<T>(path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { authorization: `Bearer ${await apiToken(baseUrl)}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const dollars = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
});
const cents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** "$994,936 short" → 994936; "$1,204 surplus" → −1204. */
function signedGap(text: string): number {
  const amount = Number(text.replace(/[^\d.]/g, ""));
  return text.includes("surplus") ? -amount : amount;
}

async function openHousehold(view: WatchedPage, name: string): Promise<Locator> {
  await logIn(view.page, baseUrl, PLANNER, PASSWORD);
  await view.page.getByRole("link", { name }).click();
  await view.page.getByRole("heading", { level: 1, name }).waitFor();
  const retirement = view.page.getByRole("region", { name: "Retirement gap" });
  await retirement.locator(".gap-chart .recharts-bar-rectangle").first().waitFor();
  return retirement;
}

describe("retirement dashboard", () => {
  it("shows the gap widget, the percentile bands and Social Security at 62, full age and 70", async () => {
    const id = await householdIdOf(baseUrl, "Chen household");
    const gap = await apiGet<{
      projected_balance: string;
      required_balance: string;
      social_security_estimate: { benefit_at_62: string; benefit_at_fra: string; benefit_at_70: string };
    }>(`/api/households/${id}/retirement/gap`);
    const simulation = await apiGet<{ years: { p50: string }[] }>(
      `/api/households/${id}/retirement/simulation`,
    );

    const view = await openPage(browser);
    const retirement = await openHousehold(view, "Chen household");
    // The widget: both balances as figures, two bars, a funded ratio.
    expect(await retirement.locator(".gap-chart .recharts-bar-rectangle").count()).toBe(2);
    const figure = (label: string) => retirement.locator(".figures div", { hasText: label }).locator("dd");
    expect(await figure("Projected at retirement").textContent()).toBe(
      dollars.format(Number(gap.projected_balance)),
    );
    expect(await figure("Required at retirement").textContent()).toBe(
      dollars.format(Number(gap.required_balance)),
    );
    expect(await figure("Funded ratio").textContent()).toMatch(/^\d+(\.\d)?%$/);

    // The bands: a shaded range and a median line, the sentence, and the table with a row a year.
    const projection = retirement.getByRole("region", { name: "Projection with market ups and downs" });
    await projection.locator(".recharts-area-area").waitFor();
    expect(await projection.locator(".recharts-line-curve").count()).toBe(1);
    expect(await projection.locator(".recharts-reference-dot").count()).toBe(1);
    expect(await projection.locator(".bands-meaning").textContent()).toMatch(
      /Of 10,000 simulated markets \(seed 1\), in any year one in ten ends below the band/,
    );
    await projection.getByText("Projection as a table").click();
    const rows = projection.locator("tbody tr");
    expect(await rows.count()).toBe(simulation.years.length);
    expect(await rows.first().locator("td").nth(1).textContent()).toBe(
      dollars.format(Number(simulation.years[0]!.p50)),
    );

    // Social Security: three bars and the same three monthly amounts in the table.
    const ss = retirement.getByRole("region", { name: "Social Security by claiming age" });
    expect(await ss.locator(".recharts-bar-rectangle").count()).toBe(3);
    const estimate = gap.social_security_estimate;
    const monthly = await ss.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(monthly).toEqual(
      [estimate.benefit_at_62, estimate.benefit_at_fra, estimate.benefit_at_70].map((m) =>
        cents.format(Number(m)),
      ),
    );
    expect(await ss.locator("tbody th").allTextContents()).toEqual(["62", "67 (full)", "70"]);
    await checkView(view, "retirement");
  });

  it("applies a correction as a what-if, shows the gap shrink, and resets without saving anything", async () => {
    const id = await householdIdOf(baseUrl, "Rivera household");
    const storedProfile = await apiGet<object>(`/api/households/${id}/retirement-profile`);
    const view = await openPage(browser);
    const retirement = await openHousehold(view, "Rivera household");
    const corrections = retirement.getByRole("region", { name: "Ways to close the gap" });
    const saveMore = corrections.locator("li", { hasText: /^Save \$/ });
    await saveMore.getByRole("button", { name: "Apply" }).click();

    const table = corrections.locator(".what-if-table");
    await table.waitFor();
    const cells = async (label: string) =>
      table
        .getByRole("row", { name: new RegExp(`^${label}`) })
        .locator("td")
        .allTextContents();
    await expect.poll(async () => (await cells("Gap")).length).toBe(2);
    const [storedGap, changedGap] = (await cells("Gap")).map(signedGap);
    expect(storedGap).toBeGreaterThan(0);
    expect(changedGap).toBeLessThan(storedGap! / 100);
    const [storedRatio, changedRatio] = (await cells("Funded ratio")).map((t) => Number.parseFloat(t));
    expect(changedRatio).toBeGreaterThan(storedRatio!);
    expect(changedRatio).toBeGreaterThanOrEqual(99.9);
    // The stored figures beside the new ones are the widget's.
    const widgetGap = await retirement
      .locator(".figures div", { hasText: "Gap" })
      .locator("dd")
      .textContent();
    expect(signedGap(`${widgetGap} short`)).toBe(storedGap);
    expect(await saveMore.getByRole("button", { name: "Applied" }).getAttribute("aria-pressed")).toBe("true");
    // A later Social Security claim cannot be tried on the gap, and says why.
    const claim = corrections.locator("li", { hasText: /Social Security at/ });
    if ((await claim.count()) > 0) {
      expect(await claim.getByRole("button").count()).toBe(0);
      expect(await claim.textContent()).toMatch(/No what-if/);
    }
    await checkView(view, "retirement-what-if");

    await corrections.getByRole("button", { name: "Reset" }).click();
    await expect.poll(() => table.count()).toBe(0);
    expect(await saveMore.getByRole("button", { name: "Apply" }).isVisible()).toBe(true);
    expect(await apiGet<object>(`/api/households/${id}/retirement-profile`)).toEqual(storedProfile);
  });

  it("lays the retirement charts out for a 390 px phone without horizontal scrolling", async () => {
    const view = await openPage(browser, { width: 390, height: 844 });
    const retirement = await openHousehold(view, "Okafor household");
    await retirement.locator(".projection-chart .recharts-area-area").waitFor();
    await retirement
      .getByRole("region", { name: "Social Security by claiming age" })
      .locator(".recharts-bar-rectangle")
      .first()
      .waitFor();
    const overflow = await view.page.evaluate<number>(
      "document.documentElement.scrollWidth - window.innerWidth",
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await checkView(view, "retirement-390px");
  });
});
