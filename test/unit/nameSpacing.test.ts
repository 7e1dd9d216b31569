/** Spacing variants of compound names: عبد الملك / عبدالملك, أبو ظبي / أبوظبي, نصر الله / نصرالله. */
import * as assert from 'node:assert';
import { Corpus } from '../../server/src/core/corpus';
import { corpusOf } from '../helpers/fixture';

const nameVariants = (c: { findings(file: string): { code: string }[] }, file: string) =>
  c.findings(file).filter((x) => x.code === 'name-variant') as ReturnType<Corpus['findings']>;

describe('name variants: spacing', () => {
  it('reports the one-word spelling where the corpus writes the name as two words', () => {
    const text = [
      ...Array.from({ length: 9 }, (_, i) => `وقال السيد عبد الملك الحوثي في كلمة رقم ${i} إن العمليات ستستمر`),
      'وأكد السيد عبدالملك الحوثي أن الموقف ثابت',
      'وقال السيد عبدالملك الحوثي في خطاب إن المعركة طويلة',
    ];
    const c = corpusOf([{ file: 'a.txt', text: text.join('\n') + '\n' }]);
    const f = nameVariants(c, 'a.txt');
    assert.deepStrictEqual(f.map((x) => x.range.start.line), [9, 10]);
    const x = f[0];
    assert.strictEqual(text[9].slice(x.range.start.character, x.range.end.character), 'عبدالملك');
    assert.match(x.message, /«عبدالملك» is a variant spelling of «عبد الملك» \(used 9 times in the corpus; this spelling 2 times\)/);
    assert.strictEqual(x.fixes[0].changes[0].edits[0].newText, 'عبد الملك');
  });

  it('reports the two words where the corpus writes the name as one, proclitics outside the range', () => {
    const text = [
      ...Array.from({ length: 9 }, (_, i) => `واستقبل الأمير عبدالعزيز بن سلمان في مكتبه رقم ${i} الوفد الزائر`),
      'وقال الأمير عبد العزيز بن سلمان إن الإنتاج مستقر',
      'والتقى الوزير وعبد العزيز بن سلمان بالوفد',
    ];
    const c = corpusOf([{ file: 'a.txt', text: text.join('\n') + '\n' }]);
    const f = nameVariants(c, 'a.txt');
    assert.deepStrictEqual(f.map((x) => x.range.start.line), [9, 10]);
    for (const x of f) {
      const line = text[x.range.start.line];
      assert.strictEqual(line.slice(x.range.start.character, x.range.end.character), 'عبد العزيز');
      assert.match(x.message, /«عبد العزيز» is a variant spelling of «عبدالعزيز»/);
      assert.strictEqual(x.fixes[0].changes[0].edits[0].newText, 'عبدالعزيز');
    }
    assert.strictEqual(text[10][f[1].range.start.character - 1], 'و', 'the proclitic stays outside the fix');
  });

  it('keeps the evidence the other classes demand: a name, a shared context word, a majority', () => {
    const named = Array.from({ length: 9 }, (_, i) => `وقال الرئيس عبد الفتاح السيسي في كلمة رقم ${i} إن البلاد آمنة`);
    // No shared neighbour: the one-word spelling is never next to a word the two-word one is next to.
    const apart = corpusOf([{ file: 'a.txt', text: [...named, 'وزار عبدالفتاح مدرسته القديمة', 'وكتب عبدالفتاح رسالة طويلة'].join('\n') + '\n' }]);
    assert.strictEqual(nameVariants(apart, 'a.txt').length, 0);
    // Not a majority of two to one.
    const balanced = corpusOf([
      { file: 'a.txt', text: [...named.slice(0, 3), ...Array.from({ length: 2 }, (_, i) => `وقال الرئيس عبدالفتاح السيسي في كلمة ${i}`)].join('\n') + '\n' },
    ]);
    assert.strictEqual(nameVariants(balanced, 'a.txt').length, 0);
    // Never after a title nor in a hashtag: not used as a name.
    const plain = corpusOf([
      { file: 'a.txt', text: [...Array.from({ length: 9 }, (_, i) => `كتب عبد الفتاح السيسي مقالا رقم ${i}`), 'كتب عبدالفتاح السيسي مقالا'].join('\n') + '\n' },
    ]);
    assert.strictEqual(nameVariants(plain, 'a.txt').length, 0);
  });

  it('follows edits: the findings after edits equal a fresh corpus', () => {
    const base = Array.from({ length: 9 }, (_, i) => `وقال الأمين العام حسن نصر الله في كلمة رقم ${i} إن الجبهة مفتوحة`).join('\n');
    const files = [
      { file: 'a.txt', text: base + '\n' },
      { file: 'b.txt', text: 'وقال الأمين العام حسن نصرالله في كلمة إن الجبهة مفتوحة\n' },
    ];
    const live = new Corpus();
    live.applyChange({ changed: files });
    for (const f of live.files()) live.findings(f);
    assert.strictEqual(nameVariants(live, 'b.txt').length, 1);
    const edits = [
      { file: 'a.txt', text: base.replace(/نصر الله/g, 'نصرالله') + '\n' },
      { file: 'b.txt', text: 'وقال الأمين العام حسن نصر الله في كلمة\n' },
      { file: 'a.txt', text: base + '\n' },
      { file: 'b.txt', text: 'وقال الأمين العام حسن نصرالله في كلمة\nوأكد حسن نصرالله ذلك\n' },
    ];
    for (const e of edits) {
      live.applyChange({ changed: [e] });
      for (const f of live.files()) live.findings(f);
      const cold = new Corpus();
      const now = files.map((f) => (f.file === e.file ? e : f));
      files.splice(0, files.length, ...now);
      cold.applyChange({ changed: files });
      const snap = (c: Corpus) => JSON.stringify(c.files().sort().map((f) => nameVariants(c, f).map((x) => [x.message, x.range])));
      assert.strictEqual(snap(live), snap(cold));
    }
    assert.strictEqual(nameVariants(live, 'b.txt').length, 2);
  });
});

describe('name variants: particles', () => {
  it('does not report a particle of a compound name on its own («ابو» beside «أبو»)', () => {
    const text = [
      ...Array.from({ length: 9 }, (_, i) => `وقال الناطق باسم الكتائب أبو عبيدة في كلمة رقم ${i} إن المقاومة مستمرة`),
      'وقال الناطق باسم الكتائب ابو عبيدة في كلمة إن المقاومة مستمرة',
      'وقال الناطق باسم الكتائب ابو عبيدة في بيان إن المقاومة مستمرة',
    ];
    const c = corpusOf([{ file: 'a.txt', text: text.join('\n') + '\n' }]);
    assert.deepStrictEqual(nameVariants(c, 'a.txt').map((x) => x.message), []);
  });
});
