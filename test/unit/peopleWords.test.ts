/**
 * The people index reads a line's words from the allocation-free scan: the same words, offsets, spellings and
 * normalized forms as the tokenizer gives (with «عبد الله» and «آل سعود» joined), and titles and word lists tested by
 * hash exactly as the strings would be.
 */
import * as assert from 'node:assert';
import fc from 'fast-check';
import { normalizeForMatch, stripMarks, tokenize } from '../../server/src/core/text/normalize';
import { COMPOUND_HEADS, PLACE_CUES } from '../../server/src/core/people/lexicon';
import { LineWords, PLACE_CUE_SET } from '../../server/src/core/people/tokens';
import { readTitle, titleOf } from '../../server/src/core/people/titles';

/** The words of a line as the tokenizer splits them, compounds joined (the reference for `LineWords`). */
function referenceWords(text: string): { start: number; end: number; norm: string; surface: string }[] {
  const t = tokenize(text);
  const out: { start: number; end: number; norm: string; surface: string; joined: boolean }[] = [];
  for (let k = 0; k < t.norms.length; k++) {
    const prev = out[out.length - 1];
    const gap = prev ? text.slice(prev.end, t.starts[k]) : '';
    const rawPrev = prev ? text.slice(prev.start, prev.end) : '';
    if (prev && !prev.joined && COMPOUND_HEADS.has(prev.norm) && rawPrev.length === prev.norm.length && /^[\u0620-\u06ff]/.test(t.norms[k]) && /^[ \u00a0\t]+$/.test(gap)) {
      prev.norm = prev.norm === 'ال' ? `ال ${t.norms[k]}` : prev.norm + t.norms[k];
      prev.surface = `${prev.surface} ${stripMarks(text.slice(t.starts[k], t.ends[k]))}`;
      prev.end = t.ends[k];
      prev.joined = true;
      continue;
    }
    out.push({ start: t.starts[k], end: t.ends[k], norm: t.norms[k], surface: stripMarks(text.slice(t.starts[k], t.ends[k])), joined: false });
  }
  return out;
}

const PIECES = [
  'عبد', 'الله', 'آل', 'سعود', 'أبو', 'عبدُ', 'الرئيس', 'والرئيس', 'للرئيس', 'فوالرئيس', 'ووفالرئيس', 'فووفالرئيس', 'وزير',
  'بالرئيس', 'في', 'وفي', 'العاصمة', 'بوتين', 'بُوتِين', 'روسياً', '#', '_', ' ', ' ', '\u00a0', '،', '.', 'ـ', 'Putin', '٢٠٢٣',
];

/** Compares the words `LineWords` reads from a line with the reference. */
function checkLine(text: string): void {
  const words = new LineWords(text);
  words.read(0, text.length, 0, 0);
  const ref = referenceWords(text);
  assert.strictEqual(words.length, ref.length, text);
  for (let i = 0; i < ref.length; i++) {
    assert.deepStrictEqual(
      { start: words.start(i), end: words.end(i), norm: words.norm(i), surface: words.surface(i) },
      { start: ref[i].start, end: ref[i].end, norm: ref[i].norm, surface: ref[i].surface },
    );
    assert.deepStrictEqual(words.title(i), readTitle(ref[i].norm), `title of ${ref[i].norm}`);
    assert.strictEqual(words.normIn(PLACE_CUE_SET, i), PLACE_CUES.has(ref[i].norm));
  }
}

describe('people index: words of a line', () => {
  it('reads the words, offsets, spellings and normalized forms of the tokenizer, compounds joined', () => {
    // Two heads in a row join once (عبد آل، then سعود alone); a head with marks or before a break stays alone.
    for (const line of ['عبد آل سعود', 'أبو عبد الله', 'عبدُ الله', 'عبد، الله', 'آل  سعود', '#عبد_الله']) checkLine(line);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (parts) => checkLine(parts.join(''))),
      { numRuns: 500 },
    );
  });

  it('knows every written form of a title, however many conjunctions precede it', () => {
    const forms = ['الرئيس', 'والرئيس', 'فالرئيس', 'للرئيس', 'وللرئيس', 'فبالرئيس', 'ووفالرئيس', 'فووفللرئيس', 'وزير', 'ووزير', 'لوزير'];
    for (const f of forms.map(normalizeForMatch)) {
      assert.ok(titleOf(f), f);
      assert.deepStrictEqual(titleOf(f), readTitle(f), f);
    }
    for (const f of ['الرؤساء', 'رئيسي', 'وو', 'ف', ''].map(normalizeForMatch)) assert.strictEqual(titleOf(f), null, f);
  });
});
