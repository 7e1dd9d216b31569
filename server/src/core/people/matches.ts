/**
 * Finds, in one file, the words that belong to learned names and places: whole words only (a name never matches
 * inside a longer word), proclitics set aside only when the name index attests the rest (وبوتين، لأحمد), with the
 * title and role written before each word (الرئيس الروسي …). Depends on the file's text and the vocabulary only,
 * so it is memoized per file and per vocabulary version.
 */
import type { FileModel } from '../file';
import { normalizeForMatch } from '../text/normalize';
import { NormSet } from '../text/scan';
import { procliticLetters, skipLetters } from '../text/letters';
import { BODY_HEADS, INSTITUTION_HEADS, OFFICE_TITLES } from './lexicon';
import { isOriginAdjective } from './origins';
import { BREAK, COMMA, DISTRICT_HEAD_SET, forEachEntryLine, HASHTAG, INSTITUTION_HEAD_SET, LineWords, PLACE_CUE_SET, TANWEEN } from './tokens';
import { bareTitle } from './learn';
import { ALI, placeKey, WordJudge } from './judge';
import type { Vocabulary } from './learn';

export const enum TokenKind {
  Name = 0,
  Chain = 1,
  Place = 2,
}

export interface TitleBefore {
  /** The title without proclitic, normalized (الرييس). */
  title: string;
  genitive: boolean;
  /** The words from the title to the name, as written (الرئيس الروسي). */
  role: string;
  /** Words between the title and this word. */
  distance: number;
}

export interface MatchedWord {
  kind: TokenKind;
  key: string;
  /** The spelling without proclitics (marks removed). */
  stem: string;
  /** Offsets of the stem (a proclitic and a hashtag sign excluded). */
  start: number;
  end: number;
  /** Index of the word in the file (consecutive indexes are consecutive words). */
  index: number;
  flags: number;
  proclitic: boolean;
  entry: number;
  line: number;
  /** The words around it when only white space separates them (two before, two after): for names the vocabulary
   * does not know yet (فيصل بن خالد، المهندس خالد الفالح). */
  prev?: NearWord;
  prev2?: NearWord;
  next?: NearWord;
  next2?: NearWord;
  title?: TitleBefore;
  /** The word follows the head of an institution's or group's name (مركز الملك سلمان، جماعة الحوثي). */
  institution: boolean;
  /** For a two-word place: its key, the end of the second word, and whether its words are name parts (`LearnedPlace`). */
  pair?: { key: string; end: number; nameWords?: boolean };
}

/** A word next to a matched one. */
export interface NearWord {
  /** Its spelling id (-1: a compound, or a word the spelling table lacks), for the judge's memos. */
  id: number;
  surface: string;
  norm: string;
  start: number;
  end: number;
  flags: number;
}

export interface FileMatches {
  version: number;
  words: MatchedWord[];
}

/** Words looked at before a name for its title. */
const TITLE_LOOKBACK = 5;

export function matchFile(model: FileModel, vocab: Vocabulary, judge: WordJudge): FileMatches {
  const out: MatchedWord[] = [];
  let base = 0;
  forEachEntryLine(model, (words) => {
    for (let i = 0; i < words.length; i++) {
      // Most words are no name: decided once per spelling, without making the word's strings.
      // The word's spelling id, found once for both questions.
      const id = judge.spellingId(words, i);
      if (!judge.mayMatter(words, i, vocab, id)) continue;
      const m = matchWord(model.text, words, i, id, vocab, judge);
      if (m) {
        m.index = base + i;
        out.push(m);
        // The second word of a place made of name parts (خميس مشيط) is the place's, not a person's.
        if (m.pair?.nameWords) i++;
      }
    }
    base += words.length + 1;
  });
  return { version: vocab.version, words: out };
}

function matchWord(text: string, words: LineWords, i: number, id: number, vocab: Vocabulary, judge: WordJudge): MatchedWord | null {
  const norm = words.norm(i);
  const flags = words.flags(i);
  if (norm === 'بن' || norm === 'بنت' || norm === 'ابن' || norm === 'ابنه') {
    return { kind: TokenKind.Chain, key: norm, stem: words.surface(i), start: words.start(i), end: words.end(i), index: 0, flags, proclitic: false, entry: words.entry, line: words.line, institution: false };
  }
  if (norm.length < 2) return null;
  const surface = words.surface(i);
  const info = judge.lookupWord(words, i, id);
  let kind: TokenKind | null = null;
  let pair: MatchedWord['pair'];
  // A listed verb or particle is never a name, whatever name its key is (أمام beside the family name إمام).
  const nameKey = vocab.nameKeys.has(info.key) && !maqsuraName(info.stem, vocab, judge) && !judge.listedStem(info);
  const pairs = vocab.placePairs.get(info.placeKey);
  if (pairs && i + 1 < words.length && !(words.flags(i + 1) & BREAK)) {
    const nk = placeKey(words.surface(i + 1));
    const p = pairs.find((x) => x.second === nk);
    // A name part starts a two-word place only when the place is made of name parts (خميس مشيط).
    if (p && (!nameKey || p.nameWords)) {
      kind = TokenKind.Place;
      pair = p.nameWords ? { key: p.key, end: words.end(i + 1), nameWords: true } : { key: p.key, end: words.end(i + 1) };
    }
  }
  if (kind === null && nameKey) kind = TokenKind.Name;
  if (kind === null && vocab.places.has(info.placeKey) && !isAmbiguousPlace(info.stem, words, i, judge)) kind = TokenKind.Place;
  if (kind === null) return null;
  const stem = info.stem;
  const proclitic = stem !== surface;
  const start = words.start(i);
  const near = (k: number): NearWord => {
    const id = judge.spellingId(words, k);
    return { id, surface: judge.sharedSurface(words, k, id), norm: judge.sharedNorm(words, k, id), start: words.start(k), end: words.end(k), flags: words.flags(k) };
  };
  // Only a person's name reads the words around it (to extend the name over words the vocabulary lacks).
  const name = kind === TokenKind.Name;
  const prev = name && i > 0 && !(flags & BREAK) ? near(i - 1) : undefined;
  const prev2 = prev && i > 1 && !(prev.flags & BREAK) ? near(i - 2) : undefined;
  const next = name && i + 1 < words.length && !(words.flags(i + 1) & BREAK) ? near(i + 1) : undefined;
  const next2 = next && i + 2 < words.length && !(words.flags(i + 2) & BREAK) ? near(i + 2) : undefined;
  return {
    kind,
    key: kind === TokenKind.Place ? (pair ? pair.key : info.placeKey) : info.key,
    stem,
    start: proclitic ? skipLetters(text, start, words.end(i), procliticLetters(surface, stem)) : start,
    end: words.end(i),
    index: 0,
    flags,
    proclitic,
    entry: words.entry,
    line: words.line,
    prev,
    prev2,
    next,
    next2,
    title: name ? titleBefore(words, i, judge) : undefined,
    institution: name && institutionBefore(words, i),
    pair,
  };
}

/**
 * «سمع مني القصة»: in a corpus that writes a final ى apart from ي (see `WordJudge`'s constructor), a word written with
 * ي whose spelling with ى is written (منى، the name) is another word (مني: من + ي, “from me”) when it is written as
 * often at least and never after a title or in a hashtag. علي has its own rule.
 */
function maqsuraName(stem: string, vocab: Vocabulary, judge: WordJudge): boolean {
  if (!vocab.aliIsName || stem.length < 3 || !stem.endsWith('ي') || stem === ALI) return false;
  // A slip of the pen (عيسي for عيسى) is rarer than the name; another word is written on its own.
  const withMaqsura = judge.count(`${stem.slice(0, -1)}ى`);
  return withMaqsura > 0 && judge.count(stem) >= withMaqsura && (judge.facts(stem)?.evidence ?? 0) === 0;
}

/**
 * «سورية» is also the adjective “Syrian” (قمة سورية روسية): a place spelled like a feminine adjective counts only
 * after a place cue or as a hashtag.
 */
function isAmbiguousPlace(stem: string, words: LineWords, i: number, judge: WordJudge): boolean {
  const k = normalizeForMatch(stem);
  if (!k.endsWith('يه') || judge.count(stem.slice(0, -1)) === 0) return false;
  const flags = words.flags(i);
  if (flags & HASHTAG) return false;
  const surface = words.surface(i);
  if (stem !== surface && /^[بل]/.test(surface)) return false;
  return !(i > 0 && !(flags & BREAK) && words.normIn(PLACE_CUE_SET, i - 1));
}

/** The title before a name, with only role words between (الرئيس الروسي فلاديمير، وزير الخارجية أسعد). */
function titleBefore(words: LineWords, i: number, judge: WordJudge): TitleBefore | undefined {
  for (let j = i - 1, d = 0; j >= 0 && d < TITLE_LOOKBACK && i - j <= MAX_ROLE_WORDS; j--, d++) {
    const f = words.flags(j + 1);
    if (f & BREAK && !(f & COMMA)) return undefined;
    const t = words.title(j);
    if (t) {
      const between: string[] = [];
      for (let k = j + 1; k < i; k++) between.push(words.surface(k));
      return { title: t.title, genitive: t.genitive, role: [bareTitle(words.surface(j), t.title), ...between].join(' '), distance: d };
    }
    const cls = words.flags(j) & TANWEEN ? 'modifier' : judge.classOfWord(words, j);
    // A body named after a preposition (الناطق باسم كتائب القسام، الأمين العام للأمم المتحدة، المبعوث إلى ليبيا): its
    // words are not counted as words between the title and the name.
    if ((cls !== 'stop' || words.normIn(BODY_PREPOSITION_SET, j)) && inBodyPhrase(words, j)) {
      d--;
      continue;
    }
    if (cls === 'modifier' || cls === 'place') continue;
    // An adjective of origin (الرئيس الروسي) and the name of a body after its head (رئيس مجلس الوزراء، لحزب الله).
    if (isOriginAdjective(words.norm(j)) || (j > 0 && words.norm(j).startsWith('ال') && isBodyHeadNorm(words.norm(j - 1)))) continue;
    // The portfolio of an office (وزير الصحة ماهر الشرع).
    if (cls === 'name' && j > 0 && OFFICE_TITLES.has(words.title(j - 1)?.title ?? '')) continue;
    return undefined;
  }
  return undefined;
}

/** Words between a title and a name at most, a body's words included. */
const MAX_ROLE_WORDS = 11;

/** Prepositions before the body an office acts for (باسم، إلى، في، لدى; see `nameAfterTitle`). */
const BODY_PREPOSITION_SET = new NormSet(['باسم', 'إلى', 'الى', 'في', 'لدى'].map(normalizeForMatch));

/**
 * Word j is part of a body named after a preposition, read back from the name: the preposition itself, a word with ل
 * and the article (للأمم), a word with the article, a head without it before a word with the article (كتائب القسام),
 * or one word after «إلى» (إلى ليبيا).
 */
function inBodyPhrase(words: LineWords, j: number): boolean {
  if (words.flags(j + 1) & BREAK) return false;
  if (words.normIn(BODY_PREPOSITION_SET, j)) return true;
  const norm = words.norm(j);
  if (norm.startsWith('ال') || (norm.startsWith('لل') && norm.length > 4)) return true;
  if (j > 0 && words.norm(j - 1) === 'الي') return true;
  return j + 1 < words.length && words.norm(j + 1).startsWith('ال') && j > 0 && !(words.flags(j) & BREAK);
}

/** The head of a body, perhaps after the preposition ل or ب (مجلس، لحزب، جماعة). */
function isBodyHeadNorm(norm: string): boolean {
  const bare = /^[لب]/.test(norm) && norm.length > 3 ? norm.slice(1) : norm;
  return BODY_HEADS.has(norm) || INSTITUTION_HEADS.has(norm) || BODY_HEADS.has(bare) || INSTITUTION_HEADS.has(bare);
}

function institutionBefore(words: LineWords, i: number): boolean {
  // The head right before the name, or before its title (مركز الملك سلمان).
  for (let j = i - 1; j >= 0 && j >= i - 2; j--) {
    if (words.flags(j + 1) & BREAK) return false;
    if (words.normIn(INSTITUTION_HEAD_SET, j)) return true;
    // «بمحافظة خميس مشيط»: the name after a district's head is the district's, even when a person has its words.
    if (j === i - 1 && words.normIn(DISTRICT_HEAD_SET, j)) return true;
    if (!words.title(j)) return false;
  }
  return false;
}

