// @vitest-environment happy-dom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { GapFigures, RetirementGap } from "../../web/src/api/retirement-types.ts";
import { Corrections } from "../../web/src/views/retirement-corrections.tsx";
import { fakeApi, renderWithQueries } from "./support/render.tsx";
import { STATED_PROFILE } from "./support/retirement-fixtures.ts";

const PROFILE_PATH = "/api/households/h1/retirement-profile";

const FIGURES: GapFigures = {
  projected_balance: "1500000.00",
  required_balance: "2300000.00",
  gap: "800000.00",
  funded_ratio: 0.652,
  required_additional_monthly: "1900.00",
};

const GAP: RetirementGap = {
  ...FIGURES,
  today_dollars: FIGURES,
  years_to_retirement: 21.1,
  inputs: { social_security: "30000.00", expected_return: 0.05, inflation: 0.025, withdrawal_rate: 0.04 },
  social_security_estimate: null,
  corrections: [
    {
      type: "combination",
      extra_monthly: "742.90",
      delay_months: 38,
      reduction: "7896.57",
      closes_gap: true,
      description: "A balanced plan",
      effort: 1,
    },
    {
      type: "claim_ss_later",
      claim_age_months: 840,
      new_social_security: "37200.00",
      closes_gap: false,
      description: "Claim Social Security at 70",
      effort: 2,
    },
  ],
};

const CLOSED: GapFigures = { ...FIGURES, projected_balance: "2300000.00", gap: "0.00", funded_ratio: 1 };

async function applyAndConfirm() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole("button", { name: "Apply" }));
  await screen.findByRole("table", { name: "What if: A balanced plan" });
  await user.click(screen.getByRole("button", { name: "Save to profile" }));
  const confirm = screen.getByRole("group", { name: "Replace the household's stored retirement profile?" });
  return { user, confirm };
}

describe("saving an applied what-if to the retirement profile", () => {
  it("after a confirm step, PUTs the stored profile with only the corrected fields changed, then says so", async () => {
    const requests = fakeApi({
      [`GET ${PROFILE_PATH}`]: { body: STATED_PROFILE },
      "POST /api/retirement/gap": { body: { ...GAP, ...CLOSED, corrections: [] } },
      [`PUT ${PROFILE_PATH}`]: (request) => request.body,
    });
    renderWithQueries(<Corrections householdId="h1" gap={GAP} />);
    const { user, confirm } = await applyAndConfirm();

    // The confirm step lists what changes; nothing is sent before it is confirmed.
    expect(
      within(confirm)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual([
      "Monthly contribution: $2,000.00 → $2,742.90",
      "Retirement age: 66 and 5 months → 69 and 7 months",
      "Desired income a year: $120,000.00 → $112,103.43",
    ]);
    expect(requests.filter((r) => r.method === "PUT")).toEqual([]);
    await user.click(within(confirm).getByRole("button", { name: "Confirm: replace the stored profile" }));

    expect(await screen.findByText(/^Saved/)).toBeTruthy();
    expect(requests.filter((r) => r.method === "PUT")).toEqual([
      {
        method: "PUT",
        path: PROFILE_PATH,
        // Saved only over the revision the change was made on.
        ifMatch: '"3"',
        body: {
          birth_date: "1981-03-14",
          // Whole months as years (797 + 38), not the rounded 66.4167 + 3.1667 the API would refuse.
          retirement_age: (797 + 38) / 12,
          savings: "350000.00",
          monthly_contribution: "2742.90",
          desired_income: "112103.43",
          social_security: "30000.00",
          return: 0.05,
        },
      },
    ]);
    // The what-if is closed and the stored profile fetched again.
    expect(screen.queryByRole("table")).toBeNull();
    await waitFor(() => expect(requests.filter((r) => r.method === "GET")).toHaveLength(2));
  });

  /** Applies the balanced plan, confirms the save, and has the API refuse the PUT with `refusal`. */
  async function refusedSave(refusal: { status: number; body: object }) {
    const requests = fakeApi({
      [`GET ${PROFILE_PATH}`]: { body: STATED_PROFILE },
      "POST /api/retirement/gap": { body: { ...GAP, ...CLOSED, corrections: [] } },
      [`PUT ${PROFILE_PATH}`]: refusal,
    });
    renderWithQueries(<Corrections householdId="h1" gap={GAP} />);
    const { user, confirm } = await applyAndConfirm();
    await user.click(within(confirm).getByRole("button", { name: "Confirm: replace the stored profile" }));
    const alert = await screen.findByRole("alert");
    expect(screen.queryByText(/^Saved/)).toBeNull();
    return { requests, alert };
  }

  it("shows the API's reason for each field it refuses, and no 'saved'", async () => {
    const { alert } = await refusedSave({
      status: 400,
      body: {
        error: "bad_request",
        message: "retirement_age: must be between 40 and 80",
        fields: { retirement_age: "must be between 40 and 80" },
      },
    });
    expect(alert.textContent).toContain("retirement_age: must be between 40 and 80");
    // The what-if stays, so it can be reset or tried again.
    expect(screen.getByRole("table", { name: "What if: A balanced plan" })).toBeTruthy();
  });

  it("when someone saved first, says so, saves nothing and fetches the newer stored profile", async () => {
    const { requests, alert } = await refusedSave({
      status: 412,
      body: {
        error: "precondition_failed",
        message:
          "the retirement profile changed since revision 3 was read; load it and apply the change again",
      },
    });
    expect(alert.textContent).toContain("changed since revision 3 was read");
    await waitFor(() =>
      expect(requests.filter((r) => r.method === "GET" && r.path === PROFILE_PATH)).toHaveLength(2),
    );
  });

  it("offers neither Apply nor Save for a correction whose what-if is unavailable", async () => {
    fakeApi({ [`GET ${PROFILE_PATH}`]: { body: STATED_PROFILE } });
    renderWithQueries(<Corrections householdId="h1" gap={{ ...GAP, corrections: [GAP.corrections[1]!] }} />);
    expect(await screen.findByText(/^No what-if/)).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
  });
});
