/**
 * A corpus-wide table of distinct strings (word spellings) with dense numeric ids, so indexes use typed arrays.
 * Scanned words are looked up by their spelling hash and compared in place: a string is made only for a spelling the
 * table has never seen.
 */
import { fnv, WordScan } from './scan';

export class Interner {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];
  /** Open addressing on the spelling hash: pairs (hash, id + 1), id 0 when empty; one memory access per probe. */
  private slots = new Int32Array(2 << 12);
  private hashes = new Uint32Array(1 << 10);
  /** The code units of every string, one after another (compared in place: no string objects touched). */
  private pool = new Uint16Array(1 << 14);
  private poolTop = 0;
  private offsets = new Int32Array((1 << 10) + 1);

  /** The id of a string, adding it when new. */
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(s, id);
      this.strings.push(s);
      this.index(id, s);
    }
    return id;
  }

  /** The id of word k's spelling, adding it when new. */
  idOfSpelling(scan: WordScan, k: number): number {
    const h = scan.spellingHashes[k] | 0;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let i = slotOf(h, mask); slots[2 * i + 1]; i = (i + 1) & mask) {
      if (slots[2 * i] !== h) continue;
      const id = slots[2 * i + 1] - 1;
      if (scan.spellingIn(k, this.pool, this.offsets[id], this.offsets[id + 1])) return id;
    }
    return this.id(scan.spelling(k));
  }

  /** The id of a known string, or -1. */
  peek(s: string): number {
    return this.ids.get(s) ?? -1;
  }

  string(id: number): string {
    return this.strings[id];
  }

  get size(): number {
    return this.strings.length;
  }

  private index(id: number, s: string): void {
    if (id >= this.hashes.length) {
      this.hashes = widen(this.hashes, new Uint32Array(this.hashes.length * 2));
      this.offsets = widen(this.offsets, new Int32Array(this.hashes.length + 1));
    }
    if (this.poolTop + s.length > this.pool.length) {
      this.pool = widen(this.pool, new Uint16Array(Math.max(this.pool.length * 2, this.poolTop + s.length)));
    }
    for (let i = 0; i < s.length; i++) this.pool[this.poolTop++] = s.charCodeAt(i);
    this.offsets[id + 1] = this.poolTop;
    this.hashes[id] = fnv(s);
    if ((id + 1) * 4 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let j = 0; j < id; j++) this.place(j);
    }
    this.place(id);
  }

  private place(id: number): void {
    const mask = (this.slots.length >> 1) - 1;
    const h = this.hashes[id] | 0;
    let i = slotOf(h, mask);
    while (this.slots[2 * i + 1]) i = (i + 1) & mask;
    this.slots[2 * i] = h;
    this.slots[2 * i + 1] = id + 1;
  }
}

function widen<T extends Uint16Array | Int32Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

function slotOf(h: number, mask: number): number {
  return (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
}
