// @vitest-environment happy-dom
import { fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { BirthDateEditor } from "../../web/src/views/college/birth-date-editor.tsx";
import { LUCIA } from "./support/fixtures.ts";
import { fakeApi, renderWithQueries } from "./support/render.tsx";

const PATH = "/api/households/h1/beneficiaries/b1";

describe("birth date editor", () => {
  it("sends the new birth date and says it was saved", async () => {
    const requests = fakeApi({ [`PATCH ${PATH}`]: (request) => ({ ...LUCIA, ...(request.body as object) }) });
    renderWithQueries(<BirthDateEditor householdId="h1" beneficiary={LUCIA} />);
    const save = screen.getByRole("button", { name: "Save birth date" }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Birth date of Lucia Rivera"), {
      target: { value: "2020-05-20" },
    });
    await userEvent.setup().click(save);
    expect(await screen.findByText("Saved.")).toBeTruthy();
    expect(requests).toEqual([{ method: "PATCH", path: PATH, body: { birth_date: "2020-05-20" } }]);
  });

  it("shows the API's message beside the date when it refuses it", async () => {
    fakeApi({
      [`PATCH ${PATH}`]: {
        status: 400,
        body: {
          error: "bad_request",
          message: "birth_date: is in the future",
          fields: { birth_date: "is in the future" },
        },
      },
    });
    renderWithQueries(<BirthDateEditor householdId="h1" beneficiary={LUCIA} />);
    const input = screen.getByLabelText("Birth date of Lucia Rivera");
    fireEvent.change(input, { target: { value: "2099-01-01" } });
    await userEvent.setup().click(screen.getByRole("button", { name: "Save birth date" }));
    expect(await screen.findByText("is in the future")).toBeTruthy();
    expect(input.getAttribute("aria-invalid")).toBe("true");
  });
});
