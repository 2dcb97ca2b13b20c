import { expect } from "vitest";
import { screenshot, seriousAccessibilityViolations, type WatchedPage } from "./browser.ts";

/** The demo firm `finplan serve --demo` creates (see src/app/demo-data.ts). */
export const PASSWORD = "finplan-demo-2026";
export const PLANNER = "planner@demo.finplan";

/** Screenshot, accessibility check and error check for one view, in that order. */
export async function checkView({ page, errors }: WatchedPage, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousAccessibilityViolations(page), `axe on ${name}`).toEqual([]);
  expect(errors, `errors on ${name}`).toEqual([]);
}

/** A bearer token for `email`, for tests that arrange data through the API rather than the page. */
export async function apiToken(baseUrl: string, email = PLANNER): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  return token;
}

/** The id of the demo household called `name`, as the demo planner sees it. */
export async function householdIdOf(baseUrl: string, name: string): Promise<string> {
  const clients = await fetch(`${baseUrl}/api/planner/clients`, {
    headers: { authorization: `Bearer ${await apiToken(baseUrl)}` },
  });
  const { items } = (await clients.json()) as { items: { id: string; name: string }[] };
  const household = items.find((item) => item.name === name);
  if (!household) throw new Error(`no demo household named ${name}`);
  return household.id;
}
