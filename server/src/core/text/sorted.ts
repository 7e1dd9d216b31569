/** Sorted sequences: binary search, and the order strings sort in. */

/**
 * The first index of [0, length) whose item is not before the one sought, or `length`: `before(i)` must hold for a
 * prefix of the indices and for none after it.
 */
export function lowerBound(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Compares strings by UTF-16 code units: the order `Array.prototype.sort` gives strings, as a comparator. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
