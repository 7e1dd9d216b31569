import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Interner } from '../../server/src/core/text/intern';

/** The collector, made callable in this process. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

const heapUsed = (): number => v8.getHeapStatistics().used_heap_size;

describe('Interner', () => {
  it('gives one id per distinct string and finds it again', () => {
    const interner = new Interner();
    const a = interner.id('بوتين');
    assert.equal(interner.id('بوتين'), a);
    assert.notEqual(interner.id('بوتن'), a);
    assert.equal(interner.peek('بوتين'), a);
    assert.equal(interner.peek('ماكرون'), -1);
    assert.equal(interner.string(a), 'بوتين');
  });

  it('keeps no text alive through the spellings it holds (a word cut out of a long text)', () => {
    const gc = collector();
    const interner = new Interner();
    gc();
    const before = heapUsed();
    const spellings: string[] = [];
    for (let i = 0; i < 20; i++) {
      // A document of 1,000,000 characters (2 MB), each different, and one long word of it.
      const text = `${'كلمة '.repeat(200000)}${i}`;
      const word = text.slice(1000, 1030 + i);
      interner.id(word);
      spellings.push('كلمة '.repeat(10).slice(0, 30 + i));
    }
    gc();
    const kept = heapUsed() - before;
    // Twenty documents would be 40 MB; the spellings themselves are about 1 KB.
    assert.ok(kept < 8 * 1048576, `the table kept ${(kept / 1048576).toFixed(1)} MB`);
    spellings.forEach((s, i) => assert.equal(interner.string(i), s));
  });
});
