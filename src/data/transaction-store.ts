import { createReadStream, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Money } from "../core/money.ts";
import { IdSet } from "../core/spending/import/id-set.ts";
import type { Transaction } from "../core/spending/transaction.ts";
import { AtomicFile } from "./finplan-home.ts";

/**
 * The household's ledger of imported transactions. A later issue puts it in Postgres; until then
 * FileTransactionStore keeps it as JSON-lines batch files. Callers depend on this interface only.
 */
export interface TransactionStore {
  /** Ids of every stored transaction, for duplicate-safe re-import. */
  knownIds(): Promise<IdSet>;
  /** Every stored transaction, streamed. */
  transactions(): AsyncIterable<Transaction>;
  /** Starts an import batch: nothing is visible until `commit`, and `abort` leaves no trace. */
  beginBatch(): LedgerBatch;
}

export interface LedgerBatch {
  add(transaction: Transaction): void;
  commit(): void;
  abort(): void;
  readonly count: number;
}

interface StoredTransaction {
  id: string;
  account: string;
  date: string;
  amount: string;
  description: string;
  mcc?: number;
}

/**
 * One file per import under `<home>/ledger/`, named `import-<n>.jsonl` and written atomically
 * (temporary file, fsync, rename), so an interrupted import leaves the ledger as it was. An import
 * that adds nothing writes no file.
 */
export class FileTransactionStore implements TransactionStore {
  private readonly directory: string;

  constructor(home: string) {
    this.directory = join(home, "ledger");
  }

  private batchFiles(): string[] {
    if (!existsSync(this.directory)) return [];
    return readdirSync(this.directory)
      .filter((name) => /^import-\d+\.jsonl$/.test(name))
      .sort()
      .map((name) => join(this.directory, name));
  }

  async knownIds(): Promise<IdSet> {
    const ids = new IdSet();
    for await (const t of this.transactions()) ids.add(t.id);
    return ids;
  }

  async *transactions(): AsyncIterable<Transaction> {
    for (const file of this.batchFiles()) {
      const lines = createInterface({
        input: createReadStream(file, "utf8"),
        crlfDelay: Number.POSITIVE_INFINITY,
      });
      for await (const line of lines) {
        if (line.trim() === "") continue;
        const stored = JSON.parse(line) as StoredTransaction;
        yield {
          id: stored.id,
          account: stored.account,
          date: stored.date,
          amount: Money.parse(stored.amount),
          description: stored.description,
          ...(stored.mcc === undefined ? {} : { mcc: stored.mcc }),
        };
      }
    }
  }

  beginBatch(): LedgerBatch {
    const next = this.batchFiles().length + 1;
    const path = join(this.directory, `import-${String(next).padStart(6, "0")}.jsonl`);
    let file: AtomicFile | null = null;
    let count = 0;
    return {
      add(t) {
        file ??= new AtomicFile(path);
        const stored: StoredTransaction = {
          id: t.id,
          account: t.account,
          date: t.date,
          amount: t.amount.toString(),
          description: t.description,
          ...(t.mcc === undefined ? {} : { mcc: t.mcc }),
        };
        file.write(`${JSON.stringify(stored)}\n`);
        count++;
      },
      commit() {
        file?.commit();
      },
      abort() {
        file?.abort();
      },
      get count() {
        return count;
      },
    };
  }
}
