import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ChunkedList } from '../../server/src/core/people/chunkedList';

describe('ChunkedList', () => {
  it('keeps items in push order across chunk boundaries, like an array', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 200 }), fc.integer({ min: 0, max: 4 }), (items, shift) => {
        const list = new ChunkedList<number>(shift);
        for (const x of items) list.push(x);
        assert.equal(list.length, items.length);
        assert.deepEqual(list.chunkArrays.flat(), items);
        assert.ok(list.chunkArrays.every((c, i, all) => c.length === 1 << shift || i === all.length - 1));
      }),
    );
  });

  it('starts empty', () => {
    assert.equal(new ChunkedList<string>().length, 0);
  });
});
