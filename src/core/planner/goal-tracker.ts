/**
 * Goal progress per goal: retirement, 529 (college) and custom goals.
 *
 * Two kinds of measure:
 * - projected (retirement): the funded ratio from the retirement gap engine, projected savings at
 *   retirement ÷ the nest egg the desired income needs. It already looks ahead, so it is judged
 *   directly: on_track ≥ 1.00, at_risk ≥ 0.80, off_track below.
 * - accumulated (529 and custom): funded ratio = current amount ÷ target amount, judged against the
 *   share of the time to the target date that has passed (a straight-line path from the goal's
 *   start): pace = funded ÷ elapsed share; on_track when pace ≥ 0.95 (or already funded),
 *   at_risk ≥ 0.75, off_track below. Before any time has passed a goal is on track.
 * Progress shown is min(1, funded ratio). Trend compares with the previous measurement:
 * improving above +0.01, declining below −0.01, steady between; null without a previous one.
 */
export type GoalKind = "retirement" | "college" | "custom";
export type GoalStatus = "on_track" | "at_risk" | "off_track";
export type GoalTrend = "improving" | "steady" | "declining";

export const PROJECTED_THRESHOLDS = { onTrack: 1, atRisk: 0.8 } as const;
export const PACE_THRESHOLDS = { onTrack: 0.95, atRisk: 0.75 } as const;
export const TREND_TOLERANCE = 0.01;

export interface GoalMeasure {
  readonly id: string;
  readonly kind: GoalKind;
  readonly name: string;
  /** Projected (retirement) or current ÷ target (college, custom). */
  readonly fundedRatio: number;
  /** For accumulated goals: elapsed share of the time from start to target date, 0–1. */
  readonly elapsedShare: number | null;
  readonly previousFundedRatio: number | null;
}

export interface GoalProgress {
  readonly id: string;
  readonly kind: GoalKind;
  readonly name: string;
  readonly fundedRatio: number;
  /** 0–1. */
  readonly progress: number;
  readonly status: GoalStatus;
  readonly trend: GoalTrend | null;
}

export function goalStatus(measure: GoalMeasure): GoalStatus {
  if (measure.elapsedShare === null) {
    if (measure.fundedRatio >= PROJECTED_THRESHOLDS.onTrack) return "on_track";
    return measure.fundedRatio >= PROJECTED_THRESHOLDS.atRisk ? "at_risk" : "off_track";
  }
  if (measure.fundedRatio >= 1 || measure.elapsedShare <= 0) return "on_track";
  const pace = measure.fundedRatio / Math.min(1, measure.elapsedShare);
  if (pace >= PACE_THRESHOLDS.onTrack) return "on_track";
  return pace >= PACE_THRESHOLDS.atRisk ? "at_risk" : "off_track";
}

export function goalTrend(current: number, previous: number | null): GoalTrend | null {
  if (previous === null) return null;
  const change = current - previous;
  if (change > TREND_TOLERANCE) return "improving";
  return change < -TREND_TOLERANCE ? "declining" : "steady";
}

export function trackGoal(measure: GoalMeasure): GoalProgress {
  return {
    id: measure.id,
    kind: measure.kind,
    name: measure.name,
    fundedRatio: Math.round(measure.fundedRatio * 10_000) / 10_000,
    progress: Math.round(Math.min(1, Math.max(0, measure.fundedRatio)) * 10_000) / 10_000,
    status: goalStatus(measure),
    trend: goalTrend(measure.fundedRatio, measure.previousFundedRatio),
  };
}

/** The share of the time from start to target that has passed at `asOf` (epoch ms), clamped to 0–1. */
export function elapsedShare(start: number, target: number, asOf: number): number {
  if (target <= start) return 1;
  return Math.min(1, Math.max(0, (asOf - start) / (target - start)));
}

/** One number per client for the metrics topic: the mean progress of its goals, 0–100. */
export function overallGoalProgress(goals: readonly GoalProgress[]): number | null {
  if (goals.length === 0) return null;
  return Math.round((1000 * goals.reduce((s, g) => s + g.progress, 0)) / goals.length) / 10;
}
