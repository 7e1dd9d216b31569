/**
 * The words of one file, for the name index. Two forms:
 * - a compact summary kept for every file (distinct spellings with counts and name evidence): what corpus-wide
 *   decisions need, cheap to hold for 10,000+ files;
 * - the full occurrences (offsets, neighbours), recomputed on demand from the text for the few files a question is
 *   about (findings, hover, references).
 */
import { ARABIC, fnv, HASHTAG, MARKED, NormSet, WordScan } from '../text/scan';
import { CLASS, SEPARATOR, stripMarks, WORD } from '../text/normalize';
import { skipLetters } from '../text/letters';
import { OFFICE_TITLES, STOPWORDS, TITLE_WORDS } from './lexicon';
import type { Interner } from '../text/intern';

export interface FileWord {
  count: number;
  /** Start and end offsets of each occurrence. */
  starts: number[];
  ends: number[];
  /** Occurrences inside a hashtag. */
  hashtag: number;
  /** Occurrences within a few words after a title or role. */
  afterTitle: number;
  /** Hashes of the neighbouring content words ('L' seed: left, 'R' seed: right), for distributional evidence. */
  neighbors: number[];
}

/** Spelling as a reader sees it (marks removed) -> occurrences. */
export type FileWords = Map<string, FileWord>;

/** Small counts per spelling of a file. */
export type CountColumn = Uint8Array | Uint16Array | Uint32Array;

/** Per-file summary: parallel arrays over the file's distinct spellings. */
export interface WordSummary {
  /**
   * The spellings themselves, only in a summary made with a spelling table other than the corpus' (a shard's): the
   * corpus interns them on arrival and keeps the ids alone (`Corpus.spelling(id)` gives a spelling back).
   */
  spellings?: string[];
  /** Interned ids of the spellings. */
  ids: Uint32Array;
  /** Occurrences of each spelling, in the narrowest array that holds them (8 bits nearly always). */
  counts: CountColumn;
  /** Occurrences in a hashtag or after a title. */
  evidence: CountColumn;
  /**
   * Positions (in these columns) of the spellings written at least once with marks inside the word (diacritics, tatweel): their raw text differs
   * from the spelling, so their occurrences cannot be found by searching the text for the spelling.
   */
  marked?: Uint32Array;
}

/** Which lines of a file hold words for the name index: content and metadata outside the preamble. */
export interface WordLines {
  /** [start, end) offsets of each included line. */
  ranges: Int32Array;
}

/** How many words after a title count as the name it introduces. */
const TITLE_WINDOW = 4;
const MAX_NEIGHBORS_PER_WORD = 64;

const TITLES = new NormSet(TITLE_WORDS);
const OFFICES = new NormSet(OFFICE_TITLES);
const STOPS = new NormSet(STOPWORDS);

/**
 * The hash of a neighbouring word (its normalized form's hash, from the scan) seen on one side ('L' or 'R'), as a signed
 * 32-bit integer: the engine keeps it as a small integer, where an unsigned one above 2^31 is a boxed number (the
 * neighbour counts are maps keyed by these hashes; counting two million keys into a map took a quarter to a third less
 * time with signed ones).
 */
export function neighborHash(normHash: number, side: 'L' | 'R'): number {
  return Math.imul(normHash ^ (side === 'L' ? 0x4c : 0x52), 0x5bd1e995);
}

/**
 * The [from, to) word indices of each line range in a scan of the whole text (ranges ascending and disjoint; words
 * never cross a line break).
 */
export function wordsOfRanges(scan: WordScan, ranges: Int32Array): Int32Array {
  const out = new Int32Array(ranges.length);
  let k = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    while (k < scan.count && scan.starts[k] < ranges[r]) k++;
    const from = k;
    while (k < scan.count && scan.ends[k] <= ranges[r + 1]) k++;
    out[r] = from;
    out[r + 1] = k;
  }
  return out;
}

/**
 * Walks the name-index words of the given lines (word index ranges of `scan`): callback per word with whether it
 * follows a title. Function words, titles and non-Arabic words are skipped.
 */
function forEachWord(
  scan: WordScan,
  lineWords: Int32Array,
  visit: (k: number, afterTitle: boolean, from: number, to: number) => void,
): void {
  for (let li = 0; li < lineWords.length; li += 2) {
    const from = lineWords[li];
    const to = lineWords[li + 1];
    let sinceTitle = Infinity;
    for (let k = from; k < to; k++) {
      if (TITLES.has(scan, k)) {
        // After an office title the next word is its portfolio (وزير الإسكان), not a name.
        sinceTitle = OFFICES.has(scan, k) ? -1 : 0;
        continue;
      }
      sinceTitle++;
      if (!(scan.flags[k] & ARABIC) || STOPS.has(scan, k)) continue;
      visit(k, sinceTitle >= 1 && sinceTitle <= TITLE_WINDOW, from, to);
    }
  }
}

/** The most slots a file's table starts with, and keeps between files (768 KB). */
const SLOTS_KEPT = 1 << 16;
/**
 * Scratch of `summarizeWords`, reused from file to file: the file's distinct spellings by their hash pair (h1, h2,
 * position + 1 per slot, open addressing), the word where each first occurs, and the summary's columns before they are
 * copied out at their final size.
 *
 * The table is the file's own, a few kilobytes that stay in the processor's cache: every occurrence is counted there,
 * and only each distinct spelling is looked up in the corpus' interner (a large table, where a lookup is a cache miss).
 * Looking up every occurrence, with a table of positions indexed by corpus id, was the hottest line of the initial
 * index. The interner knows a spelling by the same hash pair, so both tables agree on what is one spelling; distinct
 * spellings are interned in the order of their first occurrence, as before, so the ids are unchanged.
 */
let local = new Int32Array(3 * 1024);
let firstWord = new Int32Array(1024);
/** 1 for each of the summary's spellings already listed as written with marks somewhere in the file. */
let markedColumn = new Uint8Array(1024);
/** The summary's spellings written with marks somewhere in the file, in the order first seen so. */
let markedList: number[] = [];
let idColumn = new Uint32Array(1024);
let countColumn = new Uint32Array(1024);
let evidenceColumn = new Uint32Array(1024);

function widened<T extends Int32Array | Uint32Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/**
 * The compact summary of a file's words; `lineWords` are word index ranges of `scan` (see `wordsOfRanges`). With
 * `withSpellings`, the summary also lists the spellings (for a summary that leaves the interner's corpus).
 */
export function summarizeWords(scan: WordScan, lineWords: Int32Array, interner: Interner, withSpellings = false): WordSummary {
  // At most half full: twice the file's words, up to a cap; a file with more distinct spellings than that allows is
  // counted again with a larger table (an enormous file does not get a table for all its words at once).
  let slots = 1024;
  while (slots < 2 * scan.count && slots < SLOTS_KEPT) slots *= 2;
  let n: number;
  while ((n = countWords(scan, lineWords, slots)) < 0) slots *= 4;
  // A table grown for an enormous file is not kept for the next ones.
  if (local.length > 3 * SLOTS_KEPT) local = new Int32Array(3 * SLOTS_KEPT);
  for (let i = 0; i < n; i++) idColumn[i] = interner.idOfSpelling(scan, firstWord[i]);
  const ids = idColumn.slice(0, n);
  const spellings = withSpellings ? Array.from(ids, (id) => interner.string(id)) : undefined;
  return { spellings, ids, counts: narrow(countColumn, n), evidence: narrow(evidenceColumn, n), marked: Uint32Array.from(markedList) };
}

/**
 * Counts a file's words into the scratch columns, with a table of `slots` slots: the number of distinct spellings, or
 * -1 when they would fill more than half of it.
 */
function countWords(scan: WordScan, lineWords: Int32Array, slots: number): number {
  if (local.length < 3 * slots) local = new Int32Array(3 * slots);
  else local.fill(0, 0, 3 * slots);
  const table = local;
  const mask = slots - 1;
  const end = 3 * slots;
  const limit = slots >> 1;
  const h1s = scan.spellingHashes;
  const h2s = scan.spellingHashes2;
  let n = 0;
  let full = false;
  markedList = [];
  forEachWord(scan, lineWords, (k, afterTitle) => {
    if (full) return;
    const h1 = h1s[k] | 0;
    const h2 = h2s[k] | 0;
    let at = 3 * ((h1 ^ (h1 >>> 15) ^ h2) & mask);
    let i = table[at + 2] - 1;
    while (i >= 0 && (table[at] !== h1 || table[at + 1] !== h2)) {
      at = at + 3 === end ? 0 : at + 3;
      i = table[at + 2] - 1;
    }
    if (i < 0) {
      if (n === limit) {
        full = true;
        return;
      }
      if (n === idColumn.length) {
        idColumn = widened(idColumn, n + 1);
        countColumn = widened(countColumn, n + 1);
        evidenceColumn = widened(evidenceColumn, n + 1);
        firstWord = widened(firstWord, n + 1);
        markedColumn = widened(markedColumn, n + 1);
      }
      i = n++;
      table[at] = h1;
      table[at + 1] = h2;
      table[at + 2] = i + 1;
      firstWord[i] = k;
      countColumn[i] = 0;
      evidenceColumn[i] = 0;
      markedColumn[i] = 0;
    }
    countColumn[i]++;
    if (afterTitle || scan.flags[k] & HASHTAG) evidenceColumn[i]++;
    if (scan.flags[k] & MARKED && !markedColumn[i]) {
      markedColumn[i] = 1;
      markedList.push(i);
    }
  });
  return full ? -1 : n;
}

/**
 * The first `n` values of a column in the narrowest array that holds them: counts within one file are nearly always
 * below 256 (on 10,000 files, 8 bits instead of 16 saved 6.6 MB of counts and evidence).
 */
function narrow(column: Uint32Array, n: number): CountColumn {
  let max = 0;
  for (let i = 0; i < n; i++) if (column[i] > max) max = column[i];
  if (max > 0xffff) return column.slice(0, n);
  const out = max > 0xff ? new Uint16Array(n) : new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = column[i];
  return out;
}

/** Letters that begin most Arabic words (the article, و، ي، م، ن): a search that starts on them stops at every word. */
const FREQUENT_LEADS = new Set(['ا', 'ل', 'و', 'ي', 'م', 'ن']);

/**
 * A search for `s` that looks for the rest of it after its frequent leading letters and checks them before each hit
 * (`text.indexOf(s, from)` otherwise): a search for «العامة» stopped at nearly every word on its «ا»; on the news
 * sample's texts it took half the time. Made once per spelling, used for every hit.
 */
function spellingSearch(s: string): (text: string, from: number) => number {
  let j = 0;
  while (j < s.length - 2 && FREQUENT_LEADS.has(s[j])) j++;
  if (j === 0) return (text, from) => text.indexOf(s, from);
  const head = s.slice(0, j);
  const tail = s.slice(j);
  return (text, from) => {
    for (let at = text.indexOf(tail, from + j); at >= 0; at = text.indexOf(tail, at + 1)) {
      if (text.startsWith(head, at - j)) return at - j;
    }
    return -1;
  };
}

/**
 * Every occurrence of the file's words (or only of `only`), with neighbours. With `only`, when none of its spellings
 * is written with marks in the file (`marked` false), the text is searched for the spellings and only a few words
 * around each hit are read (see `windowAround`).
 */
export function collectWords(text: string, lines: WordLines, only?: Set<string>, marked = true): FileWords {
  const words: FileWords = new Map();
  // With `only`, words are filtered by spelling hash first: strings are made for the wanted words alone.
  const wanted = only ? new Set([...only].map(fnv)) : null;
  if (only && !marked) {
    for (const s of only) forEachHit(text, lines, s, false, (scan, k) => collectInto(words, scan, Int32Array.of(0, scan.count), only, wanted, k));
    return words;
  }
  const scan = new WordScan(text);
  collectInto(words, scan, wordsOfRanges(scan, lines.ranges), only, wanted);
  return words;
}

/**
 * The neighbours of the occurrences of `only` in a file, by spelling (what `collectWords` gives as `neighbors`, read
 * from the word before and the word after each occurrence alone when none of the spellings is written with marks).
 */
export function collectNeighbors(text: string, lines: WordLines, only: Set<string>, marked: boolean): Map<string, number[]> {
  const out = new Map<string, number[]>();
  if (marked) {
    for (const [spelling, w] of collectWords(text, lines, only, true)) out.set(spelling, w.neighbors);
    return out;
  }
  for (const s of only) {
    forEachHit(text, lines, s, true, (scan, k) => {
      // As collectInto reads them: a word the name index reads (Arabic, no function word, no title), and its
      // neighbours on the line that are no function words.
      if (!(scan.flags[k] & ARABIC) || STOPS.has(scan, k) || TITLES.has(scan, k)) return;
      let n = out.get(s);
      if (!n) out.set(s, (n = []));
      if (n.length < MAX_NEIGHBORS_PER_WORD) {
        if (k > 0 && !STOPS.has(scan, k - 1)) n.push(neighborHash(scan.normHashes[k - 1], 'L'));
        if (k + 1 < scan.count && !STOPS.has(scan, k + 1)) n.push(neighborHash(scan.normHashes[k + 1], 'R'));
      }
    });
  }
  return out;
}

/**
 * Calls `visit` for each whole-word occurrence of the spelling `s` in the file's lines, with a scan of the window around
 * it (see `windowAround`; `neighborsOnly`: the word before and after it alone) and its index there.
 */
function forEachHit(text: string, lines: WordLines, s: string, neighborsOnly: boolean, visit: (scan: WordScan, k: number) => void): void {
  const find = spellingSearch(s);
  for (let at = find(text, 0); at >= 0; at = find(text, at + 1)) {
    if (!standsAlone(text, at, at + s.length)) continue;
    const r = rangeHolding(lines.ranges, at, at + s.length);
    if (r < 0) continue;
    const [from, to] = windowAround(text, lines.ranges[r], lines.ranges[r + 1], at, at + s.length, 1, neighborsOnly);
    const scan = (windowScratch = new WordScan(text, from, to, windowScratch));
    let k = 0;
    while (k < scan.count && scan.starts[k] < at) k++;
    // A whole word only (not the middle of a longer one).
    if (k === scan.count || scan.starts[k] !== at || scan.ends[k] !== at + s.length) continue;
    visit(scan, k);
  }
}

/**
 * False when a letter touches the text found at [start, end), which is then part of a longer word (عبد in عبدالله):
 * the scan of a window would find no word there, so the window is not read.
 */
function standsAlone(text: string, start: number, end: number): boolean {
  return !(start > 0 && CLASS[text.charCodeAt(start - 1)] === WORD) && !(end < text.length && CLASS[text.charCodeAt(end)] === WORD);
}

/** The included line range (offset into `ranges`) holding [start, end), or -1. */
function rangeHolding(ranges: Int32Array, start: number, end: number): number {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ranges[2 * mid] <= start) lo = mid;
    else hi = mid - 1;
  }
  return ranges[2 * lo] <= start && end <= ranges[2 * lo + 1] ? 2 * lo : -1;
}

/** Words before an occurrence that can change how it is read: a title up to five words before it (see forEachWord). */
const WINDOW_WORDS_BEFORE = TITLE_WINDOW + 2;

/**
 * A span of the line [lineStart, lineEnd) around the word at [start, end) that reads exactly as the whole line would
 * for that word: it begins at the line start or right after a separator that ends any hashtag, with enough words
 * before the word for titles, and ends after the next word (its right neighbour).
 */
function windowAround(text: string, lineStart: number, lineEnd: number, start: number, end: number, wordsAfter = 1, neighborsOnly = false): [number, number] {
  let i = start;
  let words = 0;
  for (;;) {
    // Back over the gap before a word, then over the word (a run of marks alone is no word).
    while (i > lineStart && !isWordOrMark(text.charCodeAt(i - 1))) i--;
    if (i === lineStart) break;
    // For its neighbours alone, the word before is enough (titles and hashtags change no neighbour).
    if (neighborsOnly ? words >= 1 : words >= WINDOW_WORDS_BEFORE && resetsHashtag(text.charCodeAt(i))) break;
    let letters = false;
    while (i > lineStart && isWordOrMark(text.charCodeAt(i - 1))) {
      i--;
      if (CLASS[text.charCodeAt(i)] === WORD) letters = true;
    }
    if (letters) words++;
  }
  let j = end;
  while (j < lineEnd && isWordOrMark(text.charCodeAt(j))) j++;
  // Forward to the end of the next word (or of the next few).
  for (let n = 0; n < wordsAfter; n++) {
    for (let letters = false; j < lineEnd && !letters; ) {
      while (j < lineEnd && !isWordOrMark(text.charCodeAt(j))) j++;
      while (j < lineEnd && isWordOrMark(text.charCodeAt(j))) {
        if (CLASS[text.charCodeAt(j)] === WORD) letters = true;
        j++;
      }
    }
  }
  return [i, j];
}

function isWordOrMark(c: number): boolean {
  return CLASS[c] !== SEPARATOR;
}

/** A separator after which no hashtag continues: not '#', not the '_' that joins hashtag words. */
function resetsHashtag(c: number): boolean {
  return CLASS[c] === SEPARATOR && c !== 0x23 && c !== 0x5f;
}

function collectInto(
  words: FileWords,
  scan: WordScan,
  lineWords: Int32Array,
  only: Set<string> | undefined,
  wanted: Set<number> | null,
  target = -1,
): void {
  forEachWord(scan, lineWords, (k, afterTitle, from, to) => {
    if (target >= 0 && k !== target) return;
    if (wanted && !wanted.has(scan.spellingHashes[k])) return;
    const spelling = scan.spelling(k);
    if (only && !only.has(spelling)) return;
    let w = words.get(spelling);
    if (!w) {
      w = { count: 0, starts: [], ends: [], hashtag: 0, afterTitle: 0, neighbors: [] };
      words.set(spelling, w);
    }
    w.count++;
    w.starts.push(scan.starts[k]);
    w.ends.push(scan.ends[k]);
    if (scan.flags[k] & HASHTAG) w.hashtag++;
    if (afterTitle) w.afterTitle++;
    if (w.neighbors.length < MAX_NEIGHBORS_PER_WORD) {
      if (k > from && !STOPS.has(scan, k - 1)) w.neighbors.push(neighborHash(scan.normHashes[k - 1], 'L'));
      if (k + 1 < to && !STOPS.has(scan, k + 1)) w.neighbors.push(neighborHash(scan.normHashes[k + 1], 'R'));
    }
  });
}

/** A two-word spelling looked for by `collectPairs`: its normalized words, the first with any proclitic it may take. */
export interface PairPattern {
  /** Normalized first word as written, proclitics included (وعبد), and how many of its letters are proclitics. */
  first: string;
  clitics: number;
  /** Normalized second word. */
  second: string;
  /** What the occurrences are reported under (the pair's normalized spelling). */
  key: string;
}

/** Patterns by the hash of their first word (`fnv` of the normalized form, as the scan computes it). */
export type PairTable = Map<number, PairPattern[]>;

export interface PairOccurrences {
  count: number;
  /** Start (after the proclitics) and end offsets of each occurrence: from the first word to the end of the second. */
  starts: number[];
  ends: number[];
  /** Occurrences in a hashtag or after a title (as for one word: the first word's position counts). */
  evidence: number;
  /** Neighbour hashes of the pair as one name: the word before the first, the word after the second. */
  neighbors: number[];
  /** The pair as written (marks removed, proclitics excluded, one space between), per occurrence. */
  written: string[];
}

/**
 * Occurrences of two-word spellings (عبد الملك، نصر الله) in a file's lines: two adjacent words on one line, with only
 * white space between them (or the underscore of a hashtag). The words are matched by hash and confirmed in place: no
 * string is made but for the occurrences found.
 */
export function collectPairs(text: string, lines: WordLines, table: PairTable, firsts?: Set<string>): Map<string, PairOccurrences> {
  const out = new Map<string, PairOccurrences>();
  if (!table.size) return out;
  if (firsts) {
    // The first words' spellings, none written with marks in the file: the text is searched for them and only the
    // words around each hit are read (a title before it, the second word and the word after the pair).
    // In the order of the text, as a scan of the whole file finds them.
    const hits: [number, number][] = [];
    for (const s of firsts) {
      const find = spellingSearch(s);
      for (let at = find(text, 0); at >= 0; at = find(text, at + 1)) if (standsAlone(text, at, at + s.length)) hits.push([at, at + s.length]);
    }
    hits.sort((a, b) => a[0] - b[0]);
    for (const [at, end] of hits) {
      const r = rangeHolding(lines.ranges, at, end);
      if (r < 0) continue;
      const [from, to] = windowAround(text, lines.ranges[r], lines.ranges[r + 1], at, end, 2);
      const scan = (windowScratch = new WordScan(text, from, to, windowScratch));
      let k = 0;
      while (k < scan.count && scan.starts[k] < at) k++;
      if (k === scan.count || scan.starts[k] !== at || scan.ends[k] !== end) continue;
      pairsInto(out, text, scan, Int32Array.of(0, scan.count), table, k);
    }
    return out;
  }
  const scan = new WordScan(text);
  pairsInto(out, text, scan, wordsOfRanges(scan, lines.ranges), table, -1);
  return out;
}

/** The scan windows around a word are read with (`collectWords`, `collectPairs`), reused from window to window. */
let windowScratch: WordScan | undefined;

/** The pairs of `table` that begin at a word of the given lines of `scan` (only at word `target` when it is 0 or more). */
function pairsInto(out: Map<string, PairOccurrences>, text: string, scan: WordScan, lineWords: Int32Array, table: PairTable, target: number): void {
  forEachWord(scan, lineWords, (k, afterTitle, from, to) => {
    if (target >= 0 && k !== target) return;
    const patterns = table.get(scan.normHashes[k] | 0);
    if (!patterns || k + 1 >= to || !(scan.flags[k + 1] & ARABIC)) return;
    const hashtag = (scan.flags[k] & HASHTAG) !== 0;
    if (!onlySpaceBetween(text, scan.ends[k], scan.starts[k + 1], hashtag && (scan.flags[k + 1] & HASHTAG) !== 0)) return;
    for (const p of patterns) {
      if (fnv(p.second) !== scan.normHashes[k + 1] || !scan.normIs(k, p.first) || !scan.normIs(k + 1, p.second)) continue;
      let o = out.get(p.key);
      if (!o) out.set(p.key, (o = { count: 0, starts: [], ends: [], evidence: 0, neighbors: [], written: [] }));
      const start = skipLetters(text, scan.starts[k], scan.ends[k], p.clitics);
      o.count++;
      o.starts.push(start);
      o.ends.push(scan.ends[k + 1]);
      if (afterTitle || hashtag) o.evidence++;
      o.written.push(`${stripMarks(text.slice(start, scan.ends[k]))} ${scan.spelling(k + 1)}`);
      if (o.neighbors.length < MAX_NEIGHBORS_PER_WORD) {
        if (k > from && !STOPS.has(scan, k - 1)) o.neighbors.push(neighborHash(scan.normHashes[k - 1], 'L'));
        if (k + 2 < to && !STOPS.has(scan, k + 2)) o.neighbors.push(neighborHash(scan.normHashes[k + 2], 'R'));
      }
      break;
    }
  });
}

/** Only spaces (or, inside a hashtag, underscores) and invisible marks in text[from, to). */
function onlySpaceBetween(text: string, from: number, to: number, hashtag: boolean): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0xa0 || c === 0x09 || (hashtag && c === 0x5f)) continue;
    if (CLASS[c] === SEPARATOR) return false;
  }
  return true;
}
