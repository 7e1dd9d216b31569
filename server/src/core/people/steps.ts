/**
 * Work in steps: a long computation written as a generator that yields between small pieces of work, so that a host
 * with a message loop (the language server) can pause it, answer requests and resume it, or drop it when its input
 * changed. `runSteps` runs one to the end at once (the CLI).
 */

/** A computation that yields (nothing) between pieces of work and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs a computation in steps to its end. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Counts units of work and says when a yield is due: `if (pace.tick()) yield;` in a loop, with `weight` for units
 * costlier than the usual one. About a millisecond of work between two yields.
 */
export class Pace {
  private work = 0;
  constructor(private readonly every: number) {}

  tick(weight = 1): boolean {
    this.work += weight;
    if (this.work < this.every) return false;
    this.work = 0;
    return true;
  }
}

/**
 * Sorts an array in place like `Array.prototype.sort` (stable), in steps: a bottom-up merge sort that ticks the pace
 * once per comparison. For arrays whose sort alone takes longer than a step should (tens of thousands of people).
 */
export function* sortInSteps<T>(items: T[], compare: (a: T, b: T) => number, pace: Pace): Steps<T[]> {
  const n = items.length;
  let from = items.slice();
  let to = new Array<T>(n);
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      // The left run wins ties: equal items keep their order.
      while (i < mid && j < hi) {
        to[k++] = compare(from[j], from[i]) < 0 ? from[j++] : from[i++];
        if (pace.tick()) yield;
      }
      while (i < mid) to[k++] = from[i++];
      while (j < hi) to[k++] = from[j++];
    }
    [from, to] = [to, from];
  }
  for (let i = 0; i < n; i++) items[i] = from[i];
  return items;
}
