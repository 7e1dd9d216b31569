import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Interner } from '../../server/src/core/text/intern';
import { WordScan } from '../../server/src/core/text/scan';

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

  it('adds a scanned spelling under the hashes its string has: found again by the string, never added twice', () => {
    const interner = new Interner();
    // Plain words, a word with a tatweel and one with diacritics (their spellings leave those out), Latin and digits.
    const scan = new WordScan('قال بوتين إن بوتـين وبُوتِين في Moscow 2024 قال');
    const ids = Array.from({ length: scan.count }, (_, k) => interner.idOfSpelling(scan, k));
    const size = interner.size;
    for (let k = 0; k < scan.count; k++) {
      assert.equal(interner.peek(scan.spelling(k)), ids[k], scan.spelling(k));
      assert.equal(interner.id(scan.spelling(k)), ids[k]);
    }
    assert.equal(interner.size, size);
    assert.deepEqual([...new Set(ids.map((id) => interner.string(id)))], ['قال', 'بوتين', 'إن', 'وبوتين', 'في', 'Moscow', '2024']);
  });
});
