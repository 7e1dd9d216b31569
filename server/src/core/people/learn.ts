/**
 * Learns the names of the corpus from every file's evidence: places from the words after place cues (في موسكو)
 * and from adjectives of nationality derived from them (روسيا / الروسي); people from the words after titles
 * (الرئيس الروسي فلاديمير بوتين), from hashtags that join a given name to a known family name (#بشار_الأسد), from
 * hashtags of transliterated names (#لافرنتييف), and from the registry. The result is the vocabulary every file is
 * matched against.
 */
import { hashString } from '../text/normalize';
import type { ContextWord, EvidenceTotals, TitleContext } from './evidence';
import { BREAK, COMMA, HASHTAG, TANWEEN } from './tokens';
import { nameKey, placeKey, WordJudge } from './judge';
import {
  BODY_HEADS,
  INSTITUTION_HEADS,
  NOT_PLACES,
  OFFICE_TITLES,
  PLACE_CUES,
  PLACE_DIRECTIONS,
  PLACE_HEADS,
  PORTFOLIO_PREFIXES,
  STOPWORDS,
  TITLE_MODIFIERS,
} from './lexicon';
import type { Registry } from './registry';
import { normalizeForMatch } from '../text/normalize';
import { Pace, runSteps, Steps } from './steps';
import { titleOf } from './titles';

/** A name learned from titles, hashtags or the registry: the keys of its parts, in order. */
export interface LearnedName {
  keys: string[];
  /** Times seen after a title or as a hashtag. */
  count: number;
  /** Role (title and its modifiers as written) -> times. */
  roles: Map<string, number>;
}

export interface LearnedPlace {
  key: string;
  /** For a two-word place (الولايات المتحدة): the key of the second word. */
  second?: string;
  cues: number;
}

/** Where a key occurs inside learned names. */
export interface KeyPositions {
  first: number;
  inner: number;
  last: number;
  single: number;
}

export interface Vocabulary {
  names: Map<string, LearnedName>;
  /** Checks whether new place cues change the places (without learning everything again). */
  placeLearner: PlaceLearner;
  /** Keys of name parts. */
  nameKeys: Map<string, KeyPositions>;
  /** Place keys (one word) and two-word places by their first key. */
  places: Map<string, LearnedPlace>;
  placePairs: Map<string, LearnedPlace[]>;
  /** Hash of everything above: equal versions mean every file's matches are still valid. */
  version: number;
}

/** Modifiers allowed between a title and the name (الرئيس السوري للمرحلة الانتقالية أحمد الشرع). */
const MAX_MODIFIERS = 3;
const MAX_NAME_WORDS = 7;
/** Parts of a name without a chain of fathers (علي عبدالله صالح، عبدربه منصور هادي). */
const MAX_NAME_PARTS = 3;

export function learnVocabulary(totals: EvidenceTotals, judge: WordJudge, registry: Registry | null): Vocabulary {
  return runSteps(learnVocabularySteps(totals, judge, registry));
}

/** Pieces of learning between two yields (a title context, a hashtag, a place candidate is one). */
const LEARN_PACE = 256;

/** `learnVocabulary` in steps (see steps.ts). The judge is changed; the totals are only read. */
export function* learnVocabularySteps(totals: EvidenceTotals, judge: WordJudge, registry: Registry | null): Steps<Vocabulary> {
  const pace = new Pace(LEARN_PACE);
  const places = yield* learnPlaces(totals, judge, registry, pace);
  judge.placeFirsts = new Set(places.pairs.keys());
  judge.placeSeconds = new Set([...places.pairs.values()].flat().map((p) => p.second!));
  judge.places = new Set(places.single.keys());
  const names = new Map<string, LearnedName>();
  for (const { ctx, count } of totals.titleContexts()) {
    learnFromTitle(ctx, count, judge, names);
    if (pace.tick()) yield;
  }
  const surnames = new Set<string>();
  for (const n of names.values()) surnames.add(n.keys[n.keys.length - 1]);
  for (const { group, count } of totals.hashtags.values()) {
    learnFromHashtag(group, count, judge, names, surnames);
    if (pace.tick()) yield;
  }
  if (registry) for (const p of registry.people) for (const s of [p.name, ...(p.variants ?? [])]) addRegistryName(s, names);
  yield;

  const nameKeys = new Map<string, KeyPositions>();
  for (const n of names.values()) {
    if (pace.tick(0.25)) yield;
    const parts = n.keys.filter((k) => !isChainKey(k)).length;
    n.keys.forEach((k, i) => {
      if (isChainKey(k)) return;
      let p = nameKeys.get(k);
      if (!p) nameKeys.set(k, (p = { first: 0, inner: 0, last: 0, single: 0 }));
      // A father in a chain (محمد بن نايف) is a given name, not a family name; a house (آل سعود) is a family name.
      const father = i > 0 && isChainKey(n.keys[i - 1]) && !k.startsWith('ال');
      if (parts === 1) p.single += n.count;
      else if (i === 0) p.first += n.count;
      else if (i === n.keys.length - 1 && !father) p.last += n.count;
      else p.inner += n.count;
    });
  }
  yield;
  let version = 0x2545f491;
  const mix = (s: string) => (version = hashString(s, version));
  for (const k of [...nameKeys.keys()].sort()) mix(k);
  yield;
  mix('|');
  for (const k of [...places.single.keys()].sort()) mix(k);
  for (const k of [...places.pairs.keys()].sort()) mix(k + places.pairs.get(k)!.map((p) => p.second).join(','));
  return { names, placeLearner: places.learner, nameKeys, places: places.single, placePairs: places.pairs, version };
}

export function isChainKey(k: string): boolean {
  return k === 'بن' || k === 'بنت' || k === 'ابن' || k === 'ابنه';
}

// ---------------------------------------------------------------------------------------------------------------
// Places

/**
 * What place learning keeps to check cheaply, after an edit that only changed place cues (في …), whether the
 * decisions would change: the cue counts by stem and the title statistics they were judged with.
 */
export interface PlaceLearner {
  /** Applies the cue counts a file added (+) or took away (-), then says whether any place decision changes. */
  recheck(cueDelta: Map<string, number>, pairs: Iterable<string>, totals: EvidenceTotals, judge: WordJudge): boolean;
}

function* learnPlaces(
  totals: EvidenceTotals,
  judge: WordJudge,
  registry: Registry | null,
  pace: Pace,
): Steps<{ single: Map<string, LearnedPlace>; pairs: Map<string, LearnedPlace[]>; learner: PlaceLearner }> {
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
  for (const { group, count } of totals.hashtags.values()) {
    if (group.length === 1) bump(hashtags, judge.stem(group[0].surface), count);
    if (pace.tick(0.25)) yield;
  }
  for (const { ctx: t, count } of totals.titleContexts()) {
    if (pace.tick(0.25)) yield;
    const w = t.words[0];
    if (!OFFICE_TITLES.has(t.title) && w && !(w.flags & BREAK)) bump(afterPersonTitle, judge.stem(w.surface), count);
    // After a title (الرئيس الروسي) or an office's portfolio (وزير الخارجية الأمريكي), not in the portfolio itself.
    const from = OFFICE_TITLES.has(t.title) && !t.title.startsWith('ال') ? 1 : 0;
    for (let i = from; i < t.words.length && i < from + 2; i++) if (!(t.words[i].flags & BREAK) || i === 0) bump(roleWords, t.words[i].surface, count);
  }
  judge.titleHeads = new Set(afterPersonTitle.keys());
  // The words after each cued word (في مهب الريح): a word that follows cues only as the start of one phrase is no place
  // of its own (see `placeCues`).
  const phrases = new CuePhrases();
  for (const [pair, n] of totals.placeCuePairs) {
    phrases.set(pair, n, judge);
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
    if (withPossessive(stem, facts.count, j) || definiteCommonNoun(stem, facts.count, j) || titlePair(norm)) return null;
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
    const byNisba =
      nationality && (cued || (hashtags.get(stem) ?? 0) >= 1) && (!common || /(?:يه|يا)$/.test(norm)) && !/^(?:ال)?ت..ي[^اهةيى]$/.test(norm);
    // Written on its own at least twice: «بموضوع» twice and «موضوع» once is a preposition on a noun, not a place.
    const byCue =
      !common &&
      cue >= 2 &&
      facts.count >= 2 &&
      cue / facts.count >= 0.3 &&
      !COMMON_NOUN_SHAPE.test(norm) &&
      (!j.isNisba(stem) || cue >= 5) &&
      !j.isPlural(stem) &&
      !isElative(stem, j);
    return byNisba || byCue ? cue : null;
  };
  /** The key of a two-word place, or null. */
  const pairPlace = (pair: string, n: number, j: WordJudge): { first: string; second: string } | null => {
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
    // Something in the pair says it is a place: its second word is one (كورنيش جدة، العربية السعودية), or its first is
    // one after cues without the second too (مكة المكرمة: a word made a place only by this pair, such as «مهب» of «في
    // مهب الريح», is not); the first is a kind of place (مخيم الزعتري، المحيط الهندي), the second a direction (الضفة
    // الغربية، الشرق الأوسط), or both are names without the article (لوس أنجلوس، كامب ديفيد). Phrases of common words
    // that follow cues as often (الرياح السطحية، الضمان الاجتماعي، قرار مجلس، خمس سنوات) have none of these.
    const first = placeKey(j.canonical(stemA));
    const firstIsPlace = isSinglePlace(first) && (cues.get(stemA) ?? 0) - n >= Math.max(MIN_PAIR_CUES, 0.1 * n);
    const secondIsPlace = isSinglePlace(placeKey(j.canonical(j.stem(b))));
    const named = ca === 'name' && cb === 'name' && !na.startsWith('ال') && !nb.startsWith('ال');
    if (!named && !firstIsPlace && !secondIsPlace && !PLACE_HEADS.has(na) && !PLACE_DIRECTIONS.has(nb)) return null;
    return { first, second: placeKey(b) };
  };

  // Every word after a cue is judged on its own, then with the other spellings its place key matches: a key is a place
  // only when the spellings judged places are a fair share of what its words are written (PLACE_SPELLING_SHARE: a rare
  // «ناديي» or «اعادة» after في makes no place of «نادي» or «إعادة», written hundreds of times, rarely after a cue).
  const single = new Map<string, LearnedPlace>();
  const isSinglePlace = (key: string): boolean => single.has(key);
  const spellings = new KeySpellings();
  for (const stem of new Set([...cues.keys(), ...hashtags.keys()])) {
    if (pace.tick()) yield;
    spellings.judge(stem, placeCues(stem, judge), judge);
  }
  for (const [key, k] of spellings.byKey) {
    if (pace.tick(0.25)) yield;
    if (spellings.isPlace(key, judge)) single.set(key, { key, cues: k.cues });
  }
  const pairPlaces = new Map<string, LearnedPlace[]>();
  const decidedPairs = new Map<string, string | null>();
  for (const [pair, n] of totals.placeCuePairs) {
    if (pace.tick(0.25)) yield;
    const p = pairPlace(pair, n, judge);
    decidedPairs.set(pair, p && `${p.first} ${p.second}`);
    if (!p) continue;
    const list = pairPlaces.get(p.first) ?? [];
    if (!list.some((x) => x.second === p.second)) list.push({ key: `${p.first} ${p.second}`, second: p.second, cues: n });
    pairPlaces.set(p.first, list);
  }
  if (registry) {
    for (const p of registry.places ?? []) {
      for (const s of [p.name, ...(p.variants ?? [])]) {
        const parts = s.trim().split(/\s+/);
        if (parts.length === 1) single.set(placeKey(parts[0]), { key: placeKey(parts[0]), cues: 0 });
        else if (parts.length === 2) {
          const first = placeKey(parts[0]);
          const list = pairPlaces.get(first) ?? [];
          list.push({ key: `${first} ${placeKey(parts[1])}`, second: placeKey(parts[1]), cues: 0 });
          pairPlaces.set(first, list);
        }
      }
    }
  }
  const learner: PlaceLearner = {
    recheck(cueDelta, pairs, current, j) {
      const stems = new Set<string>();
      for (const [surface, n] of cueDelta) {
        const stem = j.stem(surface);
        bump(cues, stem, n);
        stems.add(stem);
      }
      for (const pair of pairs) stems.add(phrases.set(pair, current.placeCuePairs.get(pair) ?? 0, j));
      const keys = new Set<string>();
      for (const stem of stems) keys.add(spellings.judge(stem, placeCues(stem, j), j));
      for (const key of keys) if (spellings.isPlace(key, j) !== single.has(key)) return false;
      for (const pair of pairs) {
        const p = pairPlace(pair, current.placeCuePairs.get(pair) ?? 0, j);
        if ((p && `${p.first} ${p.second}`) !== (decidedPairs.get(pair) ?? null)) return false;
      }
      return true;
    },
  };
  return { single, pairs: pairPlaces, learner };
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
  let attested = j.count(base) + j.count('ال' + base);
  // حياته -> حياة
  if (base.endsWith('ت')) attested += j.count(base.slice(0, -1) + 'ة') + j.count('ال' + base.slice(0, -1) + 'ة');
  if (!attested || attested < 0.1 * count) return false;
  // And with another person's suffix (منزلها، منزلهم): أبها is no أب + ها. Not «ي», which ends adjectives and names
  // as often (أبي).
  return POSSESSIVE_SUFFIXES.some((s) => s !== m[0] && s !== 'ي' && j.count(base + s) > 0);
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

// ---------------------------------------------------------------------------------------------------------------
// People

interface Run {
  words: ContextWord[];
  role: string;
}

/** The name a title introduces, if any: modifiers skipped, then the words of the name. */
export function nameAfterTitle(ctx: TitleContext, judge: WordJudge): Run | null {
  if (ctx.institution) return null;
  const words = ctx.words;
  // «وزير الخارجية أسعد الشيباني»: an office without the article is followed by its portfolio; «الوزير أسعد» is not.
  const office = OFFICE_TITLES.has(ctx.title) && !ctx.title.startsWith('ال');
  let i = 0;
  let commas = 0;
  const role: string[] = [bareTitle(ctx.titleSurface, ctx.title)];
  // Skip the portfolio of an office (وزير الخارجية), then adjectives and other role words.
  for (;;) {
    if (i >= words.length) return null;
    const w = words[i];
    if (w.flags & COMMA) {
      if (++commas > 1) return null;
    } else if (i > 0 && w.flags & BREAK) return null;
    const cls = wordClass(w, judge);
    if (cls === 'stop' || cls === 'verb' || cls === 'title' || cls === 'chain') return null;
    const portfolio = office && (i === 0 || (i === 1 && PORTFOLIO_PREFIXES.has(words[0].norm))) && !(w.flags & HASHTAG);
    // رئيس مجلس الشورى، أمين سوق عكاظ، نهائي كأس السوبر: what follows the head of a body names the body.
    if (isBodyHead(w, judge)) return null;
    if (cls === 'name' && !portfolio) break;
    if (cls === 'short' && !portfolio && i + 1 < words.length && wordClass(words[i + 1], judge) === 'name') break;
    // «للرئيس بشار الأسد»: a given name the name index calls common (ب + شار، ف + يصل) before a family name.
    if (!portfolio && commonGiven(w, judge) && i + 1 < words.length && !(words[i + 1].flags & BREAK) && familyAfter(words[i + 1], judge)) break;
    // Between a title and a name stand adjectives (الروسي، الجديدة، الخاص) and places, not other nouns (الفنان رابح صقر).
    const roleWord = portfolio || cls === 'place' || w.norm.startsWith('ال') || TITLE_MODIFIERS.has(w.norm) || w.flags & COMMA;
    if (!roleWord) return null;
    if (i >= MAX_MODIFIERS + (office ? 1 : 0)) return null;
    role.push(w.surface);
    i++;
  }
  // A name after a title is written without a proclitic (الرئيس بالقول is no name).
  if (judge.hasProclitic(words[i].surface, words[i].norm)) return null;
  // «مدير تعليم الليث»، «مدير عام الجمارك»: a word with the article right after the portfolio still names the body.
  const portfolioLength = office ? (PORTFOLIO_PREFIXES.has(words[0].norm) ? 2 : 1) : 0;
  if (office && i === portfolioLength && words[i].norm.startsWith('ال') && !(words[i].flags & COMMA)) return null;
  const run = nameRun(words, i, judge);
  if (!run.length) return null;
  // «المتحدث باسم الدفاع المدني»: one word with the article followed by an adjective is a noun phrase, not a name.
  const next = words[i + run.length];
  if (run.length === 1 && run[0].norm.startsWith('ال') && next && !(next.flags & BREAK) && next.norm.startsWith('ال') && wordClass(next, judge) === 'modifier') return null;
  return { words: run, role: role.join(' ') };
}

function isBodyHead(w: ContextWord, judge: WordJudge): boolean {
  return BODY_HEADS.has(w.norm) || INSTITUTION_HEADS.has(w.norm) || BODY_HEADS.has(normalizeForMatch(judge.stem(w.surface)));
}

/** The class of a word in context: a word written with tanween (وفداً) is never part of a name. */
function wordClass(w: ContextWord, judge: WordJudge): ReturnType<WordJudge['classOf']> {
  const cls = judge.classOf(w.surface, w.norm);
  return cls === 'name' && w.flags & TANWEEN ? 'modifier' : cls;
}

/** The title as a role is written: without its proclitic (للرئيس -> الرئيس، ووزير -> وزير). */
export function bareTitle(surface: string, title: string): string {
  const extra = surface.length - title.length;
  if (extra <= 0) return extra === 0 && surface.startsWith('لل') && title.startsWith('ال') ? 'ا' + surface.slice(1) : surface;
  return surface.slice(extra);
}

/**
 * The words of a name starting at `i`: name parts and chain words (بن), without breaks. A family name ends it: a word
 * with the article (أحمد الشرع) or a transliterated one (فلاديمير سولوفيوف), unless a chain of fathers follows.
 */
function nameRun(words: ContextWord[], i: number, judge: WordJudge): ContextWord[] {
  const run: ContextWord[] = [];
  let parts = 0;
  for (let j = i; j < words.length && run.length < MAX_NAME_WORDS; j++) {
    const w = words[j];
    if (j > i && w.flags & BREAK) break;
    const cls = wordClass(w, judge);
    if (cls === 'chain') {
      const next = words[j + 1];
      if (!run.length || !next || next.flags & BREAK || (wordClass(next, judge) !== 'name' && !commonGiven(next, judge))) break;
      run.push(w);
      continue;
    }
    // A given name the index calls common: at the start of the name, or as a father after بن.
    const lastWord = run[run.length - 1];
    if (cls === 'modifier' && commonGiven(w, judge) && (!lastWord || judge.classOf(lastWord.surface, lastWord.norm) === 'chain')) {
      run.push(w);
      parts++;
      continue;
    }
    if (cls === 'short') {
      // A two-letter given name (جو بايدن) only before another part.
      const next = words[j + 1];
      if (run.length || !next || next.flags & BREAK || wordClass(next, judge) !== 'name') break;
      run.push(w);
      parts++;
      continue;
    }
    if (cls !== 'name') break;
    const last = run[run.length - 1];
    if (last) {
      if (judge.hasProclitic(w.surface, w.norm)) break;
      const afterChain = judge.classOf(last.surface, last.norm) === 'chain';
      // «الصحفي الروسي المخضرم فلاديمير سولوفيوف»: an adjective with the article before a given name.
      if (run.length === 1 && last.norm.startsWith('ال') && !w.norm.startsWith('ال') && !judge.titleHeads.has(judge.stem(last.surface))) {
        run.length = 0;
        parts = 0;
      } else if (!afterChain && endsName(last, judge)) break;
      if (parts >= MAX_NAME_PARTS && !afterChain) break;
    }
    run.push(w);
    parts++;
  }
  while (run.length && judge.classOf(run[run.length - 1].surface, run[run.length - 1].norm) === 'chain') run.pop();
  return run;
}

/**
 * A word the name index calls common (a proclitic letter reading: بشار = ب + شار، فيصل = ف + يصل) that can still be a
 * given name: no article, no tanween, not a role word, an adjective of origin or the head of a body.
 */
function commonGiven(w: ContextWord, judge: WordJudge): boolean {
  if (w.norm.startsWith('ال') || w.norm.length < 3 || w.flags & TANWEEN || TITLE_MODIFIERS.has(w.norm)) return false;
  if (judge.classOf(w.surface, w.norm) !== 'modifier' || isBodyHead(w, judge) || judge.hasProclitic(w.surface, w.norm)) return false;
  return !judge.isNisba(judge.stem(w.surface));
}

/** A family name right after a given name: a name with the article (الأسد) or a transliterated one. */
function familyAfter(w: ContextWord, judge: WordJudge): boolean {
  return wordClass(w, judge) === 'name' && (w.norm.startsWith('ال') || judge.foreignShape(judge.stem(w.surface))) && !judge.hasProclitic(w.surface, w.norm);
}

/** A family name: written with the article (الأسد), or transliterated (سولوفيوف). */
export function endsName(w: { surface: string; norm: string }, judge: WordJudge): boolean {
  return w.norm.startsWith('ال') || judge.foreignShape(judge.stem(w.surface));
}

function learnFromTitle(ctx: TitleContext, count: number, judge: WordJudge, names: Map<string, LearnedName>): void {
  const run = nameAfterTitle(ctx, judge);
  if (!run) return;
  add(names, run.words.map((w) => judge.key(w.surface)), run.role, count);
}

function learnFromHashtag(group: ContextWord[], count: number, judge: WordJudge, names: Map<string, LearnedName>, surnames: Set<string>): void {
  const classes = group.map((w) => judge.classOf(w.surface, w.norm));
  const keys = group.map((w) => judge.key(w.surface));
  if (group.length === 1) {
    const stem = judge.stem(group[0].surface);
    if (classes[0] === 'name' && judge.foreignShape(stem) && judge.nameLike(stem)) add(names, keys, null, count);
    return;
  }
  if (group.length > 4 || !surnames.has(keys[keys.length - 1])) return;
  // #أسماء_الأسد: a given name (perhaps also a common word) joined to a known family name.
  if (classes.some((c, i) => (i > 0 ? c !== 'name' : c !== 'name' && c !== 'modifier'))) return;
  if (BODY_HEADS.has(group[0].norm) || INSTITUTION_HEADS.has(group[0].norm)) return;
  add(names, keys, null, count);
}

function add(names: Map<string, LearnedName>, keys: string[], role: string | null, count: number): void {
  const id = keys.join(' ');
  let n = names.get(id);
  if (!n) names.set(id, (n = { keys, count: 0, roles: new Map() }));
  n.count += count;
  if (role) n.roles.set(role, (n.roles.get(role) ?? 0) + count);
}

function addRegistryName(name: string, names: Map<string, LearnedName>): void {
  const keys = splitName(name).map(nameKey);
  if (!keys.length) return;
  const id = keys.join(' ');
  if (!names.has(id)) names.set(id, { keys, count: 0, roles: new Map() });
}

/** The parts of a written name, compounds joined (عبد الله، آل سعود). */
export function splitName(name: string): string[] {
  const parts = name.trim().replace(/[#_]/g, ' ').split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (prev && /^(?:عبد|أبو|ابو|أبي|آل)$/.test(prev)) out[out.length - 1] = `${prev} ${p}`;
    else out.push(p);
  }
  return out;
}
