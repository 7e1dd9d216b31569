/** A file's word summary against every occurrence read one by one (`collectWords`, the same words and filters). */
import * as assert from 'node:assert';
import { collectWords, summarizeWords, wordsOfRanges } from '../../server/src/core/names/words';
import { Interner } from '../../server/src/core/text/intern';
import { WordScan } from '../../server/src/core/text/scan';

const LETTERS = 'بتثجحخدذرزسشصضطظعغفقكمنهة';
const FATHA = '\u064e';

/** `count` distinct words of three letters or more (none of them a function word or a title). */
function distinctWords(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    let w = 'سم';
    for (let x = i; ; x = Math.floor(x / LETTERS.length)) {
      w += LETTERS[x % LETTERS.length];
      if (x < LETTERS.length) break;
    }
    out.push(w);
  }
  return out;
}

function summaryOf(text: string) {
  const lines: number[] = [];
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    lines.push(start, stop);
    start = stop + 1;
  }
  const ranges = Int32Array.from(lines);
  const scan = new WordScan(text);
  const interner = new Interner();
  const summary = summarizeWords(scan, wordsOfRanges(scan, ranges), interner);
  const spellings = Array.from(summary.ids, (id) => interner.string(id));
  return { summary, spellings, occurrences: collectWords(text, { ranges }) };
}

describe('words of a few spellings', () => {
  it('are found by searching the text as by reading every word (spellings led by frequent letters, inside longer words)', () => {
    const text = ['والعامة العامة للعامة العامةُ', 'الأمانة العامة للأمم المتحدة؛ العامة.', 'ومن من مني منى'].join('\n');
    const ranges = Int32Array.from([0, 29, 30, 67, 68, 82]);
    assert.equal(text.length, 82);
    const only = new Set(['العامة', 'والعامة', 'من', 'منى']);
    const all = collectWords(text, { ranges });
    const searched = collectWords(text, { ranges }, only, false);
    assert.deepEqual([...searched.keys()].sort(), [...only].filter((s) => all.has(s)).sort());
    for (const [s, w] of searched) {
      assert.deepEqual(w.starts, all.get(s)!.starts, s);
      assert.deepEqual(w.neighbors, all.get(s)!.neighbors, s);
    }
  });
});

describe('word summaries', () => {
  for (const distinct of [300, 40000]) {
    it(`count every spelling of a file with ${distinct} distinct words, in the order they first occur`, () => {
      // 40,000 distinct words fill more than half of the largest table a file starts with: it is counted again.
      const words = distinctWords(distinct);
      const written: string[] = [];
      words.forEach((w, i) => {
        for (let r = 0; r <= i % 3; r++) written.push(i % 7 === 0 && r === 0 ? w[0] + FATHA + w.slice(1) : w);
      });
      const lines: string[] = [];
      for (let i = 0; i < written.length; i += 10) lines.push(written.slice(i, i + 10).join(' '));
      const { summary, spellings, occurrences } = summaryOf(lines.join('\n'));

      assert.deepEqual(spellings, words);
      assert.deepEqual([...occurrences.keys()], words);
      spellings.forEach((s, i) => assert.equal(summary.counts[i], occurrences.get(s)!.count, s));
      assert.deepEqual(
        Array.from(summary.marked ?? [], (i) => spellings[i]),
        words.filter((_, i) => i % 7 === 0),
      );
    });
  }
});
