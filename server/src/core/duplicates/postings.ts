/**
 * A multimap from 32-bit fingerprints to paragraph ids in typed arrays: open addressing for the keys, linked
 * postings in a pooled array. Several times faster and far lighter than `Map<number, object[]>` for millions of
 * postings, and removal is per posting so one file's update touches only its own fingerprints.
 *
 * A slot's key, first posting and count sit side by side (one cache line per probe): most fingerprints are held by
 * one paragraph only, and a lookup then costs a single memory access.
 */
const STRIDE = 4;
/** Offsets within a slot. */
const KEY = 0;
/** First posting + 1 (0: no postings left). */
const HEAD = 1;
const COUNT = 2;
/** 1 when the slot ever held a key. */
const USED = 3;

export class PostingTable {
  private slots: Int32Array;
  private occupied = 0;
  private postPar: Int32Array;
  private postNext: Int32Array;
  private free = -1;
  private top = 0;

  constructor(capacity = 1 << 16) {
    this.slots = new Int32Array(capacity * STRIDE);
    this.postPar = new Int32Array(capacity);
    this.postNext = new Int32Array(capacity);
  }

  private get capacity(): number {
    return this.slots.length / STRIDE;
  }

  /** The slot offset of `key` (already as int32), or -1 when absent and not inserting. */
  private slot(key: number, insert: boolean): number {
    const slots = this.slots;
    const mask = this.capacity - 1;
    let i = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const at = i * STRIDE;
      if (!slots[at + USED]) {
        if (!insert) return -1;
        slots[at + USED] = 1;
        slots[at + KEY] = key;
        this.occupied++;
        return at;
      }
      if (slots[at + KEY] === key) return at;
      i = (i + 1) & mask;
    }
  }

  add(key: number, par: number): void {
    if ((this.occupied + 1) * 2 > this.capacity) this.growKeys();
    const s = this.slot(key | 0, true);
    let node = this.free;
    if (node >= 0) this.free = this.postNext[node];
    else {
      if (this.top === this.postPar.length) this.growPool(this.postPar.length * 2);
      node = this.top++;
    }
    this.postPar[node] = par;
    this.postNext[node] = this.slots[s + HEAD] - 1;
    this.slots[s + HEAD] = node + 1;
    this.slots[s + COUNT]++;
  }

  /** Removes one posting; false when it was not there. */
  remove(key: number, par: number): boolean {
    const s = this.slot(key | 0, false);
    if (s < 0) return false;
    let prev = -1;
    for (let n = this.slots[s + HEAD] - 1; n >= 0; prev = n, n = this.postNext[n]) {
      if (this.postPar[n] !== par) continue;
      if (prev < 0) this.slots[s + HEAD] = this.postNext[n] + 1;
      else this.postNext[prev] = this.postNext[n];
      this.postNext[n] = this.free;
      this.free = n;
      this.slots[s + COUNT]--;
      return true;
    }
    return false;
  }

  count(key: number): number {
    const s = this.slot(key | 0, false);
    return s < 0 ? 0 : this.slots[s + COUNT];
  }

  /**
   * Calls `fn` with each paragraph id posted under `key`, unless more than `limit` are (boilerplate). Returns the
   * number of postings under the key.
   */
  forEach(key: number, fn: (par: number) => void, limit = Infinity): number {
    const s = this.slot(key | 0, false);
    if (s < 0) return 0;
    const count = this.slots[s + COUNT];
    if (count > limit) return count;
    for (let n = this.slots[s + HEAD] - 1; n >= 0; n = this.postNext[n]) fn(this.postPar[n]);
    return count;
  }

  private growKeys(): void {
    this.rehash(this.capacity * 2);
  }

  private rehash(capacity: number): void {
    const old = this.slots;
    this.slots = new Int32Array(capacity * STRIDE);
    this.occupied = 0;
    for (let at = 0; at < old.length; at += STRIDE) {
      // Keys whose postings are all gone are dropped here.
      if (!old[at + USED] || old[at + HEAD] === 0) continue;
      const s = this.slot(old[at + KEY], true);
      this.slots[s + HEAD] = old[at + HEAD];
      this.slots[s + COUNT] = old[at + COUNT];
    }
  }

  private growPool(n: number): void {
    const par = new Int32Array(n);
    par.set(this.postPar);
    const next = new Int32Array(n);
    next.set(this.postNext);
    this.postPar = par;
    this.postNext = next;
  }
}
