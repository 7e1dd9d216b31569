/** Tables indexed by interned spelling ids (see `intern.ts`). */

/**
 * `table`, grown to hold index `id` (holes filled with undefined, at least doubling): a JS array written at scattered
 * large indexes turns into a slow dictionary.
 */
export function growTo<T>(table: (T | undefined)[], id: number): (T | undefined)[] {
  if (id >= table.length) for (let n = Math.max(id + 1, 2 * table.length, 1024); table.length < n; ) table.push(undefined);
  return table;
}

/**
 * A set of spelling ids as one bit each. Loops that test every word of every file against a few hundred spellings stay
 * in the processor's cache with it, where a byte per spelling of the corpus (hundreds of kilobytes) did not.
 */
export class IdBits {
  private readonly bits: Int32Array;

  /** For ids below `size`. */
  constructor(size: number) {
    this.bits = new Int32Array((size >>> 5) + 1);
  }

  add(id: number): void {
    this.bits[id >>> 5] |= 1 << (id & 31);
  }

  has(id: number): boolean {
    return (this.bits[id >>> 5] & (1 << (id & 31))) !== 0;
  }
}
