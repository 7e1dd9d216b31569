/** Sharing the message loop between long work and the messages of the client. */

/**
 * Lets the message loop run before the next step of long work. A timer, not setImmediate: the connection handles
 * one queued message per turn of the loop, so work resumed by setImmediate every turn would let a backlog of
 * messages wait one step each; a timer leaves the loop a millisecond of quick turns first.
 */
export function yieldToLoop(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/** Work per slice of a request's long computation (ms). */
export const REQUEST_SLICE_MS = 8;

/**
 * Long work for a request, in slices: `if (!(await slices.pause())) return` between pieces lets the message loop run
 * once a slice is used up, and says false once the request is cancelled.
 */
export class Slices {
  private deadline: number;

  constructor(
    private readonly isCancelled: () => boolean = () => false,
    private readonly sliceMs = REQUEST_SLICE_MS,
  ) {
    this.deadline = performance.now() + sliceMs;
  }

  async pause(): Promise<boolean> {
    if (performance.now() >= this.deadline) {
      await yieldToLoop();
      this.deadline = performance.now() + this.sliceMs;
    }
    return !this.isCancelled();
  }
}
