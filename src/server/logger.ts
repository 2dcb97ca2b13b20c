import { pino } from "pino";

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Credentials and tokens are redacted wherever they appear; request bodies
 * (which hold household finances) are never logged.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({
    level,
    redact: {
      paths: [
        "password",
        "*.password",
        "token",
        "*.token",
        "authorization",
        "*.authorization",
        "cookie",
        "*.cookie",
      ],
      censor: "[redacted]",
    },
  });
}
