import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium, logIn, openPage, type WatchedPage } from "./support/browser.ts";
import { apiToken, checkView, householdIdOf, PASSWORD, PLANNER } from "./support/demo.ts";

/**
 * The plan panel (savings target, budgets, goals) on the Chen household. Every change is put back
 * through the API at the end, so the other browser tests see the demo plan.
 */

const baseUrl = inject("baseUrl");
const HOUSEHOLD = "Chen household";

interface Plan {
  savings_rate: number | null;
  budgets: Record<string, string>;
  goals: { id: string; name: string; current_amount: string | null }[];
}

let browser: Browser;
let householdId: string;
let original: Plan;

async function storedPlan(): Promise<Plan> {
  const response = await fetch(`${baseUrl}/api/households/${householdId}/plan`, {
    headers: { authorization: `Bearer ${await apiToken(baseUrl)}` },
  });
  return (await response.json()) as Plan;
}

beforeAll(async () => {
  browser = await launchChromium(inject("chromiumPath"));
  householdId = await householdIdOf(baseUrl, HOUSEHOLD);
  original = await storedPlan();
});

afterAll(async () => {
  await fetch(`${baseUrl}/api/households/${householdId}/plan`, {
    method: "PUT",
    headers: { authorization: `Bearer ${await apiToken(baseUrl)}`, "content-type": "application/json" },
    body: JSON.stringify({ savings_rate: original.savings_rate, budgets: original.budgets }),
  });
  await browser?.close();
});

async function openPlan(email: string): Promise<WatchedPage & { plan: Locator }> {
  const view = await openPage(browser);
  await logIn(view.page, baseUrl, email, PASSWORD);
  if (email === PLANNER) await view.page.getByRole("link", { name: HOUSEHOLD }).click();
  await view.page.getByRole("heading", { level: 1, name: HOUSEHOLD }).waitFor();
  const plan = view.page.getByRole("region", { name: "Plan targets and goals" });
  await plan.getByRole("heading", { name: "Goals", exact: true }).waitFor();
  return { ...view, plan };
}

describe("plan targets and goals", () => {
  it("lets the planner change the savings target and a budget, refusing bad amounts field by field", async () => {
    const view = await openPlan(PLANNER);
    const { plan } = view;
    const target = plan.getByLabel("Share of gross income to save (%)");
    expect(await target.inputValue()).toBe("20");
    await target.fill("95");
    await plan.getByRole("button", { name: "Save target" }).click();
    await expect.poll(() => plan.getByText("Must be at most 90%.").isVisible()).toBe(true);
    expect((await storedPlan()).savings_rate).toBe(0.2);

    await target.fill("25");
    await plan.getByRole("button", { name: "Save target" }).click();
    await expect.poll(async () => (await storedPlan()).savings_rate).toBe(0.25);
    await expect.poll(() => plan.getByText("Now: 25% of gross income").isVisible()).toBe(true);

    const travel = plan.getByLabel("Travel ($ a month)");
    expect(await travel.inputValue()).toBe("800.00");
    await travel.fill("lots");
    await plan.getByRole("button", { name: "Save budgets" }).click();
    await expect
      .poll(() => plan.getByText("Enter dollars and cents only, such as 1234.56.").isVisible())
      .toBe(true);
    await travel.fill("1,250");
    await plan.getByRole("button", { name: "Save budgets" }).click();
    await expect.poll(async () => (await storedPlan()).budgets.travel).toBe("1250.00");
    expect((await storedPlan()).budgets.housing).toBe("4200.00");
    await checkView(view, "plan-targets");
  });

  it("adds a custom goal, updates what is saved so far, and removes it", async () => {
    const view = await openPlan(PLANNER);
    const { plan } = view;
    const year = new Date().getUTCFullYear() + 3;
    await plan.getByLabel("Goal name").fill("Sabbatical year");
    await plan.getByLabel("Target amount ($)").fill("30000");
    await plan.getByLabel("Target date").fill(`${year}-06-30`);
    await plan.getByLabel("Saved so far ($, optional)").fill("5000");
    await plan.getByRole("button", { name: "Add goal" }).click();
    const item = plan.locator(".plan-goals li", { hasText: "Sabbatical year" });
    await item.waitFor();
    expect(await item.textContent()).toMatch(/\$30,000\.00 by Jun 30, \d{4}; \$5,000\.00 saved so far/);

    await item.getByLabel("Saved so far for Sabbatical year ($)").fill("6000");
    await item.getByRole("button", { name: "Update" }).click();
    await expect
      .poll(async () => (await storedPlan()).goals.find((g) => g.name === "Sabbatical year")?.current_amount)
      .toBe("6000.00");
    await checkView(view, "plan-goal-added");

    await item.getByRole("button", { name: "Remove Sabbatical year" }).click();
    await expect.poll(() => item.count()).toBe(0);
    expect((await storedPlan()).goals.map((g) => g.name)).toEqual(original.goals.map((g) => g.name));
  });

  it("shows the client their plan without the planner's controls", async () => {
    const view = await openPlan("chen@demo.finplan");
    const { plan } = view;
    await expect
      .poll(() => plan.getByText(/^Savings target: \d+% of gross income\.$/).isVisible())
      .toBe(true);
    expect(await plan.getByRole("button").count()).toBe(0);
    expect(await plan.locator(".plan-goals li").count()).toBe(original.goals.length);
    await checkView(view, "plan-client");
  });
});
