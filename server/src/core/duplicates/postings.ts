/**
 * A multimap from 32-bit fingerprints to paragraph ids in typed arrays: open addressing for the keys, linked
 * postings in a pooled array. Several times faster and far lighter than `Map<number, object[]>` for millions of
 * postings, and removal is per posting so one file's update touches only its own fingerprints.
 */
export class PostingTable {
  private keys: Uint32Array;
  /** First posting of each slot, -1 when empty; `used` marks slots that ever held a key. */
  private heads: Int32Array;
  private counts: Int32Array;
  private used: Uint8Array;
  private occupied = 0;
  private postPar: Int32Array;
  private postNext: Int32Array;
  private free = -1;
  private top = 0;

  constructor(capacity = 1 << 16) {
    this.keys = new Uint32Array(capacity);
    this.heads = new Int32Array(capacity).fill(-1);
    this.counts = new Int32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.postPar = new Int32Array(capacity);
    this.postNext = new Int32Array(capacity);
  }

  private slot(key: number, insert: boolean): number {
    const mask = this.keys.length - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      if (!this.used[i]) {
        if (!insert) return -1;
        this.used[i] = 1;
        this.keys[i] = key;
        this.occupied++;
        return i;
      }
      if (this.keys[i] === key) return i;
      i = (i + 1) & mask;
    }
  }

  add(key: number, par: number): void {
    if ((this.occupied + 1) * 2 > this.keys.length) this.growKeys();
    const s = this.slot(key >>> 0, true);
    let node = this.free;
    if (node >= 0) this.free = this.postNext[node];
    else {
      if (this.top === this.postPar.length) this.growPool();
      node = this.top++;
    }
    this.postPar[node] = par;
    this.postNext[node] = this.heads[s];
    this.heads[s] = node;
    this.counts[s]++;
  }

  remove(key: number, par: number): void {
    const s = this.slot(key >>> 0, false);
    if (s < 0) return;
    let prev = -1;
    for (let n = this.heads[s]; n >= 0; prev = n, n = this.postNext[n]) {
      if (this.postPar[n] !== par) continue;
      if (prev < 0) this.heads[s] = this.postNext[n];
      else this.postNext[prev] = this.postNext[n];
      this.postNext[n] = this.free;
      this.free = n;
      this.counts[s]--;
      return;
    }
  }

  count(key: number): number {
    const s = this.slot(key >>> 0, false);
    return s < 0 ? 0 : this.counts[s];
  }

  /** Calls `fn` with each paragraph id posted under `key`. */
  forEach(key: number, fn: (par: number) => void): void {
    const s = this.slot(key >>> 0, false);
    if (s < 0) return;
    for (let n = this.heads[s]; n >= 0; n = this.postNext[n]) fn(this.postPar[n]);
  }

  private growKeys(): void {
    const { keys, heads, counts, used } = this;
    const cap = keys.length * 2;
    this.keys = new Uint32Array(cap);
    this.heads = new Int32Array(cap).fill(-1);
    this.counts = new Int32Array(cap);
    this.used = new Uint8Array(cap);
    this.occupied = 0;
    for (let i = 0; i < keys.length; i++) {
      // Keys whose postings are all gone are dropped here.
      if (!used[i] || heads[i] < 0) continue;
      const s = this.slot(keys[i], true);
      this.heads[s] = heads[i];
      this.counts[s] = counts[i];
    }
  }

  private growPool(): void {
    const n = this.postPar.length * 2;
    const par = new Int32Array(n);
    par.set(this.postPar);
    const next = new Int32Array(n);
    next.set(this.postNext);
    this.postPar = par;
    this.postNext = next;
  }
}
