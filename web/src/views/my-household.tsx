import { useHouseholds } from "../api/hooks.ts";
import { Empty, ErrorMessage, Loading } from "../components/status.tsx";
import { Redirect } from "../router.tsx";

/** A client lands on their own household, the one household the API lets them see. */
export function MyHouseholdRedirect() {
  const households = useHouseholds(true);
  if (households.isPending) return <Loading what="your household" />;
  if (households.isError) return <ErrorMessage error={households.error} what="your household" />;
  const own = households.data.items[0];
  if (!own) return <Empty>No household is set up for this login yet. Ask your planner to add it.</Empty>;
  return <Redirect to={`/households/${own.id}`} />;
}
