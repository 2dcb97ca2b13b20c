import type { Database } from "../../db/database.ts";
import {
  markOutboxSent,
  type OutboxRow,
  recordOutboxFailure,
  unsentOutboxRows,
} from "../../db/repositories/outbox.ts";
import type { Logger } from "../logger.ts";

/** Where the relay sends events: Kafka, or the in-process dashboard hub. */
export interface EventPublisher {
  /** Publishes the rows in order; resolves once all are durably accepted, throws otherwise. */
  publish(rows: readonly OutboxRow[]): Promise<void>;
}

export interface RelayOptions {
  readonly batchSize?: number;
  /** Idle wait between polls when the outbox is empty (a `notify()` wakes it at once). */
  readonly pollMs?: number;
  /** Backoff after a failed publish: initialMs · 2^(failures−1), at most maxMs. */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

/**
 * Publishes unsent outbox rows in id order and marks them sent. A batch is marked only after the
 * publisher accepted all of it, and the next batch is not read before that, so events leave in
 * the order they were written (per key included) and none is lost while the broker is down: the
 * relay keeps retrying the same batch with exponential backoff. A batch that was partly written
 * before a failure is sent again; consumers de-duplicate by event_id.
 *
 * One relay per database: two relays would each read the same unsent rows.
 */
export class OutboxRelay {
  readonly #batchSize: number;
  readonly #pollMs: number;
  readonly #initialBackoffMs: number;
  readonly #maxBackoffMs: number;
  #running = false;
  #loop: Promise<void> | null = null;
  #wake: (() => void) | null = null;
  #failures = 0;

  constructor(
    private readonly db: Database,
    private readonly publisher: EventPublisher,
    private readonly logger: Logger,
    options: RelayOptions = {},
  ) {
    this.#batchSize = options.batchSize ?? 500;
    this.#pollMs = options.pollMs ?? 250;
    this.#initialBackoffMs = options.initialBackoffMs ?? 100;
    this.#maxBackoffMs = options.maxBackoffMs ?? 5_000;
  }

  /** Consecutive failed publishes (0 when the last one succeeded). */
  get failures(): number {
    return this.#failures;
  }

  /**
   * Publishes one batch. Returns how many rows were sent; throws (after recording the failure on
   * the rows) when the publisher fails.
   */
  async relayOnce(): Promise<number> {
    const rows = await unsentOutboxRows(this.db, this.#batchSize);
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.id);
    try {
      await this.publisher.publish(rows);
    } catch (error) {
      await recordOutboxFailure(this.db, ids, error instanceof Error ? error.message : String(error));
      throw error;
    }
    await markOutboxSent(this.db, ids);
    return rows.length;
  }

  /** Delay before the next attempt after `failures` consecutive failures. */
  backoffMs(failures: number): number {
    return Math.min(this.#maxBackoffMs, this.#initialBackoffMs * 2 ** Math.max(0, failures - 1));
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  /** Wakes the relay now (after a transaction that wrote events). */
  notify(): void {
    this.#wake?.();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.notify();
    await this.#loop;
    this.#loop = null;
  }

  async #run(): Promise<void> {
    while (this.#running) {
      let wait = this.#pollMs;
      try {
        const sent = await this.relayOnce();
        if (this.#failures > 0) this.logger.info({ after: this.#failures }, "outbox relay publishing again");
        this.#failures = 0;
        if (sent === this.#batchSize) continue;
        if (sent > 0) continue;
      } catch (error) {
        this.#failures += 1;
        wait = this.backoffMs(this.#failures);
        this.logger.warn(
          {
            failures: this.#failures,
            retryInMs: wait,
            error: error instanceof Error ? error.message : String(error),
          },
          "outbox relay could not publish; retrying",
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = null;
    }
  }
}
