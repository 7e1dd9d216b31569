/**
 * The language server's cache of analyses (lsp/analysisCache): a workspace opened again reads back the analyses of
 * the files that did not change, and publishes exactly what a server without the cache publishes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import { cacheBaseOf, cacheOptions, defaultCacheBase, rootCacheFolder } from '../../server/src/lsp/analysisCache';
import { modelsFile, writeModelCache } from '../../server/src/node/modelCache';
import { contentDigest } from '../../server/src/node/readText';
import { CACHE_VERSION } from '../../server/src/node/version';
import { corpusOf } from '../helpers/fixture';
import { editorCapabilities, inProcess, SEED, TempCorpus, TestClient } from './harness';

/** Every file's diagnostics, sorted by file, without the per-process tag of their analysis (see lsp/diagnostics). */
function published(client: TestClient): [string, Diagnostic[]][] {
  const untagged = (ds: Diagnostic[]) => ds.map((d) => ({ ...d, data: { ...(d.data as object), analysis: typeof (d.data as { analysis?: unknown }).analysis } }));
  return [...client.diagnostics].sort(([a], [b]) => (a < b ? -1 : 1)).map(([uri, ds]) => [uri, untagged(ds)]);
}

describe('language server: the cache of analyses', function () {
  this.timeout(60000);
  const disposals: (() => void)[] = [];
  afterEach(() => {
    for (const d of disposals.splice(0)) d();
  });

  /** Indexes `corpus` with a fresh server (the cache under `cacheFolder`, null for none); its client once indexed. */
  async function index(corpus: TempCorpus, cacheFolder: string | null, settings: Record<string, unknown> = {}): Promise<TestClient> {
    const { client, dispose } = inProcess();
    disposals.push(dispose);
    client.settings = settings;
    await client.initialize(corpus.dir, editorCapabilities(), { cacheFolder });
    await client.indexed();
    return client;
  }

  /** A copy of the seeds and an empty cache folder, both removed after the test. */
  function seedsAndCacheFolder(): { corpus: TempCorpus; cache: string } {
    const corpus = new TempCorpus();
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-lsp-cache-'));
    disposals.push(() => corpus.dispose(), () => fs.rmSync(cache, { recursive: true, force: true }));
    return { corpus, cache };
  }

  const stored = (client: TestClient) => client.waitFor(() => client.logs.find((l) => /stored the analyses of \d+ files/.test(l)), 'the analyses stored');

  it('reads back the analyses of the files that did not change, and publishes what a server without it does', async () => {
    const { corpus, cache } = seedsAndCacheFolder();

    const first = await index(corpus, cache);
    assert.match(await stored(first), /stored the analyses of 5 files/);
    assert.ok(fs.existsSync(modelsFile(rootCacheFolder(cache, corpus.dir))), 'one cache folder per root, under the folder named');
    assert.deepEqual(fs.readdirSync(corpus.dir).filter((f) => !f.endsWith('.txt')), [], 'nothing written into the corpus');

    // Opened again unchanged: every analysis is read back, nothing is stored again.
    const again = await index(corpus, cache);
    assert.ok(again.logs.some((l) => /5 of the 5 analyses kept from the last session were still valid/.test(l)), again.logs.join('\n'));
    assert.deepEqual(published(again), published(first));

    // A file changed on disk since (a paragraph of another file copied into it): analyzed again, and its duplicate
    // shows in both files, as without the cache.
    const copied = corpus.read(SEED.s003).split('\n').find((l) => l.length > 80)!;
    fs.appendFileSync(corpus.path(SEED.s001), `\n${copied}\n`);
    const changed = await index(corpus, cache);
    assert.ok(changed.logs.some((l) => /4 of the 5 analyses kept from the last session were still valid/.test(l)), changed.logs.join('\n'));
    const cold = await index(corpus, null);
    assert.ok(!cold.logs.some((l) => /analyses/.test(l)), 'no cache named: none read or stored');
    assert.deepEqual(published(changed), published(cold));
    assert.notDeepEqual(published(cold), published(first));
  });

  it('takes the stored analysis as it is: a stored analysis made different shows in the diagnostics', async () => {
    // Proof that the analyses are used, not made again: a cache whose analysis of one file has lost its entries
    // (under the digest of the file's real text) makes that file's entry findings go away.
    const { corpus, cache } = seedsAndCacheFolder();
    const files = fs.readdirSync(corpus.dir).map((f) => ({ file: corpus.uri(f), text: corpus.read(f) }));
    const analyzed = corpusOf(files);
    const poisoned = corpus.uri(SEED.s001);
    const stored = files.map((f) => {
      const model = analyzed.model(f.file)!;
      return { file: f.file, digest: contentDigest(f.text), model: f.file === poisoned ? { ...model, entries: [] } : model };
    });
    assert.equal(writeModelCache(rootCacheFolder(cache, corpus.dir), CACHE_VERSION, stored, (id) => analyzed.spelling(id), analyzed.spellingCount()), null);
    const cold = await index(corpus, null);
    const cached = await index(corpus, cache);
    assert.ok(cached.logs.some((l) => /5 of the 5 analyses/.test(l)), cached.logs.join('\n'));
    const entryFindings = (c: TestClient) => (c.diagnostics.get(poisoned) ?? []).filter((d) => /entry|date/.test(String(d.code)));
    assert.ok(entryFindings(cold).length > 0, 'the file has entry findings');
    assert.deepEqual(entryFindings(cached), []);
    for (const f of files) if (f.file !== poisoned) assert.deepEqual(cached.diagnostics.get(f.file)?.length, cold.diagnostics.get(f.file)?.length, f.file);
  });

  it('a damaged cache, or one turned off in the settings, is an index without it', async () => {
    const { corpus, cache } = seedsAndCacheFolder();
    const first = await index(corpus, cache);
    await stored(first);
    const file = modelsFile(rootCacheFolder(cache, corpus.dir));
    const bytes = fs.readFileSync(file);
    for (const damaged of [Buffer.from('not a cache at all'), bytes.subarray(0, bytes.length - 8), Buffer.alloc(0)]) {
      fs.writeFileSync(file, damaged);
      const client = await index(corpus, cache);
      assert.ok(!client.logs.some((l) => /kept from the last session/.test(l)), client.logs.join('\n'));
      assert.deepEqual(published(client), published(first));
      // Written again whole.
      await stored(client);
    }
    fs.rmSync(file);
    const off = await index(corpus, cache, { cache: { enabled: false } });
    assert.deepEqual(published(off), published(first));
    assert.ok(!fs.existsSync(file), 'corpusLint.cache.enabled false: nothing stored');
  });

  it('goes to the folder the client names, else to the user cache folder, and CORPUS_LINT_CACHE=off turns it off', () => {
    assert.equal(defaultCacheBase({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/u'), path.join('/x/cache', 'corpus-lint'));
    assert.equal(defaultCacheBase({ XDG_CACHE_HOME: 'relative' }, 'linux', '/home/u'), path.join('/home/u', '.cache', 'corpus-lint'));
    assert.equal(defaultCacheBase({}, 'darwin', '/Users/u'), path.join('/Users/u', 'Library', 'Caches', 'corpus-lint'));
    assert.equal(defaultCacheBase({}, 'linux', ''), null);
    assert.deepEqual(cacheOptions({ CORPUS_LINT_CACHE: 'off' }), { cacheFolder: null, noCache: true });
    assert.deepEqual(cacheOptions({ CORPUS_LINT_CACHE: '/somewhere' }), { cacheFolder: '/somewhere', noCache: false });
    assert.notEqual(rootCacheFolder('/c', '/corpus/a'), rootCacheFolder('/c', '/corpus/b'));
    // The client's folder first (an absolute one), null for none, else the server's own; off in its environment wins.
    assert.equal(cacheBaseOf('/storage', { cacheFolder: '/home/u/.cache/corpus-lint' }), '/storage');
    assert.equal(cacheBaseOf(null, { cacheFolder: '/home/u/.cache/corpus-lint' }), null);
    assert.equal(cacheBaseOf(undefined, { cacheFolder: '/home/u/.cache/corpus-lint' }), '/home/u/.cache/corpus-lint');
    assert.equal(cacheBaseOf('relative/folder', {}), null);
    assert.equal(cacheBaseOf('/storage', { noCache: true }), null);
  });
});
