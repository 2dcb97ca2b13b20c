import { useState } from "react";
import {
  type Beneficiary,
  type CollegePlan,
  useBeneficiaries,
  useCollegePlan,
  useCollegePlans,
} from "../api/college.ts";
import { useHousehold } from "../api/hooks.ts";
import type { Household } from "../api/types.ts";
import { Empty, ErrorMessage, Loading, Panel } from "../components/status.tsx";
import { formatDate, formatMoney, formatPercent } from "../format.ts";
import { ageOn, todayUtc } from "./college/age.ts";
import { BirthDateEditor } from "./college/birth-date-editor.tsx";
import { ContributionCalculator } from "./college/contribution-calculator.tsx";
import { formatFinePercent } from "./college/fine-percent.ts";
import { FundSelector } from "./college/fund-selector.tsx";
import { FundingFigures, isSurplus } from "./college/funding-figures.tsx";
import { GlidePathChart } from "./college/glide-path-chart.tsx";
import { annualOf, centsOf, fromCents } from "./college/money-text.ts";
import { StatePlanComparison } from "./college/state-plan-comparison.tsx";
import { TaxBenefitDisplay } from "./college/tax-benefit-display.tsx";

/**
 * The household's 529 beneficiaries, each with its age-based glide path, funding plan, calculator,
 * fund selector and state plan comparison, and the household's state tax benefit.
 */
export function BeneficiariesPanel({ householdId }: { householdId: string }) {
  const beneficiaries = useBeneficiaries(householdId);
  const household = useHousehold(householdId);
  // The rate typed in the tax benefit also ranks the plan comparisons (null: the state's top rate).
  const [marginalRate, setMarginalRate] = useState<string | null>(null);
  const items = beneficiaries.data?.items ?? [];
  return (
    <Panel id="college" title="529 college savings" wide>
      {beneficiaries.isPending ? <Loading what="beneficiaries" /> : null}
      {beneficiaries.isError ? <ErrorMessage error={beneficiaries.error} what="beneficiaries" /> : null}
      {beneficiaries.data && items.length === 0 ? <Empty>No 529 beneficiaries yet.</Empty> : null}
      {items.length > 0 && household.data ? (
        <HouseholdTaxBenefit
          household={household.data}
          beneficiaries={items}
          onRateChange={setMarginalRate}
        />
      ) : null}
      {items.map((beneficiary) => (
        <BeneficiaryPlan
          key={beneficiary.id}
          householdId={householdId}
          household={household.data}
          beneficiary={beneficiary}
          marginalRate={marginalRate}
        />
      ))}
    </Panel>
  );
}

/**
 * The benefit on a year of all the household's 529 saving: twelve months of every beneficiary's
 * contribution, into their plans' state when they share one (otherwise the home state's).
 */
function HouseholdTaxBenefit({
  household,
  beneficiaries,
  onRateChange,
}: {
  household: Household;
  beneficiaries: Beneficiary[];
  onRateChange: (rate: string | null) => void;
}) {
  const plans = useCollegePlans();
  if (!household.state) return <Empty>Set the household's state to see its 529 tax benefit.</Empty>;
  if (plans.isPending) return <Loading what="the 529 plans" />;
  const planStates = new Set(
    beneficiaries.map(
      (b) => plans.data?.items.find((plan) => plan.id === b.plan_id)?.state ?? household.state,
    ),
  );
  const [planState] = planStates;
  const total = beneficiaries.reduce((sum, b) => sum + centsOf(annualOf(b.monthly_contribution)), 0n);
  return (
    <TaxBenefitDisplay
      request={{
        state: household.state,
        contribution: fromCents(total),
        filing: household.filing_status ?? "single",
        beneficiaries: beneficiaries.length,
        ...(planStates.size === 1 && planState ? { plan_state: planState } : {}),
        ...(household.annual_income ? { income: household.annual_income } : {}),
      }}
      onRateChange={onRateChange}
    />
  );
}

function BeneficiaryPlan({
  householdId,
  household,
  beneficiary,
  marginalRate,
}: {
  householdId: string;
  household: Household | undefined;
  beneficiary: Beneficiary;
  marginalRate: string | null;
}) {
  const plan = useCollegePlan(householdId, beneficiary.id);
  const plans = useCollegePlans();
  const headingId = `beneficiary-${beneficiary.id}`;
  const age = ageOn(beneficiary.birth_date, todayUtc());
  const planName = plans.data?.items.find((p) => p.id === beneficiary.plan_id)?.name ?? beneficiary.plan_id;
  return (
    <article className="beneficiary" aria-labelledby={headingId}>
      <h3 id={headingId}>{beneficiary.name}</h3>
      <p className="note">
        Born {formatDate(beneficiary.birth_date)} (age {age}) · {planName ?? "no plan chosen"} · balance{" "}
        {formatMoney(beneficiary.balance)} · {formatMoney(beneficiary.monthly_contribution)} a month
      </p>
      <BirthDateEditor householdId={householdId} beneficiary={beneficiary} />
      {plan.isPending ? <Loading what="the college plan" /> : null}
      {plan.isError ? <ErrorMessage error={plan.error} what="college plan" /> : null}
      {plan.data ? <PlanSummary plan={plan.data} beneficiary={beneficiary} planName={planName} /> : null}
      <div className="college-tools">
        <ContributionCalculator beneficiary={beneficiary} age={age} />
        <FundSelector beneficiary={beneficiary} />
        <PlanComparisonDetails
          household={household}
          beneficiary={beneficiary}
          age={age}
          marginalRate={marginalRate}
        />
      </div>
    </article>
  );
}

/** The state plan comparison, asked for only once the planner opens it. */
function PlanComparisonDetails({
  household,
  beneficiary,
  age,
  marginalRate,
}: {
  household: Household | undefined;
  beneficiary: Beneficiary;
  age: number;
  marginalRate: string | null;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Compare state plans for {beneficiary.name}</summary>
      {!open ? null : household?.state ? (
        <>
          <p className="note">
            State tax saved at{" "}
            {marginalRate === null
              ? `${household.state}'s top rate (type the household's own rate under State tax benefit for a closer figure)`
              : `the household's marginal rate of ${formatFinePercent(Number(marginalRate))}`}
            .
          </p>
          <StatePlanComparison
            name={beneficiary.name}
            request={{
              state: household.state,
              age,
              contribution: annualOf(beneficiary.monthly_contribution),
              balance: beneficiary.balance,
              filing: household.filing_status ?? "single",
              ...(household.annual_income ? { income: household.annual_income } : {}),
              ...(marginalRate === null ? {} : { marginal_rate: marginalRate }),
            }}
          />
        </>
      ) : (
        <Empty>Set the household's state to compare plans.</Empty>
      )}
    </details>
  );
}

function PlanSummary({
  plan,
  beneficiary,
  planName,
}: {
  plan: CollegePlan;
  beneficiary: Beneficiary;
  planName: string | null;
}) {
  const { recommendation } = plan;
  return (
    <>
      <FundingFigures costLabel="Four years, public in-state" plan={plan.plan}>
        <div>
          <dt>Enrolls</dt>
          <dd>
            {recommendation.enrollment_year} (in {recommendation.years_to_enrollment} years)
          </dd>
        </div>
      </FundingFigures>
      <p className="note">
        Now {formatPercent(recommendation.allocation.equity)} stocks,{" "}
        {formatPercent(recommendation.allocation.fixed_income)} bonds,{" "}
        {formatPercent(recommendation.allocation.money_market)} money market ({recommendation.risk} glide
        path).
        {isSurplus(plan.plan.gap)
          ? ""
          : ` ${formatMoney(plan.plan.additional_monthly)} more a month closes the gap.`}
      </p>
      <GlidePathChart
        steps={recommendation.path}
        current={recommendation.years_to_enrollment}
        name={beneficiary.name}
        plan={
          recommendation.plan_match
            ? { name: planName ?? recommendation.plan_match.plan_id, match: recommendation.plan_match.match }
            : null
        }
      />
      <p className="source">Costs: {plan.plan.cost_source}</p>
    </>
  );
}
