import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { WINNOW_WINDOW, winnowPositions } from '../../server/src/core/file';

/** Winnowing as defined: the rightmost minimum of every window, each position once. */
function winnowByDefinition(h: Uint32Array): number[] {
  if (!h.length) return [];
  if (h.length <= WINNOW_WINDOW) return [h.indexOf(Math.min(...h))];
  const out: number[] = [];
  for (let i = 0; i + WINNOW_WINDOW <= h.length; i++) {
    let m = i;
    for (let j = i + 1; j < i + WINNOW_WINDOW; j++) if (h[j] <= h[m]) m = j;
    if (out[out.length - 1] !== m) out.push(m);
  }
  return out;
}

describe('winnowing', () => {
  it('picks the rightmost minimum of every window, as the definition does (ties and runs included)', () => {
    // Small values make ties and equal runs frequent; large ones the usual case.
    const hashes = fc.oneof(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 200 }));
    fc.assert(
      fc.property(hashes, (values) => {
        const h = Uint32Array.from(values);
        assert.deepEqual([...winnowPositions(h, new Int32Array(h.length + 1))], winnowByDefinition(h));
      }),
      { numRuns: 2000 },
    );
  });
});
