/**
 * A hash table from a key of three 32-bit numbers to a small count, in one typed array (open
 * addressing, linear probing, 16 bytes a slot), for the million-row paths of an import where a
 * Map of strings would cost hundreds of megabytes. Slot i holds the key at 4i…4i+2 and the value
 * + 1 at 4i+3 (0 marks an empty slot). The caller supplies well-mixed hashes.
 */
export class Uint32KeyTable {
  private table = new Uint32Array((1 << 12) * 4);
  private capacity = 1 << 12;
  size = 0;
  /** The slot of the last key looked up, so `get` then `increment` of one key probes once. */
  private lastSlot = -1;
  private lastA = 0;
  private lastB = 0;
  private lastC = 0;

  /** The value stored for the key, or -1. */
  get(a: number, b: number, c: number): number {
    return this.table[this.slotOf(a, b, c) * 4 + 3]! - 1;
  }

  /** Adds `by` to the key's value (a new key starts at 0) and returns the value before. */
  increment(a: number, b: number, c: number, by = 1): number {
    if (this.size * 4 >= this.capacity * 3) this.grow();
    const at = this.slotOf(a, b, c) * 4;
    const stored = this.table[at + 3]!;
    if (stored === 0) {
      this.table[at] = a;
      this.table[at + 1] = b;
      this.table[at + 2] = c;
      this.size++;
    }
    this.table[at + 3] = (stored === 0 ? 1 : stored) + by;
    return stored === 0 ? 0 : stored - 1;
  }

  private slotOf(a: number, b: number, c: number): number {
    if (this.lastSlot === -1 || this.lastA !== a || this.lastB !== b || this.lastC !== c) {
      this.lastSlot = findSlot(this.table, this.capacity, a, b, c);
      this.lastA = a;
      this.lastB = b;
      this.lastC = c;
    }
    return this.lastSlot;
  }

  private grow(): void {
    this.lastSlot = -1;
    const old = this.table;
    const capacity = this.capacity * 2;
    const table = new Uint32Array(capacity * 4);
    for (let at = 0; at < old.length; at += 4) {
      if (old[at + 3] === 0) continue;
      const slot = findSlot(table, capacity, old[at]!, old[at + 1]!, old[at + 2]!) * 4;
      table[slot] = old[at]!;
      table[slot + 1] = old[at + 1]!;
      table[slot + 2] = old[at + 2]!;
      table[slot + 3] = old[at + 3]!;
    }
    this.table = table;
    this.capacity = capacity;
  }
}

/** The slot holding the key, or the empty slot where it would go. */
function findSlot(table: Uint32Array, capacity: number, a: number, b: number, c: number): number {
  const mask = capacity - 1;
  let slot = (a ^ Math.imul(b + c, 0x9e3779b1)) & mask;
  for (;;) {
    const at = slot * 4;
    if (table[at + 3] === 0 || (table[at] === a && table[at + 1] === b && table[at + 2] === c)) return slot;
    slot = (slot + 1) & mask;
  }
}
