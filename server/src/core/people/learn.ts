/**
 * Learns the names of the corpus from every file's evidence: places from the words after place cues (في موسكو)
 * and from adjectives of nationality derived from them (روسيا / الروسي) (`places.ts`); people from the words after titles
 * (الرئيس الروسي فلاديمير بوتين), from hashtags that join a given name to a known family name (#بشار_الأسد), from
 * hashtags of transliterated names (#لافرنتييف), and from the registry. The result is the vocabulary every file is
 * matched against.
 */
import { hashString } from '../text/normalize';
import type { ContextWord, EvidenceTotals, TitleContext } from './evidence';
import { BREAK, COMMA, HASHTAG, TANWEEN } from './tokens';
import { nameKey, WordJudge } from './judge';
import { BODY_HEADS, DIN_HEADS, INSTITUTION_HEADS, isOfficeBeforePortfolio, PORTFOLIO_PREFIXES, THEOPHORIC_HEADS, TITLE_MODIFIERS } from './lexicon';
import type { Registry } from './registry';
import { normalizeForMatch } from '../text/normalize';
import { Pace, runSteps, Steps } from './steps';
import { isOriginAdjective } from './origins';
import { learnPlaces, type LearnedPlace, type PlaceLearner } from './places';
import { foldAfterFamilyNames, hasPossessiveSuffix, isFemininePlural, isFutureVerb, isImperfectVerb } from './nameBounds';

export type { LearnedPlace, PlaceLearner } from './places';

/** A name learned from titles, hashtags or the registry: the keys of its parts, in order. */
export interface LearnedName {
  keys: string[];
  /** Times seen after a title or as a hashtag. */
  count: number;
  /** Role (title and its modifiers as written) -> times. */
  roles: Map<string, number>;
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
  /** «علي» is the name Ali (see `WordJudge`'s constructor). */
  aliIsName: boolean;
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
  const pairs = [...places.pairs.values()].flat().filter((p) => !p.nameWords);
  judge.placeFirsts = new Set(pairs.map((p) => p.key.slice(0, p.key.length - p.second!.length - 1)));
  judge.placeSeconds = new Set(pairs.map((p) => p.second!));
  // Common nouns that pass as places on cues alone are no names either.
  judge.places = new Set([...places.single.keys(), ...places.nouns]);
  const names = new Map<string, LearnedName>();
  const portfolios = new Map<string, number>();
  for (const { ctx, count } of totals.titleContexts()) {
    learnFromTitle(ctx, count, judge, names);
    countPortfolio(ctx, count, judge, portfolios);
    if (pace.tick()) yield;
  }
  const surnames = new Set<string>();
  for (const n of names.values()) surnames.add(n.keys[n.keys.length - 1]);
  for (const { group, count } of totals.hashtags.values()) {
    learnFromHashtag(group, count, judge, names, surnames);
    if (pace.tick()) yield;
  }
  foldTrailingWords(names);
  foldAfterFamilyNames(names, isChainKey);
  dropPortfolioNames(names, portfolios);
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
  mix(judge.aliIsName ? 'علي' : '');
  for (const k of [...nameKeys.keys()].sort()) mix(k);
  yield;
  mix('|');
  for (const k of [...places.single.keys()].sort()) mix(k);
  mix('|');
  for (const k of [...places.nouns].sort()) mix(k);
  for (const k of [...places.pairs.keys()].sort()) mix(k + places.pairs.get(k)!.map((p) => p.second + (p.nameWords ? '+' : '')).join(','));
  return { names, placeLearner: places.learner, nameKeys, places: places.single, placePairs: places.pairs, aliIsName: judge.aliIsName, version };
}

export function isChainKey(k: string): boolean {
  return k === 'بن' || k === 'بنت' || k === 'ابن' || k === 'ابنه';
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
  const office = isOfficeBeforePortfolio(ctx.title);
  let portfolioWords = office ? portfolioLength(words) : inConstruct(ctx) ? 1 : 0;
  let i = 0;
  let commas = 0;
  // A body named in the role (لوزارة العدل) allows two role words more.
  let bodyInRole = false;
  // The last role word was the head of a body (مجلس، جماعة): its name comes next.
  let bodyOpen = false;
  /** A body's name closed the portfolio (رئيس مجلس الوزراء), or an adjective of origin was read (الرئيس الروسي). */
  let bodyNamed = false;
  let afterOrigin = false;
  /** Words of bodies named after a preposition (باسم كتائب القسام، للأمم المتحدة، إلى ليبيا): not counted as modifiers. */
  let phraseWords = 0;
  /** An adjective of origin known only from the list (the corpus writes neither its feminine nor its country). */
  let listedOrigin = false;
  const role: string[] = [bareTitle(ctx.titleSurface, ctx.title)];
  // Skip the portfolio of an office (وزير الخارجية), then adjectives and other role words.
  for (;;) {
    if (i >= words.length) return null;
    const w = words[i];
    if (w.flags & COMMA) {
      if (++commas > 1) return null;
    } else if (i > 0 && w.flags & BREAK) return null;
    // «الناطق باسم كتائب القسام أبو عبيدة»، «الأمين العام للأمم المتحدة أنطونيو غوتيريش»، «المبعوث الأممي إلى ليبيا
    // عبد الله باثيلي»: the body or country the holder acts for is part of the role; a name may follow it.
    const phrase = bodyPhrase(words, i, judge);
    if (phrase > 0) {
      for (let k = 0; k < phrase; k++) role.push(words[i + k].surface);
      i += phrase;
      phraseWords += phrase;
      bodyNamed = bodyInRole = true;
      bodyOpen = false;
      continue;
    }
    const cls = wordClass(w, judge);
    // «المتحدث الرسمي لوزارة العدل منصور القفاري»: the body the holder speaks for (ل + its head) and the body's name
    // with the article are part of the role.
    const bodyHead = bodyAfterPreposition(w);
    bodyInRole ||= bodyHead;
    // The name of a body with the article (لوزارة العدل، مجلس الوزراء، لحزب الله), whatever word it is.
    const bodyName = i > 0 && !bodyHead && w.norm.startsWith('ال') && (bodyOpen || bodyAfterPreposition(words[i - 1])) && !(w.flags & COMMA);
    if (!bodyName && (cls === 'stop' || cls === 'verb' || cls === 'title' || cls === 'chain')) return null;
    const portfolio = (bodyHead || bodyName || i < portfolioWords) && !(w.flags & HASHTAG);
    if (isBodyHead(w, judge)) {
      // «رئيس مجلس الوزراء محمد شياع السوداني»، «زعيم جماعة أنصار الله عبدالملك الحوثي»: the body an office heads,
      // its name with the article, is the office's portfolio; the name may follow. Elsewhere (رئيس مجلس الشورى قال،
      // أمين سوق عكاظ، نهائي كأس السوبر) what follows the head of a body names the body.
      if (!portfolio && !bodyOpen) return null;
      bodyOpen = bodyInRole = true;
      role.push(w.surface);
      i++;
      continue;
    }
    if (bodyOpen && !bodyName) return null;
    if (bodyName && bodyOpen) {
      portfolioWords = i + 1;
      bodyNamed = true;
    }
    bodyOpen = false;
    // An adjective of origin (الروسي، الإسرائيلي) is a role word, even where the corpus is too small to tell it.
    const origin = !portfolio && isOriginAdjective(w.norm);
    // «الناطق العسكري باسم …»: a word with the article before such a body is an adjective of the role.
    const beforePhrase = w.norm.startsWith('ال') && !(w.flags & COMMA) && bodyPhrase(words, i + 1, judge) > 0;
    // «رئيس مجلس القيادة الرئاسي عيدروس الزبيدي»: after a body's name, a word with the article before a word without
    // it is the body's adjective.
    const bodyAdjective = bodyNamed && w.norm.startsWith('ال') && !!words[i + 1] && !words[i + 1].norm.startsWith('ال') && !(words[i + 1].flags & BREAK);
    if (cls === 'name' && !portfolio && !origin && !beforePhrase && !bodyAdjective) break;
    if (cls === 'short' && !portfolio && i + 1 < words.length && wordClass(words[i + 1], judge) === 'name') break;
    // «للرئيس بشار الأسد»: a given name the name index calls common (ب + شار، ف + يصل) before a family name.
    if (!portfolio && commonGiven(w, judge) && i + 1 < words.length && !(words[i + 1].flags & BREAK) && familyAfter(words[i + 1], judge)) break;
    // «الفنانة أمل عرفة» beside «الأمل كبير»: after a woman's title, a common given name before a name-like family name.
    if (!portfolio && isWomansTitle(ctx.title) && commonGiven(w, judge) && nameLikeFamily(words[i + 1], judge)) break;
    // Between a title and a name stand adjectives (الروسي، الجديدة، الخاص) and places, not other nouns (الفنان رابح صقر).
    // «أمير البلاد المفدى، اتصالا هاتفيا»: an indefinite accusative starts what the subject did; no name follows.
    if (cls === 'modifier' && !portfolio && !w.norm.startsWith('ال') && w.norm.length >= 4 && w.norm.endsWith('ا') && !TITLE_MODIFIERS.has(w.norm)) return null;
    const roleWord = portfolio || cls === 'place' || w.norm.startsWith('ال') || TITLE_MODIFIERS.has(w.norm) || w.flags & COMMA;
    if (!roleWord) return null;
    // After a body's name or an adjective of origin only adjectives with the article stand before the name, not a
    // noun read as a place (الفريق البلغاري بهدف نظيف).
    if ((bodyNamed || afterOrigin) && !portfolio && !w.norm.startsWith('ال') && !TITLE_MODIFIERS.has(w.norm)) return null;
    afterOrigin ||= origin;
    listedOrigin ||= origin && cls === 'name';
    if (i - phraseWords >= MAX_MODIFIERS + (office ? 1 : 0) + (bodyInRole ? 2 : 0)) return null;
    role.push(w.surface);
    i++;
  }
  // A name after a title is written without a proclitic (الرئيس بالقول is no name), nor, after a body's name, with a
  // conjunction the rest of which is written (مدير مكتب الدعوة وتوعية الجاليات).
  if (judge.hasProclitic(words[i].surface, words[i].norm)) return null;
  if (bodyNamed && /^[وف]/.test(words[i].norm) && judge.count(words[i].surface.slice(1)) > 0) return null;
  // «مدير تعليم الليث»، «مدير عام الجمارك»: a word with the article right after the portfolio still names the body.
  if (office && i === portfolioWords && words[i].norm.startsWith('ال') && !(words[i].flags & COMMA)) return null;
  const run = nameRun(words, i, judge, !ctx.subject);
  if (!run.length) return null;
  // «إن المدرب اختار التشكيلة»، «أن الفريق جاهز»: after «إن/أن» the title may be a noun, the subject of the clause, and
  // one word after it its predicate (a past verb, an adjective). Only a word with the article is still a name there
  // (إن الرئيس الأسد); a name of two parts or more is read as anywhere.
  if (ctx.subject && run.length === 1 && !run[0].norm.startsWith('ال')) return null;
  // «إن الرئيس جو بايدن حريص على العلاقة»: after «إن/أن» and a title, a third word without the article followed by a
  // preposition is the predicate (حريص على، قادر على، واثق من), not the father's or family name.
  if (ctx.subject && predicateAfterName(words, i, run, judge)) run.pop();
  // «نظيره التركي تطورات الأوضاع»: a plural noun is no given name.
  if (run.length > 1 && isFemininePlural(run[0].surface, run[0].norm, judge)) return null;
  // After a body's name, one word may still be the body's (أمين سوق عكاظ): a name there has two parts at least. So
  // after an adjective the corpus cannot tell (الزعيم السعودي الهلال: a club) for one word with the article.
  if (bodyNamed && run.length < 2 && !isKunya(run[0])) return null;
  if (listedOrigin && run.length < 2 && run[0].norm.startsWith('ال')) return null;
  // «المتحدث باسم الدفاع المدني»: one word with the article followed by an adjective is a noun phrase, not a name.
  const next = words[i + run.length];
  if (run.length === 1 && run[0].norm.startsWith('ال') && next && !(next.flags & BREAK) && next.norm.startsWith('ال') && wordClass(next, judge) === 'modifier') return null;
  return { words: run, role: role.join(' ') };
}

/** Prepositions before the body or country an office acts for (الناطق باسم، المبعوث إلى، الممثل في), normalized. */
const BODY_PREPOSITIONS = new Set(['باسم', 'الي', 'في', 'لدي'].map(normalizeForMatch));
/** Words of a body named after such a preposition: heads without the article, then words with it. */
const MAX_BODY_HEADS = 3;
const MAX_BODY_WORDS = 6;

/**
 * The words of a body named after a preposition, or after ل on its first word, when a name follows them: «باسم كتائب
 * القسام»، «باسم الجيش الإسرائيلي»، «للأمم المتحدة»، «للسياسة الخارجية»، «في الاتحاد الأوروبي»، «إلى ليبيا». Heads
 * without the article (كتائب، حكومة) come first, then one word with the article at least; after «إلى» one word
 * without it (a country) is enough. 0 when the words are no such body or no name follows them.
 */
function bodyPhrase(words: ContextWord[], i: number, judge: WordJudge): number {
  const w = words[i];
  if (!w || w.flags & (COMMA | HASHTAG) || (i > 0 && w.flags & BREAK)) return 0;
  let j = i;
  const prep = BODY_PREPOSITIONS.has(w.norm);
  if (prep) j++;
  else if (!(w.norm.startsWith('لل') && w.norm.length > 4)) return 0;
  const usable = (k: number) => {
    const x = words[k];
    if (!x || x.flags & (COMMA | HASHTAG | BREAK)) return false;
    const c = wordClass(x, judge);
    return c !== 'stop' && c !== 'verb' && c !== 'title' && c !== 'chain' && c !== 'short';
  };
  const definite = (k: number) => words[k].norm.startsWith('ال') || (k === i && !prep);
  const start = j;
  while (j < words.length && j - start < MAX_BODY_HEADS && usable(j) && !definite(j)) j++;
  const heads = j - start;
  let articles = 0;
  while (j < words.length && j - i < MAX_BODY_WORDS && usable(j) && definite(j) && !words[j].surface.startsWith('آل')) {
    j++;
    articles++;
  }
  if (!articles) {
    // «إلى ليبيا»: one word, a country, after «إلى».
    if (w.norm !== 'الي' || !heads) return 0;
    j = start + 1;
  }
  // Another such body (للسياسة الخارجية في الاتحاد الأوروبي).
  const more = bodyPhrase(words, j, judge);
  if (more > 0) return j - i + more;
  // A name follows: a word without the article that may be a name part.
  const next = words[j];
  if (!next || next.flags & (COMMA | BREAK) || next.norm.startsWith('ال') || judge.hasProclitic(next.surface, next.norm)) return 0;
  // «إلى الشرق الأوسط وبلدان إفريقيا»: a word after و continues the list of bodies or countries, unless it is a name.
  if (/^[وف]/.test(next.norm) && !judge.nameLike(judge.stem(next.surface))) return 0;
  const c = wordClass(next, judge);
  return c === 'name' || c === 'short' || (c === 'modifier' && commonGiven(next, judge)) ? j - i : 0;
}

/** A kunya written as one compound (أبو عبيدة، أم كلثوم): a name of its own. */
function isKunya(w: ContextWord): boolean {
  return /^(?:أبو|ابو|أم|ام) \S/.test(w.surface);
}

/** Prepositions a predicate adjective takes (حريص على، واثق من، مسؤول عن، بحاجة إلى), normalized. */
const PREDICATE_PREPOSITIONS = new Set(['علي', 'في', 'من', 'عن', 'الي']);

/** The last of three name parts without the article, transliterated shape or chain before it, then a preposition. */
function predicateAfterName(words: ContextWord[], i: number, run: ContextWord[], judge: WordJudge): boolean {
  if (run.length !== 3 || run.some((w) => judge.classOf(w.surface, w.norm) === 'chain')) return false;
  const last = run[2];
  const next = words[i + 3];
  if (!next || next.flags & BREAK || last.norm.startsWith('ال') || judge.foreignShape(judge.stem(last.surface))) return false;
  return PREDICATE_PREPOSITIONS.has(next.norm);
}

/**
 * A title written without the article before a word with it (شيخ الأزهر، مبعوث الأمم المتحدة، أستاذ العلوم السياسية):
 * the two are in construct, and that word is what the title is of, not a name. Titles with a possessive suffix
 * (نظيره الروسي) and offices (which have their own portfolio) are left out.
 */
function inConstruct(ctx: TitleContext): boolean {
  const first = ctx.words[0];
  if (!first || ctx.title.startsWith('ال') || ctx.title.length < 3 || /ه(?:ا)?$/.test(ctx.title)) return false;
  // A house (معالي آل الشيخ) is a family name, not a noun with the article.
  return first.norm.startsWith('ال') && !first.surface.startsWith('آل') && !first.surface.includes(' ') && !(first.flags & (COMMA | HASHTAG | BREAK));
}

/** The head of a body after the preposition ل or ب (لوزارة، بهيئة): whose it is, not a name. */
function bodyAfterPreposition(w: ContextWord): boolean {
  return /^[لب]/.test(w.norm) && BODY_HEADS.has(w.norm.slice(1));
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
function nameRun(words: ContextWord[], i: number, judge: WordJudge, feminineFamily = true): ContextWord[] {
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
    // «رئيس الحكومة المكلف نواف سلام»: the family name after the given name a title introduces, though the corpus
    // also writes it as a common word (السلام، اتفاق سلام).
    if (cls === 'modifier' && j === i + 1 && givenBeforeCommon(run[0], judge) && commonFamily(w, judge)) {
      run.push(w);
      parts++;
      continue;
    }
    // «عبد الحميد الدبيبة»: a family name with the article may end like a feminine word, right after a given name.
    // Not after «إن/أن» and a title, where the word before may be a verb and this its object (إن المدرب اختار التشكيلة).
    if (feminineFamily && cls === 'modifier' && run.length === 1 && parts === 1 && familyInTaMarbuta(run[0], w, judge)) {
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
      // «ألقى الشيخ نعيم قاسم كلمة»: a feminine noun after a given name and a family name is the sentence's object, not
      // a third part (a family name of that ending is written with the article or after أبو: أبو غزالة).
      if (parts >= 2 && !afterChain && isFeminineNoun(w, judge)) break;
      // «إيمانويل ماكرون سيزور الرباط», «بلال أردوغان مشاركته»: a future verb or a noun with a possessive suffix after
      // a given name and a family name is what the person does or has (see nameBounds.ts).
      if (parts >= 2 && !afterChain && (isFutureVerb(w.norm, judge) || isImperfectVerb(w.norm, judge) || hasPossessiveSuffix(w.surface))) break;
    }
    run.push(w);
    parts++;
  }
  while (run.length && judge.classOf(run[run.length - 1].surface, run[run.length - 1].norm) === 'chain') run.pop();
  return run;
}

/**
 * A family name with the article ending in ة (الدبيبة، الربيعة) after a given name: not an adjective whose masculine is
 * written, nor a word written without the article or a common one, nor a role word.
 */
function familyInTaMarbuta(given: ContextWord, w: ContextWord, judge: WordJudge): boolean {
  if (given.norm.startsWith('ال') || judge.classOf(given.surface, given.norm) !== 'name' || w.flags & (TANWEEN | BREAK | COMMA)) return false;
  if (judge.pastVerbForms(judge.stem(given.surface)) > 0) return false;
  if (!w.norm.startsWith('ال') || !w.surface.endsWith('ة') || w.surface.includes(' ') || TITLE_MODIFIERS.has(w.norm) || isBodyHead(w, judge)) return false;
  const stem = judge.stem(w.surface);
  if (stem !== w.surface || judge.isCommon(stem) || judge.isNisba(stem)) return false;
  return judge.count(stem.slice(2)) === 0 && judge.count(stem.slice(0, -1)) === 0;
}

/** A word ending in ة without the article, not transliterated (كلمة، ضرورة). */
function isFeminineNoun(w: ContextWord, judge: WordJudge): boolean {
  return !w.norm.startsWith('ال') && w.surface.endsWith('ة') && !w.surface.includes(' ') && !judge.foreignShape(w.surface);
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

/**
 * A family name the name index calls common (سلام، صالح) that may follow a given name after a title: no article,
 * proclitic, tanween or ة, no past verb the corpus conjugates, and seen after titles as often as a name is (see
 * `isNameLike` in the name index: a fifth of «الأمير نايف عدد» is never that).
 */
function commonFamily(w: ContextWord, judge: WordJudge): boolean {
  if (w.norm.startsWith('ال') || w.flags & (TANWEEN | BREAK) || w.surface.endsWith('ة') || w.norm.length < 3) return false;
  if (judge.hasProclitic(w.surface, w.norm) || !judge.commonOnly(w.surface, w.norm)) return false;
  const stem = judge.stem(w.surface);
  const facts = judge.facts(stem);
  return judge.pastVerbForms(stem) === 0 && !!facts && facts.evidence >= NAME_EVIDENCE_SHARE * facts.count;
}

/** A given name a common family name may follow: a name-like word, no feminine noun (وزير الدفاع مأدبة غداء). */
function givenBeforeCommon(w: ContextWord, judge: WordJudge): boolean {
  return judge.classOf(w.surface, w.norm) === 'name' && !isFeminineNoun(w, judge) && judge.nameLike(judge.stem(w.surface));
}

/** The share of a word's uses after titles that makes it name-like (the name index's own threshold). */
const NAME_EVIDENCE_SHARE = 0.15;

/** A title of a woman (الفنانة، الوزيرة، السيدة): normalized, ending in ه, and no title with a suffix (نظيره). */
function isWomansTitle(title: string): boolean {
  return title.endsWith('ه') && !/^نظير/.test(title);
}

/** A word without the article the index calls name-like (عرفة), right after a given name. */
function nameLikeFamily(w: ContextWord | undefined, judge: WordJudge): boolean {
  if (!w || w.flags & (BREAK | COMMA | TANWEEN) || w.norm.startsWith('ال') || wordClass(w, judge) !== 'name') return false;
  return !judge.hasProclitic(w.surface, w.norm) && judge.nameLike(judge.stem(w.surface));
}

/** A family name right after a given name: a name with the article (الأسد) or a transliterated one. */
function familyAfter(w: ContextWord, judge: WordJudge): boolean {
  if (wordClass(w, judge) !== 'name' || judge.hasProclitic(w.surface, w.norm)) return false;
  if (w.norm.startsWith('ال')) return true;
  // A transliterated family name; one word of that shape only when the index calls it name-like (not «نظيف» of «بهدف
  // نظيف», which ends like ميدفيديف).
  const stem = judge.stem(w.surface);
  return judge.foreignShape(stem) && (w.surface.includes(' ') || judge.nameLike(stem));
}

/** A family name: written with the article (الأسد), or transliterated (سولوفيوف). */
export function endsName(w: { surface: string; norm: string }, judge: WordJudge): boolean {
  return w.norm.startsWith('ال') || judge.foreignShape(judge.stem(w.surface));
}

function learnFromTitle(ctx: TitleContext, count: number, judge: WordJudge, names: Map<string, LearnedName>): void {
  const run = nameAfterTitle(ctx, judge);
  if (!run) return;
  // «ألقى وزير التعليم كلمة»: a feminine noun alone after a man's title is no person of one name (see cluster.ts),
  // and as a learned word it would glue onto the names written before it (نعيم قاسم كلمة). After a woman's title
  // (الفنانة هالة، السيدة فاطمة) it is her given name.
  if (run.words.length === 1 && isFeminineNoun(run.words[0], judge) && !/[ةه]$/.test(ctx.title)) return;
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

/**
 * «الرئيس الأمريكي باراك أوباما تكساس», «وزير الدفاع موشيه يعالون كلف»: a name read once with one more word than a name
 * the corpus already knows, a word without the article (a place, a verb, a noun after the name), is that known name:
 * the extra word is dropped and the context counted for the shorter name. Names of a chain (بن) are left as read, and
 * a family name with the article after a given name and a father's (أحمد عبدالله الغامدي) is kept.
 */
function foldTrailingWords(names: Map<string, LearnedName>): void {
  for (const [id, n] of names) {
    if (n.count !== 1 || n.keys.length < 3 || n.keys.some(isChainKey)) continue;
    const last = n.keys[n.keys.length - 1];
    if (last.startsWith('ال')) continue;
    const shorter = names.get(n.keys.slice(0, -1).join(' '));
    if (!shorter || shorter === n) continue;
    shorter.count += n.count;
    for (const [role, k] of n.roles) shorter.roles.set(role, (shorter.roles.get(role) ?? 0) + k);
    names.delete(id);
  }
}

/** The words of an office's portfolio: two after a prefix (مدير عام الجمارك، لاعب وسط الهلال), else one. */
function portfolioLength(words: ContextWord[]): number {
  return words.length > 1 && PORTFOLIO_PREFIXES.has(words[0].norm) ? 2 : 1;
}

/** The portfolio of an office (لاعب الهلال، وزير الخارجية): the key of its last word, counted. */
function countPortfolio(ctx: TitleContext, count: number, judge: WordJudge, portfolios: Map<string, number>): void {
  if (ctx.institution || !isOfficeBeforePortfolio(ctx.title)) return;
  const i = portfolioLength(ctx.words) - 1;
  const w = ctx.words[i];
  if (!w || (i > 0 && w.flags & BREAK) || w.flags & HASHTAG) return;
  const key = judge.key(w.surface);
  portfolios.set(key, (portfolios.get(key) ?? 0) + count);
}

/** A portfolio this many times as often as a name is read ending with it is a body, not that name's family name. */
const PORTFOLIO_RATIO = 3;
const MIN_PORTFOLIO = 3;

/**
 * «الزعيم السعودي الهلال», «اللاعب الهلال كوزمين أولاريو»: a name ending in a word that is mostly the portfolio of an
 * office (لاعب الهلال، مدرب الهلال: a club) is that body, not a person; matched everywhere it would make a person of
 * the club («جاء الهلال»).
 */
function dropPortfolioNames(names: Map<string, LearnedName>, portfolios: Map<string, number>): void {
  for (const [id, n] of names) {
    const p = portfolios.get(n.keys[n.keys.length - 1]) ?? 0;
    if (p >= MIN_PORTFOLIO && p >= PORTFOLIO_RATIO * n.count) names.delete(id);
  }
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
    if (prev && (/^(?:عبد|أبو|ابو|أبي|آل)$/.test(prev) || (p === 'الله' && THEOPHORIC_HEADS.has(normalizeForMatch(prev))) || (p === 'الدين' && DIN_HEADS.has(normalizeForMatch(prev))))) out[out.length - 1] = `${prev} ${p}`;
    else out.push(p);
  }
  return out;
}
