/** The card of a name the people index does not know, read from word summaries, agrees with a pass over every mention. */
import * as assert from 'node:assert/strict';
import { Corpus } from '../../server/src/core/corpus';
import {
  definitionOf,
  DatedMention,
  mentionsOf,
  mentionsOfSliced,
  nameCatalog,
  nameDefinitionSliced,
  nameMentionsSliced,
  personCardSliced,
  wordAt,
} from '../../server/src/lsp/people';
import { procliticLetters, skipLetters } from '../../server/src/core/text/letters';
import { readSeeds, SEED } from '../helpers/fixture';

/** What the card must say: counted over every mention, the first and last dated one the first in file order. */
function cardOfMentions(mentions: DatedMention[]) {
  const counts = new Map<string, number>();
  let first: DatedMention | undefined;
  let last: DatedMention | undefined;
  for (const m of mentions) {
    counts.set(m.spelling, (counts.get(m.spelling) ?? 0) + 1);
    if (m.date && (!first || m.date < first.date!)) first = m;
    if (m.date && (!last || m.date > last.date!)) last = m;
  }
  return { counts, files: new Set(mentions.map((m) => m.file)).size, mentions: mentions.length, first, last };
}

describe('language server: name cards', () => {
  const files = readSeeds();
  const corpus = new Corpus();
  corpus.applyChange({ changed: files });
  const version = () => 1;
  const never = () => false;

  it('counts, files and dated ends of every name agree with its mentions', async () => {
    const names = [...(await nameCatalog(corpus))!.keys()];
    assert.ok(names.length > 20);
    let dated = 0;
    for (const stem of names) {
      const card = (await personCardSliced(corpus, stem, version, never))!;
      const mentions = (await nameMentionsSliced(corpus, stem, version, never))!;
      const expected = cardOfMentions(mentions);
      assert.equal(card.mentions, expected.mentions, stem);
      assert.equal(card.files, expected.files, stem);
      for (const [spelling, n] of card.counts) assert.equal(n, expected.counts.get(spelling) ?? 0, `${stem}: ${spelling}`);
      assert.deepEqual(card.first, expected.first, stem);
      assert.deepEqual(card.last, expected.last, stem);
      // The same mention at both ends is one object: the card then says «Dated mention».
      if (expected.first === expected.last) assert.equal(card.first, card.last, stem);
      const def = (await nameDefinitionSliced(corpus, stem, version, never))!;
      assert.deepEqual(def.definition, definitionOf(mentions), stem);
      if (card.first) dated++;
    }
    assert.ok(dated > 10);
  });

  it('finds the word under an offset as the name index reads the whole file', () => {
    for (const name of [SEED.s000, SEED.s002]) {
      const { text } = files.find((f) => f.file === name)!;
      const index = corpus.nameIndex();
      const words = index.fileWords(name)!;
      const expectedAt = (offset: number) => {
        for (const [surface, w] of words) {
          for (let i = 0; i < w.count; i++) {
            if (w.starts[i] <= offset && offset <= w.ends[i]) {
              const stem = index.stem(surface);
              return { surface, stem, start: skipLetters(text, w.starts[i], w.ends[i], procliticLetters(surface, stem)), end: w.ends[i] };
            }
          }
        }
        return null;
      };
      // Around every word (its edges and the gaps next to them), and offsets all along the text.
      const offsets = new Set<number>();
      for (const w of words.values()) {
        for (let i = 0; i < w.count; i++) for (const o of [w.starts[i] - 1, w.starts[i], (w.starts[i] + w.ends[i]) >> 1, w.ends[i], w.ends[i] + 1]) offsets.add(o);
      }
      for (let o = 0; o <= text.length; o += 37) offsets.add(o);
      let found = 0;
      for (const offset of offsets) {
        const expected = expectedAt(offset);
        assert.deepEqual(wordAt(corpus, name, offset), expected, `${name} at ${offset}`);
        if (expected) found++;
      }
      assert.ok(found > 500);
    }
  });

  it('lists the mentions of a name written 200,000 times in one file (references on a huge file)', async () => {
    const corpus = new Corpus();
    corpus.applyChange({ changed: [{ file: 'huge.txt', text: `عنوان\n\n${'قال بوتين '.repeat(200_000)}\n` }, { file: 'b.txt', text: 'وقال الرئيس فلاديمير بوتين إن المحادثات مثمرة.\n' }] });
    assert.equal(mentionsOf(corpus, ['بوتين']).length, 200_001);
    assert.equal((await mentionsOfSliced(corpus, ['بوتين'], () => false))!.length, 200_001);
  });
});
