/**
 * Candidate pairs of the whole corpus at once, for hosts that ask for every file's findings (a CLI run, a language
 * server's first publication): every (fingerprint, paragraph) posting is radix-sorted by fingerprint, and each run of
 * paragraphs sharing a fingerprint yields its pairs. Each pair is then verified once instead of once from each side,
 * and no hash table is probed. The candidates are exactly those of the per-paragraph lookup (pairs sharing a
 * fingerprint held by at most `maxPostings` paragraphs), so the findings are the same.
 */

/** Postings: parallel arrays of fingerprints and paragraph ids. */
export interface PostingList {
  keys: Uint32Array;
  ids: Int32Array;
  length: number;
}

/** Sorts the postings by key (LSD radix sort on two 16-bit digits; stable, linear). */
export function sortPostings(list: PostingList): PostingList {
  let keys: Uint32Array = list.keys.subarray(0, list.length);
  let ids: Int32Array = list.ids.subarray(0, list.length);
  let keysOut: Uint32Array = new Uint32Array(list.length);
  let idsOut: Int32Array = new Int32Array(list.length);
  const counts = new Int32Array(1 << 16);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < keys.length; i++) counts[(keys[i] >>> shift) & 0xffff]++;
    let sum = 0;
    for (let d = 0; d < counts.length; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < keys.length; i++) {
      const at = counts[(keys[i] >>> shift) & 0xffff]++;
      keysOut[at] = keys[i];
      idsOut[at] = ids[i];
    }
    [keys, keysOut] = [keysOut, keys];
    [ids, idsOut] = [idsOut, ids];
  }
  return { keys, ids, length: list.length };
}

/**
 * Calls `visit(a, b)` once for every distinct pair of paragraph ids (a < b) that share a fingerprint held by 2 to
 * `maxPostings` paragraphs. `idCount` bounds the ids.
 */
export function forEachCandidatePair(sorted: PostingList, maxPostings: number, idCount: number, visit: (a: number, b: number) => void): void {
  const pairs: number[] = [];
  const { keys, ids, length } = sorted;
  for (let start = 0; start < length; ) {
    let end = start + 1;
    while (end < length && keys[end] === keys[start]) end++;
    const run = end - start;
    if (run >= 2 && run <= maxPostings) {
      for (let i = start; i < end; i++) {
        for (let j = i + 1; j < end; j++) {
          const a = Math.min(ids[i], ids[j]);
          const b = Math.max(ids[i], ids[j]);
          pairs.push(a * idCount + b);
        }
      }
    }
    start = end;
  }
  const unique = Float64Array.from(pairs).sort();
  for (let i = 0; i < unique.length; i++) {
    if (i > 0 && unique[i] === unique[i - 1]) continue;
    const a = Math.floor(unique[i] / idCount);
    visit(a, unique[i] - a * idCount);
  }
}
