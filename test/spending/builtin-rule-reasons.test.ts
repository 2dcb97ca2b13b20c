import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Money } from "../../src/core/money.ts";
import { BUILTIN_MCC_RANGES, BUILTIN_PHRASES } from "../../src/core/spending/builtin-rules.ts";
import { builtinCategorization, Categorizer } from "../../src/core/spending/categorizer.ts";

/** A stored rule id (the database keeps only the id) gives back the categorization it stood for. */
describe("built-in rule reasons by id", () => {
  const categorizer = new Categorizer();
  const phrases = BUILTIN_PHRASES.flatMap((list) => list.phrases);

  it("every built-in categorization is found again from its rule id", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...phrases),
        fc.string({ maxLength: 12 }),
        fc.option(fc.constantFrom(...BUILTIN_MCC_RANGES.map((r) => r.from)), { nil: undefined }),
        fc.boolean(),
        (phrase, noise, mcc, moneyIn) => {
          const categorization = categorizer.categorize({
            description: `${noise} ${phrase.toUpperCase()} #1442`,
            amount: Money.parse(moneyIn ? "25.00" : "-25.00"),
            account: "checking",
            ...(mcc === undefined ? {} : { mcc }),
          });
          expect(builtinCategorization(categorization.ruleId)).toEqual(categorization);
        },
      ),
    );
  });

  it("knows no household rule id, and answers 'no rule matched' for none", () => {
    expect(builtinCategorization("3f2b8c1e-0d4a-4c1b-9a63-0c5e2f1d7b90")).toBeUndefined();
    expect(builtinCategorization("none")?.category).toBe("uncategorized");
    expect(builtinCategorization("builtin:mcc:3000-3350")?.reason).toBe(
      "merchant category code in 3000–3350 (airlines)",
    );
  });
});
