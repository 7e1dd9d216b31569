/**
 * The Corpus Lint language server: `startServer(connection)` wires the LSP handlers to the workspace index and the
 * feature modules. The process entry point (main.ts) and the in-process tests share it.
 */
import * as path from 'node:path';
import {
  CancellationToken,
  ClientCapabilities,
  CodeActionKind,
  Connection,
  Disposable,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  InitializeResult,
  Hover,
  Location,
  LSPErrorCodes,
  MarkupContent,
  MarkupKind,
  ResponseError,
  TextDocumentSyncKind,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES } from '../core/config';
import { offsetAt, positionAt } from '../core/text/lines';
import type { TextEdit } from '../core/types';
import { codeActions, FIX_ALL_KIND, fixAllEdit, toWorkspaceEdit } from './codeActions';
import { negotiateEncoding } from './encoding';
import { hover } from './hover';
import { documentLinks } from './links';
import { definitionOf, isKnownName, nameCatalog, nameDefinitionSliced, nameMentionsSliced, personCardSliced, renameEdits, wordAt } from './people';
import { PositionMapper } from './positions';
import { DiagnosticsPublisher } from './publisher';
import { parseSettings, Root, Settings } from './roots';
import { documentSymbols, foldingRanges, symbolInformation, workspaceSymbols } from './symbols';
import { canonicalUri, pathFromUri, uriFromPath } from './uris';
import { CorpusWorkspace, FlushResult } from './workspace';
import { isAcceptingFile, visibleFindings } from './accepted';
import { IGNORE_FILE_NAME } from '../core/ignoreFile';
import { entityDefinition, entityReferences, entitySymbols, eventCodeLenses, eventReports } from './entities';
import { writeRegistryRequest, WriteRegistryResult } from './registry';
import { lensSignature, PeopleBuilds, peopleMessage, peoplePercent } from './peopleBuilds';
import { type PeopleBuildProgress, PeopleSnapshot } from '../core/people/index';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { settledWithin, type Slices } from './loop';
import { invalidParams } from './params';
import { VERSION } from '../node/version';
import { cacheBaseOf } from './analysisCache';


/** Custom requests and notifications of the Corpus Lint protocol. */
export const REINDEX_REQUEST = 'corpusLint/reindex';
export const FIX_ALL_REQUEST = 'corpusLint/fixAll';
export const WRITE_REGISTRY_REQUEST = 'corpusLint/writeRegistry';
export const STATUS_NOTIFICATION = 'corpusLint/status';
/** Memory and (with CORPUS_LINT_LOOP_DELAY=1) message-loop delays of the server process: for benchmarks. */
export const SERVER_STATS_REQUEST = 'corpusLint/serverStats';

/** Params of `corpusLint/status`. */
export interface CorpusStatus {
  files: number;
  entries: number;
  findings: number;
  indexing: boolean;
  /** The people, places and events index is being built (hover, references and lenses on names wait for it). */
  peopleIndexing?: boolean;
}

/**
 * Answer of `corpusLint/serverStats`. Params `{ reset?: boolean, gc?: boolean }`: start the loop-delay histogram
 * again; collect garbage first (a server started with `node --expose-gc`).
 */
export interface ServerStats {
  /** Memory figures (bytes, `process.memoryUsage`); absent when asked with `{ memory: false }`. */
  rss?: number;
  heapUsed?: number;
  heapTotal?: number;
  external?: number;
  arrayBuffers?: number;
  /** Message-loop delay since the last reset (ms), when CORPUS_LINT_LOOP_DELAY=1; else null. */
  loopDelay: { max: number; p99: number; p50: number; mean: number; count: number } | null;
  /** The last people index build of a folder root: active and wall time (ms), restarts after changes. */
  lastPeopleBuild: { busy: number; wall: number; restarts: number } | null;
}

export interface ServerOptions {
  /**
   * Typing is applied at most once per this many milliseconds: a keystroke after a quiet moment at once, the
   * keystrokes of a burst together at the end of the window.
   */
  debounceMs?: number;
  /** Today's date (`YYYY-MM-DD`) for the date-line fix; tests pin it. */
  today?: () => string;
  /** Runs before every request handler: tests use it to make a handler fail. */
  beforeRequest?: (method: string) => void;
  /** Work per slice of a people index build (ms); tests set 0 to get many slices. */
  peopleSliceMs?: number;
  /** Awaited between two slices of a people index build: tests hold a build in progress with it. */
  betweenPeopleSlices?: () => Promise<void> | void;
  /** How long hover, definition and references wait for the first people index before they answer without it (ms). */
  peopleFirstWaitMs?: number;
  /** After a change, how long a request waits for the people index built again before it answers from the last one (ms). */
  peopleFreshWaitMs?: number;
  /** Only a root whose people builds took this much work (ms) gets answers from an out-of-date index. */
  peopleStaleAfterMs?: number;
  /**
   * Where the caches of analyses go when the client names no folder (`initializationOptions.cacheFolder`): the server
   * process passes the user's cache folder; without it (tests), only a client's folder is used.
   */
  cacheFolder?: string | null;
  /** No cache of analyses, whatever the client names (`CORPUS_LINT_CACHE=off`). */
  noCache?: boolean;
}

const DEFAULT_DEBOUNCE_MS = 50;
/**
 * Hover, definition and references wait this long for the first people index (the seeds' index takes well under a
 * second; 10,000 files take 10-15 s), then answer from the name index alone.
 */
const PEOPLE_FIRST_WAIT_MS = 3000;
const PEOPLE_BUILDING_NOTE = '_The index of people, places and events is still being built: this card is read from the spelling counts._';
/**
 * After an edit, a request waits this long for the people index to be built again before it answers from the last
 * index built, carried over to the edits (ms) — on a corpus whose builds take `PEOPLE_STALE_AFTER_MS` of work or more;
 * a smaller corpus is built again faster, and its answers always wait for it.
 */
const PEOPLE_FRESH_WAIT_MS = 300;
const PEOPLE_STALE_AFTER_MS = 1000;
/** Quiet time after a change before the people index is built again in the background (ms). */
const PEOPLE_IDLE_MS = 400;
/** How long the people index waits at most for the client to take the first diagnostics. */
const DIAGNOSTICS_FLUSH_WAIT_MS = 3000;
/** A people build that takes longer than this shows work-done progress (ms). */
const PEOPLE_PROGRESS_AFTER_MS = 300;
/** The least time between two reports of the initial index's progress, and of a people build's. */
const INDEX_PROGRESS_EVERY_MS = 100;
const PEOPLE_PROGRESS_EVERY_MS = 200;

/** Says whether a progress report goes out now: `forced`, or the first for `everyMs` milliseconds. */
type ProgressGate = (forced?: boolean) => boolean;

function progressGate(everyMs: number): ProgressGate {
  let sentAt = -Infinity;
  return (forced = false) => {
    const now = performance.now();
    if (!forced && now - sentAt < everyMs) return false;
    sentAt = now;
    return true;
  };
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const peopleWaits = {
    firstWaitMs: options.peopleFirstWaitMs ?? PEOPLE_FIRST_WAIT_MS,
    freshWaitMs: options.peopleFreshWaitMs ?? PEOPLE_FRESH_WAIT_MS,
    staleAfterMs: options.peopleStaleAfterMs ?? PEOPLE_STALE_AFTER_MS,
  };
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  let capabilities: ClientCapabilities = {};
  let initialSettings: Settings = {};
  /** The client runs VS Code's commands (editor.action.showReferences): our extension, or a client that says so. */
  let canRunEditorCommands = false;
  let flushTimer: NodeJS.Timeout | undefined;
  /** When changes were last applied (for the typing throttle). */
  let lastFlushAt = 0;
  /** True from `initialize` until the first indexing is over, and during every re-index. */
  let indexing = true;
  let shuttingDown = false;
  /** Resolves when the first indexing is over: cross-file answers wait for it. */
  let firstIndexDone!: () => void;
  const firstIndex = new Promise<void>((resolve) => (firstIndexDone = resolve));
  /** Flushes applied while indexing: published when the indexing pass is over. */
  const deferred = new Map<Root, Set<string>>();
  const deferredDecisions = new Set<Root>();

  /** Sends something to the client; a closed connection is not an error of the handler that sends. */
  const safely = (send: () => unknown): Promise<unknown> => {
    try {
      const r = send();
      if (r instanceof Promise) return r.catch(() => undefined);
    } catch {
      // the connection is closed
    }
    return Promise.resolve();
  };
  /** The last diagnostics handed to the connection: settled once they (and everything before them) are written. */
  let lastDiagnostics: Promise<unknown> = Promise.resolve();
  const log = (message: string) => safely(() => connection.console.log(`[server] ${message}`));
  const logError = (message: string) => safely(() => connection.console.error(`[server] ${message}`));

  const workspace = new CorpusWorkspace(settingsFor, log);
  const positions = new PositionMapper('utf-16', textOf);
  const publisher = new DiagnosticsPublisher({
    send: (uri, diagnostics) => {
      lastDiagnostics = safely(() => connection.sendDiagnostics({ uri, diagnostics }));
    },
    positions,
    relatedInformation: () => capabilities.textDocument?.publishDiagnostics?.relatedInformation === true,
    log: logError,
    onQueueDrained: () => sendStatus(),
    isLive: (root) => workspace.allRoots().includes(root),
    written: () => lastDiagnostics,
  });

  function textOf(file: string) {
    return workspace.rootOf(file).corpus.model(file);
  }

  // ---- the people, places and events index ---------------------------------------------------------------------

  /** Message-loop delays, measured for benchmarks only (CORPUS_LINT_LOOP_DELAY=1). */
  const loopDelay = process.env.CORPUS_LINT_LOOP_DELAY === '1' ? monitorEventLoopDelay({ resolution: 5 }) : null;
  loopDelay?.enable();
  let lastPeopleBuild: ServerStats['lastPeopleBuild'] = null;
  /** What the lenses of each root show (events and their reports), to refresh them only when it changes. */
  const lensSignatures = new WeakMap<Root, string>();
  const peopleProgress = new Map<Root, PeopleProgress>();

  const people = new PeopleBuilds(
    {
      canBuild: (root) => !indexing && !shuttingDown && workspace.allRoots().includes(root),
      onStart: (root) => {
        beginPeopleProgress(root);
        sendStatus();
      },
      onProgress: (root, p) => reportPeopleProgress(root, p),
      onDone: (root, snapshot, report) => {
        if (root.folder) lastPeopleBuild = report;
        if (report.wall > 1000) {
          log(`people index of ${root.label || path.basename(root.folder ?? '') || 'loose files'}: ${snapshot.people.length} people, ${snapshot.places.length} places, ${snapshot.events.length} events in ${Math.round(report.busy)} ms of work (${Math.round(report.wall)} ms)`);
        }
        refreshLenses(root, snapshot);
      },
      onEnd: (root) => {
        endPeopleProgress(root);
        sendStatus();
      },
      onError: (_root, err) => logError(`the people index failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
    },
    { restartDelayMs: PEOPLE_IDLE_MS, sliceMs: options.peopleSliceMs, betweenSlices: options.betweenPeopleSlices },
  );

  /** Work-done progress of a people build, shown only when the build takes a while. */
  interface PeopleProgress {
    timer: NodeJS.Timeout | undefined;
    reporter: Promise<{ report(percentage: number, message?: string): void; done(): void } | null> | null;
    last: PeopleBuildProgress | null;
    due: ProgressGate;
  }

  function beginPeopleProgress(root: Root): void {
    if (!capabilities.window?.workDoneProgress || peopleProgress.has(root)) return;
    const st: PeopleProgress = { timer: undefined, reporter: null, last: null, due: progressGate(PEOPLE_PROGRESS_EVERY_MS) };
    peopleProgress.set(root, st);
    st.timer = setTimeout(() => {
      st.timer = undefined;
      if (shuttingDown) return;
      try {
        st.reporter = connection.window
          .createWorkDoneProgress()
          .then((r) => {
            r.begin('Corpus Lint: people and events', peoplePercent(st.last), peopleMessage(st.last), false);
            return r;
          })
          .catch(() => null);
      } catch {
        // the connection is closed
      }
    }, PEOPLE_PROGRESS_AFTER_MS);
  }

  function reportPeopleProgress(root: Root, p: PeopleBuildProgress): void {
    const st = peopleProgress.get(root);
    if (!st) return;
    const phaseChanged = st.last?.phase !== p.phase;
    st.last = p;
    if (!st.reporter || !st.due(phaseChanged)) return;
    void st.reporter.then((r) => safely(() => r?.report(peoplePercent(p), peopleMessage(p))));
  }

  function endPeopleProgress(root: Root): void {
    const st = peopleProgress.get(root);
    if (!st) return;
    peopleProgress.delete(root);
    if (st.timer) clearTimeout(st.timer);
    void st.reporter?.then((r) => safely(() => r?.done()));
  }

  /** Sends workspace/codeLens/refresh when the events behind the lenses changed since the last snapshot. */
  function refreshLenses(root: Root, snapshot: PeopleSnapshot): void {
    const signature = lensSignature(snapshot);
    const before = lensSignatures.get(root);
    lensSignatures.set(root, signature);
    if (before === undefined || before === signature || !root.codeLensEnabled) return;
    if (capabilities.workspace?.codeLens?.refreshSupport) safely(() => connection.sendRequest('workspace/codeLens/refresh'));
  }

  async function settingsFor(scopeUri: string | null): Promise<Settings> {
    if (!capabilities.workspace?.configuration) return initialSettings;
    try {
      const raw: unknown = await connection.workspace.getConfiguration({ scopeUri: scopeUri ?? undefined, section: 'corpusLint' });
      return parseSettings(raw ?? initialSettings);
    } catch (err) {
      logError(`workspace/configuration failed: ${(err as Error).message}`);
      return initialSettings;
    }
  }

  // ---- error handling ---------------------------------------------------------------------------------------

  /** Wraps a request handler: a failure becomes an LSP error response and a log line; the server stays up. */
  function request<P, R>(
    method: string,
    handler: (params: P, token: CancellationToken) => R | Promise<R>,
    o: { wholeCorpus?: boolean } = {},
  ): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
    return async (params, token) => {
      try {
        // Malformed params are the client's error, said at once (before waiting for the index), never a crash.
        const problem = invalidParams(method, params);
        if (problem) return new ResponseError(ErrorCodes.InvalidParams, `Corpus Lint: ${method}: ${problem}`);
        options.beforeRequest?.(method);
        // Cross-file answers need the whole corpus: wait for a running indexing.
        if (o.wholeCorpus) {
          await firstIndex;
          await workspace.whenIndexed();
        }
        if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        flushNow();
        return await handler(params, token);
      } catch (err) {
        if (err instanceof ResponseError) return err as ResponseError<void>;
        logError(`${method} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        return new ResponseError(ErrorCodes.InternalError, `Corpus Lint: ${method} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    };
  }

  /** Wraps a notification handler: a failure is logged, never thrown into the connection. */
  function notification<P>(method: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
    return (params) => {
      try {
        const problem = invalidParams(method, params);
        if (problem) {
          logError(`${method} ignored: ${problem}`);
          return;
        }
        const r = handler(params);
        if (r) r.catch((err: unknown) => logError(`${method} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
      } catch (err) {
        logError(`${method} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      }
    };
  }

  // ---- change propagation --------------------------------------------------------------------------------------

  function scheduleFlush(delay: number): void {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = setTimeout(() => {
      flushTimer = undefined;
      try {
        flushNow();
      } catch (err) {
        logError(`applying changes failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      }
    }, delay);
  }

  /**
   * After a keystroke: applies it at once when nothing was applied within the last `debounceMs`, else at the end of
   * that window together with the rest of the burst (a flush already scheduled is never postponed).
   */
  function scheduleTypingFlush(): void {
    if (flushTimer) return;
    scheduleFlush(Math.max(0, lastFlushAt + debounceMs - Date.now()));
  }

  /** Pushes queued changes into the corpora and publishes what they changed. */
  function flushNow(): void {
    if (flushTimer) {
      clearTimeout(flushTimer);
      flushTimer = undefined;
    }
    if (!workspace.hasPending()) return;
    lastFlushAt = Date.now();
    const results = workspace.flush();
    if (!results.length) return;
    // The diagnostics follow in steps of their own (the status is sent once they are out).
    for (const r of results) publishResult(r);
    if (indexing) sendStatus();
  }

  function publishResult(r: FlushResult): void {
    const files = [...r.changed, ...r.removed, ...r.affected];
    if (indexing) {
      let set = deferred.get(r.root);
      if (!set) deferred.set(r.root, (set = new Set()));
      for (const f of files) set.add(f);
      if (r.decisionsChanged) deferredDecisions.add(r.root);
      return;
    }
    publisher.enqueue(r.root, files);
    if (r.decisionsChanged) void publishAllOf(r.root);
    people.schedule(r.root, PEOPLE_IDLE_MS);
  }

  async function publishAllOf(root: Root): Promise<void> {
    if (await publisher.publishAll(root, () => shuttingDown)) sendStatus();
  }

  function sendStatus(): void {
    const sizes = workspace.sizes();
    const status: CorpusStatus = { ...sizes, findings: publisher.findingCount(), indexing, peopleIndexing: people.isBuilding() };
    safely(() => connection.sendNotification(STATUS_NOTIFICATION, status));
  }

  /** Indexes the whole workspace with progress, then publishes every file's diagnostics. */
  let reindexing: Promise<void> | null = null;
  let reindexAgain = false;
  function reindex(): Promise<void> {
    if (reindexing) {
      reindexAgain = true;
      return reindexing;
    }
    reindexing = (async () => {
      do {
        reindexAgain = false;
        await indexOnce();
      } while (reindexAgain && !shuttingDown);
    })().finally(() => {
      reindexing = null;
      firstIndexDone();
    });
    return reindexing;
  }

  async function indexOnce(): Promise<void> {
    indexing = true;
    sendStatus();
    const started = Date.now();
    const progress = capabilities.window?.workDoneProgress ? await connection.window.createWorkDoneProgress().catch(() => null) : null;
    progress?.begin('Corpus Lint: indexing', 0, 'finding corpus files', false);
    try {
      // A report per delivery of files was some 600 messages on 10,000 files, a tenth of the message loop's time
      // while indexing spent writing them; a progress bar needs a few per second. The last count always goes out (the
      // corpus-wide work that follows takes a while).
      const due = progressGate(INDEX_PROGRESS_EVERY_MS);
      await workspace.index({
        report: (done, total, message) => {
          if (due(done === total)) progress?.report(total ? Math.round((done / total) * 80) : 0, message);
        },
      });
      const roots = workspace.allRoots();
      let done = 0;
      for (const root of roots) {
        progress?.report(80 + Math.round((done / roots.length) * 20), `checking ${root.label || path.basename(root.folder ?? '') || 'files'}`);
        rememberDecisions(root);
        await publisher.publishAll(root, () => shuttingDown);
        done++;
      }
      await publisher.clearMissing((uri) => workspace.holds(uri));
      publisher.publishConfigProblems(workspace.roots);
      void watchBaselines();
    } catch (err) {
      logError(`indexing failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    } finally {
      indexing = false;
      progress?.done();
    }
    // Changes that arrived while indexing.
    flushNow();
    for (const [root, files] of deferred) if (workspace.allRoots().includes(root)) publisher.enqueue(root, files);
    deferred.clear();
    for (const root of deferredDecisions) if (workspace.allRoots().includes(root)) void publishAllOf(root);
    deferredDecisions.clear();
    const sizes = workspace.sizes();
    log(`indexed ${sizes.files} files (${sizes.entries} entries) in ${Date.now() - started} ms`);
    sendStatus();
    // The people index is built in the background, so that the first hover on a name finds it ready; it starts once
    // the client has taken the diagnostics. The connection writes only between two turns of the message loop, as
    // much as the pipe holds: started at once, the index's steps spread the writing of the news sample's diagnostics
    // over another 0.5 s. A client that does not read is waited for a few seconds at most.
    await settledWithin(lastDiagnostics, DIAGNOSTICS_FLUSH_WAIT_MS);
    // The analyses kept for the next session, in steps beside the people index.
    void workspace.storeAnalyses(() => shuttingDown).catch((err: unknown) => logError(`storing the analyses failed: ${String(err)}`));
    people.retain(workspace.allRoots());
    for (const root of workspace.allRoots()) if (root.corpus.files().length) people.schedule(root, 0);
  }

  function rememberDecisions(root: Root): void {
    try {
      workspace.rememberDecisions(root);
    } catch (err) {
      logError(`name decisions failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }

  /** After a settings or config file change: reconfigure and republish the roots that changed. */
  async function reconfigure(root?: Root): Promise<void> {
    const changed = await workspace.reconfigure(root);
    flushNow();
    publisher.publishConfigProblems(workspace.roots);
    void watchBaselines();
    for (const r of changed) {
      rememberDecisions(r);
      people.schedule(r, 0);
      await publisher.publishAll(r, () => shuttingDown);
    }
    sendStatus();
  }

  /** After an ignore or baseline file changed on disk: reloads them and republishes the roots whose findings differ. */
  async function reloadAccepted(roots: Root[]): Promise<void> {
    flushNow();
    const changed = roots.filter((r) => workspace.roots.includes(r) && r.reloadAccepted());
    if (!changed.length) return;
    publisher.publishConfigProblems(workspace.roots);
    for (const r of changed) await publisher.publishAll(r, () => shuttingDown);
    sendStatus();
  }

  /** After a registry file changed on disk: reloads it and republishes the roots whose registry changed. */
  async function reloadRegistries(roots: Root[]): Promise<void> {
    flushNow();
    const changed = roots.filter((r) => workspace.roots.includes(r) && r.reloadRegistry());
    if (!changed.length) return;
    publisher.publishConfigProblems(workspace.roots);
    for (const r of changed) {
      rememberDecisions(r);
      people.schedule(r, 0);
      await publisher.publishAll(r, () => shuttingDown);
    }
    sendStatus();
  }

  /**
   * Watches the configured baseline files (the ignore files are watched with the corpus files). Re-registered when
   * the set of baseline files changes; registrations are made one after another.
   */
  let baselineWatch: { key: string; registration: Promise<Disposable | null> } = { key: '[]', registration: Promise.resolve(null) };
  function watchBaselines(): Promise<void> {
    const watch = capabilities.workspace?.didChangeWatchedFiles;
    if (!watch?.dynamicRegistration || shuttingDown) return Promise.resolve();
    const files = [
      ...new Set(workspace.roots.flatMap((r) => [r.accepted.baselinePath, r.registry.path]).filter((f): f is string => !!f)),
    ].sort();
    const key = JSON.stringify(files);
    if (key === baselineWatch.key) return Promise.resolve();
    const previous = baselineWatch.registration;
    const registration = previous.then(async (old) => {
      old?.dispose();
      if (!files.length) return null;
      const watchers = files.map((f) =>
        watch.relativePatternSupport
          ? { globPattern: { baseUri: uriFromPath(path.dirname(f)), pattern: path.basename(f) } }
          : { globPattern: `**/${path.basename(f)}` },
      );
      return connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((err: unknown) => {
        logError(`watching the baseline and registry files failed: ${err instanceof Error ? err.message : String(err)}`);
        return null;
      });
    });
    baselineWatch = { key, registration };
    return registration.then(() => undefined);
  }

  // ---- lifecycle -----------------------------------------------------------------------------------------------

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    const encoding = negotiateEncoding(capabilities.general?.positionEncodings);
    positions.encoding = encoding;
    const init = (params.initializationOptions ?? {}) as { settings?: unknown };
    initialSettings = parseSettings(init.settings);
    // A folder the client names (the VS Code extension: its workspace storage); null turns the cache off.
    workspace.cacheBase = cacheBaseOf((init as { cacheFolder?: unknown }).cacheFolder, options);
    const experimental = capabilities.experimental as { showReferences?: unknown } | undefined;
    canRunEditorCommands =
      Array.isArray((init as { corpusRoots?: unknown }).corpusRoots) ||
      experimental?.showReferences === true ||
      /visual studio code|vscode|code - oss|vscodium/i.test(params.clientInfo?.name ?? '');
    const folders =
      params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: path.basename(pathFromUri(params.rootUri) ?? params.rootUri) }] : []);
    workspace.folders = folders.map((f) => ({ uri: canonicalUri(f.uri), name: f.name }));
    // The VS Code extension lists the folders without a config that the user opted in (see Workspace.lintFolders).
    const lintFolders = (init as { lintFolders?: unknown }).lintFolders;
    workspace.lintFolders = Array.isArray(lintFolders) ? new Set(lintFolders.filter((u): u is string => typeof u === 'string').map(canonicalUri)) : null;
    const codeActionLiterals = !!capabilities.textDocument?.codeAction?.codeActionLiteralSupport;
    return {
      capabilities: {
        positionEncoding: encoding,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: { label: 'Corpus Lint' },
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        renameProvider: capabilities.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
        codeActionProvider: codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } : true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'corpus-lint', version: VERSION },
    };
  });

  connection.onInitialized(
    notification('initialized', async () => {
      const indexed = reindex();
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        const watchers = [{ globPattern: '**/*.txt' }, { globPattern: `**/{${[...CONFIG_FILE_NAMES, IGNORE_FILE_NAME].join(',')}}` }];
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
      }
      if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'corpusLint' });
      }
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          notification('workspace/didChangeWorkspaceFolders', async (e) => {
            const removed = new Set(e.removed.map((f) => canonicalUri(f.uri)));
            workspace.folders = [
              ...workspace.folders.filter((f) => !removed.has(f.uri)),
              ...e.added.map((f) => ({ uri: canonicalUri(f.uri), name: f.name })),
            ];
            await reindex();
          }),
        );
      }
      await indexed;
    }),
  );

  connection.onShutdown(() => {
    shuttingDown = true;
    workspace.stopIndexing();
    people.stop();
    loopDelay?.disable();
    firstIndexDone();
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = undefined;
  });

  // ---- documents ----------------------------------------------------------------------------------------------

  connection.onDidOpenTextDocument(
    notification('textDocument/didOpen', (p) => {
      workspace.open(p.textDocument.uri, p.textDocument.languageId, p.textDocument.version, p.textDocument.text);
      scheduleFlush(0);
    }),
  );

  connection.onDidChangeTextDocument(
    notification('textDocument/didChange', (p) => {
      const doc = workspace.documents.get(canonicalUri(p.textDocument.uri));
      if (!doc) {
        log(`change of a document that is not open: ${p.textDocument.uri}`);
        return;
      }
      for (const change of p.contentChanges) {
        const c = 'range' in change ? { range: positions.fromClientRangeIn(doc, change.range), text: change.text } : change;
        TextDocument.update(doc, [c], p.textDocument.version);
      }
      workspace.changed(doc);
      scheduleTypingFlush();
    }),
  );

  connection.onDidSaveTextDocument(notification('textDocument/didSave', () => scheduleFlush(0)));

  connection.onDidCloseTextDocument(
    notification('textDocument/didClose', (p) => {
      workspace.close(p.textDocument.uri);
      scheduleFlush(0);
    }),
  );

  connection.onDidChangeWatchedFiles(
    notification('workspace/didChangeWatchedFiles', async (p) => {
      let reindexNeeded = false;
      const configRoots = new Set<Root>();
      const acceptingRoots = new Set<Root>();
      const registryRoots = new Set<Root>();
      for (const change of p.changes) {
        if (CorpusWorkspace.isConfigFile(change.uri)) {
          const root = workspace.rootOfConfig(change.uri);
          if (change.type === FileChangeType.Changed && root) configRoots.add(root);
          else reindexNeeded = true;
          continue;
        }
        const changedPath = pathFromUri(change.uri);
        // The registry of people and places of some root.
        const registering = changedPath ? workspace.roots.filter((r) => r.registry.path === changedPath) : [];
        if (registering.length) {
          for (const r of registering) registryRoots.add(r);
          continue;
        }
        // An ignore file or a configured baseline: reload what the roots that use it accept.
        const accepting = changedPath ? workspace.roots.filter((r) => isAcceptingFile(r, changedPath)) : [];
        if (accepting.length) {
          for (const r of accepting) acceptingRoots.add(r);
          continue;
        }
        workspace.fileChangedOnDisk(change.uri, change.type === FileChangeType.Deleted);
      }
      if (reindexNeeded) {
        await reindex();
        return;
      }
      scheduleFlush(0);
      if (configRoots.size || acceptingRoots.size || registryRoots.size) await workspace.whenIndexed();
      for (const root of configRoots) await reconfigure(root);
      const reload = [...acceptingRoots].filter((r) => !configRoots.has(r));
      if (reload.length) await reloadAccepted(reload);
      const reread = [...registryRoots].filter((r) => !configRoots.has(r));
      if (reread.length) await reloadRegistries(reread);
    }),
  );

  connection.onDidChangeConfiguration(
    notification('workspace/didChangeConfiguration', async (p) => {
      const settings = (p.settings as { corpusLint?: unknown } | null)?.corpusLint;
      if (settings) initialSettings = parseSettings(settings);
      await workspace.whenIndexed();
      await reconfigure();
      // `corpusLint.codeLens.enabled` may have changed: let the client ask for lenses again.
      if (capabilities.workspace?.codeLens?.refreshSupport) safely(() => connection.sendRequest('workspace/codeLens/refresh'));
    }),
  );

  // ---- language features ---------------------------------------------------------------------------------------

  /** The root and the UTF-16 position of a request on a document. */
  function at(uri: string, pos: { line: number; character: number }) {
    const key = canonicalUri(uri);
    const root = workspace.rootOf(key);
    return { key, root, pos: positions.fromClientPosition(key, pos) };
  }

  const markdownHover = () => capabilities.textDocument?.hover?.contentFormat?.includes('markdown') ?? false;

  connection.onHover(
    request('textDocument/hover', async (p, token) => {
      // A hover waits a little for the people index, not for the whole build (on 10,000 files it takes 10-15 s after
      // the first diagnostics): meanwhile it shows what does not need the index, a name's card read from the
      // spelling counts, and says so.
      const found = await peopleFor(workspace.rootOf(canonicalUri(p.textDocument.uri)), token);
      // Positions are read once the snapshot is there: changes may have been applied meanwhile.
      const { key, root, pos } = at(p.textDocument.uri, p.position);
      const cancelled = () => token.isCancellationRequested;
      const card = (stem: string) => personCardSliced(root.corpus, stem, () => workspace.generation, cancelled);
      const h = await hover(root, found ?? emptyPeople(root), key, pos, positions, markdownHover(), card);
      return found || !h ? h : withNote(h, PEOPLE_BUILDING_NOTE);
    }, { wholeCorpus: true }),
  );

  /**
   * The people snapshot a request on a root answers from (see `PeopleBuilds.forRequest`): the up-to-date one if it
   * is ready soon, else the last one built carried over to the edits made since, else (during the first build,
   * after `peopleWaits.firstWaitMs`) null: the request answers from the name index alone. With `waitFirst` a request
   * waits for the first build however long it takes.
   */
  function peopleFor(root: Root, token: CancellationToken, waitFirst = false): Promise<PeopleSnapshot | null> {
    return people.forRequest(root, token, waitFirst ? { ...peopleWaits, firstWaitMs: Infinity } : peopleWaits);
  }

  /** `peopleFor`, with the empty snapshot while the first build is not ready. */
  async function peopleOrEmpty(root: Root, token: CancellationToken, waitFirst = false): Promise<PeopleSnapshot> {
    return (await peopleFor(root, token, waitFirst)) ?? emptyPeople(root);
  }

  /** The known name under a position, or null. */
  function nameAt(uri: string, position: { line: number; character: number }) {
    const { key, root, pos } = at(uri, position);
    const model = root.corpus.model(key);
    if (!model) return null;
    const word = wordAt(root.corpus, key, offsetAt(model.lineIndex, pos));
    if (!word || !isKnownName(root.corpus, word.stem)) return null;
    return { key, root, model, word };
  }

  /** The root, the text offset and the UTF-16 position of a request on a corpus document, or null. */
  function offsetIn(uri: string, position: { line: number; character: number }) {
    const { key, root, pos } = at(uri, position);
    const model = root.corpus.model(key);
    return model ? { key, root, pos, offset: offsetAt(model.lineIndex, pos) } : null;
  }

  const toLocation = (l: { file: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
    Location.create(l.file, positions.toClientRange(l.file, l.range));

  connection.onDefinition(
    request('textDocument/definition', async (p, token) => {
      const snapshot = await peopleOrEmpty(at(p.textDocument.uri, p.position).root, token);
      const o = offsetIn(p.textDocument.uri, p.position);
      // A person or place the people index knows: its registry entry, else its earliest dated mention.
      const entity = o && entityDefinition(o.root, snapshot, o.key, o.offset);
      if (entity) return toLocation(entity);
      // An entry's headline: the other reports of its event.
      const reports = o && eventReports(o.root, snapshot, o.key, o.pos, false);
      if (reports?.length) return reports.map(toLocation);
      const hit = nameAt(p.textDocument.uri, p.position);
      if (hit) {
        const found = await nameDefinitionSliced(hit.root.corpus, hit.word.stem, () => workspace.generation, () => token.isCancellationRequested);
        if (!found) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        const def = found.definition;
        return def ? Location.create(def.file, positions.toClientRange(def.file, def.range)) : null;
      }
      // On a duplicated paragraph: the other copies.
      const { key, root, pos } = at(p.textDocument.uri, p.position);
      const f = visibleFindings(root, key).find((x) => (x.code === 'duplicate-paragraph' || x.code === 'near-duplicate-paragraph') && x.range.start.line <= pos.line && pos.line <= x.range.end.line);
      return f ? f.related.map((r) => Location.create(r.file, positions.toClientRange(r.file, r.range))) : null;
    }, { wholeCorpus: true }),
  );

  connection.onReferences(
    request('textDocument/references', async (p, token) => {
      const snapshot = await peopleOrEmpty(at(p.textDocument.uri, p.position).root, token);
      const o = offsetIn(p.textDocument.uri, p.position);
      const entity = o && entityReferences(snapshot, o.key, o.offset);
      if (entity) {
        const here = (m: { file: string; start: number; end: number }) => m.file === o.key && m.start <= o.offset && o.offset <= m.end;
        return entity.filter((m) => p.context.includeDeclaration || !here(m)).map(toLocation);
      }
      const reports = o && eventReports(o.root, snapshot, o.key, o.pos, p.context.includeDeclaration);
      if (reports?.length) return reports.map(toLocation);
      const hit = nameAt(p.textDocument.uri, p.position);
      if (!hit) return null;
      const corpus = hit.root.corpus;
      const mentions = await nameMentionsSliced(corpus, hit.word.stem, () => workspace.generation, () => token.isCancellationRequested);
      if (!mentions) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      const def = p.context.includeDeclaration ? undefined : definitionOf(mentions);
      return mentions.filter((m) => m !== def).map((m) => Location.create(m.file, positions.toClientRange(m.file, m.range)));
    }, { wholeCorpus: true }),
  );

  connection.onPrepareRename(
    request('textDocument/prepareRename', (p) => {
      const hit = nameAt(p.textDocument.uri, p.position);
      if (!hit) return null;
      const range = { start: positionAt(hit.model.lineIndex, hit.word.start), end: positionAt(hit.model.lineIndex, hit.word.end) };
      return { range: positions.toClientRange(hit.key, range), placeholder: hit.word.stem };
    }, { wholeCorpus: true }),
  );

  connection.onRenameRequest(
    request('textDocument/rename', (p): WorkspaceEdit => {
      const newName = p.newName.trim();
      if (!newName || /[\r\n]/.test(newName)) throw new ResponseError(ErrorCodes.InvalidParams, 'The new name must be a non-empty spelling on one line.');
      const hit = nameAt(p.textDocument.uri, p.position);
      if (!hit) throw new ResponseError(ErrorCodes.InvalidRequest, 'Rename works on names: there is no known name here.');
      const corpus = hit.root.corpus;
      const changes: { file: string; edits: TextEdit[] }[] = [];
      for (const [file, edits] of renameEdits(corpus, hit.word.stem, newName)) {
        const index = corpus.model(file)!.lineIndex;
        changes.push({
          file,
          edits: edits.map((e) => ({ range: { start: positionAt(index, e.start), end: positionAt(index, e.end) }, newText: e.newText })),
        });
      }
      return toWorkspaceEdit(positions, changes);
    }, { wholeCorpus: true }),
  );

  connection.onDocumentSymbol(
    request('textDocument/documentSymbol', (p) => {
      const key = canonicalUri(p.textDocument.uri);
      const root = workspace.rootOf(key);
      return capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport
        ? documentSymbols(root, key, positions)
        : symbolInformation(root, key, positions);
    }),
  );

  /** The names of each root, kept until the corpus changes (listing them walks every file's spellings). */
  const catalogs = new WeakMap<Root, { generation: number; names: Map<string, number> }>();
  const namesOf = async (root: Root, isCancelled: () => boolean): Promise<Map<string, number> | null> => {
    const cached = catalogs.get(root);
    if (cached && cached.generation === workspace.generation) return cached.names;
    const generation = workspace.generation;
    const names = await nameCatalog(root.corpus, isCancelled);
    if (names && generation === workspace.generation) catalogs.set(root, { generation, names });
    return names;
  };

  connection.onWorkspaceSymbol(
    request(
      'workspace/symbol',
      async (p, token) => {
        const roots = workspace.allRoots();
        const snapshots = new Map<Root, PeopleSnapshot>();
        if (p.query.trim()) for (const root of roots) snapshots.set(root, await peopleOrEmpty(root, token, true));
        const entitiesOf = async (root: Root, query: string, limit: number, slices: Slices) => {
          const snapshot = snapshots.get(root);
          return snapshot ? entitySymbols(snapshot, query, positions, limit, slices) : [];
        };
        const cancelled = () => token.isCancellationRequested;
        const found = await workspaceSymbols(workspace.allRoots(), p.query, positions, cancelled, (root) => namesOf(root, cancelled), entitiesOf);
        return found ?? new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      },
      { wholeCorpus: true },
    ),
  );

  connection.onFoldingRanges(
    request('textDocument/foldingRange', (p) => {
      const key = canonicalUri(p.textDocument.uri);
      return foldingRanges(workspace.rootOf(key), key);
    }),
  );

  connection.onCodeLens(
    request('textDocument/codeLens', async (p, token) => {
      const key = canonicalUri(p.textDocument.uri);
      const root = workspace.rootOf(key);
      if (!root.codeLensEnabled || !root.corpus.model(key)) return [];
      const snapshot = await peopleOrEmpty(root, token, true);
      if (!root.corpus.model(key)) return [];
      return eventCodeLenses(root, snapshot, key, positions, canRunEditorCommands);
    }, { wholeCorpus: true }),
  );

  connection.onDocumentLinks(
    request('textDocument/documentLink', (p) => {
      const key = canonicalUri(p.textDocument.uri);
      return documentLinks(workspace.rootOf(key), key, positions);
    }),
  );

  connection.onCodeAction(
    request('textDocument/codeAction', (p) => {
      const key = canonicalUri(p.textDocument.uri);
      const root = workspace.rootOf(key);
      const workspaceEdit = capabilities.workspace?.workspaceEdit;
      const canCreateFiles = workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes('create');
      return codeActions({ root, uri: key, positions, analysisTag: (r, f) => publisher.analysisTag(r, f), today, canCreateFiles }, p);
    }, { wholeCorpus: true }),
  );

  // ---- custom requests -----------------------------------------------------------------------------------------

  connection.onRequest(
    REINDEX_REQUEST,
    request(REINDEX_REQUEST, async (): Promise<CorpusStatus> => {
      await reindex();
      return { ...workspace.sizes(), findings: publisher.findingCount(), indexing };
    }),
  );

  connection.onRequest(
    WRITE_REGISTRY_REQUEST,
    request(WRITE_REGISTRY_REQUEST, async (p: { uri?: string } | null, token): Promise<WriteRegistryResult> => {
      const uri = p && typeof p.uri === 'string' ? canonicalUri(p.uri) : null;
      const root = uri ? workspace.rootOf(uri) : workspace.roots.find((r) => r.folder);
      if (!root?.folder) throw new ResponseError(ErrorCodes.InvalidRequest, 'Corpus Lint: open a folder to write a registry into.');
      const workspaceEdit = capabilities.workspace?.workspaceEdit;
      const canCreateFiles = !!capabilities.workspace?.applyEdit && workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes('create');
      return writeRegistryRequest(root, {
        applyEdit: canCreateFiles ? async (edit) => connection.workspace.applyEdit({ label: 'Corpus Lint: write a starter registry', edit }) : null,
        people: () => people.snapshot(root, token),
      });
    }, { wholeCorpus: true }),
  );

  // Answered at once, without applying queued changes (a benchmark polls it while typing).
  connection.onRequest(SERVER_STATS_REQUEST, (p: { reset?: boolean; gc?: boolean; memory?: boolean } | null): ServerStats => {
    // A server started with --expose-gc collects first, so that the heap is what is still referenced.
    const gc = (globalThis as { gc?: () => void }).gc;
    if (p?.gc && gc) gc();
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    const delay = loopDelay && loopDelay.count > 0
      ? { max: ms(loopDelay.max), p99: ms(loopDelay.percentile(99)), p50: ms(loopDelay.percentile(50)), mean: ms(loopDelay.mean), count: loopDelay.count }
      : null;
    if (p?.reset) loopDelay?.reset();
    const stats: ServerStats = { loopDelay: delay, lastPeopleBuild };
    // Reading the memory figures costs a tenth of a millisecond: a client polling for responsiveness can do without.
    if (p?.memory !== false) {
      const m = process.memoryUsage();
      Object.assign(stats, { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers });
    }
    return stats;
  });

  connection.onRequest(
    FIX_ALL_REQUEST,
    request(FIX_ALL_REQUEST, async (p: { uri?: string }): Promise<WorkspaceEdit | null> => {
      if (!p || typeof p.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'corpusLint/fixAll needs { uri }');
      const key = canonicalUri(p.uri);
      const edit = fixAllEdit(workspace.rootOf(key), key, positions);
      if (!edit) return null;
      const applied = await connection.workspace.applyEdit({ label: 'Corpus Lint: fix all', edit });
      if (!applied.applied) log(`the client did not apply the fix-all edit${applied.failureReason ? `: ${applied.failureReason}` : ''}`);
      return edit;
    }, { wholeCorpus: true }),
  );
}

/** A root's people snapshot before any is built: no people, places or events. */
function emptyPeople(root: Root): PeopleSnapshot {
  return new PeopleSnapshot([], [], [], [], (f) => root.corpus.model(f));
}

/** A hover with a note added at its end (markdown or plain text as the hover is). */
function withNote(h: Hover, note: string): Hover {
  const c = h.contents as MarkupContent;
  const text = c.kind === MarkupKind.Markdown ? note : note.replace(/_/g, '');
  return { ...h, contents: { kind: c.kind, value: `${c.value}\n\n---\n\n${text}` } };
}
