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
