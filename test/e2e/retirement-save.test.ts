import { describe, expect, inject, it } from "vitest";
import { chromiumForSuite, logIn, openPage } from "./support/browser.ts";
import { apiToken, checkView, householdIdOf, PASSWORD, PLANNER } from "./support/demo.ts";

const baseUrl = inject("baseUrl");

const suite = chromiumForSuite();

/** A request to the API as the demo planner; answers the status and the JSON body. */
async function apiCall<T>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await apiToken(baseUrl)}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

type Profile = Record<string, string | number | null>;

/** The widget's gap figure as a signed number: "$994,936" under "Gap" → 994936, under "Surplus" → −. */
function signedFigure(label: string, amount: string): number {
  const value = Number(amount.replace(/[^\d.]/g, ""));
  return label === "Surplus" ? -value : value;
}

describe("saving a retirement what-if", () => {
  it("saves the Okafor household's 'save more' correction after a confirm step, and the widget shows the new stored gap", async () => {
    const id = await householdIdOf(baseUrl, "Okafor household");
    const profilePath = `/api/households/${id}/retirement-profile`;
    const original = await apiCall<Profile>("GET", profilePath);
    expect(original.status).toBe(200);
    const gap = await apiCall<{
      gap: string;
      corrections: { type: string; new_monthly_contribution?: string }[];
    }>("GET", `/api/households/${id}/retirement/gap`);
    const saveMore = gap.body.corrections.find((c) => c.type === "save_more");
    expect(saveMore?.new_monthly_contribution).toBeDefined();
    const storedGap = Number(gap.body.gap);
    expect(storedGap).toBeGreaterThan(0);

    try {
      const view = await openPage(suite.browser);
      await logIn(view.page, baseUrl, PLANNER, PASSWORD);
      await view.page.getByRole("link", { name: "Okafor household" }).click();
      await view.page.getByRole("heading", { level: 1, name: "Okafor household" }).waitFor();
      const retirement = view.page.getByRole("region", { name: "Retirement gap" });
      await retirement.locator(".gap-chart .recharts-bar-rectangle").first().waitFor();
      const gapFigure = retirement.locator(".figures div").nth(2);
      const widgetGap = async () =>
        signedFigure(
          (await gapFigure.locator("dt").textContent()) ?? "",
          (await gapFigure.locator("dd").textContent()) ?? "",
        );
      expect(await widgetGap()).toBe(Math.round(storedGap));

      const corrections = retirement.getByRole("region", { name: "Ways to close the gap" });
      await corrections
        .locator("li", { hasText: /^Save \$/ })
        .getByRole("button", { name: "Apply" })
        .click();
      await corrections.locator(".what-if-table").waitFor();
      // A later Social Security claim cannot be applied, so it cannot be saved either.
      const claim = corrections.locator("li", { hasText: /Social Security at/ });
      if ((await claim.count()) > 0) expect(await claim.getByRole("button").count()).toBe(0);

      await corrections.getByRole("button", { name: "Save to profile" }).click();
      const confirm = corrections.getByRole("group", {
        name: /Replace the household's stored retirement profile/,
      });
      await confirm.waitFor();
      expect(await confirm.textContent()).toMatch(/Monthly contribution: \$1,200\.00 → \$[\d,]+\.\d\d/);
      // The confirm step takes the focus; nothing is stored before it is confirmed.
      await expect
        .poll(() => confirm.locator("button:focus").textContent())
        .toBe("Confirm: replace the stored profile");
      expect((await apiCall<Profile>("GET", profilePath)).body).toEqual(original.body);
      await checkView(view, "retirement-save-confirm");
      await confirm.getByRole("button", { name: "Confirm: replace the stored profile" }).click();

      const status = corrections.getByRole("status").filter({ hasText: /^Saved/ });
      await status.waitFor();
      // The widget's figures are the new stored gap: closed, or a rounding remainder of the old one.
      await expect.poll(widgetGap).toBeLessThan(storedGap / 100);
      expect(await corrections.locator(".what-if-table").count()).toBe(0);

      const saved = await apiCall<Profile>("GET", profilePath);
      // The save was one new revision: nothing else saved in between.
      expect(saved.body).toEqual({
        ...original.body,
        monthly_contribution: saveMore!.new_monthly_contribution,
        revision: Number(original.body.revision) + 1,
      });
      await checkView(view, "retirement-saved");
    } finally {
      // What GET answered goes back as it is (the revision in the body is ignored; it is not If-Match).
      const restored = await apiCall<Profile>("PUT", profilePath, original.body);
      expect(restored.status).toBe(200);
      const { revision: _, ...inputs } = original.body;
      expect((await apiCall<Profile>("GET", profilePath)).body).toMatchObject(inputs);
    }
  });
});
