/** Long work shares the message loop: between two of its steps, a backlog of client messages moves several at a time. */
import * as assert from 'node:assert/strict';
import { yieldToLoop } from '../../server/src/lsp/loop';

describe('language server: message loop', () => {
  it('lets a backlog of messages, handled one per turn of the loop as the connection does, move several per step', async () => {
    let waiting = 100000;
    let handled = 0;
    // The connection's queue: one message per turn, the next turn asked for after each.
    const next = (): void => {
      setImmediate(() => {
        if (waiting <= 0) return;
        waiting--;
        handled++;
        next();
      });
    };
    next();
    const perStep: number[] = [];
    for (let step = 0; step < 50; step++) {
      const before = handled;
      await yieldToLoop();
      perStep.push(handled - before);
    }
    waiting = 0;
    assert.ok(perStep.every((n) => n >= 4), `messages handled per step: ${perStep.join(' ')}`);
  });
});
