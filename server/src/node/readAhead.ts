/**
 * Reading ahead on a helper thread, for a host that analyzes on its own thread: a small worker (its own bundle, not
 * the analysis) opens, reads and decodes the files in order and posts the texts in batches, so the calling thread
 * spends its time analyzing instead of in system calls and UTF-8 decoding (two thirds of reading a corpus is the
 * decoding). The caller takes the results one by one, in order, synchronously.
 *
 * Nothing depends on the helper: files are claimed from a shared counter, and the caller reads a file itself when it
 * is not claimed yet (while the worker starts) or when the worker stops making progress (it failed, or could not
 * start): every file is read once, and a slow or missing worker costs nothing but the waiting it allows.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker, isMainThread, workerData } from 'node:worker_threads';
import { contentDigest, ReadResult, readTextFileSync } from './readText';
import { yieldToMainThread } from './threadPriority';

/** The worker's bundle, beside the host's (esbuild.js builds it from readAheadWorker.ts). */
export const READ_AHEAD_SCRIPT = 'readAhead.js';

/** Below this many files a helper thread costs more than it saves (it takes some 25 ms to start). */
export const MIN_FILES_FOR_READ_AHEAD = 200;
/**
 * The worker stays at most this many files, and this many characters of text, ahead of the caller (texts waiting in
 * memory: a corpus of large files must not be held twice).
 */
const MAX_AHEAD_FILES = 1024;
const MAX_AHEAD_CHARS = 32 * 1024 * 1024;
/**
 * A batch is posted once its texts hold this many characters (128 KB or more however they are stored: see `Batch`),
 * or after this many files. The first files go out one by one, as the caller is waiting for them.
 */
const BATCH_CHARS = 128 * 1024;
const BATCH_FILES = 256;
const FIRST_FILES = 16;
/** A worker that starts no new file for this long is given up: the caller reads what it still holds. */
const STALLED_MS = 10000;
/** The longest single wait for a batch before the heartbeat is checked. */
const WAIT_MS = 100;

/** Slots of the shared state. */
const NEXT = 0; // the index of the next unclaimed file
const POSTED = 1; // batches posted (the caller waits on it)
const BEAT = 2; // files the worker has started: its heartbeat
const DONE = 3; // 1 once the worker has posted its last batch
const TAKEN = 4; // files the caller has taken (the worker waits on it when far ahead)

/** Limits of a read-ahead (tests set small ones). */
export interface ReadAheadLimits {
  /** A worker that starts no new file for this long is given up. */
  stalledMs?: number;
  /** The worker waits while the texts the caller has not taken yet hold this many characters. */
  aheadChars?: number;
  /** A batch is posted once its texts hold this many characters. */
  batchChars?: number;
  /** Each text comes with its digest (for a cache of analyses), made on the helper thread. */
  digests?: boolean;
}

interface Job {
  corpusLintReadAhead: true;
  port: MessagePort;
  state: SharedArrayBuffer;
  files: string[];
  maxBytes: number;
  aheadChars: number;
  batchChars: number;
  digests: boolean;
}

/**
 * A batch: file indexes and their results, in claim order. The texts travel as one string (`text`, each file's
 * `length` characters in turn). A string of 128 KB or more is received among the large objects, which the collector
 * never copies, and each file's text is a view into it; texts received one by one were young strings that the
 * collector copied as the corpus kept them (a check of 10,000 files: its young collections took 0.18-0.20 s instead of
 * 0.23-0.31 s). A view keeps its whole batch: at most `BATCH_CHARS` characters more per text kept alone.
 */
interface Batch {
  files: ({ index: number; length: number; digest?: string } | { index: number; reason: string })[];
  text: string;
}

export interface ReadAhead {
  /** The result of reading files[index]; call it for each index once, in order. Waits (blocking) for the worker. */
  read(index: number): ReadResult;
  /** `read` for a thread that must keep answering: waits for the worker without blocking. */
  readAsync(index: number): Promise<ReadResult>;
  /** Stops the worker (call when done, or to give up early). */
  close(): void;
  /** How many files the worker read, and how many this thread read itself. */
  counts(): { worker: number; here: number };
}

/**
 * `CORPUS_LINT_READ_AHEAD=0` turns the helper off; otherwise it is used for `minFiles` files or more on a machine
 * with more than one core.
 */
export function readAheadWanted(files: number, minFiles = MIN_FILES_FOR_READ_AHEAD): boolean {
  if (process.env.CORPUS_LINT_READ_AHEAD === '0') return false;
  return os.availableParallelism() > 1 && files >= minFiles;
}

/** The read-ahead worker's bundle beside a host's bundle (`hostScript`), if it is there (not when running from sources). */
export function readAheadScript(hostScript: string | undefined): string | undefined {
  if (!hostScript) return undefined;
  const script = path.join(path.dirname(hostScript), READ_AHEAD_SCRIPT);
  return fs.existsSync(script) ? script : undefined;
}

/**
 * Starts reading `files` (absolute paths) ahead on a worker running `script` (see `readAheadScript`); null when the
 * worker cannot be created. Reads are limited to `maxBytes`.
 */
export function startReadAhead(files: string[], script: string, maxBytes: number, limits: ReadAheadLimits = {}): ReadAhead | null {
  const stalledMs = limits.stalledMs ?? STALLED_MS;
  const shared = new SharedArrayBuffer(5 * 4);
  const state = new Int32Array(shared);
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const job: Job = {
      corpusLintReadAhead: true,
      port: port2,
      state: shared,
      files,
      maxBytes,
      aheadChars: limits.aheadChars ?? MAX_AHEAD_CHARS,
      batchChars: limits.batchChars ?? BATCH_CHARS,
      digests: limits.digests ?? false,
    };
    worker = new Worker(script, { workerData: job, transferList: [port2] });
  } catch {
    port1.close();
    return null;
  }
  worker.unref();
  // A worker that fails is replaced by this thread's own reading (below); its error is not the host's.
  worker.on('error', () => undefined);
  const results = new Map<number, ReadResult>();
  let here = 0;
  let fromWorker = 0;
  const own = (index: number): ReadResult => {
    here++;
    return withDigest(readTextFileSync(files[index], { maxBytes }), limits.digests ?? false);
  };
  const drain = (): boolean => {
    let any = false;
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
      const { files: read, text } = m.message as Batch;
      let at = 0;
      for (const f of read) {
        if ('reason' in f) results.set(f.index, { reason: f.reason });
        else {
          const t = text.slice(at, (at += f.length));
          results.set(f.index, f.digest === undefined ? { text: t } : { text: t, digest: f.digest });
        }
      }
      fromWorker += read.length;
      any = true;
    }
    return any;
  };
  let beat = -1;
  let beatAt = Date.now();
  let givenUp = false;
  /** The result of a file when it can be had now (read here if need be), else the batch count to wait past. */
  const attempt = (index: number): ReadResult | number => {
    for (;;) {
      const ready = results.get(index);
      if (ready !== undefined) {
        results.delete(index);
        Atomics.store(state, TAKEN, index + 1);
        Atomics.notify(state, TAKEN);
        return ready;
      }
      if (drain()) continue;
      if (givenUp) return own(index);
      // Not claimed yet (the worker is starting, or slower than this thread): read it here.
      if (Atomics.load(state, NEXT) <= index) {
        const claimed = Atomics.add(state, NEXT, 1);
        if (claimed < files.length) results.set(claimed, own(claimed));
        continue;
      }
      // Claimed by the worker: wait for its next batch, unless it is done (and lost this one).
      const posted = Atomics.load(state, POSTED);
      if (Atomics.load(state, DONE) === 1) {
        if (drain()) continue;
        return own(index);
      }
      return posted;
    }
  };
  /** A worker that starts no new file for `stalledMs` is given up. */
  const checkHeartbeat = (): void => {
    const now = Atomics.load(state, BEAT);
    if (now !== beat) [beat, beatAt] = [now, Date.now()];
    else if (Date.now() - beatAt > stalledMs) givenUp = true;
  };
  return {
    read(index) {
      for (;;) {
        const got = attempt(index);
        if (typeof got === 'object') return got;
        Atomics.wait(state, POSTED, got, WAIT_MS);
        checkHeartbeat();
      }
    },
    async readAsync(index) {
      for (;;) {
        const got = attempt(index);
        if (typeof got === 'object') return got;
        const waited = Atomics.waitAsync(state, POSTED, got, WAIT_MS);
        if (waited.async) await waited.value;
        checkHeartbeat();
      }
    },
    counts: () => ({ worker: fromWorker, here }),
    close() {
      // Claims everything, so that a worker still reading stops at its next file.
      Atomics.store(state, NEXT, files.length);
      Atomics.store(state, TAKEN, files.length);
      Atomics.notify(state, TAKEN);
      port1.close();
      void worker.terminate();
    },
  };
}

/** True when this thread is a read-ahead worker started by `startReadAhead`. */
export function isReadAheadWorker(): boolean {
  return !isMainThread && (workerData as Job | undefined)?.corpusLintReadAhead === true;
}

/** The body of the read-ahead worker: claims files in order, reads them, posts the results in batches. */
export function runReadAheadWorker(): void {
  // The caller's thread is the one that waits for everything: this one yields to it.
  yieldToMainThread();
  const job = workerData as Job;
  const state = new Int32Array(job.state);
  let batch: Batch['files'] = [];
  let texts: string[] = [];
  let chars = 0;
  // The files this worker read that the caller may not have taken yet: [index, characters] in claim order.
  const pending: [number, number][] = [];
  let pendingChars = 0;
  const ahead = (index: number, taken: number): boolean => {
    while (pending.length && pending[0][0] < taken) pendingChars -= pending.shift()![1];
    return index - taken >= MAX_AHEAD_FILES || pendingChars >= job.aheadChars;
  };
  const post = (): void => {
    if (batch.length === 0) return;
    job.port.postMessage({ files: batch, text: texts.join('') } satisfies Batch);
    batch = [];
    texts = [];
    chars = 0;
    Atomics.add(state, POSTED, 1);
    Atomics.notify(state, POSTED);
  };
  try {
    for (;;) {
      const index = Atomics.add(state, NEXT, 1);
      if (index >= job.files.length) break;
      Atomics.add(state, BEAT, 1);
      const result = withDigest(readTextFileSync(job.files[index], { maxBytes: job.maxBytes }), job.digests);
      const length = 'text' in result ? result.text.length : 0;
      if ('text' in result) {
        batch.push(result.digest === undefined ? { index, length } : { index, length, digest: result.digest });
        texts.push(result.text);
      } else batch.push({ index, reason: result.reason });
      chars += length;
      pending.push([index, length]);
      pendingChars += length;
      if (index < FIRST_FILES || batch.length >= BATCH_FILES || chars >= job.batchChars) post();
      // Far enough ahead: wait for the caller to take some (the heartbeat keeps going meanwhile).
      for (let taken = Atomics.load(state, TAKEN); ahead(index, taken); taken = Atomics.load(state, TAKEN)) {
        post();
        Atomics.wait(state, TAKEN, taken, 1000);
        Atomics.add(state, BEAT, 1);
      }
    }
    post();
  } catch {
    // Files claimed but not posted are read by the caller.
  }
  Atomics.store(state, DONE, 1);
  Atomics.notify(state, POSTED);
}

/** A read result with the text's digest when `wanted`. */
function withDigest(result: ReadResult, wanted: boolean): ReadResult {
  return wanted && 'text' in result ? { text: result.text, digest: contentDigest(result.text) } : result;
}
