/**
 * Per-file analysis on several cores. Worker threads start first and read and analyze files from disk while the
 * calling thread reads every file (it needs all the texts: skipped files, the cache key, findings); then the calling
 * thread analyzes files too and takes the workers' results in between, synchronously (Atomics.wait +
 * receiveMessageOnPort), so a synchronous host (the CLI) stays synchronous. Files are not dealt in fixed shares: every
 * thread claims the next few from a shared counter, so a worker slowed down by other work on the machine never leaves
 * the others waiting (with the second core busy elsewhere, the run costs little more than on one thread).
 *
 * Workers post their analyses in chunks as they go, without the texts (the caller has read them: a hash of the text
 * the worker analyzed is checked against the caller's, and a file that changed in between is analyzed again here) and
 * with spelling ids of the worker's own table: each chunk carries the spellings the worker met for the first time, and
 * the caller maps them to its corpus' ids once per distinct spelling.
 */
import * as os from 'node:os';
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker, isMainThread, workerData } from 'node:worker_threads';
import { analyzeFile, FileModel } from '../core/file';
import { Interner } from '../core/text/intern';
import { fnv } from '../core/text/scan';
import { readTextFileSync } from './readText';

interface Job {
  corpusLintAnalyze: true;
  port: MessagePort;
  /** Raised (to 1) when the worker has posted its last chunk. */
  signal: SharedArrayBuffer;
  /** The index of the next unclaimed file, shared by every thread. */
  next: SharedArrayBuffer;
  files: { file: string; absolute: string }[];
  maxBytes: number;
}

/** What a worker posts: analyses without text, whose `words.ids` are the worker's ids, and its new spellings. */
interface Chunk {
  analyses: { file: string; textHash: number; textLength: number; analysis: FileModel }[];
  newSpellings: string[];
}

/** Below this many files the threads cost more than they save. */
const MIN_FILES_FOR_THREADS = 400;
/** Files a thread claims at once. */
const CLAIM = 8;
/** Files per posted chunk (at most). */
const CHUNK_FILES = 64;

/** What the caller's corpus offers: its spelling ids, and a bulk load of files (analyzed already or not). */
export interface AnalysisSink {
  /** Ids in the caller's corpus of the given spellings. */
  intern(spellings: string[]): Uint32Array;
  /** Adds files: analyzed elsewhere (ids translated to the corpus') or to analyze in place (`analysis` absent). */
  add(files: { file: string; text: string; analysis?: FileModel }[]): void;
}

export interface ParallelAnalysis {
  /** Analyzes the files (the texts the caller read) into the sink: what it claims here, the workers' as they come. */
  finish(files: { file: string; text: string }[], sink: AnalysisSink): void;
  /** Stops the workers (their results are not needed). */
  cancel(): void;
}

/**
 * Starts worker threads (running `script`, the bundle that calls `runAnalysisWorker` in a worker) on shares of the
 * files, or returns null when there are too few files or no thread to use.
 */
export function startParallelAnalysis(
  files: { file: string; absolute: string }[],
  script: string,
  maxBytes: number,
  threads = defaultThreads(),
): ParallelAnalysis | null {
  if (threads < 1 || files.length < MIN_FILES_FOR_THREADS) return null;
  const nextBuffer = new SharedArrayBuffer(4);
  const next = new Int32Array(nextBuffer);
  const workers = Array.from({ length: threads }, () => new RunningWorker(script, files, nextBuffer, maxBytes));
  return {
    finish(all, sink) {
      const texts = new Map(all.map((f) => [f.file, f.text]));
      const done = new Set<string>();
      for (let i = Atomics.add(next, 0, CLAIM); i < files.length; i = Atomics.add(next, 0, CLAIM)) {
        const mine = files.slice(i, i + CLAIM).filter((f) => texts.has(f.file));
        sink.add(mine.map((f) => ({ file: f.file, text: texts.get(f.file)! })));
        for (const f of mine) done.add(f.file);
        for (const w of workers) w.drain(sink, texts);
      }
      for (const w of workers) for (const f of w.finish(sink, texts)) done.add(f);
      // Whatever no thread delivered (a worker failed, or the file changed on disk between the two reads) is analyzed
      // here: nothing is lost.
      sink.add(all.filter((f) => !done.has(f.file)));
    },
    cancel() {
      for (const w of workers) w.cancel();
    },
  };
}

class RunningWorker {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal: Int32Array;
  /** The worker's spelling ids mapped to the caller's. */
  private translate = new Uint32Array(0);
  private readonly delivered = new Set<string>();

  constructor(script: string, files: { file: string; absolute: string }[], next: SharedArrayBuffer, maxBytes: number) {
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    const job: Job = { corpusLintAnalyze: true, port: port2, signal, next, files, maxBytes };
    this.worker = new Worker(script, { workerData: job, transferList: [port2] });
    this.worker.unref();
    this.port = port1;
    this.signal = new Int32Array(signal);
  }

  /** Takes the chunks posted so far. */
  drain(sink: AnalysisSink, texts: Map<string, string>): void {
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) this.take(sink, texts, m.message as Chunk);
  }

  /** Waits for the last chunk and takes the rest; returns the files delivered. */
  finish(sink: AnalysisSink, texts: Map<string, string>): Set<string> {
    // Wait for the worker's signal (it is raised on failure too).
    while (Atomics.load(this.signal, 0) === 0) Atomics.wait(this.signal, 0, 0, 1000);
    this.drain(sink, texts);
    this.cancel();
    return this.delivered;
  }


  cancel(): void {
    void this.worker.terminate();
  }

  private take(sink: AnalysisSink, texts: Map<string, string>, chunk: Chunk): void {
    const ids = sink.intern(chunk.newSpellings);
    const wider = new Uint32Array(this.translate.length + ids.length);
    wider.set(this.translate);
    wider.set(ids, this.translate.length);
    this.translate = wider;
    const ready: { file: string; text: string; analysis: FileModel }[] = [];
    for (const { file, textHash, textLength, analysis } of chunk.analyses) {
      const text = texts.get(file);
      // Unreadable here, or changed between the two reads: left to the caller's own reading.
      if (text === undefined || text.length !== textLength || fnv(text) !== textHash) continue;
      this.delivered.add(file);
      const translated = analysis.words.ids.map((id) => this.translate[id]);
      ready.push({ file, text, analysis: { ...analysis, text, words: { ...analysis.words, ids: translated } } });
    }
    sink.add(ready);
  }
}

function defaultThreads(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(cores - 1, 7));
}

/** True when this thread is an analysis worker started by `startParallelAnalysis`. */
export function isAnalysisWorker(): boolean {
  return !isMainThread && (workerData as Job | undefined)?.corpusLintAnalyze === true;
}

/** The body of an analysis worker: read and analyze the share, post it in chunks, raise the signal. */
export function runAnalysisWorker(): void {
  const job = workerData as Job;
  const signal = new Int32Array(job.signal);
  const next = new Int32Array(job.next);
  const interner = new Interner();
  let posted = 0;
  let analyses: Chunk['analyses'] = [];
  let claimed = 0;
  const post = (): void => {
    const newSpellings: string[] = [];
    for (; posted < interner.size; posted++) newSpellings.push(interner.string(posted));
    job.port.postMessage({ analyses, newSpellings } satisfies Chunk);
    analyses = [];
    claimed = 0;
  };
  try {
    for (let i = Atomics.add(next, 0, CLAIM); i < job.files.length; i = Atomics.add(next, 0, CLAIM)) {
      for (const f of job.files.slice(i, i + CLAIM)) {
        claimed++;
        const read = readTextFileSync(f.absolute, { maxBytes: job.maxBytes });
        if ('reason' in read) continue;
        const analysis = analyzeFile(read.text, interner);
        // The text stays here (the caller has read it too); its hash says both read the same.
        analyses.push({ file: f.file, textHash: fnv(read.text), textLength: read.text.length, analysis: { ...analysis, text: '' } });
      }
      if (claimed >= CHUNK_FILES) post();
    }
    post();
  } catch {
    // Claimed files whose analyses were not posted are analyzed by the caller.
  }
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}
