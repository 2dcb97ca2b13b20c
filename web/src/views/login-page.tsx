import { type FormEvent, useState } from "react";
import { useLogin } from "../api/hooks.ts";
import { navigate } from "../router.tsx";

export function LoginPage() {
  const login = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate({ email, password }, { onSuccess: () => navigate("/", { replace: true }) });
  };
  return (
    <main id="main" className="login">
      <h1>Finplan</h1>
      <p className="lede">Log in to see your plans: retirement, college and spending.</p>
      <form onSubmit={onSubmit} className="login-form">
        <label htmlFor="email">Email</label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" disabled={login.isPending}>
          {login.isPending ? "Logging in…" : "Log in"}
        </button>
        {login.isError ? (
          <p className="status status-error" role="alert">
            Could not log in: {login.error.message}.
          </p>
        ) : null}
      </form>
    </main>
  );
}
