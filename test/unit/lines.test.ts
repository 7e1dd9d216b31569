/** Line starts and ends against a plain split on `\r\n`, `\r` and `\n` (the LSP's line breaks). */
import * as assert from 'node:assert';
import fc from 'fast-check';
import { indexLines } from '../../server/src/core/text/lines';

function byRegex(text: string): { starts: number[]; ends: number[] } {
  const starts = [0];
  const ends: number[] = [];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) {
    ends.push(m.index);
    starts.push(m.index + m[0].length);
  }
  ends.push(text.length);
  return { starts, ends };
}

describe('line index', () => {
  it('splits on \\n alone, on \\r\\n and on a lone \\r, as a split on all three does', () => {
    const text = fc.array(fc.constantFrom('a', 'ب', ' ', '\n', '\r', '\r\n', '\n\n'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const { starts, ends, length } = indexLines(t);
        assert.deepEqual({ starts, ends }, byRegex(t));
        assert.equal(length, t.length);
      }),
      { numRuns: 500 },
    );
  });

  it('gives one empty line for an empty text and a last empty line after a final break', () => {
    assert.deepEqual(indexLines('').starts, [0]);
    assert.deepEqual(indexLines('').ends, [0]);
    assert.deepEqual(indexLines('سطر\n').starts, [0, 4]);
    assert.deepEqual(indexLines('سطر\n').ends, [3, 4]);
  });
});
