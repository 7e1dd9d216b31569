import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Corpus } from '../../server/src/core/corpus';
import type { FileModel } from '../../server/src/core/file';
import { ModelCache, modelCacheSteps, modelsFile, reuseAnalyses, worthRewriting, writeModelCache } from '../../server/src/node/modelCache';
import { corpusOf, readSeeds } from '../helpers/fixture';
import { runToEnd } from '../../server/src/core/steps';

/** The seeds analyzed, and their analyses written into a fresh cache folder with one digest per file. */
function cachedSeeds(): { dir: string; seeds: { file: string; text: string }[]; corpus: Corpus; digests: Map<string, string> } {
  const seeds = readSeeds();
  const corpus = corpusOf(seeds);
  const digests = new Map(seeds.map((s, i) => [s.file, `b${i}`]));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-models-'));
  const stored = seeds.map((s) => ({ file: s.file, digest: digests.get(s.file)!, model: corpus.model(s.file)! }));
  assert.equal(writeModelCache(dir, 'v1', stored, (id) => corpus.spelling(id), corpus.spellingCount()), null);
  return { dir, seeds, corpus, digests };
}

describe('the cache of analyses', () => {
  it('gives back each file analysis as it was made, its words in the new table, and the same findings', () => {
    const { dir, seeds, corpus, digests } = cachedSeeds();
    const fresh = new Corpus();
    // A spelling the new table has first, so its ids differ from the stored ones.
    fresh.internSpellings(['كلمة', 'أخرى']);
    const files: { file: string; text: string; analysis?: FileModel }[] = seeds.map((s) => ({ ...s }));
    assert.deepEqual(reuseAnalyses(dir, 'v1', digests, files, (s) => fresh.internSpellings(s)), { reused: seeds.length, stored: seeds.length });
    for (const f of files) {
      const before = corpus.model(f.file)!;
      const after = f.analysis!;
      assert.deepEqual(Array.from(after.words.ids, (id) => fresh.spelling(id)), Array.from(before.words.ids, (id) => corpus.spelling(id)));
      assert.deepEqual(Array.from(after.words.counts), Array.from(before.words.counts));
      assert.deepEqual(Array.from(after.hashes), Array.from(before.hashes));
      assert.deepEqual(after.entries, before.entries);
      assert.deepEqual(after.lines, before.lines);
    }
    fresh.applyChange({ changed: files });
    for (const s of seeds) assert.deepEqual(fresh.findings(s.file), corpus.findings(s.file));
  });

  it('reuses nothing of another version, nor a file whose bytes changed', () => {
    const { dir, seeds, digests } = cachedSeeds();
    const fresh = new Corpus();
    const intern = (s: string[]) => fresh.internSpellings(s);
    assert.deepEqual(reuseAnalyses(dir, 'v2', digests, seeds.map((s) => ({ ...s })), intern), { reused: 0, stored: 0 });
    const changed = new Map(digests).set(seeds[0].file, 'b-other');
    const files: { file: string; text: string; analysis?: FileModel }[] = seeds.map((s) => ({ ...s }));
    assert.deepEqual(reuseAnalyses(dir, 'v1', changed, files, intern), { reused: seeds.length - 1, stored: seeds.length });
    assert.equal(files[0].analysis, undefined);
    // The same bytes under a text of another length (a file read differently): not reused either.
    const shorter = seeds.map((s, i) => ({ ...s, text: i === 1 ? s.text.slice(1) : s.text }));
    assert.equal(reuseAnalyses(dir, 'v1', digests, shorter, intern).reused, seeds.length - 1);
  });

  it('is not used at all when a byte of it changed on disk, or when it is cut short', () => {
    const { dir, seeds, digests } = cachedSeeds();
    const file = path.join(dir, 'models-v2.bin');
    const bytes = fs.readFileSync(file);
    const intern = (s: string[]) => new Corpus().internSpellings(s);
    const files = () => seeds.map((s) => ({ ...s }) as { file: string; text: string; analysis?: FileModel });
    // A byte of the analyses themselves (past the header), then the last byte, then half the file gone.
    const headerEnd = (4 + bytes.readUInt32LE(0) + 7) & ~7;
    for (const damage of [headerEnd + 100, bytes.length - 1]) {
      const damaged = Buffer.from(bytes);
      damaged[damage] ^= 0x40;
      fs.writeFileSync(file, damaged);
      assert.deepEqual(reuseAnalyses(dir, 'v1', digests, files(), intern), { reused: 0, stored: 0 }, `byte ${damage}`);
    }
    fs.writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
    assert.deepEqual(reuseAnalyses(dir, 'v1', digests, files(), intern), { reused: 0, stored: 0 });
    fs.writeFileSync(file, bytes);
    assert.equal(reuseAnalyses(dir, 'v1', digests, files(), intern).reused, seeds.length);
  });

  it('is written again only when a twentieth of the files or more are not answered from it', () => {
    assert.equal(worthRewriting(0, 0, 10), true);
    assert.equal(worthRewriting(0, 0, 0), false);
    assert.equal(worthRewriting(1000, 1000, 1000), false);
    assert.equal(worthRewriting(990, 1000, 1000), false);
    assert.equal(worthRewriting(940, 1000, 1000), true);
    assert.equal(worthRewriting(1000, 1100, 1000), true);
    assert.equal(worthRewriting(4, 5, 5), true);
  });

  it('is written and read in segments of 256 files, one per step, and any damaged segment makes it unusable', () => {
    // 600 files: three segments, the spellings of the later ones numbered after those of the first.
    const seeds = readSeeds();
    const files = Array.from({ length: 600 }, (_, i) => ({
      file: `f${i}.txt`,
      text: `${seeds[i % seeds.length].text.slice(0, 1500)}\nوقال المتحدث ${i} إن الاجتماع رقم ${i * 7} انتهى.\n`,
    }));
    const corpus = corpusOf(files);
    const stored = files.map((f, i) => ({ file: f.file, digest: `b${i}`, model: corpus.model(f.file)! }));
    const writing = modelCacheSteps('v1', stored, (id) => corpus.spelling(id), corpus.spellingCount());
    let steps = 0;
    while (!writing.next().done) steps++;
    assert.equal(steps, 3);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-models-'));
    assert.equal(writeModelCache(dir, 'v1', stored, (id) => corpus.spelling(id), corpus.spellingCount()), null);
    const bytes = fs.readFileSync(modelsFile(dir));
    const reading = ModelCache.parseSteps(bytes, 'v1');
    steps = 0;
    let read = reading.next();
    for (; !read.done; read = reading.next()) steps++;
    assert.equal(steps, 3);
    assert.equal(read.value?.size, 600);
    const fresh = new Corpus();
    const again: { file: string; text: string; analysis?: FileModel }[] = files.map((f) => ({ ...f }));
    const digests = new Map(stored.map((s) => [s.file, s.digest]));
    assert.deepEqual(reuseAnalyses(dir, 'v1', digests, again, (s) => fresh.internSpellings(s)), { reused: 600, stored: 600 });
    for (const i of [0, 299, 599]) {
      const spellings = (c: Corpus, m: FileModel) => Array.from(m.words.ids, (id) => c.spelling(id));
      assert.deepEqual(spellings(fresh, again[i].analysis!), spellings(corpus, corpus.model(files[i].file)!));
    }
    // The last byte belongs to the third segment's analyses.
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 1] ^= 0x40;
    assert.equal(runToEnd(ModelCache.parseSteps(damaged, 'v1')), null);
    assert.equal(runToEnd(ModelCache.parseSteps(bytes, 'v2')), null);
  });
});
