/**
 * Candidate pairs of the whole corpus at once, for hosts that ask for every file's findings (a CLI run, a language
 * server's first publication): every (fingerprint, paragraph) posting is radix-sorted by fingerprint, and each run of
 * paragraphs sharing a fingerprint yields its pairs. Each pair is then verified once instead of once from each side,
 * and no hash table is probed. The candidates are exactly those of the per-paragraph lookup (pairs sharing a
 * fingerprint held by at most `maxPostings` paragraphs), so the findings are the same.
 */

import type { Steps } from '../steps';

/** Postings: parallel arrays of fingerprints and paragraph ids. */
export interface PostingList {
  keys: Uint32Array;
  ids: Int32Array;
  length: number;
}

/** Yielded by the step-wise versions every this many elements of work. */
const STEP = 1 << 15;
/** Elements of a new array written between two yields before it is scattered into (4 MB of each array). */
const TOUCH_STEP = 1 << 20;

/** Sorts the postings by key (LSD radix sort on two 16-bit digits; stable, linear), yielding between pieces of work. */
export function* sortPostingsSteps(list: PostingList): Steps<PostingList> {
  let keys: Uint32Array = list.keys.subarray(0, list.length);
  let ids: Int32Array = list.ids.subarray(0, list.length);
  let keysOut: Uint32Array = new Uint32Array(list.length);
  let idsOut: Int32Array = new Int32Array(list.length);
  // The output arrays are new: the system maps each of their pages on its first write. Written in order here, a few
  // megabytes per step; the scatter's first step, writing all over them, took every fault at once (164 ms in one
  // turn of the server on 50,000 files).
  for (let from = 0; from < list.length; from += TOUCH_STEP) {
    const to = Math.min(list.length, from + TOUCH_STEP);
    keysOut.fill(0, from, to);
    idsOut.fill(0, from, to);
    yield;
  }
  const counts = new Int32Array(1 << 16);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let from = 0; from < keys.length; from += STEP) {
      countDigits(keys, from, Math.min(keys.length, from + STEP), shift, counts);
      yield;
    }
    let sum = 0;
    for (let d = 0; d < counts.length; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let from = 0; from < keys.length; from += STEP) {
      scatter(keys, ids, from, Math.min(keys.length, from + STEP), shift, counts, keysOut, idsOut);
      yield;
    }
    [keys, keysOut] = [keysOut, keys];
    [ids, idsOut] = [idsOut, ids];
  }
  return { keys, ids, length: list.length };
}

function countDigits(keys: Uint32Array, from: number, to: number, shift: number, counts: Int32Array): void {
  for (let i = from; i < to; i++) counts[(keys[i] >>> shift) & 0xffff]++;
}

function scatter(keys: Uint32Array, ids: Int32Array, from: number, to: number, shift: number, counts: Int32Array, keysOut: Uint32Array, idsOut: Int32Array): void {
  for (let i = from; i < to; i++) {
    const at = counts[(keys[i] >>> shift) & 0xffff]++;
    keysOut[at] = keys[i];
    idsOut[at] = ids[i];
  }
}

/**
 * Calls `visit(a, b)` once for every distinct pair of paragraph ids (a < b) that share a fingerprint held by 2 to
 * `maxPostings` paragraphs, in order of a, then b (`idCount` bounds the ids), yielding between pieces of work. The
 * pairs of every run are bucketed by their first id (a counting sort), then each bucket's second ids are sorted and
 * repeats skipped: linear apart from the small per-bucket sorts.
 */
export function* candidatePairSteps(
  sorted: PostingList,
  maxPostings: number,
  idCount: number,
  visit: (a: number, b: number) => void,
): Steps<void> {
  const pairs: Pairs = { firsts: new Int32Array(1024), seconds: new Int32Array(1024), n: 0 };
  for (let start = 0; start < sorted.length; ) {
    start = collectPairs(sorted, start, maxPostings, pairs);
    yield;
  }
  const { firsts, seconds, n } = pairs;
  // Bucket the second ids by first id.
  const offsets = new Int32Array(idCount + 1);
  for (let k = 0; k < n; k++) offsets[firsts[k] + 1]++;
  for (let a = 0; a < idCount; a++) offsets[a + 1] += offsets[a];
  const fill = offsets.slice(0, idCount);
  const bucketed = new Int32Array(n);
  for (let k = 0; k < n; k++) bucketed[fill[firsts[k]]++] = seconds[k];
  yield;
  for (let a = 0, work = 0; a < idCount; a++) {
    const from = offsets[a];
    const to = offsets[a + 1];
    if (from === to) continue;
    const bucket = bucketed.subarray(from, to).sort();
    for (let k = 0; k < bucket.length; k++) {
      if (k > 0 && bucket[k] === bucket[k - 1]) continue;
      visit(a, bucket[k]);
      if (++work === 256) {
        work = 0;
        yield;
      }
    }
  }
}

/** Pairs collected so far: parallel columns of first (smaller) and second ids. */
interface Pairs {
  firsts: Int32Array;
  seconds: Int32Array;
  n: number;
}

/** Collects the pairs of the runs of equal keys from `start` on, about STEP postings' worth; returns where it stopped. */
function collectPairs(sorted: PostingList, start: number, maxPostings: number, pairs: Pairs): number {
  const { keys, ids, length } = sorted;
  for (let work = 0; start < length && work < STEP; ) {
    let end = start + 1;
    while (end < length && keys[end] === keys[start]) end++;
    const run = end - start;
    if (run >= 2 && run <= maxPostings) {
      for (let i = start; i < end; i++) {
        for (let j = i + 1; j < end; j++) {
          if (pairs.n === pairs.firsts.length) {
            pairs.firsts = grown(pairs.firsts);
            pairs.seconds = grown(pairs.seconds);
          }
          pairs.firsts[pairs.n] = Math.min(ids[i], ids[j]);
          pairs.seconds[pairs.n++] = Math.max(ids[i], ids[j]);
        }
      }
      work += (run * (run - 1)) / 2;
    }
    work += run;
    start = end;
  }
  return start;
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
