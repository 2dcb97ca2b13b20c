/**
 * Typed errors shared by every layer. Each edge (CLI, HTTP, file import, Kafka) maps them once:
 * a ValidationError is the caller's fault (CLI exit code 2, HTTP 400) and names the offending field.
 */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
  constructor(
    /** The input field at fault, as the caller spelled it (a CLI flag, a JSON path, a CSV column). */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }

  /** One line: `field: message`. */
  describe(): string {
    return `${this.field}: ${this.message}`;
  }
}

/** A reference table lacks a value the computation needs; never silently filled in. */
export class MissingReferenceDataError extends Error {
  override readonly name = "MissingReferenceDataError";
}

/** The thing asked for does not exist, or the caller may not know it exists (HTTP 404). */
export class NotFoundError extends Error {
  override readonly name = "NotFoundError";
}

/** No valid credentials (HTTP 401). */
export class UnauthorizedError extends Error {
  override readonly name = "UnauthorizedError";
}

/** Authenticated, but this role may not do this (HTTP 403). */
export class ForbiddenError extends Error {
  override readonly name = "ForbiddenError";
}

/** The request conflicts with existing data, e.g. an email already registered (HTTP 409). */
export class ConflictError extends Error {
  override readonly name = "ConflictError";
}

/**
 * A conditional write found the record changed since the caller read it (HTTP 412): saving would
 * overwrite someone else's change, so nothing was written.
 */
export class StaleWriteError extends Error {
  override readonly name = "StaleWriteError";
}

/** Too many attempts; retry after the given number of seconds (HTTP 429). */
export class RateLimitedError extends Error {
  override readonly name = "RateLimitedError";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/**
 * Why the server could not start, in words a person can act on (a port already taken, a database
 * that does not answer). The CLI prints the message alone, without a stack trace, and exits 1.
 */
export class StartupError extends Error {
  override readonly name = "StartupError";
}
