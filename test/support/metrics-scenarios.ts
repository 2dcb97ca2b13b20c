import { expect } from "vitest";
import type { MetricEvent } from "../../src/app/metric-event.ts";
import type { MetricsServer } from "./metrics-server.ts";
import { openSse } from "./sse.ts";

/**
 * The dashboard's central promise, for every delivery path (in-process or through Kafka): an
 * interaction recorded for Ann's client reaches Ann's metrics stream, and never Bob's. Returns the
 * event Ann received, for checks of its content.
 */
export async function interactionReachesOnlyItsPlanner(
  server: MetricsServer,
  interaction: Record<string, unknown>,
): Promise<MetricEvent> {
  const ann = await server.login("ann@firm.test");
  const bob = await server.login("bob@firm.test");
  const annStream = await openSse<MetricEvent>(`${server.url}/api/planner/metrics/stream`, ann);
  const bobStream = await openSse<MetricEvent>(`${server.url}/api/planner/metrics/stream`, bob);
  try {
    const response = await server.call(`/api/households/${server.annHousehold}/interactions`, {
      method: "POST",
      token: ann,
      body: JSON.stringify(interaction),
    });
    expect(response.status).toBe(201);
    await annStream.waitFor((events) => events.some((e) => e.client_id === server.annHousehold));
    // Give the stream time to have delivered anything it would have sent Bob.
    await new Promise((r) => setTimeout(r, 300));
    expect(bobStream.events.filter((e) => e.client_id === server.annHousehold)).toEqual([]);
    return annStream.events.find((e) => e.client_id === server.annHousehold)!;
  } finally {
    annStream.close();
    bobStream.close();
  }
}
