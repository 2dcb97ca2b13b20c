import { useClients } from "../api/planner.ts";
import { Empty, ErrorMessage, Loading } from "../components/status.tsx";
import { formatDollars, formatPercent } from "../format.ts";
import { Link } from "../router.tsx";

/** A planner's linked households, each with its retirement funded ratio (projected ÷ required). */
export function ClientListPage() {
  const clients = useClients();
  return (
    <section>
      <h1>Clients</h1>
      {clients.isPending ? <Loading what="clients" /> : null}
      {clients.isError ? <ErrorMessage error={clients.error} what="clients" /> : null}
      {clients.data && clients.data.items.length === 0 ? (
        <Empty>No client households are linked to you yet.</Empty>
      ) : null}
      {clients.data && clients.data.items.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption>
              {clients.data.total} client households. Funded ratio = projected savings at retirement ÷ savings
              required.
            </caption>
            <thead>
              <tr>
                <th scope="col">Household</th>
                <th scope="col">State</th>
                <th scope="col" className="number">
                  Funded ratio
                </th>
                <th scope="col" className="number">
                  Retirement gap
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {clients.data.items.map((client) => (
                <tr key={client.id}>
                  <th scope="row">
                    <Link to={`/households/${client.id}`}>{client.name}</Link>
                  </th>
                  <td>{client.state}</td>
                  <td className="number">
                    {client.retirement ? formatPercent(client.retirement.funded_ratio) : "—"}
                  </td>
                  <td className="number">{client.retirement ? formatDollars(client.retirement.gap) : "—"}</td>
                  <td>
                    {client.retirement === null ? (
                      "No retirement profile"
                    ) : client.retirement.on_track ? (
                      <span className="badge badge-good">On track</span>
                    ) : (
                      <span className="badge badge-warn">Gap</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
