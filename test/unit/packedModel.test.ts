/** Analyses packed for another thread come back exactly as they were made. */
import * as assert from 'node:assert';
import fc from 'fast-check';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { analyzeFile, FileModel } from '../../server/src/core/file';
import { packModels, unpackModel } from '../../server/src/core/packedModel';
import { Interner } from '../../server/src/core/text/intern';
import { readSeeds } from '../helpers/fixture';

/** The model with typed arrays as plain arrays, so deepStrictEqual compares contents, not array types or buffers. */
function plain(m: FileModel): unknown {
  const words = m.words;
  return {
    ...m,
    hashes: [...m.hashes],
    wordLines: [...m.wordLines.ranges],
    words: {
      ids: [...words.ids],
      counts: [...words.counts],
      evidence: [...words.evidence],
      bytes: [words.counts.BYTES_PER_ELEMENT, words.evidence.BYTES_PER_ELEMENT],
      marked: words.marked && [...words.marked],
    },
  };
}

/** Packs, sends through a message port (transferring the buffers, as a worker does) and unpacks. */
function roundTrip(models: FileModel[]): FileModel[] {
  const packed = packModels(models);
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(packed, [packed.data, packed.directory.buffer as ArrayBuffer]);
  const received = receiveMessageOnPort(port2)!.message as typeof packed;
  port1.close();
  return models.map((m, i) => unpackModel(received, i, m.text));
}

describe('packed analyses', () => {
  it('the seeds come back identical, through a message port', () => {
    const interner = new Interner();
    const models = readSeeds().map((f) => analyzeFile(f.text, interner));
    const back = roundTrip(models);
    models.forEach((m, i) => assert.deepStrictEqual(plain(back[i]), plain(m)));
  });

  it('any text comes back identical (marks, empty files, long lines, 8-, 16- and 32-bit counts)', () => {
    const interner = new Interner();
    const pieces = ['بوتين', 'الرئيس', 'فلاديمير', '#بشار_الأسد', 'مُحَمَّد', '15 مارس 2023', '\n', '\n\n', ' ', 'تاريخ النشر: ', 'abc', '🗓', '\r\n', '\nقناة, [20.10.24 14:35]\n'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 300 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (texts) => {
        const models = texts.map((t) => analyzeFile(t, interner));
        const back = roundTrip(models);
        models.forEach((m, i) => assert.deepStrictEqual(plain(back[i]), plain(m)));
      }),
      { numRuns: 60 },
    );
    // Counts take the narrowest array that holds them: a word repeated more than 255 times needs 16 bits, more than
    // 65,535 times 32 bits.
    for (const [times, bytes] of [[3, 1], [300, 2], [70000, 4]]) {
      const m = analyzeFile('بوتين '.repeat(times), interner);
      assert.equal(m.words.counts.BYTES_PER_ELEMENT, bytes);
      assert.deepStrictEqual(plain(roundTrip([m])[0]), plain(m));
    }
  });
});
