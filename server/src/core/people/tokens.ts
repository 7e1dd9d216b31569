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

/** The words of one line. */
export function lineWords(text: string, start: number, end: number, entry: number, line: number): Word[] {
  const t = tokenize(text, start, end);
  const out: Word[] = [];
  let prevEnd = start;
  for (let k = 0; k < t.norms.length; k++) {
    const s = t.starts[k];
    const e = t.ends[k];
    let flags = k === 0 ? BREAK : gapFlags(text, prevEnd, s);
    if (t.hashtag[k]) flags |= HASHTAG;
    const raw = text.slice(s, e);
    const surface = raw.length === t.norms[k].length ? raw : stripMarks(raw);
    const prev = out[out.length - 1];
    // «عبد الله», «آل سعود»: one name written as two words.
    if (prev && !(flags & BREAK) && COMPOUND_HEADS.has(prev.norm) && prev.surface.length === prev.norm.length && isArabic(surface)) {
      prev.end = e;
      prev.surface = `${prev.surface} ${surface}`;
      prev.norm = prev.norm === 'ال' ? `ال ${t.norms[k]}` : prev.norm + t.norms[k];
      prevEnd = e;
      continue;
    }
    out.push({ start: s, end: e, surface, norm: t.norms[k], flags, entry, line });
    prevEnd = e;
  }
  return out;
}

function isArabic(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 0x0620 && c <= 0x06ff;
}

/** Flags for the gap between two words: white space keeps them together, an underscore joins a hashtag. */
function gapFlags(text: string, from: number, to: number): number {
  let joined = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x23) continue;
    if (c === 0x5f) {
      joined = true;
      continue;
    }
    // Tatweel between two spaces is a dash («الأسد ـ بوتين»); other marks are invisible.
    if (c === 0x0640) return BREAK;
    if (isIgnorableUnit(c)) continue;
    return BREAK;
  }
  return joined ? JOINED : 0;
}
