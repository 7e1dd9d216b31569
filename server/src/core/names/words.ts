/**
 * The words of one file, grouped by spelling, with the evidence the name index needs: how often each spelling
 * occurs, where, whether it appears as a hashtag or right after a title (الرئيس، وزير …), and its neighbours.
 */
import { ClassifiedLine } from '../structure/lineKinds';
import { hashString, stripMarks, Tokens } from '../text/normalize';
import { OFFICE_TITLES, STOPWORDS, TITLE_WORDS } from './lexicon';

export interface FileWord {
  count: number;
  /** Start and end offsets of each occurrence. */
  starts: number[];
  ends: number[];
  /** Occurrences inside a hashtag. */
  hashtag: number;
  /** Occurrences within a few words after a title or role. */
  afterTitle: number;
  /** Hashes of the neighbouring content words ('L:' + left, 'R:' + right), for distributional evidence. */
  neighbors: number[];
}

/** Spelling as a reader sees it (marks removed) -> occurrences. */
export type FileWords = Map<string, FileWord>;

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

export function collectWords(
  text: string,
  lines: ClassifiedLine[],
  tokensOf: (line: number) => Tokens,
  include: (line: number) => boolean,
): FileWords {
  const words: FileWords = new Map();
  for (let i = 0; i < lines.length; i++) {
    const kind = lines[i].kind;
    if ((kind !== 'content' && kind !== 'metadata') || !include(i)) continue;
    const t = tokensOf(i);
    let sinceTitle = Infinity;
    for (let k = 0; k < t.norms.length; k++) {
      const norm = t.norms[k];
      if (TITLE_WORDS.has(norm)) {
        // After an office title the next word is its portfolio (وزير الإسكان), not a name.
        sinceTitle = OFFICE_TITLES.has(norm) ? -1 : 0;
        continue;
      }
      sinceTitle++;
      const raw = text.slice(t.starts[k], t.ends[k]);
      const spelling = raw.length === t.norms[k].length ? raw : stripMarks(raw);
      if (!isArabicWord(spelling) || STOPWORDS.has(norm)) continue;
      let w = words.get(spelling);
      if (!w) {
        w = { count: 0, starts: [], ends: [], hashtag: 0, afterTitle: 0, neighbors: [] };
        words.set(spelling, w);
      }
      w.count++;
      w.starts.push(t.starts[k]);
      w.ends.push(t.ends[k]);
      if (t.hashtag[k]) w.hashtag++;
      if (sinceTitle >= 1 && sinceTitle <= TITLE_WINDOW) w.afterTitle++;
      if (w.neighbors.length < MAX_NEIGHBORS_PER_WORD) {
        if (k > 0 && !STOPWORDS.has(t.norms[k - 1])) w.neighbors.push(hashString(t.norms[k - 1], 0x4c));
        if (k + 1 < t.norms.length && !STOPWORDS.has(t.norms[k + 1])) w.neighbors.push(hashString(t.norms[k + 1], 0x52));
      }
    }
  }
  return words;
}
