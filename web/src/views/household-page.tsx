import { useHousehold } from "../api/hooks.ts";
import type { User } from "../api/types.ts";
import { ErrorMessage, Loading } from "../components/status.tsx";
import { formatDollars } from "../format.ts";
import { Link } from "../router.tsx";
import { BeneficiariesPanel } from "./beneficiaries-panel.tsx";
import { BudgetPanel } from "./budget-panel.tsx";
import { PlanPanel } from "./plan-panel.tsx";
import { RetirementGapPanel } from "./retirement-gap-panel.tsx";

const FILING_STATUS: Record<string, string> = {
  single: "single",
  mfj: "married filing jointly",
  mfs: "married filing separately",
  hoh: "head of household",
};

/**
 * One household's review: retirement gap, budget and 529 beneficiaries. A household the user may
 * not see answers 404 from the API, exactly like one that does not exist, and shows "not found".
 */
export function HouseholdPage({ id, user }: { id: string; user: User }) {
  const household = useHousehold(id);
  if (household.isPending) return <Loading what="the household" />;
  if (household.isError) {
    return (
      <section>
        <h1>Household not found</h1>
        <ErrorMessage error={household.error} what="household at this address" />
        <p>
          <Link to="/">{user.role === "client" ? "Go to your household" : "Back to your clients"}</Link>
        </p>
      </section>
    );
  }
  const h = household.data;
  return (
    <>
      <div className="page-title">
        {user.role !== "client" ? (
          <p className="breadcrumb">
            <Link to="/">Clients</Link> / {h.name}
          </p>
        ) : null}
        <h1>{h.name}</h1>
        <p className="lede">
          {h.state} · {FILING_STATUS[h.filing_status] ?? h.filing_status}
          {h.annual_income ? ` · income ${formatDollars(h.annual_income)} a year` : ""}
        </p>
      </div>
      <div className="panels">
        <RetirementGapPanel householdId={id} />
        <BudgetPanel householdId={id} />
        <BeneficiariesPanel householdId={id} />
        <PlanPanel householdId={id} editable={user.role !== "client"} />
      </div>
    </>
  );
}
