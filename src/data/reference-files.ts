import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { z } from "zod";

/** Root of the vendored reference data (`data/` at the repository root). */
export const DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));

/** A reference file failed its schema: the message names the file and the first bad field. */
export class ReferenceDataError extends Error {
  override readonly name = "ReferenceDataError";
}

export function readDataFile(relativePath: string): string {
  return readFileSync(`${DATA_DIR}${relativePath}`, "utf8");
}

/** Reads and validates a JSON reference file; a file that fails its schema stops start-up loudly. */
export function loadJson<S extends z.ZodType>(relativePath: string, schema: S): z.infer<S> {
  const parsed = schema.safeParse(JSON.parse(readDataFile(relativePath)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReferenceDataError(`data/${relativePath}: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}
