/**
 * The bundled server indexing a large folder with a worker thread, or with a helper thread reading ahead, publishes
 * exactly what it publishes alone.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import * as path from 'node:path';
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

  async function index(threads: string, readAhead = true) {
    const child = spawn(process.execPath, [path.join(REPO, 'dist/server.js'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, CORPUS_LINT_THREADS: threads, CORPUS_LINT_READ_AHEAD: readAhead ? '' : '0' },
    });
    children.push(child);
    const client = overProcess(child);
    await client.initialize(corpus!.dir, editorCapabilities());
    const status = await client.indexed();
    const diagnostics = [...client.diagnostics].filter(([, ds]) => ds.length).sort(([a], [b]) => (a < b ? -1 : 1));
    const skipped = client.logs.filter((l) => /\] skipped \S+: /.test(l)).sort();
    const workers = client.logs.filter((l) => /with \d+ worker thread|on a helper thread/.test(l));
    child.kill();
    return { status: { files: status.files, entries: status.entries, findings: status.findings }, diagnostics, skipped, workers };
  }

  it('450 files, one of them not text: same diagnostics, same status, same files skipped', async () => {
    // Lines of the seeds dealt out so that files differ but share paragraphs (duplicates across files).
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
    corpus = new TempCorpus(files);
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
});
