import type { MetricEvent } from "./metric-event.ts";

/**
 * Fans metric events out to the open dashboard streams, each event once: an event_id seen before
 * (a relay retry, a consumer re-reading after a rebalance or a broker restart) is dropped. The
 * memory of seen ids is bounded (the most recent `rememberedIds`).
 */
export type MetricListener = (event: MetricEvent) => void;

export class MetricsHub {
  readonly #listeners = new Set<MetricListener>();
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

  subscribe(listener: MetricListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
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
