// @vitest-environment happy-dom
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ImportReport } from "../../web/src/api/budget.ts";
import { ImportReportView } from "../../web/src/views/statement-upload.tsx";
import "./support/render.tsx";

const REPORT: ImportReport = {
  file: "card.csv",
  format: "csv",
  account: "card",
  rows_read: 3,
  imported: 3,
  duplicates_skipped: 0,
  pending_skipped: 0,
  rejected_count: 0,
  rejected: [],
  assumptions: ["dates read as month/day/year (the US order): no date in the file tells day and month apart"],
  warnings: [
    "2 transactions are dated after 2026-12-06 (the latest 2026-12-20); a statement lists only what has happened, so check the date order the file was read with",
  ],
};

describe("the import report", () => {
  it("lists what to check apart from how the file was read", () => {
    render(<ImportReportView report={REPORT} />);
    const status = screen.getByRole("status");
    const [warnings, assumptions] = within(status).getAllByRole("list").slice(1);
    expect(within(warnings!).getByRole("listitem").textContent).toContain("2 transactions are dated after");
    expect(warnings!.previousElementSibling?.textContent).toBe("Check:");
    expect(within(assumptions!).getByRole("listitem").textContent).toContain("month/day/year");
  });

  it("shows no check list when nothing looks wrong", () => {
    render(<ImportReportView report={{ ...REPORT, warnings: [] }} />);
    expect(screen.queryByText("Check:")).toBeNull();
    expect(screen.getByText("How the file was read:")).toBeTruthy();
  });
});
