import type { SeenIds } from "./import-report.ts";
import { Uint32KeyTable } from "./uint32-table.ts";

/** The value of a lower-case hex digit's char code, or -1. */
function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * A set of transaction ids that stays small at a million rows. CSV ids (`csv:<64-bit hash>:<n>`)
 * are stored exactly as three 32-bit numbers in a typed-array table (16 bytes an id instead of a
 * string and a hash-table entry); any other id (OFX FITIDs) goes in an ordinary Set. Membership is exact: nothing is compared by a shortened hash.
 */
export class IdSet implements SeenIds {
  private readonly csv = new Uint32KeyTable();
  private readonly others = new Set<string>();
  /** The last CSV id parsed (`has` and `add` are usually called in turn with one id). */
  private lastId: string | null = null;
  private h1 = 0;
  private h2 = 0;
  private occurrence = 0;

  get size(): number {
    return this.csv.size + this.others.size;
  }

  has(id: string): boolean {
    if (!this.parse(id)) return this.others.has(id);
    return this.csv.get(this.h1, this.h2, this.occurrence) !== -1;
  }

  add(id: string): this {
    if (!this.parse(id)) this.others.add(id);
    else this.csv.increment(this.h1, this.h2, this.occurrence, 0);
    return this;
  }

  /** Reads `csv:<16 hex>:<n>` into h1, h2 and occurrence; false for any other id. */
  private parse(id: string): boolean {
    if (id === this.lastId) return true;
    if (id.length < 22 || id.length > 30 || !id.startsWith("csv:") || id.charCodeAt(20) !== 58) return false;
    let h1 = 0;
    let h2 = 0;
    for (let i = 0; i < 16; i++) {
      const digit = hexDigit(id.charCodeAt(4 + i));
      if (digit === -1) return false;
      if (i < 8) h1 = h1 * 16 + digit;
      else h2 = h2 * 16 + digit;
    }
    let occurrence = 0;
    for (let i = 21; i < id.length; i++) {
      const c = id.charCodeAt(i);
      if (c < 48 || c > 57) return false;
      occurrence = occurrence * 10 + (c - 48);
    }
    if (occurrence > 0xffffffff) return false;
    this.lastId = id;
    this.h1 = h1;
    this.h2 = h2;
    this.occurrence = occurrence;
    return true;
  }
}
