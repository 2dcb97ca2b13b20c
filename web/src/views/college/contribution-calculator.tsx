import { useId, useState } from "react";
import { ApiError } from "../../api/client.ts";
import {
  type Beneficiary,
  COLLEGE_TYPES,
  type CollegeType,
  type ContributionRequest,
  useContributionPlan,
} from "../../api/college.ts";
import { formatDollars, formatMoney } from "../../format.ts";
import { FundingFigures, isSurplus } from "./funding-figures.tsx";
import { TextField } from "./money-field.tsx";
import { parseMoneyInput } from "./money-text.ts";
import { useSettled } from "./use-debounced.ts";

export const COLLEGE_LABELS: Record<CollegeType, string> = {
  "public-in-state": "Public, in-state",
  "public-out-of-state": "Public, out-of-state",
  private: "Private",
};

/**
 * "What if we saved more?": balance, monthly saving and kind of college for one beneficiary, with
 * the projected balance and gap from POST /api/529/plan (the same engine as `finplan 529 plan`)
 * once typing pauses. Invalid amounts are explained beside the field and never sent.
 */
export function ContributionCalculator({ beneficiary, age }: { beneficiary: Beneficiary; age: number }) {
  const [balance, setBalance] = useState(beneficiary.balance);
  const [monthly, setMonthly] = useState(beneficiary.monthly_contribution);
  const [college, setCollege] = useState<CollegeType>("public-in-state");
  const collegeId = useId();

  const parsedBalance = parseMoneyInput(balance);
  const parsedMonthly = parseMoneyInput(monthly);
  const current: ContributionRequest | null =
    parsedBalance.ok && parsedMonthly.ok
      ? { age, balance: parsedBalance.value, monthly: parsedMonthly.value, college }
      : null;
  const request = useSettled(current);
  const answer = useContributionPlan(request);
  const serverFields = answer.error instanceof ApiError ? answer.error.fields : {};

  return (
    <section className="calculator" aria-label={`Contribution calculator for ${beneficiary.name}`}>
      <h4>Contribution calculator</h4>
      <div className="field-row">
        <TextField
          label="Current balance ($)"
          value={balance}
          onChange={setBalance}
          error={parsedBalance.ok ? serverFields.balance : parsedBalance.message}
        />
        <TextField
          label="Monthly contribution ($)"
          value={monthly}
          onChange={setMonthly}
          error={parsedMonthly.ok ? serverFields.monthly : parsedMonthly.message}
        />
        <div className="field">
          <label htmlFor={collegeId}>College</label>
          <select
            id={collegeId}
            value={college}
            onChange={(event) => setCollege(event.target.value as CollegeType)}
          >
            {COLLEGE_TYPES.map((type) => (
              <option key={type} value={type}>
                {COLLEGE_LABELS[type]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="calculator-result" aria-live="polite">
        {current === null ? <p className="note">Fix the amounts above to see the result.</p> : null}
        {current !== null && answer.isError && Object.keys(serverFields).length === 0 ? (
          <p className="status status-error">Could not work out the plan: {answer.error.message}</p>
        ) : null}
        {current !== null && answer.data ? (
          <FundingFigures costLabel="Four years of college" plan={answer.data} busy={answer.isFetching}>
            <div>
              <dt>Closes the gap</dt>
              <dd>
                {isSurplus(answer.data.gap)
                  ? "Nothing more needed"
                  : `${formatMoney(answer.data.additional_monthly)} more a month, or ${formatDollars(answer.data.lump_sum_today)} today`}
              </dd>
            </div>
          </FundingFigures>
        ) : null}
        {current !== null && answer.isPending && answer.fetchStatus !== "idle" ? (
          <p className="status">Working it out…</p>
        ) : null}
      </div>
      {answer.data ? <p className="source">Costs: {answer.data.cost_source}</p> : null}
    </section>
  );
}
