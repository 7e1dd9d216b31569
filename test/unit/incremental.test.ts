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

  it('keeps its file and entry totals equal to a count of every file after adds, edits and removals', () => {
    // The status after every keystroke reads the totals: they are kept as models come and go, never recounted.
    const counted = (c: Corpus) => ({ files: c.files().length, entries: c.files().reduce((n, f) => n + c.entries(f).length, 0) });
    fc.assert(
      fc.property(
        fc.array(fc.record({ file: fc.integer({ min: 0, max: seeds.length - 1 }), lines: fc.nat(40), remove: fc.boolean() }), { minLength: 1, maxLength: 12 }),
        (changes) => {
          const c = new Corpus();
          for (const ch of changes) {
            const seed = seeds[ch.file];
            // A file cut to its first lines holds fewer entries (or none); removing one that is not there is a no-op.
            if (ch.remove) c.applyChange({ removed: [seed.file] });
            else c.applyChange({ changed: [{ file: seed.file, text: seed.text.split('\n').slice(0, ch.lines).join('\n') }] });
            assert.deepStrictEqual(c.size(), counted(c));
          }
        },
      ),
      { numRuns: 40 },
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

  it('keeps a paragraph repeated many times in one file right while copies come and go', () => {
    const para = 'وأكد المتحدث باسم وزارة الخارجية أن الوزارة تتابع عن كثب تطورات الأوضاع في المنطقة وتعمل مع الشركاء من أجل حل سياسي شامل';
    const other = 'وقالت مصادر محلية إن الأمطار الغزيرة التي هطلت على المدينة خلال الليل تسببت في انقطاع الكهرباء عن عدة أحياء سكنية وإغلاق طرق رئيسية';
    const file = (copies: number, extra = '') => `وزارة الخارجية تتابع تطورات الأوضاع في المنطقة عن كثب\n\n${[...Array(copies).fill(para), extra].filter(Boolean).join('\n\n')}\n`;
    // Copies in one file, then in more files than the boilerplate limit (6), then fewer again, then none.
    const steps: Record<string, string>[] = [
      { 'a.txt': file(40), 'b.txt': file(1, other) },
      { 'a.txt': file(3, other), 'b.txt': file(2) },
      { 'a.txt': file(3), 'b.txt': file(1), 'c.txt': file(1), 'd.txt': file(1), 'e.txt': file(1), 'f.txt': file(1) },
      { 'a.txt': file(2), 'b.txt': file(0, other), 'c.txt': file(1), 'd.txt': file(0, other), 'e.txt': file(0, other), 'f.txt': file(0, other) },
      { 'a.txt': file(0, other), 'c.txt': file(0, other) },
    ];
    const live = new Corpus();
    const texts: Record<string, string> = {};
    const dups = (c: Corpus) =>
      JSON.stringify(c.files().sort().map((f) => c.findings(f).filter((x) => x.code === 'duplicate-paragraph').map((x) => [f, x.message, x.range.start.line, x.related.length, x.fixes.map((k) => k.safe)])));
    steps.forEach((step, i) => {
      Object.assign(texts, step);
      live.applyChange({ changed: Object.entries(step).map(([f, text]) => ({ file: f, text })) });
      const cold = new Corpus();
      cold.applyChange({ changed: Object.entries(texts).map(([f, text]) => ({ file: f, text })) });
      assert.strictEqual(dups(live), dups(cold), `step ${i}`);
    });
    const first = new Corpus();
    first.applyChange({ changed: Object.entries(steps[0]).map(([f, text]) => ({ file: f, text })) });
    const inA = first.findings('a.txt').filter((x) => x.code === 'duplicate-paragraph');
    assert.strictEqual(inA.length, 40);
    assert.match(inA[0].message, /at line 5 and 39 more places/);
    assert.deepStrictEqual([inA[0].fixes.length, inA[1].fixes[0].safe, inA[0].related.length], [0, true, 20]);
    // The copy in b.txt has no copy above it in b.txt: removing it would cut b's own text, so it gets no fix at all.
    assert.deepStrictEqual(first.findings('b.txt').filter((x) => x.code === 'duplicate-paragraph').map((x) => x.fixes.length), [0]);
  });
});
