/**
 * The bundled server indexing a large folder with a worker thread, or with a helper thread reading ahead, publishes
 * exactly what it publishes alone.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import { editorCapabilities, overProcess, REPO, TempCorpus } from './harness';

describe('language server with worker threads (CORPUS_LINT_THREADS)', function () {
  this.timeout(180000);
  const children: ChildProcess[] = [];
  let corpus: TempCorpus | undefined;

  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: REPO, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  after(() => {
    for (const c of children) if (c.exitCode === null) c.kill();
    corpus?.dispose();
  });

  /** 450 generated files (lines of the seeds dealt out: files differ but share paragraphs) and one not text. */
  function generated(): TempCorpus {
    if (corpus) return corpus;
    const seeds = new TempCorpus();
    const lines = require('node:fs')
      .readdirSync(seeds.dir)
      .flatMap((f: string) => seeds.read(f).split('\n'))
      .filter((l: string) => l.trim());
    seeds.dispose();
    const files: Record<string, string | Buffer> = { 'bad.txt': Buffer.from([0x41, 0xff, 0xfe, 0x42]) };
    for (let i = 0; i < 450; i++) {
      files[`gen/${String(i).padStart(3, '0')}.txt`] = Array.from({ length: 6 }, (_, k) => lines[(i * 7 + k * 13) % lines.length]).join('\n\n') + '\n';
    }
    return (corpus = new TempCorpus(files));
  }

  function start(threads: string, readAhead = true, cache = 'off') {
    const child = spawn(process.execPath, [path.join(REPO, 'dist/server.js'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, CORPUS_LINT_THREADS: threads, CORPUS_LINT_READ_AHEAD: readAhead ? '' : '0', CORPUS_LINT_CACHE: cache },
    });
    children.push(child);
    return { child, client: overProcess(child) };
  }

  async function index(threads: string, readAhead = true, cache = 'off') {
    const { child, client } = start(threads, readAhead, cache);
    await client.initialize(generated().dir, editorCapabilities());
    const status = await client.indexed();
    if (cache !== 'off') await client.waitFor(() => client.logs.some((l) => /stored the analyses|analyses kept from the last session were still valid/.test(l)), 'the cache used');
    // A diagnostic's data tags the analysis per server process (see lsp/diagnostics.ts): compared without the tag.
    const untagged = (ds: Diagnostic[]) => ds.map((d) => ({ ...d, data: { ...(d.data as object), analysis: typeof (d.data as { analysis?: unknown }).analysis } }));
    const diagnostics = [...client.diagnostics]
      .filter(([, ds]) => ds.length)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([uri, ds]) => [uri, untagged(ds)]);
    const skipped = client.logs.filter((l) => /\] skipped \S+: /.test(l)).sort();
    const workers = client.logs.filter((l) => /with \d+ worker thread|on a helper thread/.test(l));
    const cached = client.logs.filter((l) => /analyses/.test(l)).map((l) => l.replace(/^\[\w+\] /, ''));
    child.kill();
    return { status: { files: status.files, entries: status.entries, findings: status.findings }, diagnostics, skipped, workers, cached };
  }

  it('450 files, one of them not text: same diagnostics, same status, same files skipped', async () => {
    const alone = await index('0', false);
    const threaded = await index('1');
    const readAhead = await index('0');
    assert.ok(alone.status.files >= 450, `indexed ${alone.status.files} files`);
    assert.ok(alone.diagnostics.length > 100, 'the generated files have findings');
    assert.equal(alone.skipped.length, 1, alone.skipped.join("\n"));
    assert.deepEqual(alone.workers, []);
    assert.match(threaded.workers.join('\n'), /reading and analyzing 456 files with 1 worker thread$/);
    assert.match(readAhead.workers.join('\n'), /read \d+ of 456 files on a helper thread \(reading ahead\)$/);
    for (const other of [threaded, readAhead]) {
      assert.deepEqual(other.status, alone.status);
      assert.deepEqual(other.skipped, alone.skipped);
      assert.deepEqual(other.diagnostics, alone.diagnostics);
    }
  });

  it('opened again with the cache: the analyses read back (the files read ahead on a helper thread), same diagnostics', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-lsp-cache-'));
    try {
      const alone = await index('0', false);
      const first = await index('0', true, cache);
      assert.deepEqual(first.cached, ['stored the analyses of 455 files in the cache']);
      // Files changed on disk since: those are analyzed again.
      const changed = ['gen/010.txt', 'gen/200.txt'];
      const before = changed.map((f) => generated().read(f));
      for (const f of changed) generated().write(f, generated().read(f).replace(/\n\n/, '\n\nفقرة أضيفت بعد التخزين ولا يكتبها ملف آخر في المدونة\n\n'));
      try {
        const again = await index('0', true, cache);
        assert.deepEqual(again.cached, ['read the analyses of 455 files kept from the last session', '453 of the 455 analyses kept from the last session were still valid']);
        const cold = await index('0', false);
        assert.deepEqual(again.status, cold.status);
        assert.deepEqual(again.diagnostics, cold.diagnostics);
        assert.notDeepEqual(cold.diagnostics, alone.diagnostics);
      } finally {
        changed.forEach((f, i) => generated().write(f, before[i]));
      }
    } finally {
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });

  it('documents opened while the files are read and analyzed keep their editor text', async () => {
    // The editors' texts: documents opened in pairs share a paragraph no file on disk has (a paragraph in many files
    // would be boilerplate), so each one's line 3 duplicates its partner's and nothing else.
    const words = ['الأولى', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة'];
    const textOf = (pair: number, member: number) =>
      `عنوان تجريبي رقم ${2 * pair + member} لا يكتبه أي ملف\n\nفقرة تجريبية ${words[pair]} لا يكتبها أي ملف آخر في هذه المدونة على الإطلاق\n`;
    for (const [threads, readAhead] of [['0', true], ['1', true], ['0', false]] as const) {
      const { child, client } = start(threads, readAhead);
      await client.initialize(generated().dir, editorCapabilities());
      // Opened one after another while the index is being built (some may land after it).
      const opened: string[] = [];
      for (let i = 0; i < 10; i++) {
        const uri = generated().uri(`gen/${String(i * 45).padStart(3, '0')}.txt`);
        opened.push(uri);
        await client.open(uri, textOf(i >> 1, i & 1));
        await new Promise((r) => setTimeout(r, 20));
      }
      await client.indexed();
      for (let i = 0; i < opened.length; i++) {
        const uri = opened[i];
        const partner = opened[i ^ 1];
        const editors = (d: Diagnostic[]) =>
          d.some(
            (x) =>
              x.code === 'duplicate-paragraph' &&
              x.range.start.line === 2 &&
              x.relatedInformation?.length === 1 &&
              x.relatedInformation[0].location.uri === partner &&
              x.relatedInformation[0].location.range.start.line === 2,
          );
        const what = `threads ${threads}, read-ahead ${readAhead}: the editor text's duplicate in ${uri}`;
        await client.nextDiagnostics(uri, 0, editors, what);
        // The last publication is still the editor text's, not the disk's.
        assert.ok(editors(client.diagnostics.get(uri) ?? []), what);
      }
      child.kill();
    }
  });
});
