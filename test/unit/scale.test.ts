/**
 * The fast paths of the hot loop give exactly what the simple ones give: the scanner splits and hashes words as the
 * tokenizer does, and the corpus-wide batch of near-duplicate pairs equals the per-paragraph lookups.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { hashString, tokenize } from '../../server/src/core/text/normalize';
import { ARABIC, HASHTAG, WordScan } from '../../server/src/core/text/scan';
import { Interner } from '../../server/src/core/text/intern';
import { Corpus } from '../../server/src/core/corpus';
import { analyzeFile } from '../../server/src/core/file';
import { collectWords } from '../../server/src/core/names/words';
import { readSeeds } from '../helpers/fixture';

const PIECES = ['بوتين', 'بُوتِين', 'الإتحادية', 'ـ', '\u200f', '#', '_', ' ', '\n', 'Putin', '٢٠٢٣', 'ى', 'ة', '«', '.', '😀', 'a'];

describe('scale paths', function () {
  this.timeout(120000);

  it('the scanner finds the words, offsets, hashtags and hashes of the tokenizer', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const t = tokenize(text);
        const scan = new WordScan(text);
        assert.strictEqual(scan.count, t.norms.length);
        for (let k = 0; k < scan.count; k++) {
          assert.strictEqual(scan.starts[k], t.starts[k]);
          assert.strictEqual(scan.ends[k], t.ends[k]);
          assert.strictEqual(scan.norm(k), t.norms[k]);
          assert.strictEqual(scan.normHashes[k], hashString(t.norms[k]));
          assert.strictEqual(!!(scan.flags[k] & HASHTAG), t.hashtag[k]);
          assert.ok(scan.normIs(k, t.norms[k]));
          const spelling = [...text.slice(t.starts[k], t.ends[k])].filter((c) => !/[\u064b-\u065f\u0670\u0640\u200f]/.test(c)).join('');
          assert.strictEqual(scan.spelling(k), spelling);
          assert.strictEqual(scan.spellingHashes[k], hashString(spelling));
          assert.strictEqual(!!(scan.flags[k] & ARABIC), /^[\u0621-\u064a\u0671-\u06d3]{2,}$/.test(spelling));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('interns a scanned spelling under the id of the same string, marks or not', () => {
    const interner = new Interner();
    const scan = new WordScan('بوتين بُوتِين بوتن بوتين');
    const ids = [0, 1, 2, 3].map((k) => interner.idOfSpelling(scan, k));
    assert.deepStrictEqual(ids, [0, 0, 1, 0]);
    assert.strictEqual(interner.id('بوتين'), 0);
    assert.strictEqual(interner.string(1), 'بوتن');
  });

  it('reads occurrences around each hit of a spelling exactly as a whole reading of the file', () => {
    const TOKENS = ['بوتين', 'بوتن', 'وبوتين', 'فلاديمير', 'الرئيس', 'وزير', 'في', 'ترامب', 'بُوتين', 'ـ', 'ً', '\u200f', '#', '_', ' ', ' ', ' ', '\n', '.', '،', 'Putin', '2024'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }), fc.array(fc.constantFrom('بوتين', 'بوتن', 'وبوتين', 'فلاديمير', 'ترامب'), { minLength: 1, maxLength: 3 }), (parts, wanted) => {
        const text = 'عنوان الخبر هنا\n' + parts.join('');
        const model = analyzeFile(text);
        const only = new Set<string>(wanted);
        const marked = [...(model.words.marked ?? [])].some((i) => only.has(model.words.spellings![i]));
        fc.pre(!marked);
        const whole = collectWords(text, model.wordLines, only, true);
        const around = collectWords(text, model.wordLines, only, false);
        const sorted = (w: Map<string, unknown>): string => JSON.stringify([...w].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
        assert.strictEqual(sorted(around), sorted(whole));
      }),
      { numRuns: 2000 },
    );
  });

  it('computes every near-duplicate of a large corpus at once exactly as paragraph by paragraph', () => {
    const dir = path.join(__dirname, '../../../shared/corpus/saudinewsnet');
    const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.txt')).sort().slice(0, 1500);
    const changed = [...readSeeds(), ...files.map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }))];
    const batch = new Corpus();
    batch.applyChange({ changed });
    const single = new Corpus();
    single.applyChange({ changed });
    const dups = single.duplicateIndex();
    let matches = 0;
    for (const { file } of changed) {
      const model = single.model(file)!;
      for (let i = 0; i < model.paragraphs.length; i++) {
        // A change (the same text again) before each query keeps this index on the one-by-one path.
        dups.setFile(file, model, false);
        const one = dups.nearMatches(file, i);
        const all = batch.duplicateIndex().nearMatches(file, i);
        assert.deepStrictEqual(all, one, `${file} paragraph ${i}`);
        matches += one.length;
      }
    }
    assert.ok(matches > 50, `expected near-duplicates in the sample, got ${matches}`);
  });
});
