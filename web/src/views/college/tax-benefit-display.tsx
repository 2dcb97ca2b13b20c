import { useEffect, useState } from "react";
import { type TaxBenefit, type TaxBenefitRequest, useTaxBenefit } from "../../api/college.ts";
import { ErrorMessage, Loading } from "../../components/status.tsx";
import { formatDollars, formatMoney } from "../../format.ts";
import { formatFinePercent } from "./fine-percent.ts";
import { TextField } from "./money-field.tsx";
import { parseRatePercent } from "./money-text.ts";
import { useSettled } from "./use-debounced.ts";

const FILING_LABELS: Record<string, string> = { single: "single", mfj: "married filing jointly" };

/**
 * The household's state income-tax benefit for a year of its 529 saving (POST /api/529/tax-benefit:
 * the state's deduction or credit rules, cap and carryforward, with their sources). The marginal
 * rate typed here, once settled and valid, goes to `onRateChange` (null: the state's top rate), so
 * the plan comparison can rank at the same rate.
 */
export function TaxBenefitDisplay({
  request,
  onRateChange,
}: {
  request: TaxBenefitRequest;
  onRateChange?: (rate: string | null) => void;
}) {
  const [rate, setRate] = useState("");
  const parsedRate = parseRatePercent(rate);
  const asked = useSettled(
    parsedRate.ok
      ? { ...request, ...(parsedRate.value === null ? {} : { marginal_rate: parsedRate.value }) }
      : null,
  );
  const settledRate = asked === null ? undefined : (asked.marginal_rate ?? null);
  useEffect(() => {
    if (settledRate !== undefined) onRateChange?.(settledRate);
  }, [settledRate, onRateChange]);
  const benefit = useTaxBenefit(asked);
  return (
    <section className="tax-benefit" aria-labelledby="tax-benefit-title">
      <h3 id="tax-benefit-title">State tax benefit</h3>
      <TextField
        label="Your marginal state tax rate (%)"
        value={rate}
        onChange={setRate}
        error={parsedRate.ok ? undefined : parsedRate.message}
        hint="Leave empty to use the state's top rate."
      />
      {benefit.isPending && benefit.fetchStatus !== "idle" ? <Loading what="the state tax benefit" /> : null}
      {benefit.isError ? <ErrorMessage error={benefit.error} what="state tax benefit" /> : null}
      {benefit.data ? <BenefitFigures benefit={benefit.data} request={request} /> : null}
    </section>
  );
}

function BenefitFigures({ benefit: b, request }: { benefit: TaxBenefit; request: TaxBenefitRequest }) {
  return (
    <div aria-live="polite">
      <p className="note">
        {b.state} resident, {FILING_LABELS[request.filing] ?? request.filing}, tax year {b.tax_year}:{" "}
        {formatMoney(request.contribution)} a year into{" "}
        {b.plan_state === b.state ? "an in-state" : `a ${b.plan_state}`} plan for {request.beneficiaries}{" "}
        beneficiar{request.beneficiaries === 1 ? "y" : "ies"}.
      </p>
      {b.qualifies ? (
        <dl className="figures">
          <div>
            <dt>Deductible</dt>
            <dd>{formatDollars(b.deductible_amount)}</dd>
          </div>
          <div>
            <dt>Credit</dt>
            <dd>{formatDollars(b.credit_amount)}</dd>
          </div>
          <div>
            <dt>State tax saved</dt>
            <dd>{formatMoney(b.tax_saved)}</dd>
          </div>
          <div>
            <dt>Carried forward</dt>
            <dd>{formatDollars(b.carryforward)}</dd>
          </div>
        </dl>
      ) : (
        <p>No state tax benefit for these contributions.</p>
      )}
      {b.cap !== null || b.marginal_rate !== null ? (
        <p className="note">
          {b.cap === null ? "" : `Cap ${formatDollars(b.cap)}. `}
          {b.marginal_rate === null
            ? ""
            : `At a marginal state rate of ${formatFinePercent(b.marginal_rate)}.`}
        </p>
      ) : null}
      {b.notes.length > 0 ? (
        <ul className="notes">
          {b.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <details className="source">
        <summary>Sources of the {b.state} rules</summary>
        <ul>
          {b.sources.map((source) => (
            <li key={source}>{source}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
