// @vitest-environment happy-dom
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { FundSelector } from "../../web/src/views/college/fund-selector.tsx";
import { LUCIA } from "./support/fixtures.ts";
import { fakeApi, type RecordedRequest, renderWithQueries } from "./support/render.tsx";

const PLANS = {
  items: [
    { id: "ny-529-direct", name: "NY 529 Direct", state: "NY", channel: "direct" },
    { id: "ut-my529", name: "my529", state: "UT", channel: "direct" },
  ],
};

/** A tiny approved list, answered the way POST /api/529/validate answers. */
const LIST = ["Target Enrollment 2034 Portfolio", "Interest Accumulation Portfolio"];

function validate(request: RecordedRequest) {
  const { plan, option } = request.body as { plan: string; option: string[] };
  const query = option[0] ?? "";
  const matched = LIST.find((name) => name.toLowerCase() === query.toLowerCase()) ?? null;
  const near = matched ? null : (LIST.find((name) => name.slice(0, 8) === query.slice(0, 8)) ?? null);
  return {
    plan_id: plan,
    list_version: 2,
    list_as_of: "2025-12-01",
    valid: matched !== null,
    selections: [
      {
        query,
        valid: matched !== null,
        matched,
        matched_by: matched ? "name" : null,
        expense_ratio: matched ? 0.0012 : null,
        suggestion: near,
        edit_distance: near ? 1 : null,
        removed_after_version: query === "Old Fund" ? 1 : null,
        weight: 1,
      },
    ],
  };
}

function setUp() {
  const requests = fakeApi({ "GET /api/529/plans": { body: PLANS }, "POST /api/529/validate": validate });
  renderWithQueries(<FundSelector beneficiary={LUCIA} />);
  return { requests, user: userEvent.setup() };
}

const validations = (requests: RecordedRequest[]) => requests.filter((r) => r.path === "/api/529/validate");

describe("fund selector", () => {
  it("starts on the beneficiary's plan and asks nothing until a fund is typed", async () => {
    const { requests } = setUp();
    const plan = (await screen.findByRole("option", { name: "NY 529 Direct (NY)" })) as HTMLOptionElement;
    expect(plan.selected).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(validations(requests)).toEqual([]);
  });

  it("says a fund on the list is valid, with its expense ratio", async () => {
    const { requests, user } = setUp();
    await user.type(screen.getByLabelText("Fund name or ticker"), "target enrollment 2034 portfolio");
    expect(await screen.findByText("Target Enrollment 2034 Portfolio")).toBeTruthy();
    expect(screen.getByText(/On NY 529 Direct's approved list/).textContent).toContain(
      "(expense ratio 0.12%)",
    );
    expect(validations(requests).at(-1)?.body).toEqual({
      plan: "ny-529-direct",
      option: ["target enrollment 2034 portfolio"],
    });
  });

  it("says a fund is not on the list and offers the nearest name, which can be taken", async () => {
    const { user } = setUp();
    const input = screen.getByLabelText("Fund name or ticker") as HTMLInputElement;
    await user.type(input, "Interest Acumulation");
    expect(
      await screen.findByText(/"Interest Acumulation" is not on NY 529 Direct's approved list\./),
    ).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Interest Accumulation Portfolio" }));
    expect(input.value).toBe("Interest Accumulation Portfolio");
    expect(await screen.findByText(/On NY 529 Direct's approved list/)).toBeTruthy();
  });

  it("says when nothing on the list is close, and when an earlier list had the fund", async () => {
    const { user } = setUp();
    const input = screen.getByLabelText("Fund name or ticker");
    await user.type(input, "Zzz");
    expect(await screen.findByText("No option on the list has a close name.")).toBeTruthy();
    await user.clear(input);
    await user.type(input, "Old Fund");
    expect(await screen.findByText(/removed after list version 1/)).toBeTruthy();
  });

  it("checks against the newly chosen plan when the plan changes", async () => {
    const { requests, user } = setUp();
    await screen.findByRole("option", { name: "my529 (UT)" });
    await user.type(screen.getByLabelText("Fund name or ticker"), "Zzz");
    await screen.findByText(/not on NY 529 Direct's approved list/);
    await user.selectOptions(screen.getByLabelText("529 plan"), "ut-my529");
    expect(await screen.findByText(/not on my529's approved list/)).toBeTruthy();
    expect(validations(requests).at(-1)?.body).toEqual({ plan: "ut-my529", option: ["Zzz"] });
  });

  it("shows the API's refusal beside the field it names", async () => {
    fakeApi({
      "GET /api/529/plans": { body: PLANS },
      "POST /api/529/validate": {
        status: 400,
        body: {
          error: "bad_request",
          message: "plan: no fund list",
          fields: { plan: "no fund list for ut-my529" },
        },
      },
    });
    const user = userEvent.setup();
    renderWithQueries(<FundSelector beneficiary={LUCIA} />);
    await user.type(screen.getByLabelText("Fund name or ticker"), "Zzz");
    expect(await screen.findByText("no fund list for ut-my529")).toBeTruthy();
    expect(screen.getByLabelText("529 plan").getAttribute("aria-invalid")).toBe("true");
  });
});
