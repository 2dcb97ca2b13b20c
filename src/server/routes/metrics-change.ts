import { recordMetricsChange } from "../../app/planner-metrics.ts";
import type { Transaction } from "../../db/database.ts";
import type { ServerContext } from "../app.ts";

/**
 * Runs a change to a household and writes its recomputed relationship metrics to the outbox in
 * the same transaction (the change and its events commit together, or neither does), then wakes
 * the relay so planners' dashboards hear of it at once.
 */
export async function changeWithMetrics<T>(
  ctx: ServerContext,
  householdId: string,
  change: (tx: Transaction) => Promise<T>,
): Promise<{ result: T; events: number }> {
  const outcome = await ctx.db.transaction(async (tx) => {
    const result = await change(tx);
    const events = await recordMetricsChange(tx, householdId, ctx.refs, ctx.now());
    return { result, events: events.length };
  });
  ctx.metrics?.notify();
  return outcome;
}
