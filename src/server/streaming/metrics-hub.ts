import type { MetricEvent } from "../../app/metric-event.ts";

/**
 * Fans metric events out to the open dashboard streams, each event once: an event_id seen before
 * (a relay retry, a consumer re-reading after a rebalance or a broker restart) is dropped. The
 * memory of seen ids is bounded (the most recent `rememberedIds`).
 */
export type MetricListener = (event: MetricEvent) => void;

export class MetricsHub {
  readonly #listeners = new Set<MetricListener>();
  readonly #closeHandlers = new Set<() => void>();
  readonly #seen = new Set<string>();
  readonly #order: string[] = [];
  #head = 0;
  #duplicates = 0;

  constructor(private readonly rememberedIds = 200_000) {}

  /** Delivers the event to every listener; false when it was a duplicate. */
  deliver(event: MetricEvent): boolean {
    if (this.#seen.has(event.event_id)) {
      this.#duplicates += 1;
      return false;
    }
    this.#remember(event.event_id);
    for (const listener of this.#listeners) listener(event);
    return true;
  }

  /** `onClose` runs when the hub closes (server shutdown), so open streams can end. */
  subscribe(listener: MetricListener, onClose?: () => void): () => void {
    this.#listeners.add(listener);
    if (onClose) this.#closeHandlers.add(onClose);
    return () => {
      this.#listeners.delete(listener);
      if (onClose) this.#closeHandlers.delete(onClose);
    };
  }

  close(): void {
    for (const handler of this.#closeHandlers) handler();
    this.#closeHandlers.clear();
    this.#listeners.clear();
  }

  get duplicatesDropped(): number {
    return this.#duplicates;
  }

  #remember(id: string): void {
    this.#seen.add(id);
    this.#order.push(id);
    if (this.#order.length - this.#head > this.rememberedIds) {
      this.#seen.delete(this.#order[this.#head] as string);
      this.#head += 1;
      if (this.#head > this.rememberedIds) {
        this.#order.splice(0, this.#head);
        this.#head = 0;
      }
    }
  }
}
