/**
 * The fingerprint postings of an incremental duplicate index, kept in two parts:
 * - the base: every posting as the last batch of all near matches sorted them (parallel arrays, keys ascending; see
 *   batch.ts), looked up by binary search. Building it costs nothing more than the batch a first publication runs
 *   anyway, where adding every posting to a hash table during the load cost a fifth of the server's initial index
 *   (and three times the memory);
 * - the changes since: postings added after the base in a small `PostingTable`, and the paragraph ids whose base
 *   postings were removed (an id freed and given to another paragraph stays dead in the base: its new postings are
 *   among the added ones).
 *
 * Lookups see the union, exactly the postings a single table would hold. The next batch makes a new base of the
 * current postings and drops the changes.
 */
import { PostingList } from './batch';
import { PostingTable } from './postings';

export class PostingStore {
  private keys: Uint32Array = new Uint32Array(0);
  private ids: Int32Array = new Int32Array(0);
  /** 1 for a paragraph id whose base postings are gone. */
  private dead = new Uint8Array(0);
  private added = new PostingTable(1 << 4);

  /** Makes `sorted` (every current posting, keys ascending) the base, and forgets the changes. */
  setBase(sorted: PostingList): void {
    this.keys = sorted.keys.subarray(0, sorted.length);
    this.ids = sorted.ids.subarray(0, sorted.length);
    this.dead = new Uint8Array(0);
    this.added = new PostingTable(1 << 4);
  }

  add(key: number, id: number): void {
    this.added.add(key, id);
  }

  /** Removes a posting: one added since the base, else the id's postings in the base (all of them at once). */
  remove(key: number, id: number): void {
    if (this.added.remove(key, id)) return;
    if (id >= this.dead.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.dead.length * 2, 64));
      grown.set(this.dead);
      this.dead = grown;
    }
    this.dead[id] = 1;
  }

  /** The number of postings under `key`, counted up to `cap + 1` at most (enough to tell whether it exceeds `cap`). */
  count(key: number, cap = Infinity): number {
    const k = key >>> 0;
    return this.countFrom(this.lowerBound(k), k, cap);
  }

  /** Calls `fn` with each paragraph id posted under `key`, unless more than `limit` are (boilerplate). */
  forEach(key: number, fn: (id: number) => void, limit = Infinity): void {
    const k = key >>> 0;
    const from = this.lowerBound(k);
    if (this.countFrom(from, k, limit) > limit) return;
    const dead = this.dead;
    for (let i = from; i < this.keys.length && this.keys[i] === k; i++) {
      const id = this.ids[i];
      if (id >= dead.length || !dead[id]) fn(id);
    }
    this.added.forEach(k, fn);
  }

  /** `count` from the first base index of the key. */
  private countFrom(from: number, k: number, cap: number): number {
    let n = this.added.count(k);
    const dead = this.dead;
    for (let i = from; i < this.keys.length && this.keys[i] === k && n <= cap; i++) {
      const id = this.ids[i];
      if (id >= dead.length || !dead[id]) n++;
    }
    return Math.min(n, cap + 1);
  }

  /** The first base index whose key is at least `key`. */
  private lowerBound(key: number): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
