/**
 * Per-file analysis on several cores: worker threads analyze shares of the files while the calling thread analyzes
 * its own, and the results are collected synchronously (Atomics.wait + receiveMessageOnPort), so hosts with a
 * synchronous flow (the CLI) use it without becoming asynchronous.
 *
 * Workers post their analyses in chunks as they go (a worker never holds its whole share, and the calling thread takes
 * chunks in between its own files), without the per-file spelling lists: each chunk carries the spellings the worker
 * met for the first time, and the caller maps the worker's spelling ids to its own once per distinct spelling.
 */
import * as os from 'node:os';
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker, isMainThread, workerData } from 'node:worker_threads';
import { analyzeFile, FileModel } from '../core/file';
import { Interner } from '../core/text/intern';

interface Job {
  corpusLintAnalyze: true;
  port: MessagePort;
  /** Raised (to 1) when the worker has posted its last chunk. */
  signal: SharedArrayBuffer;
  files: { file: string; text: string }[];
}

/** What a worker posts: analyses whose `words.ids` are the worker's ids, and the spellings new since its last chunk. */
interface Chunk {
  analyses: { file: string; analysis: FileModel }[];
  newSpellings: string[];
}

/** Below this many files the threads cost more than they save. */
const MIN_FILES_FOR_THREADS = 400;
/** Files per posted chunk. */
const CHUNK_FILES = 128;

/** What the caller's corpus offers: its spelling ids, and a bulk load of analyses whose ids are already its own. */
export interface AnalysisSink {
  /** Ids in the caller's corpus of the given spellings. */
  intern(spellings: string[]): Uint32Array;
  /** Adds analyzed files (ids translated) or files to analyze in place (`analysis` absent). */
  add(files: { file: string; text: string; analysis?: FileModel }[]): void;
}

/**
 * Analyzes the files on every core: worker threads running `script` take shares, the calling thread analyzes its own
 * (in place, straight into the sink) and takes the workers' chunks in between. Falls back to the calling thread alone
 * for a few files, or when a worker fails.
 */
export function analyzeInParallel(files: { file: string; text: string }[], script: string, sink: AnalysisSink, threads = defaultThreads()): void {
  if (threads < 1 || files.length < MIN_FILES_FOR_THREADS) {
    sink.add(files);
    return;
  }
  // Shares balanced by size: files dealt round-robin after sorting by length.
  const order = [...files].sort((a, b) => b.text.length - a.text.length);
  const shares: { file: string; text: string }[][] = Array.from({ length: threads + 1 }, () => []);
  order.forEach((f, k) => shares[k % (threads + 1)].push(f));
  const running = shares.slice(1).map((share) => startWorker(script, share));
  const own = shares[0];
  for (let i = 0; i < own.length; i += 16) {
    sink.add(own.slice(i, i + 16));
    for (const r of running) r.drain(sink);
  }
  for (const r of running) r.finish(sink);
}

interface RunningWorker {
  /** Takes the chunks posted so far. */
  drain(sink: AnalysisSink): void;
  /** Waits for the last chunk and takes the rest; analyzes here whatever the worker did not deliver. */
  finish(sink: AnalysisSink): void;
}

function startWorker(script: string, share: { file: string; text: string }[]): RunningWorker {
  const { port1, port2 } = new MessageChannel();
  const signalBuffer = new SharedArrayBuffer(4);
  const signal = new Int32Array(signalBuffer);
  const job: Job = { corpusLintAnalyze: true, port: port2, signal: signalBuffer, files: share };
  const worker = new Worker(script, { workerData: job, transferList: [port2] });
  worker.unref();
  /** The worker's spelling ids mapped to the caller's. */
  let translate = new Uint32Array(0);
  const delivered = new Set<string>();
  const textOf = new Map(share.map((f) => [f.file, f.text]));
  const take = (sink: AnalysisSink, chunk: Chunk): void => {
    const ids = sink.intern(chunk.newSpellings);
    const wider = new Uint32Array(translate.length + ids.length);
    wider.set(translate);
    wider.set(ids, translate.length);
    translate = wider;
    sink.add(
      chunk.analyses.map(({ file, analysis }) => {
        delivered.add(file);
        const text = textOf.get(file)!;
        const ids = analysis.words.ids.map((id) => translate[id]);
        return { file, text, analysis: { ...analysis, text, words: { ...analysis.words, ids } } };
      }),
    );
  };
  const drain = (sink: AnalysisSink): void => {
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) take(sink, m.message as Chunk);
  };
  return {
    drain,
    finish(sink) {
      // Wait for the worker's signal (it may also fail: then its remaining files are analyzed here).
      while (Atomics.load(signal, 0) === 0) Atomics.wait(signal, 0, 0, 1000);
      drain(sink);
      void worker.terminate();
      sink.add(share.filter((f) => !delivered.has(f.file)));
    },
  };
}

function defaultThreads(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(cores - 1, 7));
}

/** True when this thread is an analysis worker started by `analyzeInParallel`. */
export function isAnalysisWorker(): boolean {
  return !isMainThread && (workerData as Job | undefined)?.corpusLintAnalyze === true;
}

/** The body of an analysis worker: analyze the share, post it in chunks, raise the signal. */
export function runAnalysisWorker(): void {
  const job = workerData as Job;
  const signal = new Int32Array(job.signal);
  const interner = new Interner();
  let posted = 0;
  try {
    for (let i = 0; i < job.files.length; i += CHUNK_FILES) {
      const analyses = job.files.slice(i, i + CHUNK_FILES).map((f) => {
        const analysis = analyzeFile(f.text, interner);
        // The text stays here (the caller has it); the ids map to `newSpellings`.
        return { file: f.file, analysis: { ...analysis, text: '' } };
      });
      const newSpellings: string[] = [];
      for (; posted < interner.size; posted++) newSpellings.push(interner.string(posted));
      job.port.postMessage({ analyses, newSpellings } satisfies Chunk);
    }
  } catch {
    // What was not posted is analyzed by the caller.
  }
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}
