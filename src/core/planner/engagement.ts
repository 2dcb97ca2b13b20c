/**
 * Client engagement: a 0–100 score per client at the end of a period, from the client's recorded
 * interactions, with recent interactions counting more than old ones.
 *
 * Every interaction is weighted by exponential decay with a half-life of HALF_LIFE_DAYS (30):
 *   w = 0.5^(age_days / 30)
 * so an interaction a month old counts half, two months a quarter. Interactions older than
 * WINDOW_DAYS (180 = six half-lives, weight < 1.6%) or after the as-of instant are ignored.
 *
 * Three components, each 0–100:
 * - activity       = 100 · (1 − e^(−A / 20)), A = Σ points(kind) · w, with points
 *                    meeting 10, task_done 5, message 3, document_view 2, login 1. A saturates:
 *                    one meeting a month plus a few messages and logins (A ≈ 20) gives 63;
 * - recency        = 100 · 0.5^(days since the latest interaction / 30);
 * - responsiveness = 100 · 0.5^(R / 1440), R = the decay-weighted mean response time in minutes
 *                    over interactions that carry one: a one-day reply halves it.
 * score = 0.5 · activity + 0.3 · recency + 0.2 · responsiveness; when no interaction carries a
 * response time, responsiveness is left out and the other two weights are rescaled (0.625/0.375).
 * No interaction in the window scores 0.
 */
export const INTERACTION_KINDS = ["meeting", "message", "login", "document_view", "task_done"] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const HALF_LIFE_DAYS = 30;
export const WINDOW_DAYS = 180;
const ACTIVITY_SATURATION = 20;
const RESPONSE_HALF_LIFE_MINUTES = 24 * 60;
const MS_PER_DAY = 86_400_000;

export const INTERACTION_POINTS: Readonly<Record<InteractionKind, number>> = {
  meeting: 10,
  task_done: 5,
  message: 3,
  document_view: 2,
  login: 1,
};

const WEIGHTS = { activity: 0.5, recency: 0.3, responsiveness: 0.2 } as const;

export interface Interaction {
  readonly kind: InteractionKind;
  /** When it happened, as epoch milliseconds. */
  readonly occurredAt: number;
  /** Minutes the client took to respond, when the interaction is a reply. */
  readonly responseMinutes: number | null;
}

export interface EngagementScore {
  /** 0–100, rounded to 0.1. */
  readonly score: number;
  readonly activity: number;
  readonly recency: number;
  /** Null when no interaction in the window carries a response time. */
  readonly responsiveness: number | null;
  /** Interactions inside the window. */
  readonly interactions: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function decayWeight(ageDays: number): number {
  return 0.5 ** (ageDays / HALF_LIFE_DAYS);
}

export function engagementScore(interactions: readonly Interaction[], asOf: number): EngagementScore {
  const inWindow = interactions
    .map((i) => ({ ...i, ageDays: (asOf - i.occurredAt) / MS_PER_DAY }))
    .filter((i) => i.ageDays >= 0 && i.ageDays <= WINDOW_DAYS);
  if (inWindow.length === 0)
    return { score: 0, activity: 0, recency: 0, responsiveness: null, interactions: 0 };

  const weighted = inWindow.map((i) => ({ ...i, w: decayWeight(i.ageDays) }));
  const points = weighted.reduce((sum, i) => sum + INTERACTION_POINTS[i.kind] * i.w, 0);
  const activity = 100 * (1 - Math.exp(-points / ACTIVITY_SATURATION));
  const recency = 100 * decayWeight(Math.min(...weighted.map((i) => i.ageDays)));

  const replies = weighted.filter((i) => i.responseMinutes !== null && i.responseMinutes >= 0);
  const replyWeight = replies.reduce((sum, i) => sum + i.w, 0);
  const responsiveness =
    replies.length === 0
      ? null
      : 100 *
        0.5 **
          (replies.reduce((sum, i) => sum + (i.responseMinutes ?? 0) * i.w, 0) /
            replyWeight /
            RESPONSE_HALF_LIFE_MINUTES);

  const score =
    responsiveness === null
      ? (WEIGHTS.activity * activity + WEIGHTS.recency * recency) / (WEIGHTS.activity + WEIGHTS.recency)
      : WEIGHTS.activity * activity + WEIGHTS.recency * recency + WEIGHTS.responsiveness * responsiveness;
  return {
    score: round1(score),
    activity: round1(activity),
    recency: round1(recency),
    responsiveness: responsiveness === null ? null : round1(responsiveness),
    interactions: inWindow.length,
  };
}
