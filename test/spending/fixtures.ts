import { readFileSync } from "node:fs";
import { importStatement } from "../../src/core/spending/import/statement-import.ts";

export const FIXTURES = new URL("../fixtures/spending/", import.meta.url);

export function fixturePath(name: string): string {
  return new URL(name, FIXTURES).pathname;
}

export function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), "utf8");
}

/** Imports a fixture with its file name as the fallback account. */
export function importFixture(name: string, seen: Set<string> = new Set()) {
  return importStatement(fixture(name), { fallbackAccount: name }, seen);
}
