/** Random Unicode text never makes the core throw, and every range lands inside the text on UTF-16 boundaries. */
import * as assert from 'node:assert';
import fc from 'fast-check';
import { Corpus } from '../../server/src/core/corpus';
import { indexLines, offsetAt } from '../../server/src/core/text/lines';
import { normalizeForMatch, tokenize } from '../../server/src/core/text/normalize';
import type { Range } from '../../server/src/core/types';
import { readSeeds } from '../helpers/fixture';

const pieces = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('🗓', '☝️', '🤝', '📞', '\u200f', '\u202b', '\u2066', '\r\n', '\n', '\n\n', '\r', '#بوتين', '@syrianpresidency', 'ـ', 'َ', '\ud83d', '\udc4d', ' ', '«', '»'),
  fc.constantFrom(...readSeeds().flatMap((s) => s.text.split('\n')).filter((l) => l.length > 0).slice(0, 60)),
);
const text = fc.array(pieces, { maxLength: 60 }).map((a) => a.join(''));

function assertRangeInside(t: string, r: Range): void {
  const idx = indexLines(t);
  for (const p of [r.start, r.end]) {
    assert.ok(p.line >= 0 && p.line < idx.starts.length, `line ${p.line} out of range`);
    assert.ok(p.character >= 0 && p.character <= idx.ends[p.line] - idx.starts[p.line], 'character out of line');
    const off = offsetAt(idx, p);
    const c = t.charCodeAt(off);
    const prev = t.charCodeAt(off - 1);
    const splitsPair = off > 0 && off < t.length && c >= 0xdc00 && c <= 0xdfff && prev >= 0xd800 && prev <= 0xdbff;
    assert.ok(!splitsPair, `range splits a surrogate pair at ${off}`);
  }
  assert.ok(offsetAt(idx, r.start) <= offsetAt(idx, r.end), 'start after end');
}

describe('robustness (property)', () => {
  it('random Unicode text never throws and yields valid ranges', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (texts) => {
        const c = new Corpus();
        const files = texts.map((t, i) => ({ file: `f${i}.txt`, text: t }));
        c.applyChange({ changed: files });
        for (const f of files) {
          for (const d of c.findings(f.file)) {
            assertRangeInside(f.text, d.range);
            for (const r of d.related) assertRangeInside(files.find((x) => x.file === r.file)!.text, r.range);
            for (const fix of d.fixes) for (const ch of fix.changes) for (const e of ch.edits) assertRangeInside(f.text, e.range);
          }
          for (const e of c.entries(f.file)) {
            assertRangeInside(f.text, e.range);
            assertRangeInside(f.text, e.titleRange);
            if (e.dateRange) assertRangeInside(f.text, e.dateRange);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('copes with a 100,000-character line, CRLF and empty files', () => {
    const long = 'كلمة '.repeat(20000) + '🗓';
    const c = new Corpus();
    c.applyChange({ changed: [{ file: 'a.txt', text: long }, { file: 'b.txt', text: '' }, { file: 'c.txt', text: 'عنوان خبر طويل هنا\r\n\r\nنص\r\n' }] });
    for (const f of ['a.txt', 'b.txt', 'c.txt']) c.findings(f);
    assert.strictEqual(c.entries('b.txt').length, 0);
    assert.strictEqual(c.entries('c.txt')[0].titleRange.end.character, 'عنوان خبر طويل هنا'.length);
  });

  it('copes with a word of a million letters (a line without spaces), in the people index and the events too', () => {
    const word = 'ب'.repeat(1_000_000);
    assert.deepStrictEqual(
      tokenize(`خبر ${word} عاجل`).norms.map((n) => n.length),
      [3, 1_000_000, 4],
    );
    const c = new Corpus();
    c.applyChange({ changed: [{ file: 'a.txt', text: `${word}\n\nزار الرئيس فلاديمير بوتين موسكو.\n` }, { file: 'b.txt', text: 'وقال الرئيس فلاديمير بوتين إن المحادثات مثمرة.\n' }] });
    c.findings('a.txt');
    const people = c.people();
    assert.ok(people.people.some((p) => p.name === 'فلاديمير بوتين'));
  });
});

describe('normalization', () => {
  it('folds hamza, alef maqsura, teh marbuta, digits and drops diacritics, tatweel and bidi marks', () => {
    assert.strictEqual(normalizeForMatch('أكّد الإتحاديـة، مُستشفى ١٥ آذار\u200f'), 'اكد الاتحاديه مستشفي 15 اذار');
  });

  it('tokenizes with original UTF-16 offsets, around emoji and hashtags', () => {
    const s = '🗓 في 28 يناير #بشار_الأسد وَبوتين';
    const t = tokenize(s);
    assert.deepStrictEqual(t.norms, ['في', '28', 'يناير', 'بشار', 'الاسد', 'وبوتين']);
    assert.strictEqual(s.slice(t.starts[0], t.ends[0]), 'في');
    assert.strictEqual(s.slice(t.starts[5], t.ends[5]), 'وَبوتين');
    assert.deepStrictEqual(t.hashtag, [false, false, false, true, true, false]);
  });
});
