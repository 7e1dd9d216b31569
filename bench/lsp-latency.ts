/**
 * Latency of the language server as an editor sees it: `node dist/server.js --stdio` is spawned and driven over
 * JSON-RPC. Measures the time from `initialize` to the first full diagnostics (every file published, status says
 * indexing is over) on the seeds and on a larger corpus, and from a `didChange` to the updated diagnostics of that
 * file (median and p95 over 50 edits; the server's 50 ms typing debounce is included).
 *
 *   npx tsx bench/lsp-latency.ts [corpus folder]    (default: ../shared/corpus/saudinewsnet from the repo root)
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as rpc from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';

const REPO = path.resolve(__dirname, '..');
const EDITS = 50;

interface Status {
  files: number;
  entries: number;
  findings: number;
  indexing: boolean;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(folder: string): Promise<void> {
  const child = spawn(process.execPath, [path.join(REPO, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const diagnostics = new Map<string, Diagnostic[]>();
  let onPublish: ((p: PublishDiagnosticsParams) => void) | undefined;
  let onStatus: ((s: Status) => void) | undefined;
  let firstPublish = 0;
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    if (!firstPublish) firstPublish = performance.now();
    diagnostics.set(p.uri, p.diagnostics);
    onPublish?.(p);
  });
  connection.onNotification('corpusLint/status', (s: Status) => onStatus?.(s));
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ maxFileSizeMB: 50 })));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();

  const folderUri = URI.file(folder).toString();
  const t0 = performance.now();
  const indexed = new Promise<Status>((resolve) => {
    onStatus = (s) => {
      if (!s.indexing && s.files > 0) resolve(s);
    };
  });
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folderUri,
    workspaceFolders: [{ uri: folderUri, name: path.basename(folder) }],
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      window: { workDoneProgress: true },
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { relatedInformation: true } },
    },
  });
  await connection.sendNotification('initialized', {});
  const status = await indexed;
  const full = performance.now() - t0;
  console.log(
    `${path.basename(folder)}: ${status.files} files, ${status.entries} entries, ${status.findings} findings\n` +
      `  initialize -> first diagnostics: ${(firstPublish - t0).toFixed(0)} ms; -> full diagnostics: ${full.toFixed(0)} ms`,
  );

  // The file to type in: the first (by name) with findings; edits go at the start of its first finding's line.
  const target = [...diagnostics.entries()].filter(([, ds]) => ds.length > 0).sort(([a], [b]) => (a < b ? -1 : 1))[0];
  if (!target) throw new Error('no file with findings to edit');
  const [uri, ds] = target;
  const line = ds[0].range.start.line;
  const text = fs.readFileSync(URI.parse(uri).fsPath, 'utf8');
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'corpus', version: 1, text } });
  await new Promise<void>((resolve) => {
    onPublish = (p) => p.uri === uri && resolve();
    setTimeout(resolve, 2000);
  });

  const times: number[] = [];
  let version = 1;
  for (let i = 0; i < EDITS; i++) {
    // Alternately insert and delete a word at the start of the finding's line.
    // (Diagnostics carry a fingerprint of the text, so every edit republishes the edited file.)
    const insert = i % 2 === 0;
    const published = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no diagnostics after an edit within 60 s')), 60000);
      onPublish = (p) => {
        if (p.uri !== uri) return;
        clearTimeout(timer);
        resolve(performance.now());
      };
    });
    const start = performance.now();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [
        insert
          ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'خبر ' }
          : { range: { start: { line, character: 0 }, end: { line, character: 4 } }, text: '' },
      ],
    });
    times.push((await published) - start);
  }
  times.sort((a, b) => a - b);
  let rss = '';
  try {
    const statusFile = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    rss = `; server peak RSS ${(Number(/VmHWM:\s+(\d+)/.exec(statusFile)?.[1] ?? 0) / 1024).toFixed(0)} MB`;
  } catch {
    // not Linux
  }
  console.log(
    `  didChange -> updated diagnostics of ${path.basename(URI.parse(uri).fsPath)} over ${EDITS} edits: ` +
      `median ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms${rss}`,
  );
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await new Promise((resolve) => child.on('exit', resolve));
  connection.dispose();
}

async function main(): Promise<void> {
  const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
  const large = path.resolve(REPO, process.argv[2] ?? '../shared/corpus/saudinewsnet');
  await measure(path.join(REPO, 'test/fixtures/corpus/seeds'));
  if (fs.existsSync(large)) await measure(large);
  else console.log(`(no corpus at ${path.relative(REPO, large)}: pass its folder as the first argument)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
