// @vitest-environment happy-dom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ContributionCalculator } from "../../web/src/views/college/contribution-calculator.tsx";
import { LUCIA } from "./support/fixtures.ts";
import { fakeApi, renderWithQueries } from "./support/render.tsx";

/** An answer shaped like POST /api/529/plan's, with figures that depend on what was asked. */
function planAnswer(body: { balance: string; monthly: string; college: string }) {
  const shortfall = body.monthly === "400.00";
  return {
    years_to_enrollment: 8,
    enrollment_year: 2034,
    four_year_cost: body.college === "private" ? "420000.00" : "160000.00",
    needed_at_enrollment: "150000.00",
    projected_balance: shortfall ? "98000.00" : "171000.00",
    gap: shortfall ? "52000.00" : "-21000.00",
    additional_monthly: shortfall ? "412.35" : "0.00",
    lump_sum_today: shortfall ? "33000.00" : "0.00",
    cost_source: "College Board, Trends in College Pricing",
  };
}

describe("contribution calculator", () => {
  it("asks the plan endpoint with the stored figures as decimal strings and shows the gap", async () => {
    const requests = fakeApi({
      "POST /api/529/plan": (request) => planAnswer(request.body as never),
    });
    renderWithQueries(<ContributionCalculator beneficiary={LUCIA} age={10} />);
    expect(await screen.findByText("$98,000")).toBeTruthy();
    expect(screen.getByText("Gap")).toBeTruthy();
    expect(screen.getByText("$52,000")).toBeTruthy();
    expect(screen.getByText("$412.35 more a month, or $33,000 today")).toBeTruthy();
    expect(requests).toEqual([
      {
        method: "POST",
        path: "/api/529/plan",
        body: { age: 10, balance: "24000.00", monthly: "400.00", college: "public-in-state" },
      },
    ]);
  });

  it("updates as the user types, once typing pauses, sending the typed amount exactly", async () => {
    const requests = fakeApi({
      "POST /api/529/plan": (request) => planAnswer(request.body as never),
    });
    const user = userEvent.setup();
    renderWithQueries(<ContributionCalculator beneficiary={LUCIA} age={10} />);
    await screen.findByText("$98,000");
    const monthly = screen.getByLabelText("Monthly contribution ($)");
    await user.clear(monthly);
    await user.type(monthly, "1,250.5");
    expect(await screen.findByText("Surplus")).toBeTruthy();
    expect(screen.getByText("$21,000")).toBeTruthy();
    expect(screen.getByText("Nothing more needed")).toBeTruthy();
    // Debounced: the keystrokes in between were not each sent.
    const sent = requests.map((request) => (request.body as { monthly: string }).monthly);
    expect(new Set(sent)).toEqual(new Set(["400.00", "1250.50"]));
  });

  it("re-asks when the kind of college changes", async () => {
    fakeApi({ "POST /api/529/plan": (request) => planAnswer(request.body as never) });
    const user = userEvent.setup();
    renderWithQueries(<ContributionCalculator beneficiary={LUCIA} age={10} />);
    await screen.findByText("$160,000");
    await user.selectOptions(screen.getByLabelText("College"), "private");
    expect(await screen.findByText("$420,000")).toBeTruthy();
  });

  it("explains a bad amount beside its field and sends nothing", async () => {
    const requests = fakeApi({
      "POST /api/529/plan": (request) => planAnswer(request.body as never),
    });
    const user = userEvent.setup();
    renderWithQueries(<ContributionCalculator beneficiary={{ ...LUCIA, balance: "-5" }} age={10} />);
    const balance = screen.getByLabelText("Current balance ($)");
    expect(balance.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Must not be negative.")).toBeTruthy();
    await user.clear(balance);
    await user.type(balance, "12k");
    expect(screen.getByText("Enter dollars and cents only, such as 1234.56.")).toBeTruthy();
    const message = document.getElementById(balance.getAttribute("aria-describedby") ?? "");
    expect(message?.textContent).toBe("Enter dollars and cents only, such as 1234.56.");
    expect(screen.getByText("Fix the amounts above to see the result.")).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(requests).toEqual([]);
  });

  it("shows the API's field message beside the field it names", async () => {
    fakeApi({
      "POST /api/529/plan": {
        status: 400,
        body: { error: "bad_request", message: "monthly: too large", fields: { monthly: "too large" } },
      },
    });
    renderWithQueries(<ContributionCalculator beneficiary={LUCIA} age={10} />);
    await waitFor(() => expect(screen.getByText("too large")).toBeTruthy());
    expect(screen.getByLabelText("Monthly contribution ($)").getAttribute("aria-invalid")).toBe("true");
  });
});
