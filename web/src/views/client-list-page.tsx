import { useId, useState } from "react";
import {
  CLIENT_PAGE_SIZE,
  type LiveStatus,
  type PlannerMetrics,
  useClients,
  usePlannerMetrics,
} from "../api/planner.ts";
import { Empty, ErrorMessage, Loading } from "../components/status.tsx";
import { ClientCard } from "./client-card.tsx";
import {
  GOAL_STATUS_DEFINITION,
  RISK_DEFINITION,
  SORT_ORDERS,
  type SortOrder,
  sortClients,
} from "./client-risk.ts";

/**
 * The planner relationship dashboard: one score card per linked household (engagement, plan
 * adherence, goals, retirement headline), sortable by risk, name or engagement, and kept current by
 * the metrics stream without a reload.
 */
export function ClientListPage() {
  const clients = useClients();
  const live = usePlannerMetrics();
  const [order, setOrder] = useState<SortOrder>("risk");
  const page = clients.data;
  return (
    <section className="planner-dashboard">
      <div className="page-title">
        <h1>Clients</h1>
        <LiveIndicator live={live} names={page?.items} />
      </div>
      {clients.isPending ? <Loading what="clients" /> : null}
      {clients.isError ? <ErrorMessage error={clients.error} what="clients" /> : null}
      {page && page.items.length === 0 ? <Empty>No client households are linked to you yet.</Empty> : null}
      {page && page.items.length > 0 ? (
        <>
          <SortControls order={order} onChange={setOrder} />
          <p className="note">
            {page.total} client {page.total === 1 ? "household" : "households"}
            {page.total > page.items.length ? `; the first ${CLIENT_PAGE_SIZE} are shown and sorted` : ""}.
            Scores run from 0 to 100, higher is better. {RISK_DEFINITION} {GOAL_STATUS_DEFINITION}
          </p>
          <ul className="client-cards" aria-label="Client households">
            {sortClients(page.items, order).map((client) => (
              <li key={client.id}>
                <ClientCard client={client} live={live.status} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

const STATUS_TEXT: Record<LiveStatus, string> = {
  connecting: "Live updates: connecting…",
  connected: "Live updates: connected",
  reconnecting: "Live updates: reconnecting…",
};

/** The stream's state and the latest change it brought, announced politely as they change. */
function LiveIndicator({
  live,
  names,
}: {
  live: PlannerMetrics;
  names: { id: string; name: string }[] | undefined;
}) {
  const client = live.latest ? names?.find((c) => c.id === live.latest?.client_id) : undefined;
  return (
    <p className={`live-status live-${live.status}`} role="status" aria-live="polite">
      <span className="live-dot" aria-hidden="true" />
      {STATUS_TEXT[live.status]}
      {client && live.latest ? (
        <span className="live-latest">
          {" "}
          · latest: {client.name}, {live.latest.metric_type.replaceAll("_", " ")} {live.latest.metric_value}
        </span>
      ) : null}
    </p>
  );
}

/** Radio buttons: Tab reaches the group, arrow keys change the order. */
function SortControls({ order, onChange }: { order: SortOrder; onChange: (order: SortOrder) => void }) {
  const name = useId();
  return (
    <fieldset className="sort-controls">
      <legend>Sort clients by</legend>
      {(Object.keys(SORT_ORDERS) as SortOrder[]).map((key) => (
        <label key={key}>
          <input
            type="radio"
            name={name}
            value={key}
            checked={order === key}
            onChange={() => onChange(key)}
          />
          {SORT_ORDERS[key].label}
        </label>
      ))}
    </fieldset>
  );
}
