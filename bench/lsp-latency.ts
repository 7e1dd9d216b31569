/**
 * The language server as an editor sees it: `node dist/server.js --stdio` is spawned and driven over JSON-RPC on a
 * corpus, and every figure is printed (medians and percentiles; nothing is asserted). Per corpus:
 *
 * - indexing: `initialize` to the first and to the full diagnostics (every file published, status says indexing is
 *   over), then the first hover on a name (it waits up to 3 s for the people index, built after the files) and the
 *   first go to definition (it waits for the index);
 * - (a) edits: a word typed into, then deleted from, a paragraph that another file duplicates (so that file's
 *   findings change too): time from `didChange` to the last diagnostics that change caused (the edited file and
 *   every file whose duplicates changed; a request sent after the edited file's diagnostics arrive marks the end of
 *   them), median and p95 against 1% of the full indexing time; once with an edit every 100 ms (a fast typist), once
 *   back to back;
 * - (b) hover, go to definition and references on mentions of people across the corpus, and hover on any word;
 * - (c) memory while typing character by character into the same paragraph (each keystroke waits for its
 *   diagnostics): server RSS (/proc) and, when the server answers `corpusLint/serverStats`, its heap after a
 *   garbage collection, every 1,000 edits;
 * - (d) responsiveness: a cheap request (`corpusLint/serverStats`, answered at once without touching the corpus;
 *   an older server answers "method not found" just as fast) is sent every 10 ms during each phase; the slowest
 *   answers show how long the message loop was blocked. With a server that measures it (CORPUS_LINT_LOOP_DELAY=1),
 *   its own largest message-loop delay per phase too.
 *
 * Before those, `--index-runs` rounds (3 by default) of the floor (bench/floor.js) and a fresh server's initial index,
 * alternately, give the initial index's median as a ratio to the floor's, as the CLI bench gives the check's; each
 * run says how the server indexed (with worker threads, or alone with or without its read-ahead), as its log says.
 * Those servers keep no cache of analyses; then the same rounds with one (the workspace opened again: a first server
 * stores the analyses, the others read them back), against the floor and the cold index.
 *
 *   npx tsx bench/lsp-latency.ts [FOLDER...] [--edits 200] [--queries 100] [--memory-edits 10000] [--index-runs 3]
 *                                [--server dist/server.js] [--no-build] [--seeds]
 *
 * Default folders: ../shared/corpus/saudinewsnet and bench/.generated/corpus (npx tsx bench/generate.ts), those
 * that exist. `--server` runs another build of the server (an older commit's dist/server.js, to compare).
 * The machine's other work shows in every figure: compare medians of runs, not single maxima.
 */
import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import * as rpc from 'vscode-jsonrpc/node';
import type { Diagnostic, Hover, Location, Position, PublishDiagnosticsParams, SymbolInformation, WorkspaceSymbol } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';

const REPO = path.resolve(__dirname, '..');
const STATS = 'corpusLint/serverStats';
const PING_EVERY_MS = 10;
/** A fast typist: a keystroke (here a word typed or deleted at once) every 100 ms. */
const TYPING_PACE_MS = 100;

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    edits: { type: 'string', default: '200' },
    queries: { type: 'string', default: '100' },
    'memory-edits': { type: 'string', default: '10000' },
    server: { type: 'string', default: path.join(REPO, 'dist/server.js') },
    'index-runs': { type: 'string', default: '3' },
    'no-build': { type: 'boolean', default: false },
    seeds: { type: 'boolean', default: false },
  },
});

interface Status {
  files: number;
  entries: number;
  findings: number;
  indexing: boolean;
  peopleIndexing?: boolean;
}

interface ServerStats {
  rss: number;
  heapUsed: number;
  loopDelay: { max: number; p99: number } | null;
}

// ---- figures ----------------------------------------------------------------------------------------------------

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const ms = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms` : 'n/a');
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

function summary(values: number[]): string {
  return `median ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}, max ${ms(Math.max(...values))} (n=${values.length})`;
}

/** A reproducible pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- the server under test --------------------------------------------------------------------------------------

class Server {
  readonly connection: rpc.MessageConnection;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly statuses: Status[] = [];
  private publishListeners = new Set<(p: PublishDiagnosticsParams, at: number) => void>();
  private statusListeners = new Set<(s: Status) => void>();
  firstPublish = 0;
  /** The server answers corpusLint/serverStats (else it is only a ping). */
  hasStats = true;
  /** The server's log lines about its threads. */
  readonly threadLog: string[] = [];
  /** The server's log lines about its cache of analyses. */
  readonly cacheLog: string[] = [];

  constructor(readonly child: ChildProcess) {
    this.connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout!), new rpc.StreamMessageWriter(child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const at = performance.now();
      if (!this.firstPublish) this.firstPublish = at;
      this.diagnostics.set(p.uri, p.diagnostics);
      for (const l of [...this.publishListeners]) l(p, at);
    });
    this.connection.onNotification('corpusLint/status', (s: Status) => {
      this.statuses.push(s);
      for (const l of [...this.statusListeners]) l(s);
    });
    // How the initial index was made (worker threads, reading ahead, or this thread alone), as the server logs it.
    this.connection.onNotification('window/logMessage', (m: { message: string }) => {
      if (/worker thread|helper thread/.test(m.message)) this.threadLog.push(m.message);
      if (/analyses/.test(m.message)) this.cacheLog.push(m.message.replace(/^\[\w+\] /, ''));
    });
    this.connection.onNotification('$/progress', () => undefined);
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ maxFileSizeMB: 50 })));
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/codeLens/refresh', () => null);
    this.connection.listen();
  }

  static start(serverFile: string): Server {
    const child = spawn(process.execPath, ['--expose-gc', serverFile, '--stdio'], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, CORPUS_LINT_LOOP_DELAY: '1' },
    });
    return new Server(child);
  }

  onPublish(listener: (p: PublishDiagnosticsParams, at: number) => void): () => void {
    this.publishListeners.add(listener);
    return () => this.publishListeners.delete(listener);
  }

  waitForStatus(check: (s: Status) => boolean, timeoutMs = 600000): Promise<Status> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no such status within the time limit')), timeoutMs);
      const listener = (s: Status) => {
        if (!check(s)) return;
        clearTimeout(timer);
        this.statusListeners.delete(listener);
        resolve(s);
      };
      this.statusListeners.add(listener);
    });
  }

  /** One cheap round trip (answered at once, without the memory figures, or "method not found" by an older server). */
  async ping(): Promise<void> {
    await this.connection.sendRequest(STATS, { memory: false }).catch(() => undefined);
  }

  /** The server's own figures, or null when it has none. `reset` starts its loop-delay histogram again. */
  async stats(o: { reset?: boolean; gc?: boolean } = {}): Promise<ServerStats | null> {
    if (!this.hasStats) return null;
    try {
      return (await this.connection.sendRequest(STATS, o)) as ServerStats;
    } catch {
      this.hasStats = false;
      return null;
    }
  }

  /** Resident set size of the server process (Linux), or NaN. */
  rss(): number {
    return this.statusBytes('VmRSS');
  }

  /** Peak resident set size of the server process (Linux), or NaN. */
  peakRss(): number {
    return this.statusBytes('VmHWM');
  }

  /** A size field (in kB) of /proc/PID/status, in bytes; NaN where there is none. */
  private statusBytes(field: string): number {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) * 1024;
    } catch {
      return NaN;
    }
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.on('exit', resolve));
    await this.connection.sendRequest('shutdown').catch(() => undefined);
    await this.connection.sendNotification('exit').catch(() => undefined);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
  }
}

/**
 * (d): a cheap request every 10 ms, not waiting for the previous one; the time each takes to be answered is at
 * least how long the server's message loop was busy when it arrived.
 */
class Pinger {
  private timer: NodeJS.Timeout | undefined;
  private phase = '';
  private pending = new Set<Promise<void>>();
  readonly delays = new Map<string, number[]>();
  readonly serverDelay = new Map<string, number>();

  constructor(private readonly server: Server) {}

  async begin(phase: string): Promise<void> {
    await this.end();
    this.phase = phase;
    this.delays.set(phase, []);
    await this.resume();
  }

  async end(): Promise<void> {
    if (!this.timer) return;
    await this.suspend();
  }

  /**
   * Stops pinging until `resume` (around the bench's own forced garbage collections, which block the server and
   * are no part of what is measured); the server's loop delay so far is kept.
   */
  async suspend(): Promise<void> {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.all(this.pending);
    const stats = await this.server.stats();
    if (stats?.loopDelay) this.serverDelay.set(this.phase, Math.max(this.serverDelay.get(this.phase) ?? 0, stats.loopDelay.max));
  }

  async resume(): Promise<void> {
    await this.server.stats({ reset: true });
    const list = this.delays.get(this.phase)!;
    this.timer = setInterval(() => {
      const sent = performance.now();
      const ping = this.server.ping().then(() => {
        list.push(performance.now() - sent);
        this.pending.delete(ping);
      });
      this.pending.add(ping);
    }, PING_EVERY_MS);
  }

  report(): string[] {
    return [...this.delays].map(([phase, list]) => {
      const server = this.serverDelay.get(phase);
      return `    ${phase.padEnd(24)} answer to a ping every 10 ms: p50 ${ms(percentile(list, 50))}, p99 ${ms(percentile(list, 99))}, max ${ms(Math.max(...list))} (n=${list.length})${server !== undefined ? `; server loop delay max ${ms(server)}` : ''}`;
    });
  }
}

// ---- the corpus -------------------------------------------------------------------------------------------------

function textOf(uri: string): string {
  return fs.readFileSync(URI.parse(uri).fsPath, 'utf8');
}

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** A line holding a paragraph that another file duplicates exactly: the edits go there. */
function duplicatedParagraph(diagnostics: Map<string, Diagnostic[]>): { uri: string; line: number; others: string[] } {
  const candidates: { uri: string; line: number; others: string[] }[] = [];
  for (const [uri, ds] of diagnostics) {
    for (const d of ds) {
      if (d.code !== 'duplicate-paragraph' || d.range.start.line !== d.range.end.line) continue;
      const others = [...new Set((d.relatedInformation ?? []).map((r) => r.location.uri).filter((u) => u !== uri))];
      if (others.length) candidates.push({ uri, line: d.range.start.line, others });
    }
  }
  candidates.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.line - b.line));
  if (!candidates.length) throw new Error('no paragraph duplicated in another file: nothing to edit');
  return candidates[Math.floor(candidates.length / 2)];
}

/** Resolves once no people index build runs (the status the server last sent says so). */
async function peopleIndexBuilt(server: Server): Promise<void> {
  if (server.statuses[server.statuses.length - 1]?.peopleIndexing) await server.waitForStatus((s) => !s.peopleIndexing);
}

/** A mention of a well-known name, for the first hover. */
function someName(files: string[]): { uri: string; position: Position } {
  for (const needle of ['الملك سلمان', 'فلاديمير بوتين', 'الرئيس الأسد', 'بوتين']) {
    for (const uri of files) {
      const text = textOf(uri);
      const at = text.indexOf(needle);
      if (at >= 0) return { uri, position: positionOf(text, at + needle.length - 2) };
    }
  }
  throw new Error('no well-known name in the corpus');
}

/**
 * Sends `initialize` for a folder (capabilities as VS Code sends them) and waits until the server says indexing is
 * over with files indexed: every file's diagnostics are out. `initialized` is followed by `afterInitialized`.
 */
async function indexFolder(
  server: Server,
  folder: string,
  afterInitialized: () => Promise<void> = async () => undefined,
  cacheFolder: string | null = null,
): Promise<Status> {
  const folderUri = URI.file(folder).toString();
  const indexed = server.waitForStatus((s) => !s.indexing && s.files > 0);
  await server.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folderUri,
    workspaceFolders: [{ uri: folderUri, name: path.basename(folder) }],
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      window: { workDoneProgress: true },
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, codeLens: { refreshSupport: true }, symbol: {} },
      textDocument: { publishDiagnostics: { relatedInformation: true }, hover: { contentFormat: ['markdown'] } },
    },
    // No cache of analyses (every index is a cold one) unless a folder is given.
    initializationOptions: { cacheFolder },
  });
  await server.connection.sendNotification('initialized', {});
  await afterInitialized();
  return indexed;
}

/** Seconds of `node bench/floor.js folder`: read, decode and split every file (the floor of the CLI bench). */
function floorSeconds(folder: string): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, [path.join(REPO, 'bench/floor.js'), folder], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('bench/floor.js failed');
  return (performance.now() - t) / 1000;
}

/**
 * The initial index against the floor, as the CLI bench measures the check: `runs` rounds of the floor, then a fresh
 * server from `initialize` to its full diagnostics, alternately (so both see the machine, and the files in the page
 * cache, alike); medians and their ratio.
 */
async function indexAgainstFloor(folder: string, runs: number): Promise<number> {
  const floors: number[] = [];
  const firsts: number[] = [];
  const fulls: number[] = [];
  const modes: string[] = [];
  for (let i = 0; i < runs; i++) {
    floors.push(floorSeconds(folder));
    const server = Server.start(args.server!);
    try {
      const t0 = performance.now();
      await indexFolder(server, folder);
      fulls.push((performance.now() - t0) / 1000);
      firsts.push((server.firstPublish - t0) / 1000);
      modes.push(indexMode(server.threadLog));
    } finally {
      await server.stop();
    }
  }
  const floor = percentile(floors, 50);
  const full = percentile(fulls, 50);
  const s = (v: number) => `${v.toFixed(2)} s`;
  console.log(
    `  initial index, ${runs} runs alternating with the floor: floor median ${s(floor)}; initialize -> first diagnostics median ${s(percentile(firsts, 50))}, ` +
      `-> full diagnostics median ${s(full)} (${fulls.map((v) => v.toFixed(2)).join(', ')}): ${(full / floor).toFixed(2)}x the floor; ` +
      `indexed ${[...new Set(modes)].map((m) => `${modes.filter((x) => x === m).length}x ${m}`).join(', ')}`,
  );
  return full;
}

/**
 * The workspace opened again with the cache of analyses: a first server stores them, then `runs` rounds of the floor
 * and a fresh server reading them back, alternately; against the floor and the cold index (`cold`, seconds).
 */
async function indexWithCache(folder: string, runs: number, cold: number): Promise<void> {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-bench-cache-'));
  try {
    const first = Server.start(args.server!);
    try {
      await indexFolder(first, folder, undefined, cache);
      const deadline = performance.now() + 120000;
      while (!first.cacheLog.some((l) => /stored the analyses/.test(l)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await first.stop();
    }
    if (!first.cacheLog.length) {
      console.log('  (the server stored no analyses: no cache of analyses in this build)');
      return;
    }
    const floors: number[] = [];
    const fulls: number[] = [];
    let read = '';
    for (let i = 0; i < runs; i++) {
      floors.push(floorSeconds(folder));
      const server = Server.start(args.server!);
      try {
        const t0 = performance.now();
        await indexFolder(server, folder, undefined, cache);
        fulls.push((performance.now() - t0) / 1000);
        read = server.cacheLog.find((l) => /still valid/.test(l)) ?? 'no analysis read back';
      } finally {
        await server.stop();
      }
    }
    const floor = percentile(floors, 50);
    const full = percentile(fulls, 50);
    console.log(
      `  opened again with the cache of analyses, ${runs} runs alternating with the floor: floor median ${floor.toFixed(2)} s; -> full diagnostics median ` +
        `${full.toFixed(2)} s (${fulls.map((v) => v.toFixed(2)).join(', ')}): ${(full / floor).toFixed(2)}x the floor, ${(full / cold).toFixed(2)}x the cold index; ${read}`,
    );
  } finally {
    fs.rmSync(cache, { recursive: true, force: true });
  }
}

/**
 * How a server made its initial index, from its log: with worker threads, or on its own thread with or without the
 * read-ahead helper (the server decides on workers by the machine's load, so runs of one bench may differ).
 */
function indexMode(log: string[]): string {
  const workers = log.map((l) => /with (\d+) worker thread/.exec(l)).find((m) => m);
  if (workers) return `with ${workers[1]} worker thread${workers[1] === '1' ? '' : 's'}`;
  return log.some((l) => /helper thread/.test(l)) ? 'alone with the read-ahead' : 'alone';
}

// ---- one corpus -------------------------------------------------------------------------------------------------

async function measure(folder: string): Promise<void> {
  const server = Server.start(args.server!);
  const pinger = new Pinger(server);
  const lines: string[] = [];
  const out = (s: string) => {
    lines.push(s);
    console.log(s);
  };
  try {
    const t0 = performance.now();
    const status = await indexFolder(server, folder, () => pinger.begin('indexing'));
    const full = performance.now() - t0;
    out(`${path.basename(folder)}: ${status.files} files, ${status.entries} entries, ${status.findings} findings (server ${path.relative(REPO, args.server!) || args.server})`);
    out(`  indexing: initialize -> first diagnostics ${ms(server.firstPublish - t0)}; -> full diagnostics ${ms(full)} (1% = ${ms(full / 100)})`);

    // The first question about a name: the people index is built after the files (in the background, or on this
    // request by an older server).
    const files = [...server.diagnostics.keys()].sort();
    const name = someName(files);
    await pinger.begin('people index');
    let t = performance.now();
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: name.uri }, position: name.position });
    const firstHover = performance.now() - t;
    // Go to definition waits for the people index: the time it takes is how long an editor waits for its first
    // cross-file answer.
    await server.connection.sendRequest('textDocument/definition', { textDocument: { uri: name.uri }, position: name.position });
    const firstDefinition = performance.now() - t;
    // The edits below are timed with the index built (a build under way makes them wait for its slices).
    await peopleIndexBuilt(server);
    const build = server.hasStats ? await server.connection.sendRequest<{ lastPeopleBuild: { busy: number; wall: number } | null }>(STATS, {}).catch(() => null) : null;
    out(
      `  first hover on a name after indexing: ${ms(firstHover)}; first definition: ${ms(firstDefinition)}` +
        (build?.lastPeopleBuild ? ` (people index: ${ms(build.lastPeopleBuild.busy)} of work in ${ms(build.lastPeopleBuild.wall)})` : ''),
    );

    // (a) A word typed into a duplicated paragraph and deleted again: the edited file and the files holding its
    // copies get new diagnostics.
    const target = duplicatedParagraph(server.diagnostics);
    const text = textOf(target.uri);
    // An even number: the paragraph is as on disk again afterwards.
    const edits = 2 * Math.ceil(Number(args.edits) / 2);
    let version = 1;
    // The same text as on disk: nothing to publish.
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: target.uri, languageId: 'corpus', version, text } });
    await server.ping();
    /** `edits` edits, each sent `paceMs` after the previous one (or when its diagnostics came, if later). */
    const typeWords = async (paceMs: number) => {
      const times: number[] = [];
      let othersTotal = 0;
      let withOthers = 0;
      for (let i = 0; i < edits; i++) {
        const insert = i % 2 === 0;
        const change = insert
          ? { range: { start: { line: target.line, character: 0 }, end: { line: target.line, character: 0 } }, text: 'خبر ' }
          : { range: { start: { line: target.line, character: 0 }, end: { line: target.line, character: 4 } }, text: '' };
        const sent = performance.now();
        const r = await editAndWait(server, target.uri, ++version, [change]);
        times.push(r.time);
        othersTotal += r.others;
        if (r.others) withOthers++;
        const rest = paceMs - (performance.now() - sent);
        if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
      }
      const median = percentile(times, 50);
      return (
        `${summary(times)}; median ${((median / full) * 100).toFixed(2)}% of the full indexing, p95 ${((percentile(times, 95) / full) * 100).toFixed(2)}%; ` +
        `${withOthers} edits also changed other files (${(othersTotal / Math.max(1, withOthers)).toFixed(1)} files each)`
      );
    };
    const where = `${path.basename(URI.parse(target.uri).fsPath)}:${target.line + 1}`;
    await pinger.begin('(a) edits');
    out(`  (a) didChange -> updated diagnostics of the edited file and of the files whose duplicates changed, ${edits} edits of ${where}:`);
    out(`      a word typed or deleted every ${TYPING_PACE_MS} ms: ${await typeWords(TYPING_PACE_MS)}`);
    out(`      back to back (the next edit as soon as the diagnostics came): ${await typeWords(0)}`);
    await pinger.end();

    // (b) Questions about people. The first one after the edits is answered from the new index if it is built in
    // time, else (a corpus whose builds are slow) from the last one carried over to the edits; the others are timed
    // once the new index is built.
    await pinger.begin('(b) queries');
    t = performance.now();
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: name.uri }, position: name.position });
    out(`  first hover after the edits: ${ms(performance.now() - t)}`);
    await peopleIndexBuilt(server);
    const mentions = await peopleMentions(server, Number(args.queries));
    const hoverTimes: number[] = [];
    const definitionTimes: number[] = [];
    const referenceTimes: number[] = [];
    let referenceCount = 0;
    let cards = 0;
    for (const m of mentions) {
      const at = { textDocument: { uri: m.uri }, position: m.range.start };
      t = performance.now();
      const h = (await server.connection.sendRequest('textDocument/hover', at)) as Hover | null;
      hoverTimes.push(performance.now() - t);
      if (h && /— person/.test((h.contents as { value: string }).value)) cards++;
      t = performance.now();
      await server.connection.sendRequest('textDocument/definition', at);
      definitionTimes.push(performance.now() - t);
      t = performance.now();
      const refs = (await server.connection.sendRequest('textDocument/references', { ...at, context: { includeDeclaration: true } })) as Location[] | null;
      referenceTimes.push(performance.now() - t);
      referenceCount += refs?.length ?? 0;
    }
    const anyWordTimes: number[] = [];
    const rand = random(7);
    for (let i = 0; i < mentions.length; i++) {
      const uri = files[Math.floor(rand() * files.length)];
      const lineCount = textOf(uri).split('\n').length;
      t = performance.now();
      await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: Math.floor(rand() * lineCount), character: 3 } });
      anyWordTimes.push(performance.now() - t);
    }
    await pinger.end();
    out(`  (b) on ${mentions.length} mentions of people (${cards} hovers showed a person card; ${(referenceCount / Math.max(1, mentions.length)).toFixed(0)} references each on average):`);
    out(`      hover ${summary(hoverTimes)}`);
    out(`      definition ${summary(definitionTimes)}`);
    out(`      references ${summary(referenceTimes)}`);
    out(`      hover on any word ${summary(anyWordTimes)}`);

    // (c) Memory while typing character by character into the paragraph (each keystroke waits for its diagnostics).
    const memoryEdits = Number(args['memory-edits']);
    if (memoryEdits > 0) {
      await pinger.begin('(c) typing');
      const phrase = ' عاجل من الرياض';
      const samples: { edits: number; rss: number; heap: number | null }[] = [];
      const sample = async (n: number) => {
        await pinger.suspend();
        const stats = await server.stats({ gc: true });
        samples.push({ edits: n, rss: server.rss(), heap: stats ? stats.heapUsed : null });
        await pinger.resume();
      };
      await sample(0);
      const keystrokes: number[] = [];
      const lineText = textOf(target.uri).split('\n')[target.line];
      const column = Math.max(0, lineText.indexOf(' '));
      let typed = 0;
      for (let i = 1; i <= memoryEdits; i++) {
        // Type the phrase one character at a time, then delete it one character at a time.
        const cycle = (i - 1) % (2 * phrase.length);
        const change =
          cycle < phrase.length
            ? { range: { start: { line: target.line, character: column + typed }, end: { line: target.line, character: column + typed } }, text: phrase[typed++] }
            : { range: { start: { line: target.line, character: column + typed - 1 }, end: { line: target.line, character: column + typed-- } }, text: '' };
        const r = await editAndWait(server, target.uri, ++version, [change], false);
        keystrokes.push(r.time);
        if (i % 1000 === 0) await sample(i);
      }
      await pinger.end();
      const fmt = (s: (typeof samples)[number]) => `${s.edits}: ${mb(s.rss)}${s.heap !== null ? ` / ${mb(s.heap)}` : ''}`;
      out(`  (c) ${memoryEdits} keystrokes (each -> its diagnostics: ${summary(keystrokes)}); server RSS${samples[0].heap !== null ? ' / heap after GC' : ''} every 1,000 edits:`);
      out(`      ${samples.map(fmt).join(', ')}`);
      const after1000 = samples.filter((s) => s.edits >= 1000);
      if (after1000.length > 1) {
        const first = after1000[0];
        const last = after1000[after1000.length - 1];
        const heapGrowth = first.heap !== null && last.heap !== null ? `, heap ${((last.heap - first.heap) / 1048576).toFixed(1)} MB` : '';
        const rssValues = after1000.map((s) => s.rss);
        out(`      from 1,000 to ${last.edits} edits: RSS ${((last.rss - first.rss) / 1048576).toFixed(1)} MB (range ${mb(Math.min(...rssValues))}–${mb(Math.max(...rssValues))})${heapGrowth}`);
      }
    }

    out(`  (d) message-loop responsiveness by phase:`);
    for (const l of pinger.report()) out(l);
    out(`  server peak RSS ${mb(server.peakRss())}`);
  } finally {
    await pinger.end().catch(() => undefined);
    await server.stop();
  }
}

/** Waits for the next diagnostics of a file. */
function waitForPublication(server: Server, uri: string, timeoutMs = 60000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no diagnostics of ${uri} within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = server.onPublish((p, at) => {
      if (p.uri !== uri) return;
      clearTimeout(timer);
      off();
      resolve(at);
    });
  });
}

/**
 * Sends a change and waits for the diagnostics it causes: the edited file's (which always change: they carry a
 * fingerprint of the text), then those of other files published by the same update — every one of them is sent
 * before the answer to a request sent after the edited file's. Returns the time to the last of them.
 */
async function editAndWait(
  server: Server,
  uri: string,
  version: number,
  contentChanges: unknown[],
  others = true,
): Promise<{ time: number; others: number }> {
  const seen = new Set<string>();
  let last = 0;
  const off = server.onPublish((p, at) => {
    if (p.uri !== uri) seen.add(p.uri);
    last = Math.max(last, at);
  });
  try {
    const published = waitForPublication(server, uri);
    const start = performance.now();
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    await published;
    if (others) await server.ping();
    return { time: last - start, others: seen.size };
  } finally {
    off();
  }
}

/** Mentions of people across the corpus: the people workspace symbols find, then their references, sampled. */
async function peopleMentions(server: Server, count: number): Promise<Location[]> {
  const people: (WorkspaceSymbol | SymbolInformation)[] = [];
  for (const q of ['سلمان', 'محمد', 'عبدالله', 'بوتين', 'أوباما', 'الأسد', 'نايف', 'خالد', 'الفيصل', 'الجبير']) {
    const found = ((await server.connection.sendRequest('workspace/symbol', { query: q })) as (WorkspaceSymbol | SymbolInformation)[] | null) ?? [];
    people.push(...found.filter((s) => /^person/.test(s.containerName ?? '')).slice(0, 5));
  }
  const all: Location[] = [];
  for (const p of people) {
    const location = p.location as Location;
    const refs = (await server.connection.sendRequest('textDocument/references', {
      textDocument: { uri: location.uri },
      position: location.range.start,
      context: { includeDeclaration: true },
    })) as Location[] | null;
    all.push(...(refs ?? []));
  }
  const rand = random(42);
  const out: Location[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < all.length * 4 && out.length < count; i++) {
    const m = all[Math.floor(rand() * all.length)];
    const key = `${m.uri}:${m.range.start.line}:${m.range.start.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out;
}

async function main(): Promise<void> {
  if (!args['no-build']) {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: REPO, stdio: 'inherit' });
    if (build.status !== 0) process.exit(1);
  }
  const folders = positionals.length
    ? positionals.map((f) => path.resolve(f))
    : [path.resolve(REPO, '../shared/corpus/saudinewsnet'), path.resolve(REPO, 'bench/.generated/corpus')];
  if (args.seeds) folders.unshift(path.join(REPO, 'test/fixtures/corpus/seeds'));
  for (const folder of folders) {
    if (!fs.existsSync(folder)) {
      console.log(`(no corpus at ${path.relative(REPO, folder)}: pass a folder, or run npx tsx bench/generate.ts)`);
      continue;
    }
    const runs = Number(args['index-runs']);
    if (runs > 0) {
      console.log(`${path.basename(folder)} (server ${path.relative(REPO, args.server!) || args.server}):`);
      const cold = await indexAgainstFloor(folder, runs);
      await indexWithCache(folder, runs, cold);
    }
    await measure(folder);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
