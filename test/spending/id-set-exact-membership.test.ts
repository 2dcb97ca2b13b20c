import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvFingerprinter } from "../../src/core/spending/import/fingerprint.ts";
import { IdSet } from "../../src/core/spending/import/id-set.ts";

describe("IdSet", () => {
  it("answers exactly like a Set for CSV ids, OFX ids and look-alikes", () => {
    const fingerprints = new CsvFingerprinter();
    const ids = Array.from({ length: 20_000 }, (_, i) =>
      fingerprints.next("card", "2026-03-01", BigInt(i % 7), `SHOP ${i % 5000}`),
    );
    const others = [
      "ofx:123:2026031601",
      "csv:XYZ",
      "csv:0123456789abcdeg:0",
      "csv:0123456789abcdef:x",
      "csv:0123456789ABCDEF:0",
    ];
    const set = new IdSet();
    const reference = new Set<string>();
    [...ids.slice(0, 10_000), ...others.slice(0, 2)].forEach((id) => {
      set.add(id);
      reference.add(id);
    });
    for (const id of [...ids, ...others]) expect(set.has(id)).toBe(reference.has(id));
    expect(set.size).toBe(reference.size);
  });

  it("keeps agreeing with a Set under any sequence of adds and lookups", () => {
    const id = fc.oneof(
      fc
        .tuple(
          fc.integer({ min: 0, max: 0xffffffff }),
          fc.integer({ min: 0, max: 3 }),
          fc.integer({ min: 0, max: 3 }),
        )
        .map(([h, low, n]) => `csv:${h.toString(16).padStart(8, "0")}0000000${low}:${n}`),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), id), { maxLength: 300 }), (operations) => {
        const set = new IdSet();
        const reference = new Set<string>();
        for (const [add, value] of operations) {
          if (add) {
            set.add(value);
            reference.add(value);
          } else expect(set.has(value)).toBe(reference.has(value));
        }
        expect(set.size).toBe(reference.size);
      }),
    );
  });

  it("gives the n-th identical row in a file the occurrence index n", () => {
    const fingerprints = new CsvFingerprinter();
    const first = fingerprints.next("Card", "2026-03-30", -645n, "STARBUCKS  store 1");
    const second = fingerprints.next("card", "2026-03-30", -645n, "starbucks store 1 ");
    expect(first.replace(/:0$/, "")).toBe(second.replace(/:1$/, ""));
    expect(first.endsWith(":0") && second.endsWith(":1")).toBe(true);
  });
});
