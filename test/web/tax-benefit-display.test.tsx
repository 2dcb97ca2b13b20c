// @vitest-environment happy-dom
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { TaxBenefitRequest } from "../../web/src/api/college.ts";
import { TaxBenefitDisplay } from "../../web/src/views/college/tax-benefit-display.tsx";
import { fakeApi, type RecordedRequest, renderWithQueries } from "./support/render.tsx";

const REQUEST: TaxBenefitRequest = {
  state: "NY",
  contribution: "4800.00",
  filing: "mfj",
  beneficiaries: 1,
  plan_state: "NY",
  income: "185000.00",
};

/** Shaped like POST /api/529/tax-benefit's answer: the deduction at the rate asked, or the top rate. */
function benefit(request: RecordedRequest) {
  const rate = (request.body as { marginal_rate?: string }).marginal_rate;
  return {
    state: "NY",
    plan_state: "NY",
    tax_year: 2026,
    qualifies: true,
    deductible_amount: "4800.00",
    credit_amount: "0.00",
    tax_saved: rate === "0.068500" ? "328.80" : "523.20",
    carryforward: "0.00",
    cap: "10000.00",
    marginal_rate: rate === undefined ? 0.109 : Number(rate),
    notes: ["Deduction up to $10,000 for joint filers"],
    sources: ["https://www.tax.ny.gov/"],
  };
}

describe("state tax benefit", () => {
  it("shows the household's deduction, cap, notes and sources at the state's top rate", async () => {
    const requests = fakeApi({ "POST /api/529/tax-benefit": benefit });
    renderWithQueries(<TaxBenefitDisplay request={REQUEST} />);
    expect(await screen.findByText("$523.20")).toBeTruthy();
    expect(screen.getByText(/NY resident, married filing jointly, tax year 2026/)).toBeTruthy();
    expect(screen.getByText(/Cap \$10,000\. At a marginal state rate of 10\.9%/)).toBeTruthy();
    expect(screen.getByText("Deduction up to $10,000 for joint filers")).toBeTruthy();
    expect(screen.getByText("https://www.tax.ny.gov/")).toBeTruthy();
    expect(requests.map((r) => r.body)).toEqual([REQUEST]);
  });

  it("recomputes at the rate the user types, sent as an exact fraction", async () => {
    const requests = fakeApi({ "POST /api/529/tax-benefit": benefit });
    renderWithQueries(<TaxBenefitDisplay request={REQUEST} />);
    await screen.findByText("$523.20");
    await userEvent.setup().type(screen.getByLabelText("Your marginal state tax rate (%)"), "6.85");
    expect(await screen.findByText("$328.80")).toBeTruthy();
    expect(requests.at(-1)?.body).toEqual({ ...REQUEST, marginal_rate: "0.068500" });
  });

  it("hands the settled rate on, so the plan comparison ranks at the same rate", async () => {
    fakeApi({ "POST /api/529/tax-benefit": benefit });
    const rates: (string | null)[] = [];
    renderWithQueries(<TaxBenefitDisplay request={REQUEST} onRateChange={(rate) => rates.push(rate)} />);
    await screen.findByText("$523.20");
    await userEvent.setup().type(screen.getByLabelText("Your marginal state tax rate (%)"), "6.85");
    await screen.findByText("$328.80");
    // Empty at first (the state's top rate), then the typed rate once it settles.
    expect(rates[0]).toBeNull();
    expect(rates.at(-1)).toBe("0.068500");
  });

  it("explains a bad rate beside the field and asks nothing more", async () => {
    const requests = fakeApi({ "POST /api/529/tax-benefit": benefit });
    renderWithQueries(<TaxBenefitDisplay request={REQUEST} />);
    await screen.findByText("$523.20");
    const rate = screen.getByLabelText("Your marginal state tax rate (%)");
    await userEvent.setup().type(rate, "35");
    expect(screen.getByText("Must be at most 20%.")).toBeTruthy();
    expect(rate.getAttribute("aria-invalid")).toBe("true");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(requests).toHaveLength(1);
  });
});
