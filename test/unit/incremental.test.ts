/** After any sequence of edits, the incrementally updated corpus gives exactly the findings of a fresh one. */
import * as assert from 'node:assert';
import fc from 'fast-check';
import { Corpus } from '../../server/src/core/corpus';
import { readSeeds } from '../helpers/fixture';

const seeds = readSeeds();
const WORDS = ['بوتين', 'بوتن', 'وبوتن', 'فلاديمير', '#بوتين', 'الاتحادية', 'الإتحادية', 'روسيا', 'الرئيس', 'السوفيتي', 'السوفييتي', 'الاتحاد', 'سورية', 'سوريا', 'أحمد', 'احمد', 'الشرع', 'لافرنتييف', 'و'];

function snapshot(c: Corpus): string {
  return JSON.stringify({
    variants: [...c.nameIndex().variants()].sort(),
    findings: c.files().sort().map((f) => c.findings(f).map((x) => [x.code, x.message, x.range])),
  });
}

describe('incremental updates', function () {
  this.timeout(180000);
  it('name decisions and findings equal a cold run after random edits', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            file: fc.integer({ min: 0, max: seeds.length - 1 }),
            at: fc.nat(),
            words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }),
            remove: fc.boolean(),
            removeWord: fc.option(fc.constantFrom(...WORDS), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (edits) => {
          const live = new Corpus();
          const texts = seeds.map((s) => s.text);
          live.applyChange({ changed: seeds });
          // Every file's findings cached up front, so a stale cache after an edit would show.
          for (const f of live.files()) live.findings(f);
          for (const e of edits) {
            const t = texts[e.file];
            const at = e.at % (t.length + 1);
            if (e.removeWord && t.includes(e.removeWord)) {
              // Remove every occurrence of a word: spellings disappear, stems and majorities shift.
              texts[e.file] = t.split(e.removeWord).join('');
            } else {
              texts[e.file] = e.remove ? t.slice(0, at) + t.slice(Math.min(t.length, at + 40)) : t.slice(0, at) + ' ' + e.words.join(' ') + ' ' + t.slice(at);
            }
            live.applyChange({ changed: [{ file: seeds[e.file].file, text: texts[e.file] }] });
            for (const f of live.files()) live.findings(f);
          }
          const cold = new Corpus();
          cold.applyChange({ changed: seeds.map((s, i) => ({ file: s.file, text: texts[i] })) });
          assert.strictEqual(snapshot(live), snapshot(cold));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('re-stems words of other files when the stem they rely on appears or disappears', () => {
    const many = Array.from({ length: 25 }, (_, i) => `قال الرئيس الروسي فلاديمير بوتين في اللقاء ${i} كلاما`).join('\n');
    const c = new Corpus();
    c.applyChange({ changed: [{ file: 'a.txt', text: many }, { file: 'b.txt', text: 'ورحب فلاديمير وبوتن بالضيوف' }, { file: 'c.txt', text: 'وأكد فلاديمير بوتن ذلك' }] });
    assert.strictEqual(c.nameIndex().stem('وبوتن'), 'بوتن');
    assert.strictEqual(c.findings('b.txt').filter((f) => f.code === 'name-variant').length, 1);
    c.applyChange({ changed: [{ file: 'c.txt', text: 'وأكد فلاديمير ذلك' }] });
    assert.strictEqual(c.nameIndex().stem('وبوتن'), 'وبوتن', 'بوتن is no longer attested on its own');
    assert.strictEqual(c.findings('b.txt').filter((f) => f.code === 'name-variant').length, 0);
  });
});
