import { Uint32KeyTable } from "./uint32-table.ts";

/**
 * Deterministic transaction ids for formats without one (CSV). The id hashes the normalised
 * account, date, amount and description and appends an occurrence index: the n-th identical row
 * in a file gets `:n`. Two genuine identical coffees on one day therefore get two ids, and
 * importing the same file (or an export of an overlapping period covering whole days) again
 * yields the same ids, so nothing is imported twice and nothing genuine is merged.
 *
 * Normalised: account and description lower-cased, runs of whitespace as one space, trimmed.
 * The hash is 64 bits (two 32-bit FNV-1a lanes with a murmur-style finaliser), computed over the
 * parts without building intermediate strings, and occurrences are counted in a typed-array
 * table, so a million-row file costs a few tens of megabytes, not hundreds.
 */

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160;
}

function finish(h: number, a: number, b: number): number {
  let x = Math.imul(h ^ (h >>> 16), a);
  x = Math.imul(x ^ (x >>> 13), b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Four hex digits for every 16-bit value: ids are built from table lookups, not toString(16). */
const HEX4 = Array.from({ length: 1 << 16 }, (_, i) => i.toString(16).padStart(4, "0"));
const hex8 = (n: number) => HEX4[n >>> 16]! + HEX4[n & 0xffff]!;

/** Hands out `csv:<hash>:<occurrence>` ids, counting repeats of identical rows within one file. */
export class CsvFingerprinter {
  private readonly occurrences = new Uint32KeyTable();
  private lane1 = 0;
  private lane2 = 0;

  next(account: string, date: string, cents: bigint, description: string): string {
    this.lane1 = 0x811c9dc5;
    this.lane2 = 0xcbf29ce4;
    this.feed(account, true);
    this.feed(date, false);
    this.feed(cents.toString(), false);
    this.feed(description, true);
    const h1 = finish(this.lane1, 0x85ebca6b, 0xc2b2ae35);
    const h2 = finish(this.lane2 ^ h1, 0xcc9e2d51, 0x1b873593);
    const occurrence = this.occurrences.increment(h1, h2, 0);
    return `csv:${hex8(h1)}${hex8(h2)}:${occurrence}`;
  }

  /**
   * Feeds one part followed by a separator (0x1f). `normalise`: lower case, whitespace runs as
   * one space, ends trimmed.
   */
  private feed(text: string, normalise: boolean): void {
    let l1 = this.lane1;
    let l2 = this.lane2;
    let pendingSpace = false;
    let started = false;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (normalise) {
        if (isSpace(c)) {
          pendingSpace = started;
          continue;
        }
        if (pendingSpace) {
          l1 = Math.imul(l1 ^ 32, 0x01000193);
          l2 = Math.imul(l2 ^ 32, 0x5bd1e995);
          pendingSpace = false;
        }
        started = true;
        if (c >= 65 && c <= 90) c += 32;
        else if (c > 127) c = String.fromCharCode(c).toLowerCase().charCodeAt(0);
      }
      l1 = Math.imul(l1 ^ c, 0x01000193);
      l2 = Math.imul(l2 ^ c, 0x5bd1e995);
    }
    this.lane1 = Math.imul(l1 ^ 0x1f, 0x01000193);
    this.lane2 = Math.imul(l2 ^ 0x1f, 0x5bd1e995);
  }
}
