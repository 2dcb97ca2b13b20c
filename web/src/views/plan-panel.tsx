import { type FormEvent, useId, useState } from "react";
import { SPENDING_CATEGORIES } from "../../../src/core/spending/categories.ts";
import { ApiError } from "../api/client.ts";
import {
  type Goal,
  type NewGoal,
  type PlanInputs,
  useAddGoal,
  useDeleteGoal,
  usePlan,
  useSetTargets,
  useUpdateGoal,
} from "../api/plan.ts";
import { ErrorMessage, Loading, Panel, Refused, SaveButton } from "../components/status.tsx";
import { categoryLabel, formatDate, formatMoney, formatPercent } from "../format.ts";
import { TextField } from "./college/money-field.tsx";
import { parseMoneyInput, parseRatePercent } from "./college/money-text.ts";

/** The API's message for a field (its own name or a nested one such as budgets.housing). */
function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fields[field] : undefined;
}

/**
 * What the household's plan is measured against: the savings-rate target and the monthly budgets
 * (plan adherence) and the goals (goal progress). The planner sets them; a client reads them.
 * Each save recomputes the relationship metrics the planner's dashboard shows.
 */
export function PlanPanel({ householdId, editable }: { householdId: string; editable: boolean }) {
  const plan = usePlan(householdId);
  return (
    <Panel id="plan" title="Plan targets and goals" wide>
      {plan.isPending ? <Loading what="the plan" /> : null}
      {plan.isError ? <ErrorMessage error={plan.error} what="plan" /> : null}
      {plan.data ? (
        <>
          <SavingsTarget householdId={householdId} plan={plan.data} editable={editable} />
          <Budgets householdId={householdId} plan={plan.data} editable={editable} />
          <Goals householdId={householdId} goals={plan.data.goals} editable={editable} />
        </>
      ) : null}
    </Panel>
  );
}

/** One part of the panel: the household, its stored plan, and whether the user may change it. */
interface PlanPart {
  readonly householdId: string;
  readonly plan: PlanInputs;
  readonly editable: boolean;
}

function SavingsTarget({ householdId, plan, editable }: PlanPart) {
  const [text, setText] = useState(
    plan.savings_rate === null ? "" : String(+(plan.savings_rate * 100).toFixed(4)),
  );
  const [checked, setChecked] = useState<string | undefined>();
  const save = useSetTargets(householdId);
  const current =
    plan.savings_rate === null ? "no target set" : `${formatPercent(plan.savings_rate)} of gross income`;
  if (!editable) return <p className="plan-figure">Savings target: {current}.</p>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const rate = parseRatePercent(text, 90);
    setChecked(rate.ok ? undefined : rate.message);
    if (rate.ok) save.mutate({ savings_rate: rate.value });
  };
  return (
    <form className="plan-form" onSubmit={submit} aria-labelledby="savings-target-title">
      <h3 id="savings-target-title">Savings target</h3>
      <p className="field-hint">Now: {current}. Leave empty to clear it.</p>
      <TextField
        label="Share of gross income to save (%)"
        value={text}
        onChange={(value) => {
          setText(value);
          save.reset();
        }}
        error={checked ?? fieldError(save.error, "savings_rate")}
      />
      <SaveButton label="Save target" state={save} />
    </form>
  );
}

function Budgets({ householdId, plan, editable }: PlanPart) {
  const [texts, setTexts] = useState<Record<string, string>>(() => ({ ...plan.budgets }));
  const [checked, setChecked] = useState<Record<string, string>>({});
  const save = useSetTargets(householdId);
  const set = Object.entries(plan.budgets);
  if (!editable) {
    return (
      <>
        <h3>Monthly budgets</h3>
        {set.length === 0 ? (
          <p className="status status-empty">No budgets set.</p>
        ) : (
          <ul className="plan-budgets">
            {set.map(([category, amount]) => (
              <li key={category}>
                {categoryLabel(category)}: {formatMoney(amount)} a month
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const budgets: Record<string, string> = {};
    const problems: Record<string, string> = {};
    for (const category of SPENDING_CATEGORIES) {
      const text = texts[category]?.trim() ?? "";
      if (text === "") continue;
      const amount = parseMoneyInput(text);
      if (amount.ok) budgets[category] = amount.value;
      else problems[category] = amount.message;
    }
    setChecked(problems);
    if (Object.keys(problems).length === 0) save.mutate({ budgets });
  };
  return (
    <form className="plan-form" onSubmit={submit} aria-labelledby="budgets-title">
      <h3 id="budgets-title">Monthly budgets</h3>
      <p className="field-hint">
        Plan adherence compares each budget with the latest month of spending. Leave a category empty for no
        budget.
      </p>
      <div className="budget-fields">
        {SPENDING_CATEGORIES.map((category) => (
          <TextField
            key={category}
            label={`${categoryLabel(category)} ($ a month)`}
            value={texts[category] ?? ""}
            onChange={(value) => {
              setTexts({ ...texts, [category]: value });
              save.reset();
            }}
            error={checked[category] ?? fieldError(save.error, `budgets.${category}`)}
          />
        ))}
      </div>
      <SaveButton label="Save budgets" state={save} />
    </form>
  );
}

function Goals({ householdId, goals, editable }: { householdId: string; goals: Goal[]; editable: boolean }) {
  return (
    <>
      <h3>Goals</h3>
      <p className="field-hint">
        Retirement is measured from the retirement profile; a college goal by the household's 529 balances; a
        custom goal by the amount saved so far.
      </p>
      {goals.length === 0 ? <p className="status status-empty">No goals yet.</p> : null}
      <ul className="plan-goals">
        {goals.map((goal) => (
          <GoalItem key={goal.id} householdId={householdId} goal={goal} editable={editable} />
        ))}
      </ul>
      {editable ? <AddGoal householdId={householdId} /> : null}
    </>
  );
}

function GoalItem({ householdId, goal, editable }: { householdId: string; goal: Goal; editable: boolean }) {
  const [saved, setSaved] = useState(goal.current_amount ?? "");
  const [checked, setChecked] = useState<string | undefined>();
  const update = useUpdateGoal(householdId);
  const remove = useDeleteGoal(householdId);
  const target = goal.target_amount ? formatMoney(goal.target_amount) : "no amount";
  const by = goal.target_date ? ` by ${formatDate(goal.target_date)}` : "";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amount = parseMoneyInput(saved);
    setChecked(amount.ok ? undefined : amount.message);
    if (amount.ok) update.mutate({ goalId: goal.id, current_amount: amount.value });
  };
  return (
    <li>
      <p>
        <strong>{goal.name}</strong> ({goal.kind}): {target}
        {by}
        {goal.kind === "custom" && goal.current_amount
          ? `; ${formatMoney(goal.current_amount)} saved so far`
          : ""}
      </p>
      {editable ? (
        <div className="goal-actions">
          {goal.kind === "custom" ? (
            <form onSubmit={submit} className="goal-update">
              <TextField
                label={`Saved so far for ${goal.name} ($)`}
                value={saved}
                onChange={(value) => {
                  setSaved(value);
                  update.reset();
                }}
                error={checked ?? fieldError(update.error, "current_amount")}
              />
              <button type="submit" disabled={update.isPending}>
                Update
              </button>
            </form>
          ) : null}
          <button
            type="button"
            className="secondary"
            onClick={() => remove.mutate(goal.id)}
            disabled={remove.isPending}
          >
            Remove {goal.name}
          </button>
          <Refused error={update.error ?? remove.error} what="Not saved; nothing was changed." />
        </div>
      ) : null}
    </li>
  );
}

const NO_GOAL: NewGoal = { kind: "custom", name: "", target_amount: "", target_date: "", current_amount: "" };

function AddGoal({ householdId }: { householdId: string }) {
  const [goal, setGoal] = useState<NewGoal>(NO_GOAL);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const add = useAddGoal(householdId);
  const id = useId();
  const change = (part: Partial<NewGoal>) => {
    setGoal({ ...goal, ...part });
    add.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (goal.name.trim() === "") problems.name = "Give the goal a name.";
    const target = parseMoneyInput(goal.target_amount);
    if (!target.ok) problems.target_amount = target.message;
    if (goal.target_date === "") problems.target_date = "Choose the date the goal is for.";
    const current =
      goal.kind === "custom" && goal.current_amount ? parseMoneyInput(goal.current_amount) : null;
    if (current && !current.ok) problems.current_amount = current.message;
    setChecked(problems);
    if (Object.keys(problems).length > 0 || !target.ok) return;
    add.mutate(
      {
        kind: goal.kind,
        name: goal.name.trim(),
        target_amount: target.value,
        target_date: goal.target_date,
        ...(current?.ok ? { current_amount: current.value } : {}),
      },
      { onSuccess: () => setGoal(NO_GOAL) },
    );
  };
  const error = (field: keyof NewGoal) => checked[field] ?? fieldError(add.error, field);
  return (
    <form className="plan-form add-goal" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>Add a goal</h4>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select
          id={`${id}-kind`}
          value={goal.kind}
          onChange={(event) => change({ kind: event.target.value as NewGoal["kind"] })}
        >
          <option value="custom">custom (amount saved so far)</option>
          <option value="college">college (the 529 balances)</option>
        </select>
      </div>
      <TextField
        label="Goal name"
        inputMode="text"
        value={goal.name}
        onChange={(name) => change({ name })}
        error={error("name")}
      />
      <TextField
        label="Target amount ($)"
        value={goal.target_amount}
        onChange={(target_amount) => change({ target_amount })}
        error={error("target_amount")}
      />
      <div className="field">
        <label htmlFor={`${id}-date`}>Target date</label>
        <input
          id={`${id}-date`}
          type="date"
          value={goal.target_date}
          aria-invalid={error("target_date") ? true : undefined}
          aria-describedby={error("target_date") ? `${id}-date-error` : undefined}
          onChange={(event) => change({ target_date: event.target.value })}
        />
        {error("target_date") ? (
          <p id={`${id}-date-error`} className="field-error">
            {error("target_date")}
          </p>
        ) : null}
      </div>
      {goal.kind === "custom" ? (
        <TextField
          label="Saved so far ($, optional)"
          value={goal.current_amount ?? ""}
          onChange={(current_amount) => change({ current_amount })}
          error={error("current_amount")}
        />
      ) : null}
      <SaveButton label="Add goal" busyLabel="Adding…" savedLabel="Goal added." state={add} />
    </form>
  );
}
