/**
 * The words of a file's entries as the people index reads them: in order, with their original offsets, the
 * spelling a reader sees, and whether anything but white space separates a word from the previous one. Compounds
 * written as two words (عبد الله، آل سعود) are joined into one word here.
 */
import type { FileModel } from '../file';
import { isIgnorableUnit, stripMarks, tokenize } from '../text/normalize';
import { COMPOUND_HEADS } from './lexicon';

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

export interface Word {
  /** Offsets of the word in the file's text (a compound spans both parts). */
  start: number;
  end: number;
  /** The spelling a reader sees (marks removed); a compound keeps its space (عبد الله). */
  surface: string;
  /** The normalized form (for lexicon look-ups); a compound is written without its space (عبدالله). */
  norm: string;
  flags: number;
  /** Index of the entry holding the word. */
  entry: number;
  line: number;
}

/** Calls `visit` with each line of the file's entries (titles and body paragraphs; never navigation or metadata). */
export function forEachEntryLine(model: FileModel, visit: (line: number, start: number, end: number, entry: number) => void): void {
  for (const p of model.paragraphs) {
    if (p.role === 'preamble' || p.entry < 0) continue;
    visit(p.firstLine, p.start, p.end, p.entry);
  }
}

/**
 * The words of one line, read lazily: normalized forms and offsets up front (compounds such as «عبد الله» joined),
 * the spelling and the flags of a word only when asked for (most words are never looked at twice).
 */
export class LineWords {
  readonly norms: string[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  private readonly hashtag: boolean[] = [];
  private readonly surfaces: (string | undefined)[] = [];
  private readonly flagCache: number[] = [];

  constructor(
    private readonly text: string,
    private readonly lineStart: number,
    lineEnd: number,
    readonly entry: number,
    readonly line: number,
  ) {
    const t = tokenize(text, lineStart, lineEnd);
    for (let k = 0; k < t.norms.length; k++) {
      const n = this.norms.length;
      // «عبد الله», «آل سعود»: one name written as two words.
      if (n && COMPOUND_HEADS.has(this.norms[n - 1]) && isArabicCode(t.norms[k].charCodeAt(0)) && isPlainGap(text, this.ends[n - 1], t.starts[k])) {
        const head = this.norms[n - 1];
        if (this.text.slice(this.starts[n - 1], this.ends[n - 1]).length === head.length) {
          this.norms[n - 1] = head === 'ال' ? `ال ${t.norms[k]}` : head + t.norms[k];
          this.surfaces[n - 1] = `${this.text.slice(this.starts[n - 1], this.ends[n - 1])} ${surfaceOf(text, t.starts[k], t.ends[k], t.norms[k])}`;
          this.ends[n - 1] = t.ends[k];
          continue;
        }
      }
      this.norms.push(t.norms[k]);
      this.starts.push(t.starts[k]);
      this.ends.push(t.ends[k]);
      this.hashtag.push(t.hashtag[k]);
      this.surfaces.push(undefined);
      this.flagCache.push(-1);
    }
  }

  get length(): number {
    return this.norms.length;
  }

  isHashtag(k: number): boolean {
    return this.hashtag[k];
  }

  /** The spelling a reader sees (marks removed). */
  surface(k: number): string {
    let s = this.surfaces[k];
    if (s === undefined) this.surfaces[k] = s = surfaceOf(this.text, this.starts[k], this.ends[k], this.norms[k]);
    return s;
  }

  flags(k: number): number {
    let f = this.flagCache[k];
    if (f < 0) {
      f = k === 0 ? BREAK : gapFlags(this.text, this.ends[k - 1], this.starts[k]);
      if (this.hashtag[k]) f |= HASHTAG;
      const e = this.ends[k];
      // Tanween is often typed after the final alif, outside the word's offsets (روسياً).
      if (isTanween(this.text.charCodeAt(e)) || isTanween(this.text.charCodeAt(e + 1)) || hasTanween(this.text, this.starts[k], e)) f |= TANWEEN;
      this.flagCache[k] = f;
    }
    return f;
  }

  word(k: number): Word {
    return { start: this.starts[k], end: this.ends[k], surface: this.surface(k), norm: this.norms[k], flags: this.flags(k), entry: this.entry, line: this.line };
  }
}

function surfaceOf(text: string, start: number, end: number, norm: string): string {
  const raw = text.slice(start, end);
  return raw.length === norm.length ? raw : stripMarks(raw);
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

/** The words of one line (every word read). */
export function lineWords(text: string, start: number, end: number, entry: number, line: number): Word[] {
  const w = new LineWords(text, start, end, entry, line);
  const out: Word[] = [];
  for (let k = 0; k < w.length; k++) out.push(w.word(k));
  return out;
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
