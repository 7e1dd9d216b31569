/**
 * Test harness for the language server: a temporary copy of a corpus, and an editor-like client that talks to a
 * server, either in-process over a pair of streams or as a separate process. Waits are event-driven (no sleeps).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import type { ChildProcess } from 'node:child_process';
import * as rpc from 'vscode-jsonrpc/node';
import {
  createConnection,
  ProposedFeatures,
  StreamMessageReader as ServerReader,
  StreamMessageWriter as ServerWriter,
} from 'vscode-languageserver/node';
import type {
  ClientCapabilities,
  Diagnostic,
  InitializeResult,
  Position,
  PublishDiagnosticsParams,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { startServer, ServerOptions, CorpusStatus } from '../../server/src/lsp/server';
import { uriFromPath } from '../../server/src/lsp/uris';

export const REPO = path.resolve(__dirname, '../..');
export const SEEDS = path.join(REPO, 'test/fixtures/corpus/seeds');
export { SEED } from '../helpers/fixture';

/**
 * A value with the Unicode isolates (FSI, PDI) the server puts around Arabic fragments of its messages taken out: most
 * tests read the words, test/lsp/bidi.test.ts the isolates.
 */
export function withoutIsolates<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/[\u2068\u2069]/g, '') as T;
  if (Array.isArray(value)) return value.map(withoutIsolates) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutIsolates(v)])) as T;
  return value;
}

/** A temporary folder holding a copy of the seeds (plus extra files); removed by `dispose`. */
export class TempCorpus {
  readonly dir: string;
  constructor(extra: Record<string, string | Buffer> = {}) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-lsp-'));
    for (const f of fs.readdirSync(SEEDS)) fs.copyFileSync(path.join(SEEDS, f), path.join(this.dir, f));
    for (const [name, content] of Object.entries(extra)) this.write(name, content);
  }
  path(name: string): string {
    return path.join(this.dir, name);
  }
  uri(name: string): string {
    return uriFromPath(this.path(name));
  }
  read(name: string): string {
    return fs.readFileSync(this.path(name), 'utf8');
  }
  write(name: string, content: string | Buffer): void {
    fs.mkdirSync(path.dirname(this.path(name)), { recursive: true });
    fs.writeFileSync(this.path(name), content);
  }
  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The capabilities of a modern editor (like VS Code's), with switches for the cases under test. */
export function editorCapabilities(o: { relatedInformation?: boolean; encodings?: string[] } = {}): ClientCapabilities {
  return {
    general: { positionEncodings: o.encodings ?? ['utf-16'] },
    window: { workDoneProgress: true },
    workspace: {
      configuration: true,
      workspaceFolders: true,
      applyEdit: true,
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
      didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      didChangeConfiguration: { dynamicRegistration: true },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: true },
      publishDiagnostics: { relatedInformation: o.relatedInformation ?? true, codeDescriptionSupport: true, dataSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      rename: { prepareSupport: true },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
        isPreferredSupport: true,
        dataSupport: true,
      },
    },
  };
}

type Waiter = () => boolean;

/** An editor-like LSP client over a message connection. */
export class TestClient {
  /** Latest diagnostics per URI, and every publication in order. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly publications: PublishDiagnosticsParams[] = [];
  readonly statuses: CorpusStatus[] = [];
  readonly logs: string[] = [];
  readonly progress: unknown[] = [];
  readonly applied: WorkspaceEdit[] = [];
  readonly registrations: { id?: string; method: string; registerOptions?: unknown }[] = [];
  /** `workspace/codeLens/refresh` requests received. */
  codeLensRefreshes = 0;
  readonly unregistrations: { id: string; method: string }[] = [];
  settings: Record<string, unknown> = {};
  /** The diagnostics as the server sent them; `diagnostics` has them without the isolates around Arabic fragments. */
  readonly rawDiagnostics = new Map<string, Diagnostic[]>();
  private readonly waiters = new Set<Waiter>();
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();

  constructor(readonly connection: rpc.MessageConnection) {
    connection.onNotification('textDocument/publishDiagnostics', (raw: PublishDiagnosticsParams) => {
      this.rawDiagnostics.set(raw.uri, raw.diagnostics);
      const p = withoutIsolates(raw);
      this.diagnostics.set(p.uri, p.diagnostics);
      this.publications.push(p);
      this.wake();
    });
    connection.onNotification('corpusLint/status', (s: CorpusStatus) => {
      this.statuses.push(s);
      this.wake();
    });
    connection.onNotification('window/logMessage', (m: { message: string }) => {
      this.logs.push(m.message);
      this.wake();
    });
    connection.onNotification('$/progress', (p: unknown) => {
      this.progress.push(p);
      this.wake();
    });
    connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', (p: { registrations: { id?: string; method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      this.wake();
      return null;
    });
    connection.onRequest('client/unregisterCapability', (p: { unregisterations: { id: string; method: string }[] }) => {
      this.unregistrations.push(...p.unregisterations);
      this.wake();
      return null;
    });
    connection.onRequest('workspace/codeLens/refresh', () => {
      this.codeLensRefreshes++;
      this.wake();
      return null;
    });
    connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      this.applied.push(p.edit);
      this.wake();
      return { applied: true };
    });
    connection.listen();
  }

  private wake(): void {
    for (const w of [...this.waiters]) if (w()) this.waiters.delete(w);
  }

  /** Resolves with the first truthy value of `check`, re-evaluated on every message from the server. */
  waitFor<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 30000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const first = check();
      if (first) return resolve(first);
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const waiter: Waiter = () => {
        const v = check();
        if (!v) return false;
        clearTimeout(timer);
        resolve(v);
        return true;
      };
      this.waiters.add(waiter);
    });
  }

  async initialize(folder: string, capabilities = editorCapabilities(), initializationOptions?: unknown): Promise<InitializeResult> {
    const result = (await this.connection.sendRequest('initialize', {
      processId: null,
      rootUri: uriFromPath(folder),
      capabilities,
      workspaceFolders: [{ uri: uriFromPath(folder), name: path.basename(folder) }],
      initializationOptions,
    })) as InitializeResult;
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Waits until the server reports a finished indexing (after `since` status notifications). */
  async indexed(since = 0): Promise<CorpusStatus> {
    return this.waitFor(() => this.statuses.slice(since).find((s) => !s.indexing && s.files > 0), 'indexing to finish');
  }

  /** Publications so far: pass it to `nextDiagnostics` to wait for a newer one. */
  mark(): number {
    return this.publications.length;
  }

  /** The first publication for `uri` after mark `since` that satisfies `accept`. */
  nextDiagnostics(uri: string, since: number, accept: (d: Diagnostic[]) => boolean = () => true, what = `diagnostics of ${uri}`): Promise<Diagnostic[]> {
    return this.waitFor(() => this.publications.slice(since).find((p) => p.uri === uri && accept(p.diagnostics))?.diagnostics, what);
  }

  async open(uri: string, text: string, languageId = 'corpus'): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends an incremental change and keeps the client's copy of the text in step. */
  async change(uri: string, range: Range, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, applyEdits(this.texts.get(uri) ?? '', [{ range, newText: text }]));
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string | undefined {
    return this.texts.get(uri);
  }

  /** A request's answer, with the isolates around Arabic fragments taken out (see `requestRaw`). */
  async request<R>(method: string, params: unknown, token?: rpc.CancellationToken): Promise<R> {
    return withoutIsolates(await this.requestRaw<R>(method, params, token));
  }

  /** A request's answer as the server sent it. */
  requestRaw<R>(method: string, params: unknown, token?: rpc.CancellationToken): Promise<R> {
    return (token ? this.connection.sendRequest(method, params, token) : this.connection.sendRequest(method, params)) as Promise<R>;
  }

  async shutdown(): Promise<void> {
    await this.connection.sendRequest('shutdown');
  }
}

/** Applies LSP text edits (UTF-16 positions) to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: Position) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** Position (UTF-16) of the first occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, from = 0): Position {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`«${needle}» not found`);
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

/** A server running in this process, connected to a test client over a pair of streams. */
export function inProcess(options: ServerOptions = {}): { client: TestClient; dispose: () => void } {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(ProposedFeatures.all, new ServerReader(toServer), new ServerWriter(toClient));
  startServer(serverConnection, { today: () => '2026-11-22', ...options });
  serverConnection.listen();
  const clientConnection = rpc.createMessageConnection(new rpc.StreamMessageReader(toClient), new rpc.StreamMessageWriter(toServer));
  const client = new TestClient(clientConnection);
  return {
    client,
    dispose: () => {
      clientConnection.dispose();
      serverConnection.dispose();
      toServer.end();
      toClient.end();
    },
  };
}

/** A client for a server process spawned by the caller (stdio transport). */
export function overProcess(child: ChildProcess): TestClient {
  return new TestClient(rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout!), new rpc.StreamMessageWriter(child.stdin!)));
}

/** A server and a client on a temporary copy of the seeds; closed after each test by `startSession`'s hook. */
export interface Session {
  client: TestClient;
  corpus: TempCorpus;
  dispose: () => void;
}

export interface SessionOptions {
  extra?: Record<string, string | Buffer>;
  capabilities?: ClientCapabilities;
  /** initializationOptions */
  init?: unknown;
  settings?: Record<string, unknown>;
  beforeRequest?: (method: string) => void;
  /** Other options of the server. */
  server?: ServerOptions;
}

const openSessions: Session[] = [];

// A root hook (registered when a spec file loads this harness): every test's sessions are closed after it.
if (typeof afterEach === 'function') {
  afterEach(() => {
    for (const s of openSessions.splice(0)) {
      s.dispose();
      s.corpus.dispose();
    }
  });
}

/** Closes a session a test built by hand after the test, like those of `startSession`. */
export function trackSession(s: Session): void {
  openSessions.push(s);
}

/** Starts a server on a temporary copy of the seeds and waits for the first full index. */
export async function startSession(o: SessionOptions = {}): Promise<Session> {
  const corpus = new TempCorpus(o.extra);
  const { client, dispose } = inProcess({ ...o.server, beforeRequest: o.beforeRequest });
  if (o.settings) client.settings = o.settings;
  const s = { client, corpus, dispose };
  openSessions.push(s);
  await client.initialize(corpus.dir, o.capabilities, o.init);
  await client.indexed();
  return s;
}
