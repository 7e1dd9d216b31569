/** Sharing the message loop between long work and the messages of the client. */

/** At most this long between two timer turns of long work (ms). */
const BREATHER_EVERY_MS = 25;
let lastBreather = 0;

/**
 * Lets the message loop run before the next step of long work. The connection handles one queued message per turn of
 * the loop, so work resumed by setImmediate every turn would let a backlog of messages wait one step each: at least
 * every 25 ms the work waits for a timer instead, which leaves the loop a millisecond of quick turns to drain it.
 */
export function yieldToLoop(): Promise<void> {
  const now = performance.now();
  if (now - lastBreather < BREATHER_EVERY_MS) return new Promise<void>((resolve) => setImmediate(resolve));
  lastBreather = now;
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
