import { describe, expect, it } from "vitest";
import { elapsedShare, overallGoalProgress, trackGoal } from "../../src/core/planner/goal-tracker.ts";

const goal = { id: "g", name: "goal", previousFundedRatio: null };

describe("goal tracker", () => {
  it("judges a retirement funded ratio directly: ≥1 on track, ≥0.8 at risk, else off track", () => {
    const status = (fundedRatio: number) =>
      trackGoal({ ...goal, kind: "retirement", fundedRatio, elapsedShare: null }).status;
    expect(status(1.02)).toBe("on_track");
    expect(status(1)).toBe("on_track");
    expect(status(0.85)).toBe("at_risk");
    expect(status(0.79)).toBe("off_track");
  });

  it("judges 529 and custom goals by pace against the elapsed time", () => {
    const status = (fundedRatio: number, share: number) =>
      trackGoal({ ...goal, kind: "college", fundedRatio, elapsedShare: share }).status;
    expect(status(0.5, 0.5)).toBe("on_track");
    expect(status(0.4, 0.5)).toBe("at_risk"); // pace 0.8
    expect(status(0.3, 0.5)).toBe("off_track"); // pace 0.6
    expect(status(0.1, 0)).toBe("on_track");
    expect(status(1.1, 1)).toBe("on_track");
  });

  it("reports progress capped at 1 and a trend against the previous measurement", () => {
    const tracked = (fundedRatio: number, previousFundedRatio: number | null) =>
      trackGoal({ ...goal, kind: "custom", fundedRatio, elapsedShare: 0.5, previousFundedRatio });
    expect(tracked(1.3, null)).toMatchObject({ progress: 1, trend: null });
    expect(tracked(0.6, 0.5).trend).toBe("improving");
    expect(tracked(0.5, 0.505).trend).toBe("steady");
    expect(tracked(0.4, 0.5).trend).toBe("declining");
  });

  it("measures elapsed share on a straight line from start to target date", () => {
    expect(elapsedShare(0, 100, 25)).toBe(0.25);
    expect(elapsedShare(0, 100, 150)).toBe(1);
    expect(elapsedShare(0, 100, -5)).toBe(0);
    expect(overallGoalProgress([])).toBeNull();
    const a = trackGoal({ ...goal, kind: "custom", fundedRatio: 0.5, elapsedShare: 0.5 });
    const b = trackGoal({ ...goal, kind: "retirement", fundedRatio: 1.5, elapsedShare: null });
    expect(overallGoalProgress([a, b])).toBe(75);
  });
});
