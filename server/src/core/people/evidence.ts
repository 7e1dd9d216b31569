/**
 * What one file teaches about names, independent of the rest of the corpus (so it is computed once per text and
 * memoized): the words after each title (الرئيس الروسي فلاديمير بوتين), the hashtags (#بشار_الأسد), and the words
 * after place cues (في موسكو، العاصمة دمشق). The corpus-wide learner turns these into names.
 */
import type { FileModel } from '../file';
import { hashString } from '../text/normalize';
import { INSTITUTION_HEADS, PLACE_CUES, TITLE_WORDS } from './lexicon';
import { BREAK, COMMA, forEachEntryLine, JOINED, LineWords } from './tokens';

/** Words kept after a title: enough for a portfolio, two modifiers and a three-part name. */
const TITLE_CONTEXT_WORDS = 7;

export interface ContextWord {
  surface: string;
  norm: string;
  flags: number;
}

export interface TitleContext {
  /** The title's normalized form without its proclitic (الرييس). */
  title: string;
  /** The title as written (marks removed), proclitic included. */
  titleSurface: string;
  /** The title carries the preposition ل (للرئيس، لرئيس): the name is someone referred to, not the subject. */
  genitive: boolean;
  /** The title follows the head of an institution's name (مركز الملك سلمان): what follows names the institution. */
  institution: boolean;
  /** The words after the title, up to the next title or a break. */
  words: ContextWord[];
}

export interface FileNameEvidence {
  titles: TitleContext[];
  /** Hashtags: the words of each, in order (#بشار_الأسد -> [بشار, الأسد]). */
  hashtags: ContextWord[][];
  /** Words right after a place cue (في موسكو): spelling -> times. */
  placeCues: Map<string, number>;
  /** Two words right after a place cue (في الولايات المتحدة): «first second» -> times. */
  placeCuePairs: Map<string, number>;
  /** Hash of all of the above: an edit that keeps it keeps what the file teaches about names. */
  signature: number;
}

const memo = new WeakMap<FileModel, FileNameEvidence>();

/** The evidence of one file (memoized on the file's model, which is replaced whenever its text changes). */
export function fileNameEvidence(model: FileModel): FileNameEvidence {
  let e = memo.get(model);
  if (!e) {
    e = collectEvidence(model);
    memo.set(model, e);
  }
  return e;
}

const titleForms = new Map<string, { title: string; genitive: boolean } | null>();

/** The title a word is, without its proclitic (الرئيس، والرئيس، للرئيس، بالرئيس), or null. Memoized per form. */
export function titleOf(norm: string): { title: string; genitive: boolean } | null {
  let t = titleForms.get(norm);
  if (t === undefined) {
    t = computeTitle(norm);
    if (titleForms.size < 200000) titleForms.set(norm, t);
  }
  return t;
}

function computeTitle(norm: string): { title: string; genitive: boolean } | null {
  const c = norm[0];
  if (c === 'و' || c === 'ف' || c === 'ب' || c === 'ك' || c === 'ل') {
    const rest = norm.slice(1);
    if (c === 'ل' && rest.startsWith('ل') && TITLE_WORDS.has('ا' + rest)) return { title: 'ا' + rest, genitive: true };
    if (TITLE_WORDS.has(rest) && rest.length >= 3) return { title: rest, genitive: c === 'ل' };
    if ((c === 'و' || c === 'ف') && rest.length > 2) {
      const inner = computeTitle(rest);
      if (inner) return inner;
    }
  }
  if (TITLE_WORDS.has(norm)) return { title: norm, genitive: false };
  return null;
}

function collectEvidence(model: FileModel): FileNameEvidence {
  const out: FileNameEvidence = { titles: [], hashtags: [], placeCues: new Map(), placeCuePairs: new Map(), signature: 0 };
  forEachEntryLine(model, (line, start, end, entry) => {
    const words = new LineWords(model.text, start, end, entry, line);
    for (let i = 0; i < words.length; i++) {
      const norm = words.norms[i];
      const t = titleOf(norm);
      if (t) collectTitle(words, i, t, out.titles);
      if (words.isHashtag(i) && !(words.flags(i) & JOINED)) collectHashtag(words, i, out.hashtags);
      if (i > 0 && PLACE_CUES.has(words.norms[i - 1])) collectPlaceCue(words, i, out);
    }
  });
  out.signature = signatureOf(out);
  return out;
}

function signatureOf(e: FileNameEvidence): number {
  let h = 0x9e3779b9;
  const mix = (s: string) => (h = hashString(s, h));
  for (const t of e.titles) {
    mix(t.titleSurface + (t.institution ? '!' : ''));
    for (const w of t.words) mix(w.surface + '\u0001' + w.flags);
  }
  mix('#');
  for (const g of e.hashtags) for (const w of g) mix(w.surface + '\u0001' + w.flags);
  for (const [k, n] of e.placeCues) mix(k + n);
  for (const [k, n] of e.placeCuePairs) mix(k + n);
  return h;
}

function ctxWord(words: LineWords, k: number): ContextWord {
  return { surface: words.surface(k), norm: words.norms[k], flags: words.flags(k) };
}

function collectTitle(words: LineWords, i: number, t: { title: string; genitive: boolean }, out: TitleContext[]): void {
  const ctx: ContextWord[] = [];
  for (let j = i + 1; j < words.length && ctx.length < TITLE_CONTEXT_WORDS; j++) {
    // A comma may set off the name (وزير الخارجية الروسي، سيرغي لافروف); the learner decides.
    const f = words.flags(j);
    if (f & BREAK && !(f & COMMA)) break;
    if (titleOf(words.norms[j])) break;
    ctx.push(ctxWord(words, j));
  }
  if (!ctx.length) return;
  const before = i > 0 && !(words.flags(i) & BREAK) ? words.norms[i - 1] : '';
  out.push({ title: t.title, titleSurface: words.surface(i), genitive: t.genitive, institution: INSTITUTION_HEADS.has(before), words: ctx });
}

function collectHashtag(words: LineWords, i: number, out: ContextWord[][]): void {
  const group = [ctxWord(words, i)];
  for (let j = i + 1; j < words.length && words.flags(j) & JOINED && group.length < 5; j++) group.push(ctxWord(words, j));
  out.push(group);
}

function collectPlaceCue(words: LineWords, i: number, out: FileNameEvidence): void {
  if (words.flags(i) & BREAK) return;
  const surface = words.surface(i);
  out.placeCues.set(surface, (out.placeCues.get(surface) ?? 0) + 1);
  if (i + 1 < words.length && !(words.flags(i + 1) & BREAK)) {
    const pair = `${surface} ${words.surface(i + 1)}`;
    out.placeCuePairs.set(pair, (out.placeCuePairs.get(pair) ?? 0) + 1);
  }
}
