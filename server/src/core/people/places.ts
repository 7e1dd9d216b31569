/**
 * Learns the places of the corpus (part of the vocabulary `learn.ts` builds): words after place cues (في موسكو، بجدة)
 * and words whose adjective names a people after a title (روسيا: الرئيس الروسي), each spelling judged on its own and
 * then with the others of its place key; two-word places (مكة المكرمة، الضفة الغربية) from pairs of words after cues.
 * See the README's «Places» for the rules and what they were measured to take away.
 */
import type { EvidenceTotals } from './evidence';
import { BREAK } from './tokens';
import { placeKey, WordJudge } from './judge';
import {
  AFTER_PLACE_BARE_WORDS,
  AFTER_PLACE_WORDS,
  BODY_HEADS,
  INSTITUTION_HEADS,
  isOfficeBeforePortfolio,
  NOT_PLACES,
  OFFICE_TITLES,
  PLACE_CUES,
  PLACE_DIRECTIONS,
  PLACE_HEADS,
  STOPWORDS,
  TITLE_MODIFIERS,
  VERBS,
} from './lexicon';
import type { Registry } from './registry';
import { normalizeForMatch } from '../text/normalize';
import { isOriginAdjective } from './origins';
import { Pace, Steps } from './steps';
import { titleOf } from './titles';

export interface LearnedPlace {
  key: string;
  /** For a two-word place (الولايات المتحدة): the key of the second word. */
  second?: string;
  /**
   * A two-word place whose words are parts of people's names elsewhere (خميس مشيط: خميس الزهراني، عبدالعزيز بن مشيط):
   * the pair is the place, and each word alone stays a name part.
   */
  nameWords?: boolean;
  cues: number;
}

/**
 * What place learning keeps to check cheaply, after an edit that only changed place cues (في …), whether the
 * decisions would change: the cue counts by stem and the title statistics they were judged with.
 */
export interface PlaceLearner {
  /**
   * Applies the cue counts and the counts of pairs of words after cues that a file added (+) or took away (-), then
   * says whether any place decision changes.
   */
  recheck(cueDelta: Map<string, number>, pairDelta: Map<string, number>, totals: EvidenceTotals, judge: WordJudge): boolean;
}

export function* learnPlaces(
  totals: EvidenceTotals,
  judge: WordJudge,
  registry: Registry | null,
  pace: Pace,
): Steps<{ single: Map<string, LearnedPlace>; pairs: Map<string, LearnedPlace[]>; nouns: Set<string>; learner: PlaceLearner }> {
  const cues = new Map<string, number>();
  const hashtags = new Map<string, number>();
  const afterPersonTitle = new Map<string, number>();
  /** Words between a title and a name (الرئيس الروسي): adjectives of nationality name the people of a place. */
  const roleWords = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);
  for (const [s, n] of totals.placeCues) {
    bump(cues, judge.stem(s), n);
    if (pace.tick(0.25)) yield;
  }
  const keyCues = new KeyCues();
  for (const [stem, n] of cues) {
    keyCues.add(placeKey(judge.canonical(stem)), stem, n);
    if (pace.tick(0.25)) yield;
  }
  for (const { group, count } of totals.hashtags.values()) {
    if (group.length === 1) bump(hashtags, judge.stem(group[0].surface), count);
    if (pace.tick(0.25)) yield;
  }
  for (const { ctx: t, count } of totals.titleContexts()) {
    if (pace.tick(0.25)) yield;
    const w = t.words[0];
    if (!OFFICE_TITLES.has(t.title) && w && !(w.flags & BREAK)) bump(afterPersonTitle, judge.stem(w.surface), count);
    // After a title (الرئيس الروسي) or an office's portfolio (وزير الخارجية الأمريكي), not in the portfolio itself.
    const from = isOfficeBeforePortfolio(t.title) ? 1 : 0;
    for (let i = from; i < t.words.length && i < from + 2; i++) if (!(t.words[i].flags & BREAK) || i === 0) bump(roleWords, t.words[i].surface, count);
  }
  judge.titleHeads = new Set(afterPersonTitle.keys());
  // The words after each cued word (في مهب الريح): a word that follows cues only as the start of one phrase is no place
  // of its own (see `placeCues`).
  const phrases = new CuePhrases();
  const constructs = new Constructs();
  for (const [pair, n] of totals.placeCuePairs) {
    const stem = phrases.set(pair, n, judge);
    constructs.add(stem, pair, n, 0);
    if (pace.tick(0.25)) yield;
  }

  /** The cue count of a place, or null when the stem is no place. */
  const placeCues = (stem: string, j: WordJudge): number | null => {
    const norm = normalizeForMatch(stem);
    if (norm.length < 3 || !isPlaceCandidate(norm) || NOT_PLACES.has(norm) || PLACE_CUES.has(norm)) return null;
    const cls = j.classOf(stem, norm);
    if (cls === 'stop' || cls === 'verb' || cls === 'title' || cls === 'chain') return null;
    const facts = j.facts(stem);
    if (!facts) return null;
    // A word that follows cues as the start of one phrase and hardly otherwise (في الآونة الأخيرة، في مهب الريح، في
    // مقتبل العمر): the phrase is a place or not (`pairPlace`), the word alone is none. A place is written after cues
    // with other words after it too (في مكة المكرمة، but also في مكة أمس).
    const phrase = phrases.longest(stem);
    if (phrase >= IDIOM_MIN_CUES && (cues.get(stem) ?? 0) - phrase < Math.max(MIN_PAIR_CUES, 0.1 * phrase)) return null;
    // «بجازان» is «in Jazan»: the preposition written on the word counts as a cue.
    const cue = (cues.get(stem) ?? 0) + j.count('ب' + stem) + j.count('وب' + stem);
    if ((afterPersonTitle.get(stem) ?? 0) >= Math.max(1, cue)) return null;
    if (withPossessive(stem, facts.count, j) || isInflectedNoun(stem, facts.count, j) || definiteCommonNoun(stem, facts.count, j) || titlePair(norm)) return null;
    // A place names its people (روسيا: الرئيس الروسي); a common noun's adjective (الاقتصادي) is no nationality. The
    // word itself in a role (وزير التنمية) is no adjective of it.
    const nisba = nisbaOf(stem, j);
    const feminine = nisba === null ? '' : nisba + 'ة';
    const itself = feminine === stem || feminine === 'ال' + stem;
    const nationality = nisba !== null && (roleWords.get(nisba) ?? 0) + (itself ? 0 : (roleWords.get(feminine) ?? 0)) > 0;
    const common = j.isCommon(stem);
    const cued = cue >= 1 && cue / facts.count >= NISBA_MIN_CUE_SHARE;
    // A verbal noun of the تفعيل shape is no place even when its adjective follows a title (تشكيل: الفنان التشكيلي);
    // a place of that shape ends with a vowel (تركيا).
    const plain = cues.get(stem) ?? 0;
    const byNisba =
      nationality &&
      !PLACE_DIRECTIONS.has(normalizeForMatch(nisba)) &&
      (cued || (hashtags.get(stem) ?? 0) >= 1) &&
      (!common || (/(?:يه|يا)$/.test(norm) && plain >= 2 && plain >= 0.25 * facts.count)) &&
      !/^(?:ال)?ت..ي[^اهةيى]$/.test(norm);
    // Written after a cue of its own twice at least, in any of its key's spellings (في أبو عريش، في أبوعريش): the
    // preposition ب on a word (بتسديدة، برفقة، بالشفاء) is as often an instrument, a manner or a company as a place.
    const byCue =
      !common &&
      keyCues.cues(placeKey(j.canonical(stem))) >= MIN_SEPARATE_CUES &&
      cue >= 2 &&
      facts.count >= 2 &&
      cue / facts.count >= 0.3 &&
      !COMMON_NOUN_SHAPE.test(norm) &&
      (!j.isNisba(stem) || cue >= 5) &&
      !j.isPlural(stem) &&
      !isElative(stem, j) &&
      !isVerbalNounOfVerb(stem, j);
    return byNisba || byCue ? cue : null;
  };
  /** The key of a two-word place, or null. */
  const pairPlace = (pair: string, n: number, j: WordJudge): { first: string; second: string; nameWords: boolean } | null => {
    if (n < MIN_PAIR_CUES) return null;
    const [a, b] = pair.split(' ');
    const stemA = j.stem(a);
    if (n / Math.max(1, cues.get(stemA) ?? 0) < 0.6) return null;
    const na = normalizeForMatch(a);
    const nb = normalizeForMatch(b);
    if (!isPlaceCandidate(na) || !isPlaceCandidate(nb) || NOT_PLACES.has(na) || PLACE_CUES.has(na) || NOT_PLACES.has(nb)) return null;
    if (COMMON_NOUN_SHAPE.test(na) || COMMON_NOUN_SHAPE.test(nb)) return null;
    const ca = j.classOf(a, na);
    const cb = j.classOf(b, nb);
    if ((ca !== 'name' && ca !== 'modifier') || TITLE_MODIFIERS.has(na) || cb === 'stop' || cb === 'verb' || cb === 'chain' || cb === 'title') return null;
    if ((afterPersonTitle.get(stemA) ?? 0) * 2 > n) return null;
    // «العاصمة البريطانية لندن»: an adjective of origin, then the name in apposition to what it qualifies; the place is
    // the name alone. Two adjectives make one name (المملكة العربية السعودية).
    if (isOriginAdjective(na) && !j.isNisba(j.stem(b))) return null;
    // Something in the pair says it is a place: its second word is one (كورنيش جدة، العربية السعودية), or its first is
    // one after cues without the second too (مكة المكرمة: a word made a place only by this pair, such as «مهب» of «في
    // مهب الريح», is not); the first is a kind of place (مخيم الزعتري، المحيط الهندي), the second a direction (الضفة
    // الغربية، الشرق الأوسط), or both are names without the article (لوس أنجلوس، كامب ديفيد). Phrases of common words
    // that follow cues as often (الرياح السطحية، الضمان الاجتماعي، قرار مجلس، خمس سنوات) have none of these.
    const first = placeKey(j.canonical(stemA));
    const firstIsPlace = single.has(first) && (cues.get(stemA) ?? 0) - n >= Math.max(MIN_PAIR_CUES, 0.1 * n);
    const secondIsPlace = single.has(placeKey(j.canonical(j.stem(b))));
    const bare = !na.startsWith('ال') && !nb.startsWith('ال');
    const named = ca === 'name' && cb === 'name' && bare;
    const place = named || firstIsPlace || secondIsPlace || PLACE_HEADS.has(na) || PLACE_DIRECTIONS.has(nb);
    // «في خميس مشيط»: a common word (الخميس) before a word the corpus writes in people's names (after a title or in a
    // hashtag: عبدالعزيز بن مشيط) names a place too, when nothing else does; both words stay parts of people's names
    // elsewhere (خميس الزهراني).
    const nameWords = !place && ca === 'modifier' && cb === 'name' && bare && (j.facts(j.stem(b))?.evidence ?? 0) >= 1;
    if (!place && !nameWords) return null;
    return { first, second: placeKey(b), nameWords };
  };

  // Every word after a cue is judged on its own, then with the other spellings its place key matches: a key is a place
  // only when the spellings judged places are a fair share of what its words are written (PLACE_SPELLING_SHARE: a rare
  // «ناديي» or «اعادة» after في makes no place of «نادي» or «إعادة», written hundreds of times, rarely after a cue).
  const single = new Map<string, LearnedPlace>();
  const spellings = new KeySpellings();
  // The cued words, then the hashtags' words that are not among them (not one set of both: made in one piece, it held
  // the message loop for 100 ms on 50,000 files).
  for (const stem of cues.keys()) {
    if (pace.tick()) yield;
    spellings.judge(stem, placeCues(stem, judge), judge);
  }
  for (const stem of hashtags.keys()) {
    if (cues.has(stem)) continue;
    if (pace.tick()) yield;
    spellings.judge(stem, placeCues(stem, judge), judge);
  }
  /**
   * A key that passes as a place is still a common noun when its main spelling is in construct with what follows it
   * (في عمق البحر، في أروقة المحاكم، في ربوع الوطن، من مسئولي الوزارة): after cues it is mostly followed by a definite noun,
   * each time another. A place ends its phrase (في جدة، أمس), or is followed by its adjective (في مكة المكرمة، أمريكا
   * الشمالية) or a time (في الرياض اليوم). Such a noun is not listed as a place, and is no name either.
   */
  const decide = (key: string, j: WordJudge): 'place' | 'noun' | null => {
    if (!spellings.isPlace(key, j)) return null;
    const main = spellings.mainStem(key);
    return main !== null && constructs.isConstruct(main, cues.get(main) ?? 0) ? 'noun' : 'place';
  };
  const nouns = new Set<string>();
  for (const [key, k] of spellings.byKey) {
    if (pace.tick(0.25)) yield;
    const d = decide(key, judge);
    if (d === 'place') single.set(key, { key, cues: k.cues });
    else if (d === 'noun') nouns.add(key);
  }
  const pairPlaces = new Map<string, LearnedPlace[]>();
  const decidedPairs = new Map<string, string | null>();
  for (const [pair, n] of totals.placeCuePairs) {
    if (pace.tick(0.25)) yield;
    const p = pairPlace(pair, n, judge);
    decidedPairs.set(pair, pairDecision(p));
    if (!p) continue;
    const list = pairPlaces.get(p.first) ?? [];
    if (!list.some((x) => x.second === p.second)) list.push({ key: `${p.first} ${p.second}`, second: p.second, cues: n, ...(p.nameWords ? { nameWords: true } : {}) });
    pairPlaces.set(p.first, list);
  }
  if (registry) {
    for (const p of registry.places ?? []) {
      for (const s of [p.name, ...(p.variants ?? [])]) {
        const parts = s.trim().split(/\s+/);
        if (parts.length === 1) {
          single.set(placeKey(parts[0]), { key: placeKey(parts[0]), cues: 0 });
          nouns.delete(placeKey(parts[0]));
        } else if (parts.length === 2) {
          const first = placeKey(parts[0]);
          const list = pairPlaces.get(first) ?? [];
          list.push({ key: `${first} ${placeKey(parts[1])}`, second: placeKey(parts[1]), cues: 0 });
          pairPlaces.set(first, list);
        }
      }
    }
  }
  const learner: PlaceLearner = {
    recheck(cueDelta, pairDelta, current, j) {
      const stems = new Set<string>();
      for (const [surface, n] of cueDelta) {
        const stem = j.stem(surface);
        bump(cues, stem, n);
        // The key's cues changed: its other spellings are judged again.
        for (const other of keyCues.add(placeKey(j.canonical(stem)), stem, n)) stems.add(other);
      }
      for (const [pair, d] of pairDelta) {
        const n = current.placeCuePairs.get(pair) ?? 0;
        const stem = phrases.set(pair, n, j);
        constructs.add(stem, pair, n, n - d);
        stems.add(stem);
      }
      const keys = new Set<string>();
      for (const stem of stems) keys.add(spellings.judge(stem, placeCues(stem, j), j));
      for (const key of keys) if (decide(key, j) !== (single.has(key) ? 'place' : nouns.has(key) ? 'noun' : null)) return false;
      for (const pair of pairDelta.keys()) {
        if (pairDecision(pairPlace(pair, current.placeCuePairs.get(pair) ?? 0, j)) !== (decidedPairs.get(pair) ?? null)) return false;
      }
      return true;
    },
  };
  return { single, pairs: pairPlaces, nouns, learner };
}

/** A pair's decision as the learner keeps it to compare (null: no place). */
function pairDecision(p: { first: string; second: string; nameWords: boolean } | null): string | null {
  return p && `${p.first} ${p.second}${p.nameWords ? ' +' : ''}`;
}

/** Times a place is written after a separate cue word (في جازان، not بجازان), in any of its spellings. */
const MIN_SEPARATE_CUES = 2;

/** The cues of the spellings of each place key (see `MIN_SEPARATE_CUES`), and its spellings after cues. */
class KeyCues {
  private readonly byKey = new Map<string, { cues: number; stems: Set<string> }>();

  /** Counts `n` more cues (or fewer, when negative) of a stem; returns the key's stems. */
  add(key: string, stem: string, n: number): Set<string> {
    let k = this.byKey.get(key);
    if (!k) this.byKey.set(key, (k = { cues: 0, stems: new Set() }));
    k.cues += n;
    k.stems.add(stem);
    return k.stems;
  }

  cues(key: string): number {
    return this.byKey.get(key)?.cues ?? 0;
  }
}

/** Times a pair of words must follow cues to be a place. */
const MIN_PAIR_CUES = 3;
/**
 * A word is no place of its own when one phrase starting with it (في الآونة الأخيرة، في مهب الريح) was seen after cues
 * this often at least and all but a few of its cues are that phrase (a place is written after cues with other words
 * after it too: في مكة المكرمة, but also في مكة أمس). Fewer do not tell a city always named with its country
 * (سالزبورغ النمساوية, four times) from an idiom.
 */
const IDIOM_MIN_CUES = 5;

/**
 * How often each stem after a cue is followed by a definite noun that is neither its adjective nor a time nor a
 * function word, in every pair after cues: a recurring pair counts too (في مقتبل العمر، إلى وقف إطلاق النار three or
 * four times make a construct as surely as three different nouns do), while the second word of a two-word place weighs
 * nothing (مكة المكرمة، ميلانو الإيطالية: an adjective) or half (غابة رغدان: a name).
 */
class Constructs {
  private readonly byStem = new Map<string, number>();

  /** Counts a pair seen `n` times now and `before` times before (0 on a first count). */
  add(stem: string, pair: string, n: number, before: number): void {
    const d = n - before;
    const weight = d === 0 ? 0 : genitiveWeight(pair.slice(pair.indexOf(' ') + 1));
    if (weight === 0) return;
    const v = (this.byStem.get(stem) ?? 0) + d * weight;
    if (v > 0) this.byStem.set(stem, v);
    else this.byStem.delete(stem);
  }

  /** At least CONSTRUCT_MIN such pairs, and at least CONSTRUCT_SHARE of the stem's cues. */
  isConstruct(stem: string, cues: number): boolean {
    const n = this.byStem.get(stem) ?? 0;
    return n >= CONSTRUCT_MIN && n >= CONSTRUCT_SHARE * cues;
  }
}

/** Times a word after cues must be followed by a definite noun, and the share of its cues that is, to be in construct. */
const CONSTRUCT_MIN = 2;
const CONSTRUCT_SHARE = 0.5;

/**
 * How much a word after a cued word tells that the two are a construct (عمق البحر): 1 for a definite noun that is not a
 * function word, a title (سوريا الدكتور …: a new phrase), a time (في الرياض اليوم، العام الماضي), an adjective of
 * nationality or direction (أمريكا الشمالية، ميلانو الإيطالية) or one that describes a place (الواقعة، القريبة، الصديق);
 * half as much for an indefinite noun, the middle of a chain of constructs (معدلات نمو الاقتصاد، أشد أنواع، مقاتلي داعش),
 * since a place is followed by a name or a noun starting a new phrase too (بلقرن فايز، مسقط رأسه); nothing for the rest.
 */
function genitiveWeight(surface: string): number {
  const norm = normalizeForMatch(surface);
  if (norm.length < 3 || !isPlaceCandidate(norm)) return 0;
  if (STOPWORDS.has(norm) || VERBS.has(norm) || AFTER_PLACE_WORDS.has(norm) || titleOf(norm)) return 0;
  if (norm.startsWith('ال')) return norm.length >= 4 && !/(?:ي|يه|يين|يون)$/.test(norm) ? 1 : 0;
  // Not with a proclitic, not a present verb (تنتج، يتطوعون), not an adverb (أيضا، مطالبا), not a time or a direction; a
  // noun with the suffix «ها» or «نا» ends with alif too (في صميم مسؤوليتنا).
  const adverb = norm.endsWith('ا') && !(norm.length >= 5 && /(?:ها|نا)$/.test(norm));
  if (/^[وفبلكيتن]/.test(norm) || adverb || AFTER_PLACE_BARE_WORDS.has(norm)) return 0;
  return 0.5;
}


/** The pairs of words after cues, by the stem of their first word: pair -> times after a cue. */
class CuePhrases {
  /** Only pairs seen MIN_PAIR_CUES times or more (below that none makes an idiom): most pairs are seen once. */
  private readonly byStem = new Map<string, Map<string, number>>();

  /** Records the count of a pair; returns the stem of its first word. */
  set(pair: string, n: number, j: WordJudge): string {
    const space = pair.indexOf(' ');
    const stem = j.stem(pair.slice(0, space));
    const m = this.byStem.get(stem);
    if (n < MIN_PAIR_CUES) {
      m?.delete(pair);
      return stem;
    }
    // A number after the word (في بلجيكا 2015) makes no phrase.
    if (!isPlaceCandidate(normalizeForMatch(pair.slice(space + 1)))) return stem;
    if (m) m.set(pair, n);
    else this.byStem.set(stem, new Map([[pair, n]]));
    return stem;
  }

  /** The count of the most frequent pair starting with the stem (0 when none is seen MIN_PAIR_CUES times). */
  longest(stem: string): number {
    let max = 0;
    for (const n of this.byStem.get(stem)?.values() ?? []) if (n > max) max = n;
    return max;
  }
}

/**
 * A key is a place when the spellings judged places are at least this share of what the key's words are written. On
 * the news sample the words made places by a rare spelling are written that way 1-10% of the time (نادي / ناديي، إعادة /
 * اعادة، منزله / منزلة، رأي / رأيي); places whose main spelling fails on its own but whose other spellings pass, 33-38%
 * (أفريقيا / إفريقيا، انجلترا / إنجلترا).
 */
const PLACE_SPELLING_SHARE = 0.25;

/** The spellings (stems) after place cues grouped by the place key they are matched by, each as judged. */
class KeySpellings {
  /** Keys with at least one spelling judged a place (the others need no memory: they are no places). */
  readonly byKey = new Map<string, KeyJudgement>();
  /** Normalized forms of spellings after cues other than their key's own (ناديي for نادي): few, kept for every key. */
  private readonly otherForms = new Map<string, Set<string>>();

  /** Records (or replaces) the judgement of a stem: its cue count when it is a place, else null. Returns its key. */
  judge(stem: string, cue: number | null, j: WordJudge): string {
    const key = placeKey(j.canonical(stem));
    const form = normalizeForMatch(stem);
    if (form !== key && form !== twinForm(key)) {
      const forms = this.otherForms.get(key);
      if (forms) forms.add(form);
      else this.otherForms.set(key, new Set([form]));
    }
    let k = this.byKey.get(key);
    if (cue === null) {
      k?.places.delete(stem);
      return key;
    }
    if (!k) this.byKey.set(key, (k = new KeyJudgement()));
    k.places.set(stem, cue);
    return key;
  }

  /** The spelling judged a place with the most cues (the first in code-point order on a tie), or null. */
  mainStem(key: string): string | null {
    let best: string | null = null;
    let most = -1;
    for (const [stem, cue] of this.byKey.get(key)?.places ?? []) {
      if (cue > most || (cue === most && best !== null && stem < best)) {
        best = stem;
        most = cue;
      }
    }
    return best;
  }

  /**
   * Whether the spellings judged places are PLACE_SPELLING_SHARE of what the key's words are written: in the key's own
   * forms (a word that is no place, such as «نادي» beside the «ناديي» written after في, is written in the form its key
   * folds to) and in the other forms seen after cues.
   */
  isPlace(key: string, j: WordJudge): boolean {
    const k = this.byKey.get(key);
    if (!k) return false;
    let places = 0;
    for (const stem of k.places.keys()) places += j.facts(stem)?.count ?? 0;
    if (places === 0) return false;
    const forms = new Set<string>([key, ...(this.otherForms.get(key) ?? [])]);
    const twin = twinForm(key);
    if (twin) forms.add(twin);
    let all = 0;
    for (const f of forms) all += j.formCount(f);
    return places >= PLACE_SPELLING_SHARE * all;
  }
}

/** The other ending a place key stands for (سوريه: سوريا), or ''. */
function twinForm(key: string): string {
  return key.endsWith('يه') ? key.slice(0, -1) + 'ا' : '';
}

class KeyJudgement {
  /** Stems judged places -> their cue counts. */
  readonly places = new Map<string, number>();

  /** Cues of the spellings judged places. */
  get cues(): number {
    let n = 0;
    for (const cue of this.places.values()) n += cue;
    return n;
  }
}

function isPlaceCandidate(norm: string): boolean {
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (!(c >= 0x0621 && c <= 0x064a)) return false;
  }
  return true;
}

/**
 * Shapes of common nouns that follow prepositions as often as places do (read without the article): verbal nouns
 * (تحقيق، اعتبار، مواصلة، استقرار), nouns with a possessive suffix (مدنهم), feminine plurals (المؤسسات).
 */
const COMMON_NOUN_SHAPE = /^(?:ال)?(?:ت..ي.|ا..ا.|ا.ت.ا.|ان..ا.|است..ا.|م.ا..ه|ت.ا..|ت...ي.|..ايا)$|(?:هم|هما|هن|كم|نا)$|^ال.{3,}ات$/;

/**
 * A place named by its people's adjective is still written after a place cue now and then: السعودية about one time in
 * ten on Saudi news, where it is mostly the subject. A noun whose adjective is a role word (الوطن: المجلس الوطني، الهلال:
 * اللاعب الهلالي) but which follows a cue less than that is no place.
 */
const NISBA_MIN_CUE_SHARE = 0.08;

/**
 * A noun with a possessive suffix (منزله، خلالها، حياته، قيمتها، جيبك، مدينتي): the word without it is attested, as often as a
 * tenth of the suffixed form at least (جده for جدة is written far more often than جد).
 */
function withPossessive(stem: string, count: number, j: WordJudge): boolean {
  const m = POSSESSIVE.exec(stem);
  // A word with the article takes no possessive suffix (الكرك).
  if (!m || stem.length - m[0].length < 2 || stem.startsWith('ال')) return false;
  const base = stem.slice(0, -m[0].length);
  // خلالها، جانبه: a function word with a suffix (function words are not counted).
  const baseNorm = normalizeForMatch(base);
  if (NOT_PLACES.has(baseNorm) || STOPWORDS.has(baseNorm)) return true;
  const attestedAs = (s: string) => j.count(s) + j.count('ال' + s);
  // The bare noun as written, or with the ending a suffix changes: حياته -> حياة، أدائها -> أداء، شكواه -> شكوى,
  // بداياته -> بداية، مرافقيه -> مرافقين.
  const attestedChanged = changedForms(base).reduce((n, f) => n + attestedAs(f), 0);
  const attested = attestedAs(base) + attestedChanged;
  if (!attested || attested < 0.1 * count) return false;
  // The ending changed before the suffix (مكافحته: مكافحة، إلقائها: إلقاء، زوجتي: زوجة; no place's name ends so), or
  // the bare noun of three letters at least written as often (عزوفه: العزوف) — but for «ي», which ends adjectives and
  // names as often (دبي), and two letters, too short to tell (أبها: أب، بنها: بن).
  if (attestedChanged > 0 || (m[0] !== 'ي' && base.length >= 3 && attested >= count)) return true;
  // And with another person's suffix (منزلها، منزلهم): أبها is no أب + ها. Not «ي», which ends adjectives and names
  // as often (أبي).
  return POSSESSIVE_SUFFIXES.some((s) => s !== m[0] && s !== 'ي' && j.count(base + s) > 0);
}

/** The forms of a noun whose ending changes before a possessive suffix (see `withPossessive`). */
function changedForms(base: string): string[] {
  // وفاته: وفاة; بداياته: بداية.
  if (base.endsWith('ات')) return [base.slice(0, -1) + 'ة', base.slice(0, -2) + 'ة'];
  if (base.endsWith('ت')) return [base.slice(0, -1) + 'ة'];
  if (/[ئؤ]$/.test(base)) return [base.slice(0, -1) + 'ء'];
  if (base.endsWith('ا')) return [base.slice(0, -1) + 'ى'];
  if (base.endsWith('ي') && base.length >= 4) return [base + 'ن', base.slice(0, -1) + 'ون'];
  return [];
}

/**
 * A noun in the dual or the plural whose other forms the corpus writes (نقطتين: نقطة، مترين: متر، مستفيدي: مستفيدين،
 * معدلات: المعدلات): a place's name is not inflected so. A dual with the article and no feminine ending (البحرين) is
 * left alone.
 */
function isInflectedNoun(stem: string, count: number, j: WordJudge): boolean {
  const attested = (s: string) => j.count(s) + j.count('ال' + s);
  const bare = stem.startsWith('ال') ? stem.slice(2) : stem;
  // The dual of a feminine noun: نقطتين، الجامعتين (not باكستان: باكسة is no word).
  let m = /^(.{2,})ت(?:ين|ان)$/.exec(bare);
  if (m && attested(m[1] + 'ة') > 0) return true;
  if (stem.startsWith('ال')) return false;
  // The dual or plural of a masculine noun written as often at least (مترين، طابقين: not أبين، بكين).
  m = /^(.{3,})ين$/.exec(stem);
  if (m && attested(m[1]) >= count) return true;
  // The plural in construct (مستفيدي الضمان: مستفيدين، مستفيدون).
  m = /^(.{3,})ي$/.exec(stem);
  if (m && j.count(m[1] + 'ين') + j.count('ال' + m[1] + 'ين') + j.count(m[1] + 'ون') > 0) return true;
  // The feminine plural written with the article too (معدلات: المعدلات). Not only its singular: عرفات is no plural of
  // عرفة.
  return /^.{3,}ات$/.test(stem) && j.count('ال' + stem) > 0;
}

/**
 * A verbal noun of the فعلان shape (فقدان، غليان، نسيان) whose verb the corpus conjugates: its present and its past of
 * a woman are both written (يفقد، فقدت). Places of that shape (نجران، لبنان، جازان) have no verb; the shape alone would
 * take them away too.
 */
function isVerbalNounOfVerb(stem: string, j: WordJudge): boolean {
  if (!/^[^ا]{3}ان$/.test(stem) || stem.startsWith('ال')) return false;
  return j.pastVerbForms(stem.slice(0, 3)) === 2;
}

/**
 * An elative (في أحدث، إلى أقرب، من أشد، أهمها): أفعل written with hamza, whose form with the article is attested
 * (الأحدث، الأقرب). Places of that shape (أملج، أبين) are not written with the article.
 */
function isElative(stem: string, j: WordJudge): boolean {
  const m = /^أ([^اوي]{2,3})(?:ها|هم)?$/.exec(stem);
  if (!m) return false;
  const bare = stem.slice(0, 1 + m[1].length);
  return j.count('ال' + bare) > 0;
}

const POSSESSIVE_SUFFIXES = ['ه', 'ها', 'هم', 'هما', 'هن', 'ك', 'كم', 'كما', 'نا', 'ي'];
const POSSESSIVE = new RegExp(`(?:${[...POSSESSIVE_SUFFIXES].sort((a, b) => b.length - a.length).join('|')})$`);

/**
 * A common noun with the article (الوزارة، الجمعية، القضية، التنمية): its form without the article is written at least
 * a fifth as often (وزارة الصحة). A place with the article rarely loses it: under a tenth for الرياض، اليمن، المغرب.
 */
function definiteCommonNoun(stem: string, count: number, j: WordJudge): boolean {
  if (!stem.startsWith('ال') || stem.length < 5) return false;
  const bare = stem.slice(2);
  const norm = normalizeForMatch(bare);
  // The name of an office or a body (الوزارة: وزارة الصحة) is no place; its bare form is not counted as a word.
  if (OFFICE_TITLES.has(norm) || BODY_HEADS.has(norm) || INSTITUTION_HEADS.has(norm) || titleOf(norm)) return true;
  return j.count(bare) >= 0.2 * count;
}

/** The dual or plural of a title (بين القائدين، الرئيسين، الوزراء is listed): people, not a place. */
function titlePair(norm: string): boolean {
  const m = /^(ال..+)(?:ين|ان)$/.exec(norm);
  return m !== null && titleOf(m[1]) !== null;
}

/** روسيا -> الروسي، سورية -> السوري، إيران -> الإيراني: the adjective naming a place's people, when attested. */
function nisbaOf(stem: string, judge: WordJudge): string | null {
  let b = stem;
  if (/[ةا]$/.test(b)) b = b.slice(0, -1);
  if (b.length < 2) return null;
  const nisba = (b.startsWith('ال') ? b : 'ال' + b) + (b.endsWith('ي') ? '' : 'ي');
  if (nisba === stem) return null;
  return judge.count(nisba) > 0 || judge.count(nisba + 'ة') > 0 ? nisba : null;
}
