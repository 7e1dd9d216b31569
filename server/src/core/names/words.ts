/**
 * The words of one file, for the name index. Two forms:
 * - a compact summary kept for every file (distinct spellings with counts and name evidence): what corpus-wide
 *   decisions need, cheap to hold for 10,000+ files;
 * - the full occurrences (offsets, neighbours), recomputed on demand from the text for the few files a question is
 *   about (findings, hover, references).
 */
import { hashString, stripMarks, tokenize, Tokens } from '../text/normalize';
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

/** Per-file summary: parallel arrays over the file's distinct spellings. */
export interface WordSummary {
  spellings: string[];
  /** Interned ids of the spellings. */
  ids: Uint32Array;
  counts: Uint32Array;
  /** Occurrences in a hashtag or after a title. */
  evidence: Uint32Array;
}

/** Which lines of a file hold words for the name index: content and metadata outside the preamble. */
export interface WordLines {
  /** [start, end) offsets of each included line. */
  ranges: Int32Array;
}

/** How many words after a title count as the name it introduces. */
const TITLE_WINDOW = 4;
const MAX_NEIGHBORS_PER_WORD = 64;

function isArabicWord(s: string): boolean {
  if (s.length < 2) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3))) return false;
  }
  return true;
}

/** Walks the name-index words of the given lines: callback per word with its evidence and neighbours. */
function forEachWord(
  text: string,
  lines: WordLines,
  tokensOf: (k: number) => Tokens,
  visit: (spelling: string, start: number, end: number, hashtag: boolean, afterTitle: boolean, t: Tokens, k: number) => void,
): void {
  const r = lines.ranges;
  for (let li = 0; li < r.length; li += 2) {
    const t = tokensOf(li >> 1);
    let sinceTitle = Infinity;
    for (let k = 0; k < t.norms.length; k++) {
      const norm = t.norms[k];
      if (TITLE_WORDS.has(norm)) {
        // After an office title the next word is its portfolio (وزير الإسكان), not a name.
        sinceTitle = OFFICE_TITLES.has(norm) ? -1 : 0;
        continue;
      }
      sinceTitle++;
      if (STOPWORDS.has(norm)) continue;
      const raw = text.slice(t.starts[k], t.ends[k]);
      const spelling = raw.length === norm.length ? raw : stripMarks(raw);
      if (!isArabicWord(spelling)) continue;
      visit(spelling, t.starts[k], t.ends[k], t.hashtag[k], sinceTitle >= 1 && sinceTitle <= TITLE_WINDOW, t, k);
    }
  }
}

/** The compact summary of a file's words. */
export function summarizeWords(
  text: string,
  lines: WordLines,
  tokensOf: (k: number) => Tokens,
  interner: Interner,
): WordSummary {
  // A small per-file map first: the corpus-wide table is consulted once per distinct spelling, not per word.
  const index = new Map<string, number>();
  const spellings: string[] = [];
  const counts: number[] = [];
  const evidence: number[] = [];
  forEachWord(text, lines, tokensOf, (spelling, _s, _e, hashtag, afterTitle) => {
    let i = index.get(spelling);
    if (i === undefined) {
      i = spellings.length;
      index.set(spelling, i);
      spellings.push(spelling);
      counts.push(0);
      evidence.push(0);
    }
    counts[i]++;
    if (hashtag || afterTitle) evidence[i]++;
  });
  const ids = new Uint32Array(spellings.length);
  for (let i = 0; i < spellings.length; i++) {
    ids[i] = interner.id(spellings[i]);
    spellings[i] = interner.string(ids[i]);
  }
  return { spellings, ids, counts: Uint32Array.from(counts), evidence: Uint32Array.from(evidence) };
}

/** Every occurrence of the file's words (or only of `only`), with neighbours. */
export function collectWords(text: string, lines: WordLines, only?: Set<string>): FileWords {
  const words: FileWords = new Map();
  const tokensOf = (k: number): Tokens => tokenize(text, lines.ranges[2 * k], lines.ranges[2 * k + 1]);
  forEachWord(text, lines, tokensOf, (spelling, start, end, hashtag, afterTitle, t, k) => {
    if (only && !only.has(spelling)) return;
    let w = words.get(spelling);
    if (!w) {
      w = { count: 0, starts: [], ends: [], hashtag: 0, afterTitle: 0, neighbors: [] };
      words.set(spelling, w);
    }
    w.count++;
    w.starts.push(start);
    w.ends.push(end);
    if (hashtag) w.hashtag++;
    if (afterTitle) w.afterTitle++;
    if (w.neighbors.length < MAX_NEIGHBORS_PER_WORD) {
      if (k > 0 && !STOPWORDS.has(t.norms[k - 1])) w.neighbors.push(hashString(t.norms[k - 1], 0x4c));
      if (k + 1 < t.norms.length && !STOPWORDS.has(t.norms[k + 1])) w.neighbors.push(hashString(t.norms[k + 1], 0x52));
    }
  });
  return words;
}
