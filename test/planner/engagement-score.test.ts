import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decayWeight, engagementScore, type Interaction } from "../../src/core/planner/engagement.ts";

const DAY = 86_400_000;
const AS_OF = Date.UTC(2026, 10, 30);
const at = (
  daysAgo: number,
  kind: Interaction["kind"] = "meeting",
  responseMinutes: number | null = null,
) => ({
  kind,
  occurredAt: AS_OF - daysAgo * DAY,
  responseMinutes,
});

describe("engagement score", () => {
  it("halves an interaction's weight every 30 days", () => {
    expect(decayWeight(0)).toBe(1);
    expect(decayWeight(30)).toBeCloseTo(0.5, 12);
    expect(decayWeight(60)).toBeCloseTo(0.25, 12);
  });

  it("follows the documented formula for a meeting today and a reply answered in a day", () => {
    const result = engagementScore([at(0, "meeting"), at(30, "message", 1440)], AS_OF);
    // A = 10·1 + 3·0.5 = 11.5 → activity = 100(1 − e^(−11.5/20))
    const activity = 100 * (1 - Math.exp(-11.5 / 20));
    const recency = 100;
    const responsiveness = 50; // mean reply 1440 min → 0.5^(1440/1440)
    expect(result.activity).toBeCloseTo(activity, 1);
    expect(result.recency).toBe(recency);
    expect(result.responsiveness).toBe(responsiveness);
    expect(result.score).toBeCloseTo(0.5 * activity + 0.3 * recency + 0.2 * responsiveness, 1);
    expect(result.interactions).toBe(2);
  });

  it("rescales the weights when no interaction has a response time", () => {
    const result = engagementScore([at(15, "login")], AS_OF);
    expect(result.responsiveness).toBeNull();
    expect(result.score).toBeCloseTo(0.625 * result.activity + 0.375 * result.recency, 0);
  });

  it("scores 0 without interactions and ignores those outside the 180-day window or in the future", () => {
    expect(engagementScore([], AS_OF).score).toBe(0);
    expect(engagementScore([at(181), at(-1)], AS_OF)).toMatchObject({ score: 0, interactions: 0 });
  });

  it("ranks the same activity higher when it is recent", () => {
    const recent = engagementScore([at(1), at(2, "message"), at(3, "task_done")], AS_OF).score;
    const old = engagementScore([at(91), at(92, "message"), at(93, "task_done")], AS_OF).score;
    expect(recent).toBeGreaterThan(old);
  });

  it("stays within 0–100 and never drops when an interaction is added", () => {
    const interaction = fc.record({
      kind: fc.constantFrom("meeting", "message", "login", "document_view", "task_done" as const),
      daysAgo: fc.integer({ min: 0, max: 200 }),
    });
    fc.assert(
      fc.property(fc.array(interaction, { maxLength: 40 }), interaction, (list, extra) => {
        const base = list.map((i) => at(i.daysAgo, i.kind));
        const before = engagementScore(base, AS_OF);
        const after = engagementScore([...base, at(extra.daysAgo, extra.kind)], AS_OF);
        expect(before.score).toBeGreaterThanOrEqual(0);
        expect(after.score).toBeLessThanOrEqual(100);
        expect(after.score).toBeGreaterThanOrEqual(before.score - 0.1);
      }),
    );
  });
});
