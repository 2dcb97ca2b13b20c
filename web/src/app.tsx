import { lazy, Suspense } from "react";
import { useLogout, useMe } from "./api/hooks.ts";
import type { User } from "./api/types.ts";
import { ErrorMessage, Loading } from "./components/status.tsx";
import { householdIdOf, Link, navigate, Redirect, usePath } from "./router.tsx";
import { ClientListPage } from "./views/client-list-page.tsx";
import { LoginPage } from "./views/login-page.tsx";
import { MyHouseholdRedirect } from "./views/my-household.tsx";

/**
 * The household page and its charts (Recharts) load when a household is first opened, so the login
 * page and the client list do not wait for them.
 */
const HouseholdPage = lazy(() =>
  import("./views/household-page.tsx").then((module) => ({ default: module.HouseholdPage })),
);

/** Who is logged in decides what the app shows: the login page, or the pages of their role. */
export function App() {
  const me = useMe();
  const path = usePath();
  if (me.isPending) return <Loading what="your session" />;
  if (me.isError) return <ErrorMessage error={me.error} what="your session" />;
  if (!me.data) return path === "/login" ? <LoginPage /> : <Redirect to="/login" />;
  if (path === "/login") return <Redirect to="/" />;
  return (
    <Shell user={me.data}>
      <Page user={me.data} path={path} />
    </Shell>
  );
}

function Page({ user, path }: { user: User; path: string }) {
  const householdId = householdIdOf(path);
  if (householdId) {
    return (
      <Suspense fallback={<Loading what="the household page" />}>
        <HouseholdPage id={householdId} user={user} />
      </Suspense>
    );
  }
  if (path === "/") return user.role === "client" ? <MyHouseholdRedirect /> : <ClientListPage />;
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <Link to="/">Go to the start page</Link>.
      </p>
    </section>
  );
}

/** Header with role-aware navigation: a planner's clients, or a client's own household. */
function Shell({ user, children }: { user: User; children: React.ReactNode }) {
  const logout = useLogout();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand">Finplan</span>
        <nav aria-label="Main">
          <Link to="/">{user.role === "client" ? "My household" : "Clients"}</Link>
        </nav>
        <span className="who">
          {user.display_name} <span className="role">({user.role})</span>
        </span>
        <button
          type="button"
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate("/login", { replace: true }) })}
          disabled={logout.isPending}
        >
          Log out
        </button>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
