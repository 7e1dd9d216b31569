/**
 * A small set of 32-bit hashes for the hot path, emptied in constant time between uses (a stamp per slot): a
 * paragraph's shingles are made distinct with it in text order, and two paragraphs' shingles are intersected with it,
 * where sorting every paragraph's shingles took a tenth of the per-file analysis.
 */
export class HashSet32 {
  private keys = new Uint32Array(1024);
  private stamps = new Int32Array(1024);
  private stamp = 0;
  private mask = 1023;

  /** Empties the set, sized for up to `n` values (kept at most half full). */
  reset(n: number): void {
    let size = 64;
    while (size < 2 * n) size *= 2;
    if (size > this.keys.length) {
      this.keys = new Uint32Array(size);
      this.stamps = new Int32Array(size);
      this.stamp = 0;
    }
    this.mask = size - 1;
    if (++this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }

  /** Adds `h`; false when it was in the set already. */
  add(h: number): boolean {
    const { keys, stamps, stamp, mask } = this;
    let i = (h ^ (h >>> 16)) & mask;
    while (stamps[i] === stamp) {
      if (keys[i] === h) return false;
      i = (i + 1) & mask;
    }
    stamps[i] = stamp;
    keys[i] = h;
    return true;
  }

  has(h: number): boolean {
    const { keys, stamps, stamp, mask } = this;
    for (let i = (h ^ (h >>> 16)) & mask; stamps[i] === stamp; i = (i + 1) & mask) if (keys[i] === h) return true;
    return false;
  }
}
