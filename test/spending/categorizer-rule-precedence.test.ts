import { describe, expect, it } from "vitest";
import { Money } from "../../src/core/money.ts";
import { Categorizer, type UserRule } from "../../src/core/spending/categorizer.ts";
import { importFixture } from "./fixtures.ts";

const tx = (description: string, amount = "-10.00", extra: { account?: string; mcc?: number } = {}) => ({
  description,
  amount: Money.parse(amount),
  account: extra.account ?? "checking",
  ...(extra.mcc === undefined ? {} : { mcc: extra.mcc }),
});

describe("categorizer", () => {
  const categorizer = new Categorizer();
  const category = (description: string, amount?: string) =>
    categorizer.categorize(tx(description, amount)).category;

  it("recognises merchants in real-looking descriptions", () => {
    expect(category("TRADER JOE'S #552")).toBe("food_groceries");
    expect(category("WHOLE FOODS MARKET #10234 SEATTLE WA")).toBe("food_groceries");
    expect(category("SQ *BLUE BOTTLE COFFEE")).toBe("food_dining");
    expect(category("NETFLIX.COM NETFLIX.COM CA")).toBe("subscriptions");
    expect(category("AT&T WIRELESS")).toBe("housing");
    expect(category("NAVIENT STUDENT LOAN PMT")).toBe("debt_payments");
    expect(category("BRIGHT HORIZONS TUITION")).toBe("childcare");
    expect(category("VANGUARD BUY INVESTMENT")).toBe("investments");
    expect(category("AMZN Mktp US*2K4LL")).toBe("uncategorized");
  });

  it("prefers a merchant name over a keyword and the longer phrase within a tier", () => {
    expect(category("ROCKET MORTGAGE PAYMENT")).toBe("housing"); // merchant beats the keyword "payment"
    expect(category("UBER EATS")).toBe("food_dining"); // "uber eats" beats "uber"
    expect(category("ONLINE TRANSFER TO SAV ...4821")).toBe("savings_contributions");
    expect(category("ONLINE TRANSFER FROM CHK")).toBe("transfers");
  });

  it("counts payroll as income only when money comes in", () => {
    expect(category("ACME CORP PAYROLL", "6215.40")).toBe("income");
    expect(category("ACME CORP PAYROLL", "-50.00")).toBe("uncategorized");
  });

  it("uses the MCC ahead of the description", () => {
    const result = categorizer.categorize(tx("NEIGHBORHOOD SHOP 42", "-20.00", { mcc: 5812 }));
    expect(result).toMatchObject({ category: "food_dining", ruleId: "builtin:mcc:5812-5814" });
    expect(result.reason).toContain("restaurants");
  });

  it("lets user rules win over MCC and built-ins, the newest rule first, and says why", () => {
    const rules: UserRule[] = [
      { id: "user:1", category: "entertainment", reason: "older rule", when: { contains: "costco" } },
      {
        id: "user:2",
        category: "food_groceries",
        reason: "newer rule",
        when: { contains: "COSTCO", account: "card" },
      },
      {
        id: "user:3",
        category: "travel",
        reason: "big Costco runs are trips",
        when: { regex: "^costco.*#0113", minAmount: Money.parse("500") },
      },
    ];
    const user = new Categorizer(rules);
    expect(user.categorize(tx("COSTCO WHSE #0113", "-600.00", { account: "card" }))).toMatchObject({
      ruleId: "user:3",
    });
    expect(user.categorize(tx("COSTCO WHSE #0113", "-60.00", { account: "card" }))).toMatchObject({
      ruleId: "user:2",
    });
    expect(
      user.categorize(tx("COSTCO WHSE #0113", "-60.00", { account: "checking", mcc: 5411 })),
    ).toMatchObject({
      category: "entertainment",
      reason: "older rule",
    });
  });

  it("rejects a user regex that does not compile", () => {
    expect(
      () => new Categorizer([{ id: "u", category: "travel", reason: "", when: { regex: "(" } }]),
    ).toThrow(/not a regular expression/);
  });

  it("categorizes every fixture row except general merchandise", () => {
    const names = [
      "chase-style-checking.csv",
      "amex-style-card.csv",
      "bofa-style-checking.csv",
      "capital-one-style-card.csv",
    ];
    const uncategorized = names
      .flatMap((name) => importFixture(name).transactions)
      .filter((t) => categorizer.categorize(t).category === "uncategorized")
      .map((t) => t.description);
    expect(uncategorized).toEqual(["TARGET 00012345"]);
  });
});
