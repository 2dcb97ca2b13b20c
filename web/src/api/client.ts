/**
 * The dashboard's only way to the API: same-origin fetch with the session cookie, the CSRF token
 * echoed on state-changing requests (double submit, see src/server/authentication.ts) and the API's
 * error body `{error, message}` turned into an ApiError.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What is wrong with each request field, when the API names them (400s). */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const CSRF_COOKIE = "finplan_csrf";

/** The header that carries the CSRF token on state-changing requests. */
export const CSRF_HEADER = "x-csrf-token";

/**
 * The CSRF cookie is readable by scripts and lives exactly as long as the session cookie, so its
 * absence means "not logged in" without asking the server (and without a 401 in the console).
 */
export function hasSessionCookie(): boolean {
  return csrfToken() !== undefined;
}

export function csrfToken(): string | undefined {
  const entry = document.cookie.split("; ").find((part) => part.startsWith(`${CSRF_COOKIE}=`));
  return entry ? decodeURIComponent(entry.slice(CSRF_COOKIE.length + 1)) : undefined;
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Readonly<Record<string, string>> = {},
): Promise<T> {
  const headers: Record<string, string> = { ...extraHeaders, accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  const csrf = method === "GET" ? undefined : csrfToken();
  if (csrf) headers[CSRF_HEADER] = csrf;
  const response = await fetch(path, {
    method,
    headers,
    credentials: "same-origin",
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw apiError(response.status, payload);
  return payload as T;
}

/** The API's error body `{error, message, fields?}` (or whatever came instead) as an ApiError. */
export function apiError(status: number, payload: unknown): ApiError {
  const error = payload as { error?: string; message?: string; fields?: Record<string, string> } | null;
  return new ApiError(
    status,
    error?.error ?? "http_error",
    error?.message ?? `the server answered ${status}`,
    error?.fields ?? {},
  );
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  put: <T>(path: string, body: unknown, headers?: Readonly<Record<string, string>>) =>
    request<T>("PUT", path, body, headers),
  delete: <T>(path: string) => request<T>("DELETE", path),
};

/** True for the errors a page shows as "not found" (the API answers 404 for households it hides). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
