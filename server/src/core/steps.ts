/**
 * Step-wise computations: generators that yield between pieces of work of a few milliseconds at most, so a host that
 * must keep answering (the language server) can spread a long corpus-wide computation over many turns, while a
 * one-shot host (the CLI) runs it to its end at once.
 */
export type Steps<T> = Generator<void, T>;

/** Runs a step-wise computation to its end. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Advances a computation until it ends (its result, wrapped) or `shouldStop()` says so between two steps (null). */
export function advance<T>(steps: Steps<T>, shouldStop: () => boolean): { value: T } | null {
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value };
    if (shouldStop()) return null;
  }
}
