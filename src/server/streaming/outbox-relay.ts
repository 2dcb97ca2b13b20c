import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Database } from "../../db/database.ts";
import {
  claimRelayLease,
  markOutboxSent,
  type OutboxRow,
  recordOutboxFailure,
  releaseRelayLease,
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
  /**
   * How long the outbox lease lasts without renewal. A relay renews it before every batch, so this
   * only bounds how long the others wait after a holder died without giving it up.
   */
  readonly leaseMs?: number;
  /** Names this relay in the lease (default: host, process id and a random suffix). */
  readonly holder?: string;
}

/** How often a relay without the lease asks for it. */
const FOLLOWER_POLL_MS = 1_000;

/**
 * Publishes unsent outbox rows in id order and marks them sent. A batch is marked only after the
 * publisher accepted all of it, and the next batch is not read before that, so events leave in
 * the order they were written (per key included) and none is lost while the broker is down: the
 * relay keeps retrying the same batch with exponential backoff. A batch that was partly written
 * before a failure is sent again; consumers de-duplicate by event_id.
 *
 * Several servers may share a database, each with a relay: only the holder of the outbox lease
 * (see migration 0006) publishes, the others wait and take over when it stops or its lease
 * expires. So rows are not sent twice by two relays at once, and they leave in id order.
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
  readonly #leaseMs: number;
  readonly #holder: string;
  #leader = false;
  /** Whether the lease was asked for yet (the first answer is logged differently). */
  #asked = false;

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
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#holder = options.holder ?? `${hostname()} pid ${process.pid} ${randomUUID().slice(0, 8)}`;
  }

  /** Whether this relay held the outbox lease at its last batch: it is the one publishing. */
  get leader(): boolean {
    return this.#leader;
  }

  /** Consecutive failed publishes (0 when the last one succeeded). */
  get failures(): number {
    return this.#failures;
  }

  /**
   * Publishes one batch. Returns how many rows were sent, or null when another relay holds the
   * outbox lease (nothing was read); throws (after recording the failure on the rows) when the
   * publisher fails.
   */
  async relayOnce(): Promise<number | null> {
    const leader = await claimRelayLease(this.db, this.#holder, this.#leaseMs);
    const first = !this.#asked;
    this.#asked = true;
    if (first || leader !== this.#leader) {
      // Publishing from the start is the usual case; a follower or a hand-over is worth a line.
      this.logger[first && leader ? "debug" : "info"](
        { holder: this.#holder },
        leader ? "outbox relay holds the lease: publishing" : "another server's relay holds the outbox lease",
      );
      this.#leader = leader;
    }
    if (!leader) return null;
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
    await this.releaseLease();
  }

  /** Gives up the outbox lease (if held), so another server's relay takes over without waiting. */
  async releaseLease(): Promise<void> {
    await releaseRelayLease(this.db, this.#holder);
    this.#leader = false;
  }

  async #run(): Promise<void> {
    while (this.#running) {
      let wait = this.#pollMs;
      try {
        const sent = await this.relayOnce();
        if (this.#failures > 0) this.logger.info({ after: this.#failures }, "outbox relay publishing again");
        this.#failures = 0;
        // A relay without the lease asks again only now and then: the holder renews it often.
        if (sent === null) wait = Math.max(this.#pollMs, FOLLOWER_POLL_MS);
        else if (sent > 0) continue;
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
