/**
 * What one file teaches about names, independent of the rest of the corpus (so it is computed once per text and
 * memoized): the words after each title (الرئيس الروسي فلاديمير بوتين), the hashtags (#بشار_الأسد), and the words
 * after place cues (في موسكو، العاصمة دمشق). The corpus-wide learner turns these into names.
 */
import type { FileModel } from '../file';
import { hashString, normalizeForMatch } from '../text/normalize';
import { NormSet } from '../text/scan';
import { ALEF_MAQSURA, ALI_SET, BREAK, COMMA, DEFINITE_PLACE_HEAD_SET, FINAL_MAQSURA_SET, forEachEntryLine, INSTITUTION_HEAD_SET, JOINED, LineWords, PLACE_CUE_SET, YEH } from './tokens';
import type { TitleForm } from './titles';

export { titleOf } from './titles';

/**
 * Words kept after a title: enough for a portfolio, two modifiers and a three-part name, or for a body named after a
 * preposition and a name (الممثل الأعلى للسياسة الخارجية في الاتحاد الأوروبي جوزيب بوريل).
 */
const TITLE_CONTEXT_WORDS = 10;

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
  /**
   * The title follows «إن» or «أن» (إن المدرب اختار، أن الفريق جاهز): it is the subject of a clause, and the word after
   * it may be its predicate rather than a name.
   */
  subject: boolean;
  /** The words after the title, up to the next title or a break. */
  words: ContextWord[];
  /** Everything above as one string: equal contexts are counted together corpus-wide. */
  key: string;
}

export interface FileNameEvidence {
  titles: TitleContext[];
  /** Hashtags: the words of each, in order (#بشار_الأسد -> [بشار, الأسد]). */
  hashtags: ContextWord[][];
  /** Words right after a place cue (في موسكو): spelling -> times. */
  placeCues: Map<string, number>;
  /** Two words right after a place cue (في الولايات المتحدة): «first second» -> times. */
  placeCuePairs: Map<string, number>;
  /** Hash of the titles and hashtags: an edit that keeps it teaches no new person's name. */
  nameSignature: number;
  /** The prepositions إلى and حتى written with their final ى, and written with ي (see `EvidenceTotals.writesAliApart`). */
  finalMaqsura: number;
  finalYa: number;
}

/**
 * The evidence of one file. Not memoized: counted once into the corpus totals and dropped (tens of thousands of small
 * objects per thousand files that the garbage collector would otherwise trace on every major collection); taking a
 * file out of the totals reads its old model again.
 */
export function fileNameEvidence(model: FileModel): FileNameEvidence {
  const out: FileNameEvidence = { titles: [], hashtags: [], placeCues: new Map(), placeCuePairs: new Map(), nameSignature: 0, finalMaqsura: 0, finalYa: 0 };
  forEachEntryLine(model, (words) => {
    for (let i = 0; i < words.length; i++) {
      const t = words.title(i);
      if (t) collectTitle(words, i, t, out.titles);
      if (words.isHashtag(i) && !(words.flags(i) & JOINED)) collectHashtag(words, i, out.hashtags);
      if (i > 0 && words.normIn(PLACE_CUE_SET, i - 1)) collectPlaceCue(words, i, out);
      if (words.normIn(FINAL_MAQSURA_SET, i)) {
        const last = words.lastLetter(i);
        if (last === ALEF_MAQSURA) out.finalMaqsura++;
        else if (last === YEH) out.finalYa++;
      } else if (words.normIn(ALI_SET, i) && words.lastLetter(i) === ALEF_MAQSURA) {
        // «على» written with its ى is the preposition kept apart from the name; «علي» with ي tells nothing (either).
        out.finalMaqsura++;
      }
    }
  });
  out.nameSignature = signatureOf(out);
  return out;
}

function signatureOf(e: FileNameEvidence): number {
  let h = 0x9e3779b9;
  const mix = (s: string) => (h = hashString(s, h));
  for (const t of e.titles) mix(t.key);
  mix('#');
  for (const g of e.hashtags) mix(hashtagKey(g));
  return h;
}

export function hashtagKey(group: ContextWord[]): string {
  return group.map((w) => `${w.surface}\u0001${w.flags}`).join('\u0002');
}

/** Occurrences of إلى and حتى below which a corpus' spelling of them tells nothing. */
const MIN_FINAL_MAQSURA = 20;

/**
 * The evidence of the whole corpus, counted: equal title contexts and hashtags once with their number, place cues
 * summed. Kept up to date file by file (`add` with sign -1 takes a file's evidence out), so learning reads each
 * distinct piece of evidence once.
 */
export class EvidenceTotals {
  /** Title contexts by key, packed (see `titleContexts`). */
  private readonly titles = new Map<string, CountedTitle>();
  readonly hashtags = new Map<string, { group: ContextWord[]; count: number }>();
  readonly placeCues = new Map<string, number>();
  readonly placeCuePairs = new Map<string, number>();
  private finalMaqsura = 0;
  private finalYa = 0;

  /**
   * The corpus writes a final ى and a final ي apart: the prepositions على، إلى and حتى keep their ى (95% of 20 or
   * more; in a smaller corpus, every time). «علي» written with ي is then the name Ali, not the preposition على, which
   * normalization folds into it; in a corpus that writes إلي and حتي it stays the preposition.
   */
  get writesAliApart(): boolean {
    const n = this.finalMaqsura + this.finalYa;
    if (n < MIN_FINAL_MAQSURA) return n > 0 && this.finalYa === 0;
    return this.finalYa <= 0.05 * n;
  }

  /** Every distinct title context with its count, unpacked one at a time, in the order they were first counted. */
  *titleContexts(): Generator<{ ctx: TitleContext; count: number }> {
    for (const t of this.titles.values()) yield { ctx: unpackTitle(t), count: t.count };
  }

  add(e: FileNameEvidence, sign: 1 | -1): void {
    for (const t of e.titles) bumpEntry(this.titles, t.key, () => packTitle(t), sign);
    for (const g of e.hashtags) bumpEntry(this.hashtags, hashtagKey(g), () => ({ group: g, count: 0 }), sign);
    for (const [k, n] of e.placeCues) bumpCount(this.placeCues, k, sign * n);
    for (const [k, n] of e.placeCuePairs) bumpCount(this.placeCuePairs, k, sign * n);
    this.finalMaqsura += sign * e.finalMaqsura;
    this.finalYa += sign * e.finalYa;
  }
}

/**
 * A title context as the totals keep it: two strings rather than a dozen objects (a large corpus has hundreds of
 * thousands of distinct contexts, and every object kept is traced by each major garbage collection). The key holds
 * the title as written and each word's spelling and flags; the normalized forms are kept beside it.
 */
interface CountedTitle {
  title: string;
  genitive: boolean;
  key: string;
  norms: string;
  count: number;
}

function packTitle(t: TitleContext): CountedTitle {
  return { title: t.title, genitive: t.genitive, key: t.key, norms: t.words.map((w) => w.norm).join('\u0002'), count: 0 };
}

/** The context `packTitle` packed (the key is made by `collectTitle`). */
function unpackTitle(t: CountedTitle): TitleContext {
  const parts = t.key.split('\u0002');
  let head = parts[0];
  const subject = head.endsWith(SUBJECT_MARK);
  if (subject) head = head.slice(0, -1);
  const institution = head.endsWith('!');
  const norms = t.norms.split('\u0002');
  const words: ContextWord[] = [];
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i];
    const cut = p.lastIndexOf('\u0001');
    words.push({ surface: p.slice(0, cut), norm: norms[i - 1], flags: Number(p.slice(cut + 1)) });
  }
  return { title: t.title, titleSurface: institution ? head.slice(0, -1) : head, genitive: t.genitive, institution, subject, words, key: t.key };
}

/** Counts `key` once more or once less; `fresh` makes its entry when it is new (with a count of 0). */
function bumpEntry<T extends { count: number }>(map: Map<string, T>, key: string, fresh: () => T, sign: 1 | -1): void {
  let v = map.get(key);
  if (!v) {
    if (sign < 0) return;
    map.set(key, (v = fresh()));
  }
  v.count += sign;
  if (v.count <= 0) map.delete(key);
}

function bumpCount(map: Map<string, number>, key: string, n: number): void {
  const v = (map.get(key) ?? 0) + n;
  if (v > 0) map.set(key, v);
  else map.delete(key);
}

function ctxWord(words: LineWords, k: number): ContextWord {
  return { surface: words.surface(k), norm: words.norm(k), flags: words.flags(k) };
}

/** Marks a subject title in a context's key (see `TitleContext.subject`). */
const SUBJECT_MARK = '^';

/** «إن» and «أن» with the conjunctions and prepositions written on them (وإن، فإن، بأن، لأن). */
const SUBJECT_PARTICLE_SET = new NormSet(['إن', 'أن', 'وإن', 'وأن', 'فإن', 'بأن', 'لأن'].map(normalizeForMatch));

function collectTitle(words: LineWords, i: number, t: TitleForm, out: TitleContext[]): void {
  const ctx: ContextWord[] = [];
  for (let j = i + 1; j < words.length && ctx.length < TITLE_CONTEXT_WORDS; j++) {
    // A comma may set off the name (وزير الخارجية الروسي، سيرغي لافروف); the learner decides.
    const f = words.flags(j);
    if (f & BREAK && !(f & COMMA)) break;
    if (words.title(j)) break;
    ctx.push(ctxWord(words, j));
  }
  if (!ctx.length) return;
  const institution = i > 0 && !(words.flags(i) & BREAK) && words.normIn(INSTITUTION_HEAD_SET, i - 1);
  const subject = i > 0 && !(words.flags(i) & BREAK) && words.normIn(SUBJECT_PARTICLE_SET, i - 1);
  const titleSurface = words.surface(i);
  const key = `${titleSurface}${institution ? '!' : ''}${subject ? SUBJECT_MARK : ''}\u0002${ctx.map((w) => `${w.surface}\u0001${w.flags}`).join('\u0002')}`;
  out.push({ title: t.title, titleSurface, genitive: t.genitive, institution, subject, words: ctx, key });
}

function collectHashtag(words: LineWords, i: number, out: ContextWord[][]): void {
  const group = [ctxWord(words, i)];
  for (let j = i + 1; j < words.length && words.flags(j) & JOINED && group.length < 5; j++) group.push(ctxWord(words, j));
  out.push(group);
}

function collectPlaceCue(words: LineWords, i: number, out: FileNameEvidence): void {
  if (words.flags(i) & BREAK) return;
  const surface = words.surface(i);
  // «العاصمة المقدسة، المملكة المتحدة»: after a head with the article, a word with the article and a feminine ending is
  // the head's adjective, no place. The pair is still counted: such a word may start a place's name (المملكة العربية
  // السعودية).
  if (!(words.normIn(DEFINITE_PLACE_HEAD_SET, i - 1) && isDefiniteFeminine(words.norm(i)))) {
    out.placeCues.set(surface, (out.placeCues.get(surface) ?? 0) + 1);
  }
  if (i + 1 < words.length && !(words.flags(i + 1) & BREAK)) {
    const pair = `${surface} ${words.surface(i + 1)}`;
    out.placeCuePairs.set(pair, (out.placeCuePairs.get(pair) ?? 0) + 1);
  }
}

/** A normalized word with the article and a feminine ending (المقدسه، المتحده). */
function isDefiniteFeminine(norm: string): boolean {
  return norm.length > 4 && norm.startsWith('ال') && norm.endsWith('ه');
}
