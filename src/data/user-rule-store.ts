import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { Money } from "../core/money.ts";
import { CATEGORIES } from "../core/spending/categories.ts";
import type { RuleConditions, UserRule } from "../core/spending/categorizer.ts";
import { writeFileAtomically } from "./finplan-home.ts";
import { ReferenceDataError } from "./reference-files.ts";

/** The household's own categorization rules, kept as `<home>/rules.json` (written atomically). */
export interface UserRuleStore {
  list(): UserRule[];
  /** Stores a rule with the next id (`user:<n>`) and returns it. */
  add(rule: Omit<UserRule, "id">): UserRule;
}

const stored = z.array(
  z.object({
    id: z.string(),
    category: z.enum(CATEGORIES),
    reason: z.string(),
    when: z.object({
      contains: z.string().optional(),
      regex: z.string().optional(),
      min_amount: z.string().optional(),
      max_amount: z.string().optional(),
      account: z.string().optional(),
      direction: z.enum(["in", "out"]).optional(),
    }),
  }),
);

export class FileUserRuleStore implements UserRuleStore {
  private readonly path: string;

  constructor(home: string) {
    this.path = join(home, "rules.json");
  }

  list(): UserRule[] {
    if (!existsSync(this.path)) return [];
    const parsed = stored.safeParse(JSON.parse(readFileSync(this.path, "utf8")));
    if (!parsed.success) throw new ReferenceDataError(`${this.path}: ${parsed.error.issues[0]?.message}`);
    return parsed.data.map((r) => {
      const when: RuleConditions = {
        ...(r.when.contains === undefined ? {} : { contains: r.when.contains }),
        ...(r.when.regex === undefined ? {} : { regex: r.when.regex }),
        ...(r.when.min_amount === undefined ? {} : { minAmount: Money.parse(r.when.min_amount) }),
        ...(r.when.max_amount === undefined ? {} : { maxAmount: Money.parse(r.when.max_amount) }),
        ...(r.when.account === undefined ? {} : { account: r.when.account }),
        ...(r.when.direction === undefined ? {} : { direction: r.when.direction }),
      };
      return { id: r.id, category: r.category, reason: r.reason, when };
    });
  }

  add(rule: Omit<UserRule, "id">): UserRule {
    const rules = this.list();
    const next = rules.reduce((max, r) => Math.max(max, Number(r.id.replace("user:", "")) || 0), 0) + 1;
    const added: UserRule = { ...rule, id: `user:${next}` };
    const serialised = [...rules, added].map((r) => ({
      id: r.id,
      category: r.category,
      reason: r.reason,
      when: {
        contains: r.when.contains,
        regex: r.when.regex,
        min_amount: r.when.minAmount?.toString(),
        max_amount: r.when.maxAmount?.toString(),
        account: r.when.account,
        direction: r.when.direction,
      },
    }));
    writeFileAtomically(this.path, `${JSON.stringify(serialised, null, 2)}\n`);
    return added;
  }
}
