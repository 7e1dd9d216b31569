/**
 * Formulas: runs of words that paragraphs of many files share while the rest of each paragraph differs. A news agency
 * opens every item the same way («تلقى صاحب السمو الملكي الأمير … اتصالاً هاتفياً، اليوم، من» and then who called),
 * protocol news lists the same attendees with their titles, a site's footer changes one word from page to page. The
 * shared run is most of such a paragraph, so its shingles alone make it look copied; the words that differ (who
 * called) are the news.
 *
 * A fingerprint (a winnowed shingle) held by paragraphs of `boilerplateMinFiles` files or more — the number that makes
 * an identical paragraph boilerplate — marks its five words as formula words. Every window of WINNOW_WINDOW shingles
 * inside a shared run picks the same fingerprint in every copy, so a run of SHINGLE_SIZE + WINNOW_WINDOW - 1 words or
 * more is covered but for at most WINNOW_WINDOW - 1 words at each end. Two paragraphs that hold formula words must
 * then also share enough of what is left (see `DuplicateIndex.compare`).
 */
import { orderedShingles, SHINGLE_SIZE, winnowPositions } from '../file';
import { WordScan } from '../text/scan';
import { HashSet32 } from '../text/hashSet';
import type { Steps } from '../steps';

/** A paragraph's words outside formulas, and how many of them another paragraph shares. */
export interface WordsOutsideFormulas {
  /** Words outside any formula. */
  outside: number;
  /** Of those, the words in a shingle the other paragraph holds too. */
  shared: number;
}

/**
 * Counts the words of the paragraph `text[start, end)` outside formulas (`isFormula` tells a formula fingerprint), and
 * those of them that the other paragraph shares: in a shingle found in `other[from, to)` (its distinct shingle hashes).
 */
export function wordsOutsideFormulas(
  text: string,
  start: number,
  end: number,
  isFormula: (fingerprint: number) => boolean,
  other: Uint32Array,
  from: number,
  to: number,
): WordsOutsideFormulas {
  const scan = (scratch = new WordScan(text, start, end, scratch));
  const n = scan.count;
  const words = scan.normHashes.subarray(0, n);
  if (marks.length < n) {
    marks = new Uint8Array(n * 2);
    shingleScratch = new Uint32Array(n * 2);
    positionScratch = new Int32Array(n * 2);
  }
  const shingles = orderedShingles(words, shingleScratch);
  // Per word: bit 1, in a formula; bit 2, in a shingle the other paragraph holds.
  const mark = marks.subarray(0, n);
  mark.fill(0);
  const winnowed = winnowPositions(shingles, positionScratch);
  for (let w = 0; w < winnowed.length; w++) {
    const at = winnowed[w];
    if (isFormula(shingles[at])) for (let k = at; k < at + SHINGLE_SIZE; k++) mark[k] |= 1;
  }
  const held = heldScratch;
  held.reset(to - from);
  for (let i = from; i < to; i++) held.add(other[i]);
  for (let i = 0; i < shingles.length; i++) {
    if (held.has(shingles[i])) for (let k = i; k < i + SHINGLE_SIZE; k++) mark[k] |= 2;
  }
  const out = { outside: 0, shared: 0 };
  for (let k = 0; k < n; k++) {
    if (mark[k] & 1) continue;
    out.outside++;
    if (mark[k] & 2) out.shared++;
  }
  return out;
}

/** The last paragraph's scan and arrays, which the next one reuses (the counts are made before it returns). */
let scratch: WordScan | undefined;
let marks = new Uint8Array(256);
let shingleScratch = new Uint32Array(256);
let positionScratch = new Int32Array(256);

/** The other paragraph's shingles, as a set. */
const heldScratch = new HashSet32();

/**
 * The formula fingerprints of a sorted posting list (keys ascending; `fileOf` gives a paragraph id's file): those held
 * by paragraphs of `minFiles` files or more, and those held by more than `maxPostings` paragraphs (boilerplate already:
 * they yield no candidates).
 */
export function* formulaKeysSteps(
  keys: Uint32Array,
  ids: Int32Array,
  length: number,
  minFiles: number,
  maxPostings: number,
  fileOf: (id: number) => string,
): Steps<Set<number>> {
  const out = new Set<number>();
  let read = 0;
  for (let start = 0; start < length; ) {
    let end = start + 1;
    while (end < length && keys[end] === keys[start]) end++;
    if (end - start > maxPostings || (end - start >= minFiles && filesAtLeast(ids.subarray(start, end), minFiles, fileOf))) out.add(keys[start]);
    // In steps: on 50,000 files the whole list took 40 ms.
    read += end - start;
    if (read >= FORMULA_STEP) {
      read = 0;
      yield;
    }
    start = end;
  }
  return out;
}

/** Postings read between two yields of `formulaKeysSteps`. */
const FORMULA_STEP = 1 << 18;

/** Whether paragraphs `ids` are in at least `files` distinct files (stops counting there). */
export function filesAtLeast(ids: ArrayLike<number>, files: number, fileOf: (id: number) => string): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i++) if (seen.add(fileOf(ids[i])).size >= files) return true;
  return false;
}
