/** The bundled server as a separate process over stdio, driven like an editor drives it. */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver/node';
import { editorCapabilities, overProcess, positionOf, REPO, SEED, TempCorpus } from './harness';

describe('language server process (node dist/server.js --stdio)', function () {
  this.timeout(120000);
  let child: ChildProcess | undefined;
  let corpus: TempCorpus | undefined;
  const stderr: string[] = [];

  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: REPO, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  afterEach(() => {
    if (child && child.exitCode === null) child.kill();
    corpus?.dispose();
  });

  it('initializes, publishes diagnostics for an opened file, answers a hover, and exits cleanly on shutdown/exit', async () => {
    corpus = new TempCorpus();
    child = spawn(process.execPath, [path.join(REPO, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    const client = overProcess(child);

    const init = await client.initialize(corpus.dir, editorCapabilities());
    assert.equal(init.capabilities.positionEncoding, 'utf-16');
    assert.equal(init.serverInfo?.name, 'corpus-lint');
    assert.equal(init.serverInfo?.version, require(path.join(REPO, 'package.json')).version, 'the bundle carries the package version');

    const uri = corpus.uri(SEED.s002);
    const text = corpus.read(SEED.s002);
    await client.open(uri, text);
    const diagnostics = await client.nextDiagnostics(uri, 0, (ds) => ds.some((d) => d.code === 'duplicate-paragraph'));
    assert.equal(diagnostics.filter((d) => d.code === 'duplicate-paragraph').length, 20);
    await client.indexed();

    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'بوتن ', 1) });
    assert.match((hover.contents as { value: string }).value, /\*\*فلاديمير بوتين\*\* — person/);

    await client.shutdown();
    await client.connection.sendNotification('exit');
    assert.equal(await exited, 0, stderr.join(''));
    client.connection.dispose();
  });
  it('sends whatever the code prints on the console to stderr, never into the protocol on stdout', async () => {
    corpus = new TempCorpus();
    // Loaded before the server: prints with several console methods once the server runs.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-print-'));
    const printer = path.join(dir, 'printer.js');
    fs.writeFileSync(printer, "setTimeout(() => { console.log('printed by log'); console.table([1]); console.dir({ printed: 'by dir' }); console.count('printed'); }, 20);\n");
    child = spawn(process.execPath, ['-r', printer, path.join(REPO, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const errors: string[] = [];
    child.stderr!.on('data', (d: Buffer) => errors.push(d.toString()));
    const client = overProcess(child);
    await client.initialize(corpus.dir, editorCapabilities());
    await client.indexed();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const uri = corpus.uri(SEED.s002);
    const text = corpus.read(SEED.s002);
    await client.open(uri, text);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'بوتن ', 1) });
    assert.match((hover.contents as { value: string }).value, /فلاديمير بوتين/);
    const printed = errors.join('');
    for (const expected of ['printed by log', '(index)', "printed: 'by dir'", 'printed: 1']) assert.ok(printed.includes(expected), `${expected} in: ${printed}`);
    await client.shutdown();
    client.connection.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
