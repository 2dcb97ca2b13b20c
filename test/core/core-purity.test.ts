import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const CORE = new URL("../../src/core/", import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

describe("src/core stays pure", () => {
  // Lint forbids I/O imports in core; this catches what an import rule cannot: the clock and unseeded randomness.
  it.each(sourceFiles(CORE).map((file) => [file.slice(CORE.length), file]))(
    "%s reads no clock and no Math.random",
    (_, file) => {
      const text = readFileSync(file, "utf8");
      expect(text).not.toMatch(/Date\.now\(|new Date\(|Math\.random\(|performance\.now\(|process\./);
    },
  );
});
