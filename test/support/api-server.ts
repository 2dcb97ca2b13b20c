import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileFundListStore } from "../../src/data/fund-list-store.ts";
import { referenceData } from "../../src/data/reference-data.ts";
import type { Database } from "../../src/db/database.ts";
import { createApp } from "../../src/server/app.ts";
import { listen, type RunningServer } from "../../src/server/listen.ts";
import { createLogger } from "../../src/server/logger.ts";

/**
 * The API server on a free loopback port over `db`, with the vendored reference data, a fresh
 * fund-list folder, a silent logger and the given clock. Close it when done.
 */
export function listenForTests(db: Database, now: () => Date): Promise<RunningServer> {
  const refs = referenceData();
  const fundLists = new FileFundListStore(
    mkdtempSync(join(tmpdir(), "finplan-funds-")),
    refs.education.baselineFundLists,
  );
  return listen(createApp({ db, refs, fundLists, now, logger: createLogger("silent") }), 0, "127.0.0.1");
}
