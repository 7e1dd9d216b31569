/**
 * The words of a file's entries as the people index reads them: in order, with their original offsets, the
 * spelling a reader sees, and whether anything but white space separates a word from the previous one. Compounds
 * written as two words (عبد الله، آل سعود) are joined into one word here.
 */
import type { FileModel } from '../file';
import { FOLD, isIgnorableUnit } from '../text/normalize';
import { HASHTAG as SCAN_HASHTAG, MARKED, NormSet, WordScan } from '../text/scan';
import { COMPOUND_HEADS, DEFINITE_PLACE_HEADS, DIN_HEADS, DISTRICT_HEADS, INSTITUTION_HEADS, THEOPHORIC_HEADS, PLACE_CUES, STOPWORDS } from './lexicon';
import { mayBeTitle, TitleForm, titleOf } from './titles';

/** The word is (part of) a hashtag. */
export const HASHTAG = 1;
/** Joined to the previous word by an underscore inside one hashtag (#بشار_الأسد). */
export const JOINED = 2;
/** Something other than white space (punctuation, a line break, an emoji) comes between this word and the previous one. */
export const BREAK = 4;
/** The break is a comma only (an apposition: «نائب وزير الخارجية، ميخائيل بوغدانوف»). */
export const COMMA = 8;
/** Written with tanween (وفداً روسياً): an indefinite noun or adjective, never part of a name. */
export const TANWEEN = 16;

/** Scan arrays left by the last walk, taken over by the next one (a walk allocates them once, not per line). */
let spareScan: WordScan | undefined;

/**
 * Calls `visit` with the words of each line of the file's entries (titles and body paragraphs; never navigation or
 * metadata). One `LineWords` is refilled for every line: it is valid only during its visit.
 */
export function forEachEntryLine(model: FileModel, visit: (words: LineWords) => void): void {
  const words = new LineWords(model.text, spareScan);
  spareScan = undefined;
  for (const p of model.paragraphs) {
    if (p.role === 'preamble' || p.entry < 0) continue;
    words.read(p.start, p.end, p.entry, p.firstLine);
    visit(words);
  }
  spareScan = words.release();
}

/** Heads of names written as two words. */
const COMPOUND_HEAD_SET = new NormSet(COMPOUND_HEADS);
/** Heads of names written as two words with «الله» (حسن نصر الله، محمد حسين فضل الله). */
const THEOPHORIC_HEAD_SET = new NormSet(THEOPHORIC_HEADS);
const ALLAH_SET = new NormSet(['الله']);
/** Heads of names written as two words with «الدين» (عبدالملك بدر الدين الحوثي، نور الدين زنكي). */
const DIN_HEAD_SET = new NormSet(DIN_HEADS);
const DIN_SET = new NormSet(['الدين']);
/** Place cues (في، العاصمة …), heads of institutions' names (مركز، جامعة …) and function words, for `LineWords.normIn`. */
export const PLACE_CUE_SET = new NormSet(PLACE_CUES);
/** Place cues with the article (العاصمة، المملكة): see `DEFINITE_PLACE_HEADS`. */
export const DEFINITE_PLACE_HEAD_SET = new NormSet(DEFINITE_PLACE_HEADS);
export const INSTITUTION_HEAD_SET = new NormSet(INSTITUTION_HEADS);
/** Heads of a district's name, with their prepositions (محافظة، بمحافظة، منطقة، مدينة): a name after them is a place's. */
export const DISTRICT_HEAD_SET = new NormSet(DISTRICT_HEADS);
export const STOPWORD_SET = new NormSet(STOPWORDS);
/** «علي»: the given name Ali, or the preposition على written with a dotted ي. */
export const ALI_SET = new NormSet(['علي']);
/** Prepositions written with a final ى (إلى، حتى): how a corpus writes them tells whether it keeps ى and ي apart. */
export const FINAL_MAQSURA_SET = new NormSet(['الي', 'حتي']);
/** Alef maqsura (ى) and yeh (ي) as written. */
export const ALEF_MAQSURA = 0x0649;
export const YEH = 0x064a;

/**
 * The words of one line, read from an allocation-free scan: offsets and flags up front (compounds such as «عبد الله»
 * joined), a word's strings only when asked for, and tests against word lists by hash (`normIn`, `title`), so the
 * many words nobody looks at twice never become strings.
 */
export class LineWords {
  length = 0;
  entry = 0;
  line = 0;
  /** Word i is word `first[i]` of the scan, or the two words from it on when `compound[i]`. */
  private first = new Int32Array(64);
  private compound = new Uint8Array(64);
  private flagCache = new Int32Array(64);
  private readonly norms: (string | undefined)[] = [];
  private readonly surfaces: (string | undefined)[] = [];
  private scan: WordScan;

  constructor(
    private readonly text: string,
    spare?: WordScan,
  ) {
    this.scan = new WordScan(text, 0, 0, spare);
  }

  /** Reads the line `text[start, end)`. */
  read(start: number, end: number, entry: number, line: number): void {
    const text = this.text;
    const scan = (this.scan = new WordScan(text, start, end, this.scan));
    this.entry = entry;
    this.line = line;
    if (this.first.length < scan.count) {
      this.first = new Int32Array(scan.count * 2);
      this.compound = new Uint8Array(scan.count * 2);
      this.flagCache = new Int32Array(scan.count * 2);
    }
    let n = 0;
    for (let k = 0; k < scan.count; k++) {
      // «عبد الله», «آل سعود», «نصر الله»: one name written as two words (the head alone, written without marks).
      const head =
        COMPOUND_HEAD_SET.has(scan, k - 1) ||
        (THEOPHORIC_HEAD_SET.has(scan, k - 1) && ALLAH_SET.has(scan, k)) ||
        (DIN_HEAD_SET.has(scan, k - 1) && DIN_SET.has(scan, k));
      if (n && !this.compound[n - 1] && head && !(scan.flags[k - 1] & MARKED) && isArabicCode(FOLD[text.charCodeAt(scan.starts[k])]) && isPlainGap(text, scan.ends[k - 1], scan.starts[k])) {
        this.compound[n - 1] = 1;
        continue;
      }
      this.first[n] = k;
      this.compound[n] = 0;
      this.flagCache[n] = -1;
      n++;
    }
    this.length = n;
    this.norms.length = 0;
    this.surfaces.length = 0;
  }

  /** Hands the scan's arrays over to the next reader. */
  release(): WordScan {
    return this.scan;
  }

  /** The index of word i in the line's scan, or -1 for a compound (two scanned words). */
  scanIndex(i: number): number {
    return this.compound[i] ? -1 : this.first[i];
  }

  /** The scan of the line (see `scanIndex`). */
  get scanned(): WordScan {
    return this.scan;
  }

  start(i: number): number {
    return this.scan.starts[this.first[i]];
  }

  end(i: number): number {
    return this.scan.ends[this.first[i] + this.compound[i]];
  }

  /** The normalized form (for lexicon look-ups); a compound is written without its space (عبدالله), «آل» with it. */
  norm(i: number): string {
    let s = this.norms[i];
    if (s === undefined) {
      const k = this.first[i];
      if (!this.compound[i]) s = this.scan.norm(k);
      else {
        const head = this.scan.norm(k);
        s = head === 'ال' ? `ال ${this.scan.norm(k + 1)}` : head + this.scan.norm(k + 1);
      }
      this.norms[i] = s;
    }
    return s;
  }

  /** The spelling a reader sees (marks removed); a compound keeps its space (عبد الله). */
  surface(i: number): string {
    let s = this.surfaces[i];
    if (s === undefined) {
      const k = this.first[i];
      s = this.compound[i] ? `${this.scan.spelling(k)} ${this.scan.spelling(k + 1)}` : this.scan.spelling(k);
      this.surfaces[i] = s;
    }
    return s;
  }

  /** The word's last letter as written (marks, tatweel and invisible marks skipped): a UTF-16 code unit. */
  lastLetter(i: number): number {
    const start = this.start(i);
    for (let e = this.end(i) - 1; e >= start; e--) {
      const c = this.text.charCodeAt(e);
      if (!isIgnorableUnit(c)) return c;
    }
    return 0;
  }

  /** Whether the word's normalized form is in a set. */
  normIn(set: NormSet, i: number): boolean {
    return this.compound[i] ? set.hasString(this.norm(i)) : set.has(this.scan, this.first[i]);
  }

  /** The title the word is (see `titleOf`), or null. */
  title(i: number): TitleForm | null {
    if (!this.compound[i] && !mayBeTitle(this.scan, this.first[i])) return null;
    return titleOf(this.norm(i));
  }

  isHashtag(i: number): boolean {
    return (this.scan.flags[this.first[i]] & SCAN_HASHTAG) !== 0;
  }

  flags(i: number): number {
    let f = this.flagCache[i];
    if (f < 0) {
      const start = this.start(i);
      const e = this.end(i);
      f = i === 0 ? BREAK : gapFlags(this.text, this.end(i - 1), start);
      if (this.isHashtag(i)) f |= HASHTAG;
      // Tanween is often typed after the final alif, outside the word's offsets (روسياً).
      if (isTanween(this.text.charCodeAt(e)) || isTanween(this.text.charCodeAt(e + 1)) || hasTanween(this.text, start, e)) f |= TANWEEN;
      this.flagCache[i] = f;
    }
    return f;
  }
}

function hasTanween(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isTanween(text.charCodeAt(i))) return true;
  return false;
}

function isPlainGap(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0xa0 && c !== 0x09) return false;
  }
  return to > from;
}

function isArabicCode(c: number): boolean {
  return c >= 0x0620 && c <= 0x06ff;
}

function isTanween(c: number): boolean {
  return c >= 0x064b && c <= 0x064d;
}


/** Flags for the gap between two words: white space keeps them together, an underscore joins a hashtag. */
function gapFlags(text: string, from: number, to: number): number {
  let joined = false;
  let commas = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x23) continue;
    if (c === 0x5f) {
      joined = true;
      continue;
    }
    if (c === 0x060c || c === 0x2c) {
      commas++;
      continue;
    }
    // Tatweel between two spaces is a dash («الأسد ـ بوتين»); other marks are invisible.
    if (c === 0x0640) return BREAK;
    if (isIgnorableUnit(c)) continue;
    return BREAK;
  }
  if (commas) return commas === 1 ? BREAK | COMMA : BREAK;
  return joined ? JOINED : 0;
}
