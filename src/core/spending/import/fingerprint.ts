/**
 * Deterministic transaction ids for formats without one (CSV). The id hashes the normalised
 * account, date, amount and description and appends an occurrence index: the n-th identical row
 * in a file gets `:n`. Two genuine identical coffees on one day therefore get two ids, and
 * importing the same file (or an export of an overlapping period covering whole days) again
 * yields the same ids, so nothing is imported twice and nothing genuine is merged.
 */

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex digits (two 32-bit lanes, no bigint). */
export function hash64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 15), 0x5bd1e995);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  return (h1 >>> 0).toString(16).padStart(8, "0") + ((h2 ^ (h2 >>> 16)) >>> 0).toString(16).padStart(8, "0");
}

/** Lower case, single spaces, trimmed: the form two exports of the same row agree on. */
export function normaliseDescription(description: string): string {
  return description.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Hands out `csv:<hash>:<occurrence>` ids, counting repeats of identical rows within one file. */
export class CsvFingerprinter {
  private readonly seen = new Map<string, number>();

  next(account: string, date: string, cents: bigint, description: string): string {
    const hash = hash64(`${account.toLowerCase()}|${date}|${cents}|${normaliseDescription(description)}`);
    const occurrence = this.seen.get(hash) ?? 0;
    this.seen.set(hash, occurrence + 1);
    return `csv:${hash}:${occurrence}`;
  }
}
