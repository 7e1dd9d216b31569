/**
 * Per-file analysis on several cores, for both hosts. Files are not dealt in fixed shares: every thread claims the next
 * few from a shared counter, so a worker slowed down by other work on the machine never leaves the others waiting.
 * - The CLI (`startParallelAnalysis`): the calling thread reads and analyzes files too, and takes the workers' results
 *   in between, synchronously (Atomics.wait + receiveMessageOnPort), so it stays synchronous.
 * - The language server (`analyzeInBackground`): the results come as promises; the server claims files itself only
 *   while nothing is waiting, and keeps answering between steps.
 *
 * Workers post their results in chunks as they go: the texts they read (unless the caller has read every file itself
 * first: then a hash of the text is checked against the caller's, and a file that changed in between is analyzed again
 * here), the files they could not use with the reason, and the analyses packed into one transferred buffer per chunk
 * (see core/packedModel), with spelling ids of the worker's own table: each chunk carries the spellings the worker met
 * for the first time, and the caller maps them to its corpus' ids once per distinct spelling. Whether a worker pays
 * is the host's call (see `defaultThreads`, and its callers' thresholds): on 2 cores both busy it made a check slower.
 */
import * as os from 'node:os';
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker, isMainThread, workerData } from 'node:worker_threads';
import { analyzeFile, FileModel } from '../core/file';
import { packModels, PackedModels, unpackModel } from '../core/packedModel';
import { Interner } from '../core/text/intern';
import { fnv } from '../core/text/scan';
import { ReadResult, readTextFileSync } from './readText';

interface Job {
  corpusLintAnalyze: true;
  port: MessagePort;
  /** [0]: raised (to 1) when the worker has posted its last chunk; [1]: files the worker has finished, a heartbeat. */
  signal: SharedArrayBuffer;
  /** The index of the next unclaimed file, shared by every thread. */
  next: SharedArrayBuffer;
  files: FileToRead[];
  maxBytes: number;
  /** Post the texts read (the caller has not read them). */
  sendTexts: boolean;
}

export interface FileToRead {
  file: string;
  absolute: string;
}

/** What a worker posts. `packed` holds the analyses of the files without a `reason`, in order. */
interface Chunk {
  files: { file: string; textHash: number; textLength: number; text?: string; reason?: string }[];
  packed: PackedModels;
  newSpellings: string[];
}

/** Below this many files the threads cost more than they save. */
const MIN_FILES_FOR_THREADS = 400;
/** Files a thread claims at once. */
const CLAIM = 8;
/** Files per posted chunk (at most). */
const CHUNK_FILES = 64;
/**
 * New spellings per posted chunk (about; a chunk is posted once a claim takes it past this): the receiver interns
 * them in one go, and the first 64 files of a corpus bring some 10,000 (on 10,000 files, 60 ms of the server's
 * message loop in a CPU profile of the initial index).
 */
const CHUNK_SPELLINGS = 2048;
/** A worker that finishes no file for this long (the largest file takes a few seconds) is given up. */
const STALLED_WORKER_MS = 30000;

/** What the caller's corpus offers: its spelling ids, and a bulk load of files (analyzed already or not). */
export interface AnalysisSink {
  /** Ids in the caller's corpus of the given spellings. */
  intern(spellings: string[]): Uint32Array;
  /** Adds files: analyzed elsewhere (ids translated to the corpus') or to analyze in place (`analysis` absent). */
  add(files: { file: string; text: string; analysis?: FileModel }[]): void;
  /** A file that cannot be used (unreadable, too large, not text): why. */
  skip(file: string, reason: string): void;
}

export interface ParallelAnalysis {
  /**
   * Analyzes every file into the sink: what this thread claims, and the workers' results as they come. `texts`: the
   * files as the caller read them all beforehand (workers' results are checked against them); without it, this thread
   * reads its own claims with `read` and takes the texts the workers read.
   */
  finish(sink: AnalysisSink, read: (absolute: string) => ReadResult, texts?: Map<string, string>): void;
  /** Stops the workers (their results are not needed). */
  cancel(): void;
}

/**
 * Starts worker threads (running `script`, the bundle that calls `runAnalysisWorker` in a worker) on shares of the
 * files, or returns null when there are too few files or no thread to use. `sendTexts`: the caller will not read the
 * files itself before `finish`, so the workers send the texts they read.
 */
export function startParallelAnalysis(
  files: FileToRead[],
  script: string,
  maxBytes: number,
  threads = defaultThreads(),
  sendTexts = true,
): ParallelAnalysis | null {
  if (threads < 1 || files.length < MIN_FILES_FOR_THREADS) return null;
  const nextBuffer = new SharedArrayBuffer(4);
  const next = new Int32Array(nextBuffer);
  const workers = Array.from({ length: threads }, () => new RunningWorker({ script, files, next: nextBuffer, maxBytes, sendTexts }));
  return {
    finish(sink, read, texts) {
      const done = new Set<string>();
      const own = (f: FileToRead): void => {
        done.add(f.file);
        const known = texts?.get(f.file);
        const r = known !== undefined ? { text: known } : texts ? null : read(f.absolute);
        if (r === null) return; // the caller's read failed, and said why
        if ('reason' in r) sink.skip(f.file, r.reason);
        else sink.add([{ file: f.file, text: r.text }]);
      };
      for (let i = Atomics.add(next, 0, CLAIM); i < files.length; i = Atomics.add(next, 0, CLAIM)) {
        for (const f of files.slice(i, i + CLAIM)) own(f);
        for (const w of workers) w.drain(sink, texts, done);
      }
      for (const w of workers) w.finish(sink, texts, done);
      // Whatever no thread delivered (a worker failed, or the file changed on disk between the two reads) is analyzed
      // here: nothing is lost.
      for (const f of files) if (!done.has(f.file)) own(f);
    },
    cancel() {
      for (const w of workers) w.cancel();
    },
  };
}

/** What a background analysis delivers at a time: files with their analyses (the caller's ids), and files skipped. */
export interface Delivery {
  files: { file: string; text: string; analysis: FileModel }[];
  skipped: { file: string; reason: string }[];
}

export interface BackgroundAnalysis {
  /**
   * The next chunk of results, as soon as a worker posts it (spellings mapped with `intern`, the ids of the corpus
   * the analyses go into); null once every worker is done. Files never delivered (a worker failed) are the caller's
   * to analyze.
   */
  next(intern: (spellings: string[]) => Uint32Array): Promise<Delivery | null>;
  /** A chunk already posted (no waiting): undefined when none is, null once every worker is done. */
  ready(intern: (spellings: string[]) => Uint32Array): Delivery | null | undefined;
  /** Claims the next few files for the caller to read and analyze itself (while it would wait); empty when none is left. */
  claim(): FileToRead[];
  cancel(): void;
  /** The number of worker threads. */
  threads: number;
}

/**
 * Worker threads read and analyze every file while the calling thread stays free (a server answering requests): the
 * results come as promises, chunk by chunk. Null when there are too few files or no thread to use.
 */
export function analyzeInBackground(files: FileToRead[], script: string, maxBytes: number, threads = defaultThreads()): BackgroundAnalysis | null {
  if (threads < 1 || files.length < MIN_FILES_FOR_THREADS) return null;
  const next = new SharedArrayBuffer(4);
  const workers = Array.from({ length: threads }, () => new RunningWorker({ script, files, next, maxBytes, sendTexts: true }));
  const queue: { worker: RunningWorker; chunk: Chunk | null }[] = [];
  let wake: (() => void) | null = null;
  for (const w of workers) {
    w.listen((chunk) => {
      queue.push({ worker: w, chunk });
      wake?.();
    });
  }
  let running = workers.length;
  const deliver = (intern: (spellings: string[]) => Uint32Array): Delivery | null | undefined => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      if (!item.chunk) {
        running--;
        continue;
      }
      const delivery: Delivery = { files: [], skipped: [] };
      const sink: AnalysisSink = {
        intern,
        add: (ready) => delivery.files.push(...(ready as Delivery['files'])),
        skip: (file, reason) => delivery.skipped.push({ file, reason }),
      };
      item.worker.take(sink, undefined, new Set(), item.chunk);
      return delivery;
    }
    return running === 0 ? null : undefined;
  };
  const counter = new Int32Array(next);
  return {
    threads,
    ready: deliver,
    async next(intern) {
      for (;;) {
        const d = deliver(intern);
        if (d !== undefined) return d;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    },
    claim() {
      const i = Atomics.add(counter, 0, CLAIM);
      return i < files.length ? files.slice(i, i + CLAIM) : [];
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

  constructor(job: { script: string; files: FileToRead[]; next: SharedArrayBuffer; maxBytes: number; sendTexts: boolean }) {
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(8);
    const data: Job = { corpusLintAnalyze: true, port: port2, signal, next: job.next, files: job.files, maxBytes: job.maxBytes, sendTexts: job.sendTexts };
    this.worker = new Worker(job.script, { workerData: data, transferList: [port2] });
    this.worker.unref();
    this.port = port1;
    this.signal = new Int32Array(signal);
  }

  /** Takes the chunks posted so far. */
  drain(sink: AnalysisSink, texts: Map<string, string> | undefined, done: Set<string>): void {
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      if (!('last' in m.message)) this.take(sink, texts, done, m.message as Chunk);
    }
  }

  /** Waits for the last chunk and takes the rest. */
  finish(sink: AnalysisSink, texts: Map<string, string> | undefined, done: Set<string>): void {
    // Wait for the worker's signal (it is raised on failure too). A worker that stops making progress (it could not
    // even start) is given up: the files it did not deliver are analyzed by the caller.
    let progress = -1;
    let since = Date.now();
    while (Atomics.load(this.signal, 0) === 0) {
      Atomics.wait(this.signal, 0, 0, 1000);
      const now = Atomics.load(this.signal, 1);
      if (now !== progress) [progress, since] = [now, Date.now()];
      else if (Date.now() - since > STALLED_WORKER_MS) break;
    }
    this.drain(sink, texts, done);
    this.cancel();
  }

  cancel(): void {
    void this.worker.terminate();
  }

  /** Receives the chunks asynchronously; `null` once the worker has posted its last one, failed or stopped. */
  listen(onChunk: (chunk: Chunk | null) => void): void {
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      onChunk(null);
      this.port.close();
      this.cancel();
    };
    this.port.on('message', (m: Chunk | { last: true }) => ('last' in m ? end() : onChunk(m)));
    this.worker.once('error', end);
    this.worker.once('exit', end);
  }

  take(sink: AnalysisSink, texts: Map<string, string> | undefined, done: Set<string>, chunk: Chunk): void {
    const ids = sink.intern(chunk.newSpellings);
    const wider = new Uint32Array(this.translate.length + ids.length);
    wider.set(this.translate);
    wider.set(ids, this.translate.length);
    this.translate = wider;
    const ready: { file: string; text: string; analysis: FileModel }[] = [];
    let k = 0;
    for (const { file, textHash, textLength, text: sent, reason } of chunk.files) {
      if (reason !== undefined) {
        // The caller's own reading decides when it read every file first.
        if (!texts) {
          done.add(file);
          sink.skip(file, reason);
        }
        continue;
      }
      const analysis = unpackModel(chunk.packed, k++, sent ?? '');
      const text = sent ?? texts?.get(file);
      // Unreadable here, or changed between the two reads: left to the caller's own reading.
      if (text === undefined || (sent === undefined && (text.length !== textLength || fnv(text) !== textHash))) continue;
      done.add(file);
      // The packed arrays belong to this thread now: ids are translated in place.
      const own = analysis.words.ids;
      for (let i = 0; i < own.length; i++) own[i] = this.translate[own[i]];
      ready.push({ file, text, analysis: { ...analysis, text } });
    }
    sink.add(ready);
  }
}

/** `CORPUS_LINT_THREADS=N`: the number of worker threads the user asked for, if any. */
function requestedThreads(): number | undefined {
  const set = process.env.CORPUS_LINT_THREADS;
  return set !== undefined && set !== '' && Number.isInteger(Number(set)) && Number(set) >= 0 ? Number(set) : undefined;
}

/**
 * `CORPUS_LINT_THREADS=N` when set; otherwise none below `minFiles` files (a worker is a second JavaScript engine that
 * compiles the analysis again: each host says from how many files that is repaid), else one worker per idle core beyond
 * two, at most 7: one core for this thread, one for the engine's own helper threads (its optimizing compiler and parts
 * of the collector: about 0.7 s of CPU beside the main thread's 1.0 s in a check of the news sample). Idle cores are the
 * cores minus the machine's load (the 1-minute average). A worker pays only on a core nothing else wants: on 2 idle
 * cores a worker made a check of 10,000 files 3-7% slower and the server's first full diagnostics 6-9% later, and with
 * both cores busy with other work a check of 3,860 files took 15-40% longer.
 */
export function defaultThreads(files = Infinity, minFiles = 0, machine: Machine = thisMachine()): number {
  const requested = requestedThreads();
  if (requested !== undefined) return requested;
  if (files < minFiles) return 0;
  // A core counts as idle when the load leaves at least three quarters of it.
  const idle = Math.floor(machine.cores - machine.load + 0.25);
  return Math.max(0, Math.min(idle - ENGINE_CORES, MAX_THREADS));
}

export interface Machine {
  cores: number;
  /** The 1-minute load average. */
  load: number;
}

function thisMachine(): Machine {
  return { cores: os.availableParallelism(), load: os.loadavg()[0] };
}

/** Cores left to this thread and to the engine's helper threads before a worker is started. */
const ENGINE_CORES = 2;
const MAX_THREADS = 7;

let script: string | undefined;

/**
 * Names the bundle worker threads run (the entry point calls it with its own file, which calls `runAnalysisWorker` when
 * started as a worker). Hosts running from sources (tests) name none, and analyze on their own thread.
 */
export function useAsWorkerScript(file: string): void {
  script = file;
}

/** The bundle worker threads run, when the entry point named one. */
export function workerScript(): string | undefined {
  return script;
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
  let files: Chunk['files'] = [];
  let models: FileModel[] = [];
  const post = (): void => {
    const newSpellings: string[] = [];
    for (; posted < interner.size; posted++) newSpellings.push(interner.string(posted));
    const packed = packModels(models);
    job.port.postMessage({ files, packed, newSpellings } satisfies Chunk, [packed.data, packed.directory.buffer as ArrayBuffer]);
    files = [];
    models = [];
  };
  try {
    for (let i = Atomics.add(next, 0, CLAIM); i < job.files.length; i = Atomics.add(next, 0, CLAIM)) {
      for (const f of job.files.slice(i, i + CLAIM)) {
        Atomics.add(signal, 1, 1);
        const read = readTextFileSync(f.absolute, { maxBytes: job.maxBytes });
        if ('reason' in read) {
          files.push({ file: f.file, textHash: 0, textLength: 0, reason: read.reason });
          continue;
        }
        models.push(analyzeFile(read.text, interner));
        // The text itself, or (when the caller read the files itself) its hash, to check both read the same.
        if (job.sendTexts) files.push({ file: f.file, textHash: 0, textLength: read.text.length, text: read.text });
        else files.push({ file: f.file, textHash: fnv(read.text), textLength: read.text.length });
      }
      if (files.length >= CHUNK_FILES || interner.size - posted >= CHUNK_SPELLINGS) post();
    }
    post();
  } catch {
    // Claimed files whose analyses were not posted are analyzed by the caller.
  }
  job.port.postMessage({ last: true });
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}
