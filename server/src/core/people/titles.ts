/**
 * Titles before a person's name as they are written: with or without a proclitic (الرئيس، والرئيس، للرئيس، بالرئيس،
 * فللرئيس). Every form is listed up front, so asking whether a word is a title is one look-up in a small table, and a
 * scanned word is tested by its hash without making its string.
 */
import { MARKED, NormSet, WordScan } from '../text/scan';
import { TITLE_WORDS } from './lexicon';

export interface TitleForm {
  /** The title without its proclitic, normalized (الرييس). */
  title: string;
  /** The title carries the preposition ل (للرئيس، لرئيس). */
  genitive: boolean;
}

/** What the title of a normalized word is, read letter by letter (the definition the table below lists). */
export function readTitle(norm: string): TitleForm | null {
  const c = norm[0];
  if (c === 'و' || c === 'ف' || c === 'ب' || c === 'ك' || c === 'ل') {
    const rest = norm.slice(1);
    if (c === 'ل' && rest.startsWith('ل') && TITLE_WORDS.has('ا' + rest)) return { title: 'ا' + rest, genitive: true };
    if (TITLE_WORDS.has(rest) && rest.length >= 3) return { title: rest, genitive: c === 'ل' };
    if ((c === 'و' || c === 'ف') && rest.length > 2) {
      const inner = readTitle(rest);
      if (inner) return inner;
    }
  }
  if (TITLE_WORDS.has(norm)) return { title: norm, genitive: false };
  return null;
}

/** Conjunctions (و، ف) stacked before a title that the table lists; more are read letter by letter. */
const LISTED_CONJUNCTIONS = 2;

/** Every form of every title with up to `LISTED_CONJUNCTIONS` conjunctions before its proclitic. */
const FORMS: ReadonlyMap<string, TitleForm> = (() => {
  const candidates = new Set<string>();
  for (const t of TITLE_WORDS) {
    candidates.add(t);
    for (const p of 'وفبكل') candidates.add(p + t);
    if (t.startsWith('ال')) candidates.add('ل' + t.slice(1));
  }
  let layer = [...candidates];
  for (let n = 0; n < LISTED_CONJUNCTIONS; n++) {
    const next: string[] = [];
    for (const f of layer) for (const c of 'وف') next.push(c + f);
    for (const f of next) candidates.add(f);
    layer = next;
  }
  const out = new Map<string, TitleForm>();
  for (const f of candidates) {
    const t = readTitle(f);
    if (t) out.set(f, t);
  }
  return out;
})();

/** The forms, for scanned words. */
const FORM_SET = new NormSet(FORMS.keys());

function isConjunction(c: number): boolean {
  return c === 0x0648 || c === 0x0641;
}

/** More conjunctions before a word than the table lists (never in real text, still read right). */
function overStacked(norm: string): boolean {
  for (let i = 0; i <= LISTED_CONJUNCTIONS; i++) if (!isConjunction(norm.charCodeAt(i))) return false;
  return true;
}

/** The title a normalized word is, without its proclitic (الرئيس، والرئيس، للرئيس، بالرئيس), or null. */
export function titleOf(norm: string): TitleForm | null {
  return FORMS.get(norm) ?? (overStacked(norm) ? readTitle(norm) : null);
}

/**
 * Whether word k of a scan may be a title (then `titleOf` of its normalized form tells which): false for nearly every
 * word, without making its string.
 */
export function mayBeTitle(scan: WordScan, k: number): boolean {
  if (FORM_SET.has(scan, k)) return true;
  if (scan.flags[k] & MARKED) return overStacked(scan.norm(k));
  const at = scan.starts[k];
  if (scan.ends[k] - at <= LISTED_CONJUNCTIONS + 1) return false;
  for (let i = 0; i <= LISTED_CONJUNCTIONS; i++) if (!isConjunction(scan.text.charCodeAt(at + i))) return false;
  return true;
}
