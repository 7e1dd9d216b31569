/** Sharing the message loop between long work and the messages of the client. */
import { advance, Steps } from '../core/steps';

/** At most this long between two longer breathers of long work (ms). */
const BREATHER_EVERY_MS = 25;
let lastBreather = 0;

/** Turns of the message loop long work leaves between two steps. */
const TURNS_PER_YIELD = 4;
/** Turns of the message loop a breather leaves. */
const TURNS_PER_BREATHER = 64;

/**
 * Lets the message loop run before the next step of long work. The connection handles one queued message per turn of
 * the loop, so work resumed after one turn would let a backlog of messages (a client asking every few milliseconds)
 * wait one step each: the work resumes after a few turns (a turn with nothing to do costs microseconds), and at least
 * every 25 ms after many more, which drains a longer backlog. Each turn polls for input without waiting for it: a
 * breather that waited for a timer instead left the server idle for a millisecond every 25 (4% of an initial index).
 */
export async function yieldToLoop(): Promise<void> {
  const now = performance.now();
  const breather = now - lastBreather >= BREATHER_EVERY_MS;
  if (breather) lastBreather = now;
  const turns = breather ? TURNS_PER_BREATHER : TURNS_PER_YIELD;
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
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

/** Resolves when `p` settles or after `ms`, whichever comes first. */
export async function settledWithin(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/**
 * Runs step-wise work (`work(shouldStop)` is true once done) in slices of about `sliceMs` with turns of the message loop
 * between them. False when `superseded()` says so after a turn.
 */
export async function inSlices(work: (shouldStop: () => boolean) => boolean, superseded: () => boolean, sliceMs: number): Promise<boolean> {
  for (;;) {
    const deadline = performance.now() + sliceMs;
    if (work(() => performance.now() >= deadline)) return true;
    await yieldToLoop();
    if (superseded()) return false;
  }
}

/** `inSlices` for a step-wise computation: its result, wrapped, or undefined once `superseded()` says so. */
export async function stepsInSlices<T>(steps: Steps<T>, superseded: () => boolean, sliceMs: number): Promise<{ value: T } | undefined> {
  let done: { value: T } | null = null;
  const finished = await inSlices((stop) => (done = advance(steps, stop)) !== null, superseded, sliceMs);
  return finished ? done! : undefined;
}
