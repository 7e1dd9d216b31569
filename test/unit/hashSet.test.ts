/** The small hash set of the duplicate index's hot path, and the intersection of two paragraphs' shingles made with it. */
import * as assert from 'node:assert/strict';
import { HashSet32 } from '../../server/src/core/text/hashSet';
import { intersectionSize } from '../../server/src/core/duplicates/index';

/** Deterministic pseudo-random 32-bit values (a linear congruential generator), some of them repeated. */
function values(n: number, seed: number, range = 0x100000000): number[] {
  const out: number[] = [];
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.push(x % range);
  }
  return out;
}

describe('hash set of 32-bit hashes', () => {
  it('tells a value seen before from a new one, 0 and 2^32 - 1 included, and forgets everything on reset', () => {
    const set = new HashSet32();
    set.reset(4);
    assert.equal(set.add(0), true);
    assert.equal(set.add(0xffffffff), true);
    assert.equal(set.add(0), false);
    assert.equal(set.has(0xffffffff), true);
    assert.equal(set.has(1), false);
    set.reset(4);
    assert.equal(set.has(0), false);
    assert.equal(set.add(0), true);
  });

  it('keeps the distinct values of long runs with many repeats, as a JavaScript Set does, across resets and growth', () => {
    const set = new HashSet32();
    for (const [n, range] of [[10, 4], [300, 50], [5000, 1000], [40000, 0x100000000]] as const) {
      const run = values(n, n, range);
      set.reset(run.length);
      const kept = run.filter((v) => set.add(v));
      assert.deepEqual(kept, [...new Set(run)]);
      assert.ok(run.every((v) => set.has(v)));
      assert.ok(values(200, 7, 0x100000000).filter((v) => !run.includes(v)).every((v) => !set.has(v)));
    }
  });
});

describe('intersection of two runs of distinct shingles', () => {
  it('counts the values both runs hold, in any order, whichever run is longer', () => {
    const a = Uint32Array.from(new Set(values(400, 1, 600)));
    const b = Uint32Array.from(new Set(values(150, 2, 600)));
    const inB = new Set(b);
    const expected = [...a].filter((v) => inB.has(v)).length;
    assert.ok(expected > 10 && expected < b.length);
    assert.equal(intersectionSize(a, 0, a.length, b, 0, b.length), expected);
    assert.equal(intersectionSize(b, 0, b.length, a, 0, a.length), expected);
    // Runs inside larger arrays.
    const both = new Uint32Array([...a, ...b]);
    assert.equal(intersectionSize(both, 0, a.length, both, a.length, both.length), expected);
    assert.equal(intersectionSize(a, 0, 0, b, 0, b.length), 0);
  });
});
