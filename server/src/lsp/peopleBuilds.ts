/**
 * The people, places and events index of each root, built without blocking the message loop: the core's build in
 * steps (`PeopleIndex.startBuild`) runs in slices of a few milliseconds with a timer turn between them, so
 * requests, notifications and typing are served meanwhile. A change of the corpus makes the running build stale: it
 * starts again, keeping the per-file work already done — at once when a request waits for it, else at the next
 * quiet moment. Requests that need the index await the finished snapshot (`snapshot(root, token)`), honouring their
 * cancellation.
 */
import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { Corpus } from '../core/corpus';
import type { FileModel } from '../core/file';
import type { PeopleBuildProgress, PeopleSnapshot, PeopleSources, PeopleStep } from '../core/people/index';
import type { Root } from './roots';
import { yieldToLoop } from './loop';

/** Work per slice before the build yields to the message loop (ms). */
export const PEOPLE_SLICE_MS = 8;

export interface PeopleBuildReport {
  /** Active time in the build's slices (ms), wall time from start to end, builds started again after a change. */
  busy: number;
  wall: number;
  restarts: number;
}

export interface PeopleBuildHost {
  /** False while the corpus is being indexed or the root is gone: builds wait (the host schedules them again). */
  canBuild(root: Root): boolean;
  onStart?(root: Root): void;
  onProgress?(root: Root, progress: PeopleBuildProgress): void;
  /** A build finished: `snapshot` is the root's current snapshot. */
  onDone?(root: Root, snapshot: PeopleSnapshot, report: PeopleBuildReport): void;
  /** A build failed (it is tried again on the next request or change). */
  onError?(root: Root, err: unknown): void;
  /** No build of the root runs any more (after `onDone`, an error, or a build given up for now). */
  onEnd?(root: Root): void;
}

export interface PeopleBuildOptions {
  /** Work per slice (ms). */
  sliceMs?: number;
  /**
   * A background build (no request waits for it) made stale by a change waits this long for the next quiet moment
   * instead of starting again at once (ms); a build a request waits for starts again at once.
   */
  restartDelayMs?: number;
  /** Awaited between two slices, after the message loop had its turn (tests hold a build in progress with it). */
  betweenSlices?: () => Promise<void> | void;
}

/** How long a request waits for the people index (see `PeopleBuilds.forRequest`), in ms. */
export interface RequestWaits {
  /** For an up-to-date snapshot when an earlier one exists. */
  freshWaitMs: number;
  /** For the first snapshot (Infinity: as long as it takes). */
  firstWaitMs: number;
  /** Builds taking less work than this are always waited for. */
  staleAfterMs: number;
}

/** The value of a promise if it is fulfilled within `ms`, else null (a rejection within `ms` passes through). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  if (ms === Infinity) return promise;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
    promise.catch(() => undefined);
  }
}

interface Waiter {
  resolve(snapshot: PeopleSnapshot): void;
  reject(err: unknown): void;
}

interface RootBuilds {
  running: Promise<void> | null;
  waiters: Set<Waiter>;
  timer: NodeJS.Timeout | undefined;
}

export class PeopleBuilds {
  private readonly roots = new Map<Root, RootBuilds>();
  /** The most work a build of each root took (ms): how long the next one may take. */
  private readonly slowest = new WeakMap<Root, number>();
  private stopped = false;
  private readonly sliceMs: number;
  private readonly restartDelayMs: number;
  private readonly betweenSlices: (() => Promise<void> | void) | undefined;

  constructor(
    private readonly host: PeopleBuildHost,
    options: PeopleBuildOptions = {},
  ) {
    this.sliceMs = options.sliceMs ?? PEOPLE_SLICE_MS;
    this.restartDelayMs = options.restartDelayMs ?? 0;
    this.betweenSlices = options.betweenSlices;
  }

  /** The root's snapshot when it is up to date, else null. */
  current(root: Root): PeopleSnapshot | null {
    return root.corpus.peopleIndexState().current();
  }

  /** True while a build of any root runs. */
  isBuilding(): boolean {
    for (const st of this.roots.values()) if (st.running) return true;
    return false;
  }

  /**
   * An up-to-date snapshot of the root: at once when there is one, else when the build (started now if none runs)
   * finishes. Rejects with `RequestCancelled` when the token is cancelled first.
   */
  snapshot(root: Root, token?: CancellationToken): Promise<PeopleSnapshot> {
    const ready = this.current(root);
    if (ready) return Promise.resolve(ready);
    if (this.stopped) return Promise.reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'the server is shutting down'));
    if (token?.isCancellationRequested) return Promise.reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled'));
    const st = this.stateOf(root);
    return new Promise<PeopleSnapshot>((resolve, reject) => {
      const cancel = token?.onCancellationRequested(() => {
        st.waiters.delete(waiter);
        reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled'));
      });
      const waiter: Waiter = {
        resolve: (s) => {
          cancel?.dispose();
          resolve(s);
        },
        reject: (e) => {
          cancel?.dispose();
          reject(e);
        },
      };
      st.waiters.add(waiter);
      this.start(root);
    });
  }

  /**
   * The snapshot a request answers from, without waiting long (`freshWaitMs` and `firstWaitMs` bound the waits):
   * - the up-to-date one when it is ready in time;
   * - else, when an earlier build exists, that snapshot carried over to the files as they are now (see
   *   `PeopleSnapshot.since`) — for a corpus whose builds take long only (`staleAfterMs` of work): a small corpus is
   *   built again faster than the wait, and its answers are always up to date;
   * - else (the first build is under way) null after `firstWaitMs`: the caller answers without the index.
   */
  async forRequest(root: Root, token: CancellationToken, waits: RequestWaits): Promise<PeopleSnapshot | null> {
    const ready = this.current(root);
    if (ready) return ready;
    const previous = root.corpus.peopleIndexState().lastBuilt();
    const slow = (this.slowest.get(root) ?? 0) >= waits.staleAfterMs;
    const wait = previous ? (slow ? waits.freshWaitMs : Infinity) : waits.firstWaitMs;
    const fresh = await within(this.snapshot(root, token), wait);
    return fresh ?? previous?.since((f) => root.corpus.model(f)) ?? null;
  }

  /** Builds the root's snapshot in the background after `delayMs` without another call (a later call moves it). */
  schedule(root: Root, delayMs = 0): void {
    if (this.stopped) return;
    const st = this.stateOf(root);
    if (st.timer) clearTimeout(st.timer);
    st.timer = setTimeout(() => {
      st.timer = undefined;
      this.start(root);
    }, delayMs);
  }

  /** Stops every build at its next slice (at shutdown); waiting requests are cancelled. */
  stop(): void {
    this.stopped = true;
    for (const st of this.roots.values()) {
      if (st.timer) clearTimeout(st.timer);
      st.timer = undefined;
      this.settle(st, null, new ResponseError(LSPErrorCodes.RequestCancelled, 'the server is shutting down'));
    }
  }

  /** Forgets roots that are gone (after a re-index); their builds stop at the next slice. */
  retain(live: Root[]): void {
    const keep = new Set(live);
    for (const [root, st] of this.roots) {
      if (keep.has(root)) continue;
      if (st.timer) clearTimeout(st.timer);
      this.settle(st, null, new ResponseError(LSPErrorCodes.ContentModified, 'the corpus was indexed again'));
      this.roots.delete(root);
    }
  }

  private stateOf(root: Root): RootBuilds {
    let st = this.roots.get(root);
    if (!st) this.roots.set(root, (st = { running: null, waiters: new Set(), timer: undefined }));
    return st;
  }

  private start(root: Root): void {
    const st = this.stateOf(root);
    if (st.running || this.stopped) return;
    const ready = this.current(root);
    if (ready) {
      this.settle(st, ready);
      return;
    }
    if (!this.host.canBuild(root)) return;
    // Requests that arrive while the root cannot be built (it is being indexed) wait for the next start.
    st.running = (async () => {
      await null;
      await this.run(root, st);
    })().finally(() => {
      st.running = null;
      this.host.onEnd?.(root);
    });
  }

  private async run(root: Root, st: RootBuilds): Promise<void> {
    const index = root.corpus.peopleIndexState();
    const started = performance.now();
    let busy = 0;
    let restarts = 0;
    this.host.onStart?.(root);
    try {
      for (;;) {
        if (this.stopped || !this.roots.has(root)) return;
        if (!this.host.canBuild(root)) return;
        if (index.current()) break;
        const build = index.startBuild(sourcesOf(root.corpus));
        let step: PeopleStep;
        for (;;) {
          const deadline = performance.now() + this.sliceMs;
          step = build.step(() => performance.now() >= deadline);
          if (step !== 'more') break;
          this.host.onProgress?.(root, build.progress());
          await yieldToLoop();
          if (this.betweenSlices) await this.betweenSlices();
          if (this.stopped || !this.roots.has(root)) return;
        }
        busy += build.busy;
        if (step !== 'stale') continue;
        restarts++;
        // Typing goes on: a build nobody waits for starts again when the corpus is quiet.
        if (!st.waiters.size && this.restartDelayMs > 0) {
          this.schedule(root, this.restartDelayMs);
          return;
        }
      }
    } catch (err) {
      this.host.onError?.(root, err);
      this.settle(st, null, err);
      return;
    }
    const snapshot = index.current()!;
    this.slowest.set(root, Math.max(busy, this.slowest.get(root) ?? 0));
    this.settle(st, snapshot);
    this.host.onDone?.(root, snapshot, { busy, wall: performance.now() - started, restarts });
  }

  private settle(st: RootBuilds, snapshot: PeopleSnapshot | null, err?: unknown): void {
    const waiters = [...st.waiters];
    st.waiters.clear();
    for (const w of waiters) {
      if (snapshot) w.resolve(snapshot);
      else w.reject(err);
    }
  }
}

/** A percentage of a build for work-done progress (the phases weighted by their usual share of a first build). */
export function peoplePercent(p: PeopleBuildProgress | null): number {
  if (!p) return 0;
  const part = p.total ? p.done / p.total : 0;
  switch (p.phase) {
    case 'evidence':
      return Math.round(15 * part);
    case 'learning':
      return 15;
    case 'matching':
      return 25 + Math.round(55 * part);
    case 'clustering':
      return 80;
    case 'events':
      return 90;
  }
}

/** What a build is doing, as a progress message. */
export function peopleMessage(p: PeopleBuildProgress | null): string {
  if (!p) return 'starting';
  const files = p.total ? ` ${p.done}/${p.total} files` : '';
  switch (p.phase) {
    case 'evidence':
      return `reading titles and hashtags${files}`;
    case 'learning':
      return 'learning names and places';
    case 'matching':
      return `finding names${files}`;
    case 'clustering':
      return 'telling people apart';
    case 'events':
      return 'linking events';
  }
}

/** What the event lenses of a snapshot show: its events' reports (files, entries, headline lines). */
export function lensSignature(snapshot: PeopleSnapshot): string {
  const parts: string[] = [];
  for (const e of snapshot.events) {
    if (e.reports.length < 2) continue;
    parts.push(e.reports.map((r) => `${r.file}\u0001${r.entry}\u0001${r.range.start.line}`).join('\u0002'));
  }
  return parts.sort().join('\u0003');
}

/** What the core's people index reads, from a corpus (its files' models as a live read-only map). */
function sourcesOf(corpus: Corpus): PeopleSources {
  return { models: new CorpusModels(corpus), names: corpus.nameIndex(), duplicates: corpus.duplicateIndex() };
}

/** The models of a corpus's files as a read-only map (what `Corpus.people()` hands the people index). */
class CorpusModels implements ReadonlyMap<string, FileModel> {
  constructor(private readonly corpus: Corpus) {}

  get size(): number {
    return this.corpus.files().length;
  }

  get(file: string): FileModel | undefined {
    return this.corpus.model(file);
  }

  has(file: string): boolean {
    return this.corpus.has(file);
  }

  keys(): MapIterator<string> {
    return this.corpus.files()[Symbol.iterator]();
  }

  *entries(): MapIterator<[string, FileModel]> {
    for (const f of this.corpus.files()) yield [f, this.corpus.model(f)!];
  }

  *values(): MapIterator<FileModel> {
    for (const f of this.corpus.files()) yield this.corpus.model(f)!;
  }

  [Symbol.iterator](): MapIterator<[string, FileModel]> {
    return this.entries();
  }

  forEach(visit: (model: FileModel, file: string, map: ReadonlyMap<string, FileModel>) => void): void {
    for (const f of this.corpus.files()) visit(this.corpus.model(f)!, f, this);
  }
}
