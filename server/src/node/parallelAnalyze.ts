/**
 * Per-file analysis on both cores: worker threads analyze shares of the files while the calling thread analyzes its
 * own, and the results are collected synchronously (Atomics.wait + receiveMessageOnPort), so hosts with a synchronous
 * flow (the CLI) use it without becoming asynchronous. The analyses are handed to `Corpus.applyChange` as `analysis`.
 */
import * as os from 'node:os';
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker, isMainThread, workerData } from 'node:worker_threads';
import { analyzeFile, FileModel } from '../core/file';

interface Job {
  corpusLintAnalyze: true;
  port: MessagePort;
  signal: SharedArrayBuffer;
  files: { file: string; text: string }[];
}

/** Below this many files the threads cost more than they save. */
const MIN_FILES_FOR_THREADS = 400;

/**
 * Analyzes the files on every core: worker threads running `script` take shares, and `here` is called with the
 * calling thread's own share meanwhile (the caller analyzes it in place, e.g. straight into its corpus). Returns the
 * workers' analyses by file; with too few files everything goes to `here`.
 */
export function analyzeInParallel(
  files: { file: string; text: string }[],
  script: string,
  here: (share: { file: string; text: string }[]) => void,
  threads = defaultThreads(),
): Map<string, FileModel> {
  const out = new Map<string, FileModel>();
  if (threads < 1 || files.length < MIN_FILES_FOR_THREADS) {
    here(files);
    return out;
  }
  // Shares balanced by size: files dealt round-robin after sorting by length.
  const order = [...files].sort((a, b) => b.text.length - a.text.length);
  const shares: { file: string; text: string }[][] = Array.from({ length: threads + 1 }, () => []);
  order.forEach((f, k) => shares[k % (threads + 1)].push(f));
  const running: { worker: Worker; port: MessagePort; signal: Int32Array }[] = [];
  for (const share of shares.slice(1)) {
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    const job: Job = { corpusLintAnalyze: true, port: port2, signal, files: share };
    const worker = new Worker(script, { workerData: job, transferList: [port2] });
    worker.unref();
    running.push({ worker, port: port1, signal: new Int32Array(signal) });
  }
  here(shares[0]);
  for (const r of running) {
    // Wait for the worker's signal (it may also fail: then its files are analyzed here).
    while (Atomics.load(r.signal, 0) === 0) Atomics.wait(r.signal, 0, 0, 1000);
    const msg = receiveMessageOnPort(r.port)?.message as { file: string; analysis: FileModel }[] | undefined;
    if (msg) for (const m of msg) out.set(m.file, m.analysis);
    void r.worker.terminate();
  }
  return out;
}

function defaultThreads(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(cores - 1, 7));
}

/** True when this thread is an analysis worker started by `analyzeInParallel`. */
export function isAnalysisWorker(): boolean {
  return !isMainThread && (workerData as Job | undefined)?.corpusLintAnalyze === true;
}

/** The body of an analysis worker: analyze the share, post the analyses, raise the signal. */
export function runAnalysisWorker(): void {
  const job = workerData as Job;
  const signal = new Int32Array(job.signal);
  try {
    job.port.postMessage(job.files.map((f) => ({ file: f.file, analysis: analyzeFile(f.text) })));
  } catch {
    // Nothing posted: the caller analyzes these files itself.
  }
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}
