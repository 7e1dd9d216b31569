/**
 * What one file teaches about names, independent of the rest of the corpus (so it is computed once per text and
 * memoized): the words after each title (الرئيس الروسي فلاديمير بوتين), the hashtags (#بشار_الأسد), and the words
 * after place cues (في موسكو، العاصمة دمشق). The corpus-wide learner turns these into names.
 */
import type { FileModel } from '../file';
import { normalizeForMatch } from '../text/normalize';
import { INSTITUTION_HEADS, PLACE_CUES, TITLE_WORDS } from './lexicon';
import { BREAK, forEachEntryLine, HASHTAG, JOINED, lineWords, Word } from './tokens';

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

/** The title a word is, without a proclitic (الرئيس، والرئيس، للرئيس، بالرئيس), or null. */
export function titleOf(norm: string): { title: string; genitive: boolean } | null {
  if (TITLE_WORDS.has(norm)) return { title: norm, genitive: norm.startsWith('ل') && !norm.startsWith('ال') };
  const c = norm[0];
  if (c === 'و' || c === 'ف' || c === 'ب' || c === 'ك' || c === 'ل') {
    const rest = norm.slice(1);
    if (TITLE_WORDS.has(rest)) return { title: rest, genitive: c === 'ل' };
    if (c === 'ل' && rest.startsWith('ل') && TITLE_WORDS.has('ا' + rest)) return { title: 'ا' + rest, genitive: true };
    if ((c === 'و' || c === 'ف') && rest.length > 2) {
      const inner = titleOf(rest);
      if (inner) return inner;
    }
  }
  return null;
}

function collectEvidence(model: FileModel): FileNameEvidence {
  const out: FileNameEvidence = { titles: [], hashtags: [], placeCues: new Map(), placeCuePairs: new Map() };
  forEachEntryLine(model, (line, start, end, entry) => {
    const words = lineWords(model.text, start, end, entry, line);
    collectTitles(words, out.titles);
    collectHashtags(words, out.hashtags);
    collectPlaceCues(words, out);
  });
  return out;
}

function ctxWord(w: Word): ContextWord {
  return { surface: w.surface, norm: w.norm, flags: w.flags };
}

function collectTitles(words: Word[], out: TitleContext[]): void {
  for (let i = 0; i < words.length; i++) {
    const t = titleOf(words[i].norm);
    if (!t) continue;
    const ctx: ContextWord[] = [];
    for (let j = i + 1; j < words.length && ctx.length < TITLE_CONTEXT_WORDS; j++) {
      if (words[j].flags & BREAK) break;
      if (titleOf(words[j].norm)) break;
      ctx.push(ctxWord(words[j]));
    }
    if (!ctx.length) continue;
    const before = i > 0 && !(words[i].flags & BREAK) ? words[i - 1].norm : '';
    out.push({
      title: t.title,
      titleSurface: words[i].surface,
      genitive: t.genitive,
      institution: INSTITUTION_HEADS.has(before),
      words: ctx,
    });
  }
}

function collectHashtags(words: Word[], out: ContextWord[][]): void {
  for (let i = 0; i < words.length; i++) {
    if (!(words[i].flags & HASHTAG) || (words[i].flags & JOINED)) continue;
    const group = [ctxWord(words[i])];
    while (i + 1 < words.length && words[i + 1].flags & JOINED && group.length < 5) group.push(ctxWord(words[++i]));
    out.push(group);
  }
}

const CUES = PLACE_CUES;

function collectPlaceCues(words: Word[], out: FileNameEvidence): void {
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w.flags & BREAK && !(w.flags & HASHTAG)) continue;
    if (!CUES.has(words[i - 1].norm)) continue;
    out.placeCues.set(w.surface, (out.placeCues.get(w.surface) ?? 0) + 1);
    const next = words[i + 1];
    if (next && !(next.flags & BREAK)) {
      const pair = `${w.surface} ${next.surface}`;
      out.placeCuePairs.set(pair, (out.placeCuePairs.get(pair) ?? 0) + 1);
    }
  }
}

export { normalizeForMatch };
