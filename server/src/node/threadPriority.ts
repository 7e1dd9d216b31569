/**
 * The main thread first. A one-thread check runs beside V8's own helper threads (its optimizing compiler and parts of
 * the garbage collector, four threads on a machine of 2 cores) and our read-ahead worker: when more of them are
 * runnable than there are cores, the scheduler shares the cores out evenly and the main thread, the one everything
 * waits for, is preempted (1,500–2,400 involuntary context switches in a check of the news sample). Raising the nice
 * value of every other thread leaves the main thread a core of its own; the helpers still have the others.
 *
 * The helpers are made nicer than the main thread by HELPER_NICE (up to 19): a run started with `nice` keeps the order.
 * Linux only (the nice value is per thread there, and /proc lists the threads); a no-op elsewhere, or when
 * `CORPUS_LINT_HELPER_NICE=0`. Only ever lowers a priority, which needs no privilege.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';

/** How much nicer than the main thread helper threads are made (0 to 19; more yields more). */
const HELPER_NICE = 10;
/** The nicest value there is. */
const MAX_NICE = 19;

/** The nice value for helper threads, or null when none is to be set (off, or not Linux). */
function helperNice(): number | null {
  if (process.platform !== 'linux') return null;
  const v = process.env.CORPUS_LINT_HELPER_NICE;
  const n = v === undefined || v === '' ? HELPER_NICE : Number(v);
  const step = Number.isInteger(n) && n >= 0 && n <= MAX_NICE ? n : HELPER_NICE;
  if (step === 0) return null;
  try {
    // The main thread's id is the process id.
    return Math.min(MAX_NICE, os.getPriority(process.pid) + step);
  } catch {
    return null;
  }
}

/**
 * Lowers the priority of the process' threads other than the main thread (call it from the main thread, early: V8's
 * helpers exist from the start; threads made later inherit the main thread's priority, so a worker of ours calls
 * `yieldToMainThread` itself). Returns how many threads it changed.
 */
export function preferMainThread(): number {
  const nice = helperNice();
  if (nice === null) return 0;
  let changed = 0;
  try {
    for (const task of fs.readdirSync('/proc/self/task')) {
      const tid = Number(task);
      if (!Number.isInteger(tid) || tid === process.pid) continue;
      if (setNice(tid, nice)) changed++;
    }
  } catch {
    // No /proc: nothing to do.
  }
  return changed;
}

/** Lowers the calling thread's own priority (a helper worker's first call): it yields to the main thread. */
export function yieldToMainThread(): boolean {
  const nice = helperNice();
  if (nice === null) return false;
  try {
    // /proc/thread-self -> "<pid>/task/<tid>"
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid !== process.pid && setNice(tid, nice);
  } catch {
    return false;
  }
}

function setNice(tid: number, nice: number): boolean {
  try {
    // Never raise a priority (a thread already nicer stays so).
    if (os.getPriority(tid) >= nice) return false;
    os.setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
