import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { FundList, FundOption } from "../core/education/fund-list.ts";
import { ReferenceDataError } from "./reference-files.ts";

/**
 * Where plans' fund-list versions live. A file store today; a database repository can implement
 * the same interface later.
 */
export interface FundListStore {
  /** The newest version of a plan's list, or null when the plan has none. */
  latest(planId: string): FundList | null;
  /** Every version, oldest first (version 1 first). */
  versions(planId: string): FundList[];
  /** Stores `list` as the plan's next version and returns it with its version number. */
  save(planId: string, list: Omit<FundList, "planId" | "version">): FundList;
}

/** The store directory: $FINPLAN_HOME, or ./.finplan under the working directory. */
export function storeRoot(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return env.FINPLAN_HOME && env.FINPLAN_HOME.trim() !== "" ? env.FINPLAN_HOME : join(cwd, ".finplan");
}

const storedSchema = z.object({
  plan_id: z.string(),
  version: z.number().int().positive(),
  as_of: z.string(),
  source: z.string(),
  options: z.array(
    z.object({
      name: z.string().min(1),
      ticker: z.string().nullable(),
      type: z.string(),
      expense_ratio: z.number().min(0).max(0.05).nullable(),
      previous_name: z.string().nullable().optional(),
    }),
  ),
});

const VERSION_FILE = /^v(\d+)\.json$/;

/**
 * Versions in files: the vendored published lists are each plan's first versions (see
 * fund-lists.ts), and every ingested list is written as
 * `<root>/fund-lists/<plan-id>/v<N>.json`, numbered after them. A write goes to a temporary
 * file first and is then hard-linked to its final name, which fails rather than overwrites if
 * another process took that version meanwhile; either way no reader sees a half-written file.
 */
export class FileFundListStore implements FundListStore {
  constructor(
    private readonly root: string,
    private readonly baselines: ReadonlyMap<string, readonly FundList[]>,
  ) {}

  private dir(planId: string): string {
    return join(this.root, "fund-lists", planId);
  }

  versions(planId: string): FundList[] {
    const stored: FundList[] = [];
    const dir = this.dir(planId);
    if (existsSync(dir)) {
      for (const name of readdirSync(dir)) {
        const match = VERSION_FILE.exec(name);
        if (match) stored.push(this.read(join(dir, name), Number(match[1])));
      }
    }
    return [...(this.baselines.get(planId) ?? []), ...stored.sort((a, b) => a.version - b.version)];
  }

  latest(planId: string): FundList | null {
    const all = this.versions(planId);
    return all[all.length - 1] ?? null;
  }

  save(planId: string, list: Omit<FundList, "planId" | "version">): FundList {
    const version = this.versions(planId).length + 1;
    const saved: FundList = { ...list, planId, version };
    const dir = this.dir(planId);
    mkdirSync(dir, { recursive: true });
    const final = join(dir, `v${version}.json`);
    const temp = join(dir, `.v${version}.${process.pid}.${Date.now()}.tmp`);
    writeFileSync(temp, `${JSON.stringify(toStored(saved), null, 2)}\n`, { flag: "wx" });
    try {
      linkSync(temp, final);
    } finally {
      unlinkSync(temp);
    }
    return saved;
  }

  private read(path: string, version: number): FundList {
    const parsed = storedSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
    if (!parsed.success || parsed.data.version !== version) {
      throw new ReferenceDataError(`${path}: not a valid stored fund list`);
    }
    const d = parsed.data;
    return {
      planId: d.plan_id,
      version: d.version,
      asOf: d.as_of,
      source: d.source,
      options: d.options.map(
        (o): FundOption => ({
          name: o.name,
          ticker: o.ticker,
          type: o.type,
          expenseRatio: o.expense_ratio,
          previousName: o.previous_name ?? null,
        }),
      ),
    };
  }
}

function toStored(list: FundList) {
  return {
    plan_id: list.planId,
    version: list.version,
    as_of: list.asOf,
    source: list.source,
    options: list.options.map((o) => ({
      name: o.name,
      ticker: o.ticker,
      type: o.type,
      expense_ratio: o.expenseRatio,
      previous_name: o.previousName ?? null,
    })),
  };
}

/** The store the CLI and the server use: files under $FINPLAN_HOME or ./.finplan. */
export function defaultFundListStore(baseline: ReadonlyMap<string, readonly FundList[]>): FundListStore {
  return new FileFundListStore(storeRoot(), baseline);
}
