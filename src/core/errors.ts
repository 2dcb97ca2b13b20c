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
