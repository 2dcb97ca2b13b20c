import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, logIn, openPage } from "./support/browser.ts";
import { checkView, householdIdOf, PASSWORD, PLANNER } from "./support/demo.ts";

const baseUrl = inject("baseUrl");

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(inject("chromiumPath"));
});

afterAll(async () => {
  await browser?.close();
});

describe("web dashboard", () => {
  it("shows the login page to a visitor and refuses a wrong password", async () => {
    const view = await openPage(browser);
    await view.page.goto(`${baseUrl}/households/anything`);
    await view.page.waitForURL(`${baseUrl}/login`);
    await expect.poll(() => view.page.getByRole("heading", { name: "Finplan" }).isVisible()).toBe(true);
    await checkView(view, "login");

    await logIn(view.page, baseUrl, PLANNER, "not-the-password");
    await expect.poll(() => view.page.getByRole("alert").textContent()).toMatch(/wrong email or password/);
    expect(view.page.url()).toBe(`${baseUrl}/login`);
  });

  it("lets the demo planner log in with the keyboard and see the three client households with funded ratios", async () => {
    const view = await openPage(browser);
    await view.page.goto(`${baseUrl}/login`);
    await view.page.getByLabel("Email").waitFor();
    await view.page.keyboard.press("Tab");
    await view.page.keyboard.type(PLANNER);
    await view.page.keyboard.press("Tab");
    await view.page.keyboard.type(PASSWORD);
    await view.page.keyboard.press("Enter");
    await view.page.getByRole("heading", { name: "Clients" }).waitFor();
    const cards = view.page.locator(".client-card");
    await cards.nth(2).waitFor();
    expect(await cards.count()).toBe(3);
    const names = await cards.locator("h2 a").allTextContents();
    expect(names.sort()).toEqual(["Chen household", "Okafor household", "Rivera household"]);
    // Every card shows its funded ratio as a percent.
    const retirementGoals = await cards
      .locator(".goal-list li")
      .filter({ hasText: /^Retirement/ })
      .allTextContents();
    expect(retirementGoals).toHaveLength(3);
    for (const line of retirementGoals) expect(line).toMatch(/^Retirement: \d+(\.\d)?% funded/);
    await expect.poll(() => view.page.getByRole("link", { name: "Clients" }).isVisible()).toBe(true);
    await checkView(view, "planner-client-list");
  });

  it("opens a household with the retirement gap, a spending pie chart, opportunities and 529 glide paths", async () => {
    const view = await openPage(browser);
    await logIn(view.page, baseUrl, PLANNER, PASSWORD);
    await view.page.getByRole("link", { name: "Chen household" }).click();
    await view.page.getByRole("heading", { level: 1, name: "Chen household" }).waitFor();

    const retirement = view.page.getByRole("region", { name: "Retirement gap" });
    await retirement.getByText("Funded ratio").first().waitFor();
    await expect.poll(() => retirement.locator(".corrections li").count()).toBeGreaterThan(0);

    const budget = view.page.getByRole("region", { name: "Budget" });
    await budget.locator(".recharts-pie-sector").first().waitFor();
    expect(await budget.locator(".recharts-pie-sector").count()).toBeGreaterThan(3);
    // The chart's table alternative lists the same categories in dollars.
    expect(await budget.getByRole("row", { name: /Housing/ }).textContent()).toMatch(/\$[\d,]+\.\d\d/);
    const opportunities = await budget.locator(".opportunities li .amount").allTextContents();
    expect(opportunities.length).toBeGreaterThan(0);
    for (const amount of opportunities) expect(amount).toMatch(/^\$[\d,]+\.\d\d a year$/);

    const college = view.page.getByRole("region", { name: "529 college savings" });
    await expect.poll(() => college.locator("article").count()).toBe(2);
    await expect
      .poll(() => college.locator(".glide-chart .recharts-bar-rectangle").count())
      .toBeGreaterThan(0);
    await college.getByText("Glide path as a table").first().click();
    expect(
      await college
        .getByRole("row", { name: /\(now\)/ })
        .first()
        .textContent(),
    ).toMatch(/%/);
    await checkView(view, "household");
  });

  it("lays the household page out for a 390 px phone without horizontal scrolling", async () => {
    const view = await openPage(browser, { width: 390, height: 844 });
    await logIn(view.page, baseUrl, PLANNER, PASSWORD);
    await view.page.getByRole("link", { name: "Rivera household" }).click();
    await view.page.getByRole("region", { name: "Budget" }).locator(".recharts-pie-sector").first().waitFor();
    await view.page.getByRole("region", { name: "529 college savings" }).locator("article").first().waitFor();
    const overflow = await view.page.evaluate<number>(
      "document.documentElement.scrollWidth - window.innerWidth",
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await checkView(view, "household-390px");
  });

  it("lands a client on their own household and shows not-found for another household's address", async () => {
    const chen = await householdIdOf(baseUrl, "Chen household");
    const view = await openPage(browser);
    await logIn(view.page, baseUrl, "rivera@demo.finplan", PASSWORD);
    await view.page.getByRole("heading", { level: 1, name: "Rivera household" }).waitFor();
    await expect.poll(() => view.page.getByRole("link", { name: "My household" }).isVisible()).toBe(true);
    expect(await view.page.getByRole("link", { name: "Clients" }).count()).toBe(0);
    await checkView(view, "client-household");

    await view.page.goto(`${baseUrl}/households/${chen}`);
    await view.page.getByRole("heading", { name: "Household not found" }).waitFor();
    expect(await view.page.getByText("Chen household").count()).toBe(0);
    // The browser logs the API's 404 as a failed resource; nothing else may go wrong.
    view.errors.splice(
      0,
      view.errors.length,
      ...view.errors.filter((error) => !/Failed to load resource: .* 404/.test(error)),
    );
    await checkView(view, "client-other-household-not-found");
  });

  it("logs out to the login page, and the session no longer opens the dashboard", async () => {
    const view = await openPage(browser);
    await logIn(view.page, baseUrl, PLANNER, PASSWORD);
    await view.page.getByRole("heading", { name: "Clients" }).waitFor();
    await view.page.getByRole("button", { name: "Log out" }).click();
    await view.page.waitForURL(`${baseUrl}/login`);
    await view.page.goto(`${baseUrl}/`);
    await view.page.waitForURL(`${baseUrl}/login`);
    await expect.poll(() => view.page.getByLabel("Email").isVisible()).toBe(true);
    expect(view.errors).toEqual([]);
  });
});
