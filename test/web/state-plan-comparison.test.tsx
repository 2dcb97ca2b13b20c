// @vitest-environment happy-dom
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { PlanRow } from "../../web/src/api/college.ts";
import { StatePlanComparison } from "../../web/src/views/college/state-plan-comparison.tsx";
import { fakeApi, renderWithQueries } from "./support/render.tsx";

const row = (rank: number | null, name: string, net: string | null, fee: string | null): PlanRow => ({
  rank,
  tied: false,
  plan_id: name.toLowerCase(),
  plan_name: name,
  plan_state: "NY",
  channel: "direct",
  first_year_tax_saved: "0.00",
  tax_saved: rank === 1 ? "4100.00" : "0.00",
  expense_ratio: fee === null ? null : 0.0012,
  fee_drag: fee,
  net_value: net,
  reason: `${name}: because`,
});

// Net values chosen so text order and numeric order differ ("999.00" > "1000.00" as text).
const PLANS = [
  row(1, "Alpha", "1000.00", "200.00"),
  row(2, "Beta", "999.00", "150.00"),
  row(3, "Gamma", "-50.25", "300.00"),
  row(null, "Delta", null, null),
];

const REQUEST = { state: "NY", age: 10, contribution: "4800.00", balance: "24000.00", filing: "mfj" };

function setUp() {
  const requests = fakeApi({
    "POST /api/529/compare-states": { body: { state: "NY", tax_year: 2026, plans: PLANS } },
  });
  renderWithQueries(<StatePlanComparison request={REQUEST} name="Lucia" />);
  return { requests, user: userEvent.setup() };
}

const planOrder = () =>
  screen
    .getAllByRole("row")
    .slice(1)
    .map((r) => within(r).getByRole("rowheader").textContent);

describe("state plan comparison", () => {
  it("asks for the household's comparison and lists every plan by rank with its reason", async () => {
    const { requests } = setUp();
    await screen.findByText("Alpha (NY)");
    expect(requests.map((r) => r.body)).toEqual([REQUEST]);
    expect(planOrder()).toEqual(["Alpha (NY)", "Beta (NY)", "Gamma (NY)", "Delta (NY)"]);
    expect(screen.getByText("Gamma: because")).toBeTruthy();
    expect(screen.getByRole("columnheader", { name: /Rank/ }).getAttribute("aria-sort")).toBe("ascending");
    // A plan with unknown fees says so rather than showing a number.
    expect(within(screen.getAllByRole("row")[4]!).getAllByText("unknown")).toHaveLength(3);
  });

  it("names the table by its caption and explains it in a paragraph above, which follows the sort", async () => {
    const { user } = setUp();
    await screen.findByText("Alpha (NY)");
    const table = screen.getByRole("table", { name: "529 plans for Lucia" });
    const about = () => document.getElementById(table.getAttribute("aria-describedby") ?? "")?.textContent;
    expect(about()).toBe(
      "529 plans for Lucia as a NY resident, tax year 2026: state tax saved and fee drag until enrollment. Sorted by rank, ascending.",
    );
    await user.click(screen.getByRole("button", { name: /Fee drag/ }));
    expect(about()).toMatch(/Sorted by fee drag, ascending\.$/);
    // The box the table scrolls in is named like the table and takes keyboard focus.
    const box = screen.getByRole("region", { name: "529 plans for Lucia" });
    expect(box.contains(table)).toBe(true);
    expect(box.tabIndex).toBe(0);
  });

  it("sorts money columns by value, both ways, keeping unknown values last", async () => {
    const { user } = setUp();
    await screen.findByText("Alpha (NY)");
    const net = screen.getByRole("button", { name: /Net value/ });
    await user.click(net);
    expect(planOrder()).toEqual(["Gamma (NY)", "Beta (NY)", "Alpha (NY)", "Delta (NY)"]);
    expect(screen.getByRole("columnheader", { name: /Net value/ }).getAttribute("aria-sort")).toBe(
      "ascending",
    );
    expect(screen.getByRole("columnheader", { name: /Rank/ }).getAttribute("aria-sort")).toBeNull();
    await user.click(net);
    expect(planOrder()).toEqual(["Alpha (NY)", "Beta (NY)", "Gamma (NY)", "Delta (NY)"]);
    expect(screen.getByRole("columnheader", { name: /Net value/ }).getAttribute("aria-sort")).toBe(
      "descending",
    );
  });

  it("sorts from the keyboard: the header buttons take focus and Enter", async () => {
    const { user } = setUp();
    await screen.findByText("Alpha (NY)");
    screen.getByRole("button", { name: /Fee drag/ }).focus();
    await user.keyboard("{Enter}");
    expect(planOrder()).toEqual(["Beta (NY)", "Alpha (NY)", "Gamma (NY)", "Delta (NY)"]);
    await user.tab({ shift: true });
    await user.keyboard("{Enter}");
    expect(screen.getByRole("columnheader", { name: /State tax saved/ }).getAttribute("aria-sort")).toBe(
      "ascending",
    );
  });
});
