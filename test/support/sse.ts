/** A Server-Sent Events reader for tests: collects `metric` events from a streaming response. */
export interface SseReader<T> {
  readonly events: T[];
  /** Resolves once `predicate` holds for the events received so far; rejects after `timeoutMs`. */
  waitFor(predicate: (events: T[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

export async function openSse<T>(url: string, token: string): Promise<SseReader<T>> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`SSE answered ${response.status}`);
  const events: T[] = [];
  const waiters = new Set<() => void>();
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (type === "ready") ready();
          if (type === "metric" && data) {
            events.push(JSON.parse(data) as T);
            for (const waiter of waiters) waiter();
          }
          end = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  await isReady;
  return {
    events,
    waitFor(predicate, timeoutMs = 20_000) {
      if (predicate(events)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(events)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SSE condition not met within ${timeoutMs} ms (${events.length} events)`));
        }, timeoutMs);
        waiters.add(check);
      });
    },
    close: () => controller.abort(),
  };
}
