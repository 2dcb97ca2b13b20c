import { createRoute, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import { type MetricEvent, metricEventSchema } from "../../app/metric-event.ts";
import { ForbiddenError } from "../../core/errors.ts";
import { INTERACTION_KINDS } from "../../core/planner/engagement.ts";
import { clientsOf, insertInteraction } from "../../db/repositories/planner-metrics.ts";
import type { App, ServerContext } from "../app.ts";
import { errorBody } from "../errors.ts";
import { HouseholdParams, visibleHousehold } from "./household-routes.ts";
import { changeWithMetrics } from "./metrics-change.ts";
import { authenticated, ErrorSchema, errorResponses, notFoundResponse } from "./shared-schemas.ts";

const InteractionBody = z
  .object({
    kind: z.enum(INTERACTION_KINDS),
    occurred_at: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: "when it happened (ISO 8601); default now" }),
    response_minutes: z
      .number()
      .int()
      .min(0)
      .max(525_600)
      .optional()
      .openapi({ description: "minutes the client took to respond, for a reply" }),
  })
  .openapi("ClientInteraction");

/** Seconds between SSE comments that keep idle connections (and proxies) open. */
const KEEP_ALIVE_MS = 15_000;

export function registerPlannerMetricsRoutes(app: App, ctx: ServerContext): void {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/households/{id}/interactions",
      tags: ["planner metrics"],
      summary: "Record a client interaction",
      description:
        "Stores the interaction and, in the same transaction, the household's recomputed relationship " +
        "metrics as events for its planners' dashboards.",
      security: authenticated,
      request: {
        params: HouseholdParams,
        body: { content: { "application/json": { schema: InteractionBody } }, required: true },
      },
      responses: {
        201: {
          description: "Recorded",
          content: {
            "application/json": {
              schema: z.object({
                id: z.string(),
                events: z.number().openapi({ description: "metric events written" }),
              }),
            },
          },
        },
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const user = c.get("auth").user;
      const household = await visibleHousehold(ctx.db, user, c.req.valid("param").id);
      const body = c.req.valid("json");
      const id = crypto.randomUUID();
      const { events } = await changeWithMetrics(ctx, household.id, (tx) =>
        insertInteraction(tx, {
          id,
          householdId: household.id,
          plannerId: user.role === "planner" ? user.id : null,
          kind: body.kind,
          occurredAt: body.occurred_at ? new Date(body.occurred_at) : ctx.now(),
          responseMinutes: body.response_minutes ?? null,
        }),
      );
      return c.json({ id, events }, 201);
    },
  );

  // The stream is plain Hono (a streaming body has no JSON schema), documented here by hand; the
  // event's schema is the Kafka contract's own, converted to JSON Schema.
  const { $schema: _dialect, ...metricEvent } = z.toJSONSchema(metricEventSchema);
  app.openAPIRegistry.registerComponent("schemas", "MetricEvent", metricEvent as object);
  app.openAPIRegistry.registerPath({
    method: "get",
    path: "/api/planner/metrics/stream",
    tags: ["planner metrics"],
    summary: "Live relationship metrics of the caller's clients (Server-Sent Events)",
    description:
      "A `text/event-stream` that stays open: first an event `ready`, then one event `metric` per metric event " +
      "(`id` = its event_id, `data` = the MetricEvent as JSON; metric_value is a decimal string), and a comment " +
      "line every 15 s while idle. A planner receives events about households linked to them; an admin " +
      "receives all; a client is refused with 403. Reconnect with the browser's EventSource.",
    security: authenticated,
    responses: {
      200: {
        description: "The event stream; each `metric` event's data is a MetricEvent",
        content: {
          "text/event-stream": { schema: { $ref: "#/components/schemas/MetricEvent" } },
        },
      },
      401: errorResponses[401],
      403: { description: "A client's login", content: { "application/json": { schema: ErrorSchema } } },
      503: {
        description: "Metrics streaming is not running",
        content: { "application/json": { schema: ErrorSchema } },
      },
    },
  });

  /**
   * Server-Sent Events of the caller's clients' metrics: a planner receives only events addressed
   * to them about households linked to them; an admin receives all; a client is refused.
   */
  app.get("/api/planner/metrics/stream", async (c) => {
    const user = c.get("auth").user;
    if (user.role === "client") throw new ForbiddenError("the metrics stream is for planners");
    const hub = ctx.metrics?.hub;
    if (!hub) return c.json(errorBody("unavailable", "metrics streaming is not running"), 503);
    // A planner's events are addressed to them (planner_id) and must be about a linked household.
    // The links are read again when an event names a household not yet known, so a client linked
    // while the dashboard is open streams at once, and one unlinked since stays hidden.
    const linkedNow = async () => new Set((await clientsOf(ctx.db, user.id)).map((h) => h.id));
    let linked = user.role === "planner" ? await linkedNow() : null;
    const addressed = (event: MetricEvent) => linked === null || event.planner_id === user.id;
    const visible = async (event: MetricEvent) => {
      if (linked === null || linked.has(event.client_id)) return true;
      linked = await linkedNow();
      return linked.has(event.client_id);
    };
    return streamSSE(c, async (stream) => {
      const queue: MetricEvent[] = [];
      let wake: (() => void) | null = null;
      let ended = false;
      const unsubscribe = hub.subscribe(
        (event) => {
          if (!addressed(event)) return;
          queue.push(event);
          wake?.();
        },
        () => {
          ended = true;
          wake?.();
        },
      );
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({ event: "ready", data: "{}" });
      while (!ended && !stream.aborted && !stream.closed) {
        const event = queue.shift();
        if (event) {
          if (await visible(event)) {
            await stream.writeSSE({ event: "metric", id: event.event_id, data: JSON.stringify(event) });
          }
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, KEEP_ALIVE_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
        if (queue.length === 0 && !ended && !stream.aborted) await stream.write(": keep-alive\n\n");
      }
      unsubscribe();
    });
  });
}
