import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import {
  CATEGORIES,
  type Category,
  type Transaction,
  useAddCategoryRule,
  useTransactions,
} from "../api/budget.ts";
import { ErrorMessage, Loading } from "../components/status.tsx";
import { categoryLabel, formatDate, formatMoney } from "../format.ts";

const PAGE_SIZE = 20;

/**
 * The column headers with their cells' class: on a narrow screen the class places each cell (the
 * category and the button go under the description), the header row laid out like the rows.
 */
const HEADERS = [
  ["date", "Date"],
  ["description", "Description"],
  ["number amount", "Amount"],
  ["category-and-rule", "Category (rule)"],
] as const;

/**
 * The household's transactions, newest first, a page at a time, each with its category and why
 * (the reason of the rule that chose it). Re-categorizing one adds a household rule (descriptions containing the
 * text given are that category), which re-categorizes every matching transaction.
 */
export function TransactionsList({ householdId }: { householdId: string }) {
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const page = useTransactions(householdId, offset, PAGE_SIZE);
  const addRule = useAddCategoryRule(householdId);
  if (page.isPending) return <Loading what="transactions" />;
  if (page.isError) return <ErrorMessage error={page.error} what="transactions" />;
  const { items, total } = page.data;
  if (total === 0) return <p className="note">No transactions yet.</p>;
  const last = Math.min(offset + items.length, total);
  return (
    <>
      {addRule.data ? (
        <p className="status" role="status">
          Rule added ({addRule.data.reason}); {addRule.data.recategorized} transactions re-categorized.
        </p>
      ) : null}
      <div className="table-scroll transactions-scroll">
        <table className="transactions">
          <caption>
            Transactions {offset + 1}–{last} of {total}, newest first
          </caption>
          <thead>
            <tr>
              {HEADERS.map(([className, label]) => (
                <th key={label} scope="col" className={className}>
                  {label}
                </th>
              ))}
              <th scope="col" className="action">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((t) => (
              <TransactionRow
                key={t.id}
                transaction={t}
                editing={editing === t.id}
                onEdit={() => {
                  addRule.reset();
                  setEditing(editing === t.id ? null : t.id);
                }}
                onDone={() => setEditing(null)}
                addRule={addRule}
              />
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Transaction pages">
        <button
          type="button"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
        >
          Newer
        </button>
        <span>
          Page {Math.floor(offset / PAGE_SIZE) + 1} of {Math.ceil(total / PAGE_SIZE)}
        </span>
        <button type="button" disabled={last >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
          Older
        </button>
      </nav>
    </>
  );
}

type AddRule = ReturnType<typeof useAddCategoryRule>;

function TransactionRow(props: {
  transaction: Transaction;
  editing: boolean;
  onEdit: () => void;
  onDone: () => void;
  addRule: AddRule;
}) {
  const t = props.transaction;
  const button = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Closing the editor (saved, cancelled or Escape) gives the keyboard back to the row's button.
  useEffect(() => {
    if (wasEditing.current && !props.editing) button.current?.focus();
    wasEditing.current = props.editing;
  }, [props.editing]);
  return (
    <>
      <tr>
        <td className="date">{formatDate(t.date)}</td>
        <th scope="row" className="description">
          {t.description}
        </th>
        <td className="number amount">{formatMoney(t.amount)}</td>
        <td className="category-and-rule">
          <span className="category">{categoryLabel(t.category)}</span>
          <span className="rule">{t.reason ?? `rule ${t.rule_id}`}</span>
        </td>
        <td className="action">
          <button
            ref={button}
            type="button"
            className="secondary"
            aria-expanded={props.editing}
            aria-label={`Re-categorize ${t.description} on ${formatDate(t.date)}`}
            onClick={props.onEdit}
          >
            Re-categorize
          </button>
        </td>
      </tr>
      {props.editing ? (
        <tr className="editing">
          <td colSpan={5}>
            <RuleForm transaction={t} addRule={props.addRule} onDone={props.onDone} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** The rule a re-categorization creates: which descriptions, and the new category. */
function RuleForm({
  transaction,
  addRule,
  onDone,
}: {
  transaction: Transaction;
  addRule: AddRule;
  onDone: () => void;
}) {
  const id = useId();
  const [match, setMatch] = useState(transaction.description);
  const [category, setCategory] = useState<Category>(transaction.category);
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => select.current?.focus(), []);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    addRule.mutate({ match, category }, { onSuccess: onDone });
  }
  return (
    <form
      className="rule-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") onDone();
      }}
    >
      <label htmlFor={`${id}-category`}>New category</label>
      <select
        ref={select}
        id={`${id}-category`}
        value={category}
        onChange={(e) => setCategory(e.target.value as Category)}
      >
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {categoryLabel(c)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-match`}>For every description containing</label>
      <input id={`${id}-match`} value={match} onChange={(e) => setMatch(e.target.value)} />
      <div className="rule-actions">
        <button type="submit" disabled={addRule.isPending || category === transaction.category}>
          {addRule.isPending ? "Saving…" : "Create rule"}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
      {addRule.isError ? (
        <p className="status status-error" role="alert">
          The rule was not saved: {addRule.error.message}
        </p>
      ) : null}
    </form>
  );
}
