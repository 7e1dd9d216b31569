/** Sharing the message loop between long work and the messages of the client. */

/**
 * Lets the message loop run before the next step of long work. A timer, not setImmediate: the connection handles
 * one queued message per turn of the loop, so work resumed by setImmediate every turn would let a backlog of
 * messages wait one step each; a timer leaves the loop a millisecond of quick turns first.
 */
export function yieldToLoop(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}
