/**
 * Per-file analysis: a pure, memoizable function of one file's text. Produces the file's lines, entries (with
 * titles and dates), paragraphs (with shingles for the duplicate index) and words (for the name index).
 */
import type { EntryInfo } from './types';
import { LineIndex, indexLines, rangeOf } from './text/lines';
import { WordScan } from './text/scan';
import { ClassifiedLine, classifyLine, parseMarker, wordsOf } from './structure/lineKinds';
import { segmentEntries } from './structure/entries';
import { findEntryDate } from './entryDates';
import { summarizeWords, WordLines, WordSummary, wordsOfRanges } from './names/words';
import { Interner } from './text/intern';
import { comparedWords } from './duplicates/compared';
import { HashSet32 } from './text/hashSet';

/** Words per shingle. */
export const SHINGLE_SIZE = 5;
/** Winnowing window: any shared run of SHINGLE_SIZE + WINDOW - 1 words yields a shared fingerprint. */
export const WINNOW_WINDOW = 4;

export type ParagraphRole = 'title' | 'body' | 'preamble';

export interface ParagraphModel {
  firstLine: number;
  lastLine: number;
  /** Offsets of the paragraph's text, without surrounding white space. */
  start: number;
  end: number;
  /**
   * The span whose words the duplicate index compares (see duplicates/compared.ts: the text without a leading «عاجل»
   * label or a trailing channel signature), and how many words it holds.
   */
  compareStart: number;
  compareEnd: number;
  words: number;
  role: ParagraphRole;
  /** The title of an entry that has no other content paragraph: the title is the entry's whole text (a one-line post). */
  alone: boolean;
  /** Index of the entry holding the paragraph, -1 for a preamble. */
  entry: number;
  /** Hash of the normalized text: equal keys mean identical paragraphs after normalization. */
  exactKey: number;
  /** Distinct shingle hashes, in the order they first occur: `FileModel.hashes[shingleStart, shingleEnd)`. */
  shingleStart: number;
  shingleEnd: number;
  /**
   * Distinct winnowed fingerprints (a subset of the shingles, in text order) used to find candidates:
   * `hashes[fingerprintStart, fingerprintEnd)`.
   */
  fingerprintStart: number;
  fingerprintEnd: number;
}

export interface Suppression {
  /** Line the directive applies to (-1: the whole file). */
  line: number;
  /** Codes suppressed; empty means all. */
  codes: string[];
}

export interface FileModel {
  text: string;
  lineIndex: LineIndex;
  lines: ClassifiedLine[];
  paragraphs: ParagraphModel[];
  /** The paragraphs' shingles and fingerprints, one after another (one array per file, not two per paragraph). */
  hashes: Uint32Array;
  entries: EntryInfo[];
  multiEntry: boolean;
  /** Lines whose words feed the name index (content and metadata outside the preamble). */
  wordLines: WordLines;
  /** Distinct spellings with counts and name evidence (the name index's per-file summary). */
  words: WordSummary;
  suppressions: Suppression[];
}

const privateInterner = new Interner();
/** The last file's scan, whose arrays the next file's scan reuses (the analysis is synchronous, never reentered). */
let previousScan: WordScan | undefined;

/**
 * Analyzes one file. Never throws on any input. Spellings are interned in `interner` (the corpus' table; ids only
 * need to be stable within one corpus).
 */
export function analyzeFile(text: string, interner: Interner = privateInterner): FileModel {
  const lineIndex = indexLines(text);
  // One scan of the whole text; words never cross a line break, so each line owns a range of its words.
  const scan = new WordScan(text, 0, text.length, previousScan);
  previousScan = scan;
  const lineCount = lineIndex.starts.length;
  const lineWords = wordsOfRanges(scan, lineRanges(lineIndex));
  const lines: ClassifiedLine[] = [];
  for (let i = 0; i < lineCount; i++) {
    const words = wordsOf(scan, lineWords[2 * i], lineWords[2 * i + 1]);
    lines.push(classifyLine(text, lineIndex.starts[i], lineIndex.ends[i], words));
  }
  const normOf = (i: number): string => {
    const parts: string[] = [];
    for (let k = lineWords[2 * i]; k < lineWords[2 * i + 1]; k++) parts.push(scan.norm(k));
    return parts.join(' ');
  };
  const seg = segmentEntries(text, lines, normOf);

  const entryOfLine = new Int32Array(lines.length).fill(-1);
  seg.entries.forEach((e, k) => {
    for (let i = e.firstLine; i <= e.lastLine; i++) entryOfLine[i] = k;
  });

  const entries: EntryInfo[] = seg.entries.map((e) => {
    const date = findEntryDate(text, lines, e);
    const titleLine = lines[e.titleLine];
    return {
      range: rangeOf(lineIndex, lines[e.firstLine].start, lines[e.lastLine].end),
      title: titleText(text.slice(titleLine.start, titleLine.end)),
      titleRange: rangeOf(lineIndex, titleLine.start, titleLine.end),
      date: date?.iso ?? null,
      dateText: date?.text ?? null,
      dateRange: date ? rangeOf(lineIndex, date.start, date.end) : null,
      dateKind: date ? (date.iso ? 'full' : 'partial') : 'none',
    };
  });

  const titleLines = new Set(seg.entries.map((e) => e.titleLine));
  const paragraphs: ParagraphModel[] = [];
  const pool = new HashPool();
  const span = new Int32Array(2);
  const contentOf = new Int32Array(seg.entries.length);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind !== 'content') continue;
    const role: ParagraphRole = seg.preamble.has(i) || entryOfLine[i] < 0 ? 'preamble' : titleLines.has(i) ? 'title' : 'body';
    if (role !== 'preamble' && hasLetterWord(scan, lineWords[2 * i], lineWords[2 * i + 1])) contentOf[entryOfLine[i]]++;
    comparedWords(text, scan, lineWords[2 * i], lineWords[2 * i + 1], l.start, l.end, span);
    const from = span[0];
    const to = span[1];
    const compareStart = from < to ? scan.starts[from] : l.start;
    const compareEnd = from < to ? scan.ends[to - 1] : l.end;
    paragraphs.push(paragraphOf(scan.normHashes.subarray(from, to), i, l, compareStart, compareEnd, role, entryOfLine[i], pool));
  }
  // A title is alone when no other line of its entry has a word of letters (a line of numbers alone, a score «3 - 1» or
  // a count, is no paragraph of text).
  for (const p of paragraphs) p.alone = p.role === 'title' && contentOf[p.entry] <= 1;

  const ranges: number[] = [];
  const included: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const kind = lines[i].kind;
    if ((kind === 'content' || kind === 'metadata') && !seg.preamble.has(i)) {
      ranges.push(lines[i].start, lines[i].end);
      included.push(lineWords[2 * i], lineWords[2 * i + 1]);
    }
  }
  const wordLines: WordLines = { ranges: Int32Array.from(ranges) };
  // A summary made with the module's own table leaves it: it lists its spellings (see WordSummary.spellings).
  const words = summarizeWords(scan, Int32Array.from(included), interner, interner === privateInterner);
  return {
    text,
    lineIndex,
    lines,
    paragraphs,
    hashes: pool.array(),
    entries,
    multiEntry: seg.multiEntry,
    wordLines,
    words,
    suppressions: collectSuppressions(text, lines),
  };
}

/** Whether one of the words `scan[from, to)` is not a number. */
function hasLetterWord(scan: WordScan, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!scan.isNumber(k)) return true;
  return false;
}

function lineRanges(index: LineIndex): Int32Array {
  const out = new Int32Array(index.starts.length * 2);
  for (let i = 0; i < index.starts.length; i++) {
    out[2 * i] = index.starts[i];
    out[2 * i + 1] = index.ends[i];
  }
  return out;
}

/** Scratch for a paragraph's shingles (in text order) and winnowed fingerprints. */
let shingleScratch = new Uint32Array(1024);
let pickedScratch = new Uint32Array(1024);
let positionScratch = new Int32Array(1024);

/**
 * The shingles and fingerprints of a file's paragraphs, gathered in one scratch array and then copied into a single
 * array per file: one buffer per file instead of two per paragraph.
 */
class HashPool {
  private static scratch = new Uint32Array(1 << 14);
  private static distinct = new HashSet32();
  private top = 0;

  /** Adds the distinct values of `a`, in their order; returns where they start. */
  addDistinct(a: Uint32Array): number {
    if (this.top + a.length > HashPool.scratch.length) {
      const wider = new Uint32Array(Math.max(HashPool.scratch.length * 2, this.top + a.length));
      wider.set(HashPool.scratch.subarray(0, this.top));
      HashPool.scratch = wider;
    }
    const out = HashPool.scratch;
    const seen = HashPool.distinct;
    const start = this.top;
    seen.reset(a.length);
    for (let i = 0; i < a.length; i++) if (seen.add(a[i])) out[this.top++] = a[i];
    return start;
  }

  get size(): number {
    return this.top;
  }

  /** The file's array. */
  array(): Uint32Array {
    return HashPool.scratch.slice(0, this.top);
  }
}

/** A paragraph from the hashes of its normalized words (its shingles and fingerprints are added to `pool`). */
function paragraphOf(
  tokenHashes: Uint32Array,
  line: number,
  l: ClassifiedLine,
  compareStart: number,
  compareEnd: number,
  role: ParagraphRole,
  entry: number,
  pool: HashPool,
): ParagraphModel {
  const n = tokenHashes.length;
  let exact = 0x811c9dc5;
  let exact2 = 0x01000193;
  for (let i = 0; i < n; i++) {
    const h = tokenHashes[i];
    exact = Math.imul(exact ^ h, 0x01000193) >>> 0;
    exact2 = Math.imul(exact2 ^ h, 0x5bd1e995) >>> 0;
  }
  const count = Math.max(0, n - SHINGLE_SIZE + 1);
  if (count > shingleScratch.length) {
    shingleScratch = new Uint32Array(count * 2);
    pickedScratch = new Uint32Array(count * 2);
  }
  const ordered = orderedShingles(tokenHashes, shingleScratch.subarray(0, count));
  const shingleStart = pool.addDistinct(ordered);
  const fingerprintStart = pool.addDistinct(winnow(ordered, pickedScratch));
  return {
    firstLine: line,
    lastLine: line,
    start: l.start,
    end: l.end,
    compareStart,
    compareEnd,
    words: n,
    role,
    alone: false,
    entry,
    exactKey: (exact2 & 0x1fffff) * 4294967296 + exact,
    shingleStart,
    shingleEnd: fingerprintStart,
    fingerprintStart,
    fingerprintEnd: pool.size,
  };
}

/** The shingle hashes of words (their normalized hashes) in text order, written into `out` (one per SHINGLE_SIZE run). */
export function orderedShingles(tokenHashes: Uint32Array, out: Uint32Array): Uint32Array {
  const count = Math.max(0, tokenHashes.length - SHINGLE_SIZE + 1);
  for (let i = 0; i < count; i++) {
    let h = 0x9747b28c;
    for (let j = 0; j < SHINGLE_SIZE; j++) h = Math.imul(h ^ tokenHashes[i + j], 0x5bd1e995) ^ (h >>> 15);
    out[i] = h >>> 0;
  }
  return out.subarray(0, count);
}

/** Winnowing (Schleimer et al.): the minimum of every window of WINNOW_WINDOW shingles, written into `out`. */
function winnow(h: Uint32Array, out: Uint32Array): Uint32Array {
  if (positionScratch.length < h.length) positionScratch = new Int32Array(h.length * 2);
  const picked = winnowPositions(h, positionScratch);
  for (let k = 0; k < picked.length; k++) out[k] = h[picked[k]];
  return out.subarray(0, picked.length);
}
/** Where winnowing picks its fingerprints in `h` (positions, ascending), written into `out` (as long as `h` at least). */
export function winnowPositions(h: Uint32Array, out: Int32Array): Int32Array {
  if (h.length <= WINNOW_WINDOW) {
    if (!h.length) return out.subarray(0, 0);
    let m = 0;
    for (let i = 1; i < h.length; i++) if (h[i] < h[m]) m = i;
    out[0] = m;
    return out.subarray(0, 1);
  }
  // The rightmost minimum of each window. While it stays in the window, only the shingle coming in can replace it: every
  // shingle after it is larger, or it would not be the rightmost. The window is searched again only once it has left.
  let picked = 0;
  let m = -1;
  for (let i = 0; i + WINNOW_WINDOW <= h.length; i++) {
    const last = i + WINNOW_WINDOW - 1;
    if (m < i) {
      m = i;
      for (let j = i + 1; j <= last; j++) if (h[j] <= h[m]) m = j;
    } else if (h[last] <= h[m]) {
      m = last;
    } else continue;
    // A new minimum either way (one that left the window is never found again).
    out[picked++] = m;
  }
  return out.subarray(0, picked);
}

/** A scraper's label before the headline: «العنوان: …», «title: …». */
const TITLE_LABEL = /^(?:العنوان|عنوان الخبر|عنوان|title|headline)\s*[:：]\s*/i;

/** An entry's title as shown in outlines: the line without leading symbols or a label, shortened at a word boundary. */
function titleText(line: string): string {
  let s = line.replace(/^[^\p{L}\p{N}«“"(#@]+/u, '').replace(TITLE_LABEL, '').trim();
  if (s.length > 120) {
    const cut = s.lastIndexOf(' ', 117);
    s = s.slice(0, cut > 60 ? cut : 117) + '…';
  }
  return s;
}

function collectSuppressions(text: string, lines: ClassifiedLine[]): Suppression[] {
  const out: Suppression[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind !== 'marker') continue;
    const m = parseMarker(text.slice(l.start, l.end));
    if (!m) continue;
    if (m.directive === 'disable-next-line') {
      let next = i + 1;
      while (next < lines.length && (lines[next].kind === 'blank' || lines[next].kind === 'marker')) next++;
      out.push({ line: next, codes: m.args });
    } else if (m.directive === 'disable-line') {
      out.push({ line: i, codes: m.args });
    } else if (m.directive === 'disable-file' || m.directive === 'disable') {
      out.push({ line: -1, codes: m.args });
    }
  }
  return out;
}

