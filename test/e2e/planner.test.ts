import type { Locator } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { chromiumForSuite, logIn, openPage } from "./support/browser.ts";
import { apiToken, checkView, householdIdOf, PASSWORD, PLANNER } from "./support/demo.ts";

/**
 * The planner relationship dashboard in Chromium. Interactions are recorded only for the Okafor
 * household (the other browser tests rely on Chen's and Rivera's data, never on interactions).
 */
const baseUrl = inject("baseUrl");

const suite = chromiumForSuite();

/** Waits for what the page shows to settle; a busy machine can take seconds to log in and connect. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

const card = (cards: Locator, name: string) =>
  cards.filter({ has: cards.page().getByRole("link", { name }) });

/** The engagement score shown on a card, e.g. "62.1". */
async function engagementOf(cardLocator: Locator): Promise<string> {
  return (
    (await cardLocator
      .locator(".score")
      .filter({ hasText: "Engagement" })
      .locator(".score-value")
      .textContent()) ?? ""
  );
}

/** The dashboard with its stream connected, Okafor's card and the engagement score it shows. */
async function openOkaforCard() {
  const view = await openPage(suite.browser);
  await logIn(view.page, baseUrl, PLANNER, PASSWORD);
  const okafor = card(view.page.locator(".client-card"), "Okafor household");
  await okafor.waitFor();
  await poll(() => view.page.locator(".live-status").textContent()).toMatch(/Live updates: connected/);
  return { view, okafor, before: await engagementOf(okafor) };
}

async function apiEngagement(name: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/planner/clients?limit=200`, {
    headers: { authorization: `Bearer ${await apiToken(baseUrl)}` },
  });
  const { items } = (await response.json()) as {
    items: { name: string; metrics: { engagement: { score: number } } }[];
  };
  const item = items.find((i) => i.name === name);
  if (!item) throw new Error(`no client ${name}`);
  return item.metrics.engagement.score;
}

describe("planner relationship dashboard", () => {
  it("shows a score card per client with engagement, adherence, goals and a live status", async () => {
    const view = await openPage(suite.browser);
    await logIn(view.page, baseUrl, PLANNER, PASSWORD);
    const cards = view.page.locator(".client-card");
    await cards.nth(2).waitFor();
    expect(await cards.count()).toBe(3);
    for (const name of ["Chen household", "Okafor household", "Rivera household"]) {
      const c = card(cards, name);
      expect(await c.count()).toBe(1);
      expect(await engagementOf(c)).toMatch(/^\d+\.\d$/);
      expect(await c.locator(".score").filter({ hasText: "Plan adherence" }).textContent()).toBeTruthy();
      // Every demo household has a retirement profile: its goal shows a funded ratio and a status.
      expect(await c.locator(".goal-list li").first().textContent()).toMatch(
        /^Retirement: \d+(\.\d)?% funded (On track|At risk|Off track)/,
      );
      expect(await c.locator(".risk-badge").textContent()).toMatch(/^(High|Medium|Low) risk · \d+\.\d$/);
    }
    await poll(() => view.page.getByRole("status").first().textContent()).toMatch(/Live updates: connected/);
    await checkView(view, "planner-dashboard");
  });

  it("updates a card from the metrics stream without a reload when an interaction is recorded", async () => {
    const { view, okafor, before } = await openOkaforCard();
    // The page must not be reloaded: a marker on the window would vanish with one.
    await view.page.evaluate("window.__sameDocument = true");

    const household = await householdIdOf(baseUrl, "Okafor household");
    const response = await fetch(`${baseUrl}/api/households/${household}/interactions`, {
      method: "POST",
      headers: { authorization: `Bearer ${await apiToken(baseUrl)}`, "content-type": "application/json" },
      body: JSON.stringify({ kind: "meeting" }),
    });
    expect(response.status).toBe(201);

    await okafor.locator(".live-note").waitFor();
    expect(await okafor.locator(".live-note").textContent()).toMatch(/^Updated live at /);
    const after = await engagementOf(okafor);
    expect(after).not.toBe(before);
    // The card shows what the server computed.
    expect(Number(after)).toBe(await apiEngagement("Okafor household"));
    expect(await view.page.locator(".live-status").textContent()).toMatch(
      /latest: Okafor household, (engagement score|goal progress|plan adherence) \d+\.\d/,
    );
    expect(await view.page.evaluate("window.__sameDocument")).toBe(true);
    await checkView(view, "planner-dashboard-live");
  });

  it("logs an interaction through the card's form and the card changes live", async () => {
    const { view, okafor, before } = await openOkaforCard();

    await okafor.getByText("Log an interaction with Okafor household").click();
    await okafor.getByLabel("When (empty for now)").fill("2999-01-01T10:00");
    await okafor.getByRole("button", { name: "Log interaction" }).click();
    expect(await okafor.getByRole("alert").textContent()).toMatch(/cannot be in the future/);

    await okafor.getByLabel("When (empty for now)").fill("");
    await okafor.getByLabel("Kind").selectOption("task_done");
    await okafor.getByRole("button", { name: "Log interaction" }).click();
    await poll(() => okafor.getByRole("status").textContent()).toMatch(/Logged a task completed/);
    await poll(() => engagementOf(okafor)).not.toBe(before);
    await checkView(view, "planner-interaction-form");
  });

  it("sorts the cards by risk, name and engagement with the keyboard", async () => {
    const view = await openPage(suite.browser, { width: 390, height: 844 });
    await logIn(view.page, baseUrl, PLANNER, PASSWORD);
    const names = view.page.locator(".client-card h2");
    await names.nth(2).waitFor();
    expect(await names.count()).toBe(3);

    const risk = view.page.getByRole("radio", { name: "Risk (highest first)" });
    expect(await risk.isChecked()).toBe(true);
    const badges = await view.page.locator(".risk-badge").allTextContents();
    const risks = badges.map((text) => Number(/(\d+\.\d)$/.exec(text)?.[1]));
    expect(risks).toEqual([...risks].sort((a, b) => b - a));

    await risk.focus();
    // Arrow keys move through a radio group: Engagement is next, then Name.
    await view.page.keyboard.press("ArrowDown");
    expect(await view.page.getByRole("radio", { name: "Engagement (lowest first)" }).isChecked()).toBe(true);
    const engagement = await Promise.all(
      (await view.page.locator(".client-card").all()).map(async (c) => Number(await engagementOf(c))),
    );
    expect(engagement).toEqual([...engagement].sort((a, b) => a - b));

    await view.page.keyboard.press("ArrowDown");
    expect(await view.page.getByRole("radio", { name: "Name (A–Z)" }).isChecked()).toBe(true);
    expect(await names.allTextContents()).toEqual(["Chen household", "Okafor household", "Rivera household"]);
    // No sideways scrolling on a phone.
    expect(await view.page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await checkView(view, "planner-dashboard-phone");
  });

  it("says it is reconnecting while the stream cannot be reached, and connects once it can", async () => {
    const view = await openPage(suite.browser);
    const stream = "**/api/planner/metrics/stream";
    await view.page.route(stream, (route) => route.abort("connectionreset"));
    await logIn(view.page, baseUrl, PLANNER, PASSWORD);
    const live = view.page.locator(".live-status");
    await poll(() => live.textContent()).toMatch(/Live updates: reconnecting/);
    expect(await live.getAttribute("aria-live")).toBe("polite");
    await view.page.unroute(stream);
    await expect.poll(() => live.textContent(), { timeout: 40_000 }).toMatch(/Live updates: connected/);
  });
});
