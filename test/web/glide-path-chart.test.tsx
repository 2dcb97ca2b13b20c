// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { GlidePathChart } from "../../web/src/views/college/glide-path-chart.tsx";

const STEPS = [2, 1, 0].map((years) => ({
  years_to_enrollment: years,
  equity: years * 0.3,
  fixed_income: 1 - years * 0.3,
  money_market: 0,
}));

const MATCH = {
  path: "Target Enrollment Portfolios",
  portfolio: "2027 Portfolio",
  equity: 0.35,
  equity_difference: 0.05,
  as_of: "2025-12-01",
  source: "plan disclosure",
};

afterEach(cleanup);

describe("glide path chart", () => {
  it("shows the plan's own portfolio beside the recommendation for the current year", () => {
    render(
      <GlidePathChart
        steps={STEPS}
        current={1}
        name="Lucia"
        plan={{ name: "NY 529 Direct", match: MATCH }}
      />,
    );
    expect(screen.getByText(/NY 529 Direct, 2027 Portfolio/).textContent).toContain(
      "35% stocks against 30% recommended, 5 points more.",
    );
    const now = screen.getByRole("row", { name: /\(now\)/ });
    expect(now.textContent).toBe("1 (now)30%70%0%35%");
    expect(screen.getByRole("row", { name: /^2/ }).textContent).toBe("260%40%0%—");
  });

  it("says so when the plan publishes no portfolio for these years, or no plan is chosen", () => {
    const { rerender } = render(
      <GlidePathChart steps={STEPS} current={1} name="Lucia" plan={{ name: "my529", match: null }} />,
    );
    expect(screen.getByText(/my529 publishes no portfolio for 1 years to enrollment/)).toBeTruthy();
    rerender(<GlidePathChart steps={STEPS} current={1} name="Lucia" plan={null} />);
    expect(screen.getByText("No plan chosen: only the recommendation is shown.")).toBeTruthy();
    expect(screen.queryByText("Plan portfolio stocks")).toBeNull();
  });
});
