/**
 * The server on a workspace holding links, pipes and a folder it cannot list: each is named in a "skipped" notice
 * with its reason (never followed, never read, never dropped in silence) and the other files are indexed.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inProcess, overProcess, REPO, SEED, TempCorpus, trackSession } from './harness';
import { Root } from '../../server/src/lsp/roots';
import { unprivileged } from '../helpers/unprivileged';

/** The seeds with a link to a file, to a folder and to a device, a pipe, and the same in an excluded folder. */
function oddWorkspace(): TempCorpus {
  const corpus = new TempCorpus({ 'corpus-lint.json': JSON.stringify({ exclude: ['drafts/**'] }), 'drafts/kept.txt': 'نص' });
  fs.symlinkSync(SEED.s003, corpus.path('link.txt'));
  fs.symlinkSync(os.tmpdir(), corpus.path('linked-folder'));
  fs.symlinkSync('/dev/zero', corpus.path('zero.txt'));
  execFileSync('mkfifo', [corpus.path('pipe.txt')]);
  execFileSync('mkfifo', [corpus.path('drafts/pipe.txt')]);
  fs.mkdirSync(corpus.path('nested'));
  fs.writeFileSync(corpus.path('nested/corpus-lint.json'), '{}');
  execFileSync('mkfifo', [corpus.path('nested/pipe.txt')]);
  return corpus;
}

describe('language server: links, pipes and unlistable folders in the workspace', function () {
  this.timeout(60000);
  before(function () {
    if (process.platform === 'win32') this.skip();
  });

  it('a root lists them with their reasons, leaving out what its globs exclude and what a nested root holds', async () => {
    const corpus = oddWorkspace();
    try {
      const root = new Root(corpus.dir, '', {});
      root.nested = [corpus.path('nested')];
      const found = await root.findFiles();
      assert.deepEqual(found.files, Object.values(SEED).map((f) => corpus.path(f)).sort());
      assert.deepEqual(found.unusable, [
        { absolute: corpus.path('link.txt'), reason: 'symbolic link, not followed' },
        { absolute: corpus.path('linked-folder'), reason: 'symbolic link to a folder, not followed' },
        { absolute: corpus.path('pipe.txt'), reason: 'not a regular file: a named pipe (FIFO)' },
        { absolute: corpus.path('zero.txt'), reason: 'symbolic link, not followed' },
      ]);
    } finally {
      corpus.dispose();
    }
  });

  it('says so in its log and indexes the rest (no hang)', async () => {
    const corpus = oddWorkspace();
    const { client, dispose } = inProcess();
    trackSession({ client, corpus, dispose });
    await client.initialize(corpus.dir);
    const status = await client.indexed();
    assert.equal(status.files, 5);
    const skipped = client.logs.filter((l) => /^\[server\] skipped /.test(l)).map((l) => l.replace(/^\[server\] /, ''));
    assert.deepEqual(skipped.sort(), [
      'skipped link.txt: symbolic link, not followed',
      'skipped linked-folder: symbolic link to a folder, not followed',
      'skipped nested/pipe.txt: not a regular file: a named pipe (FIFO)',
      'skipped pipe.txt: not a regular file: a named pipe (FIFO)',
      'skipped zero.txt: symbolic link, not followed',
    ]);
    assert.ok(client.logs.includes('[server] indexed 5 files in 2 roots, skipped 5'), client.logs.join('\n'));
  });

  it('a link that appears later, reported by the file watcher, is not followed either', async () => {
    const corpus = oddWorkspace();
    const { client, dispose } = inProcess();
    trackSession({ client, corpus, dispose });
    await client.initialize(corpus.dir);
    await client.indexed();
    fs.symlinkSync(SEED.s002, corpus.path('late.txt'));
    const uri = corpus.uri('late.txt');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    await client.waitFor(() => client.logs.includes('[server] skipped late.txt: symbolic link, not followed'), 'the note');
    // Not in the corpus (a request applies the pending changes first): no symbols, no diagnostics.
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.equal(client.diagnostics.get(uri), undefined);
  });

  it('names a folder it cannot list (run as a user the permissions bind)', async function () {
    const corpus = new TempCorpus({ 'locked/inside.txt': 'نص' });
    try {
      fs.chmodSync(corpus.path('locked'), 0o000);
      const prefix = unprivileged(corpus.dir);
      if (!prefix) this.skip();
      const child = spawn(prefix[0], [...prefix.slice(1), process.execPath, path.join(REPO, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      try {
        const client = overProcess(child);
        await client.initialize(corpus.dir);
        await client.indexed();
        assert.ok(
          client.logs.some((l) => l.endsWith('skipped locked: folder cannot be listed: permission denied (EACCES)')),
          client.logs.join('\n'),
        );
      } finally {
        child.kill();
      }
    } finally {
      fs.chmodSync(corpus.path('locked'), 0o755);
      corpus.dispose();
    }
  });
});
