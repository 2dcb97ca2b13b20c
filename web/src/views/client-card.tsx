import { useId } from "react";
import type { LiveStatus } from "../api/planner.ts";
import type { ClientSummary, GoalProgress } from "../api/planner-metrics.ts";
import { formatDollars, formatMonth, formatPercent } from "../format.ts";
import { Link } from "../router.tsx";
import { riskLevel, riskOf, SCORE_LABELS } from "./client-risk.ts";
import { InteractionForm } from "./interaction-form.tsx";

const score = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const clock = new Intl.DateTimeFormat("en-US", { timeStyle: "medium" });

const RISK_WORDS = { high: "High risk", medium: "Medium risk", low: "Low risk" } as const;
const GOAL_STATUS = { on_track: "On track", at_risk: "At risk", off_track: "Off track" } as const;
const GOAL_BADGE = { on_track: "badge-good", at_risk: "badge-warn", off_track: "badge-bad" } as const;
const TREND = { improving: "↑ improving", steady: "→ steady", declining: "↓ declining" } as const;

/** One client's relationship at a glance: risk, the three scores, goals and the retirement headline. */
export function ClientCard({ client, live }: { client: ClientSummary; live: LiveStatus }) {
  const titleId = useId();
  const m = client.metrics;
  const risk = riskOf(client);
  const level = riskLevel(risk);
  return (
    <article className={`client-card risk-${level}`} aria-labelledby={titleId}>
      <header className="client-card-head">
        <h2 id={titleId}>
          <Link to={`/households/${client.id}`}>{client.name}</Link>
        </h2>
        <span className={`badge risk-badge risk-${level}`}>
          {RISK_WORDS[level]} · {score.format(risk.value)}
        </span>
      </header>
      <p className="note">
        {client.state} · weakest score: {SCORE_LABELS[risk.weakest]}
      </p>
      <dl className="scores">
        <Score label="Engagement" value={m.engagement.score}>
          {m.engagement.interactions === 1
            ? "1 interaction in the last 180 days"
            : `${m.engagement.interactions} interactions in the last 180 days`}
        </Score>
        <Score label="Plan adherence" value={m.adherence.score}>
          {m.adherence.score === null
            ? "Not measured: needs a savings target or budgets and a month of spending"
            : m.adherence_month
              ? `Spending of ${formatMonth(`${m.adherence_month}-01`)}`
              : null}
        </Score>
        <Score label="Goal progress" value={m.goal_progress}>
          {m.goals.length === 0 ? "No goals with a target yet" : <Goals goals={m.goals} />}
        </Score>
      </dl>
      {client.retirement ? (
        <p className="note retirement-headline">
          {client.retirement.on_track
            ? `Retirement surplus: ${formatDollars(client.retirement.gap.replace(/^-/, ""))} at retirement`
            : `Retirement gap: ${formatDollars(client.retirement.gap)} at retirement`}
        </p>
      ) : null}
      {client.live_at ? (
        <p className="live-note">Updated live at {clock.format(new Date(client.live_at))}</p>
      ) : null}
      <InteractionForm householdId={client.id} clientName={client.name} live={live} />
    </article>
  );
}

/** A 0–100 score as a number and a bar (the bar repeats the number, so it is hidden from readers). */
function Score({
  label,
  value,
  children,
}: {
  label: string;
  value: number | null;
  children: React.ReactNode;
}) {
  return (
    <div className="score">
      <dt>{label}</dt>
      <dd>
        <span className="score-value">{value === null ? "—" : score.format(value)}</span>
        {value === null ? null : (
          <span className="score-bar" aria-hidden="true">
            <span style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
          </span>
        )}
        {children ? <span className="score-detail">{children}</span> : null}
      </dd>
    </div>
  );
}

function Goals({ goals }: { goals: GoalProgress[] }) {
  return (
    <ul className="goal-list">
      {goals.map((goal) => (
        <li key={goal.id}>
          {goal.name}: {formatPercent(goal.funded_ratio)} funded{" "}
          <span className={`badge ${GOAL_BADGE[goal.status]}`}>{GOAL_STATUS[goal.status]}</span>
          {goal.trend ? <span className="trend"> {TREND[goal.trend]}</span> : null}
        </li>
      ))}
    </ul>
  );
}
