/**
 * What a word is, judged with corpus-wide knowledge: its stem (proclitics set aside only when attested), the key
 * its name is matched by (the name index's canonical spelling folded by orthographic classes), and its class —
 * a function word, a verb, a title, a modifier of a title (an adjective of nationality, a common word), a place, or
 * a possible part of a name. Name-likeness and common words are the name index's own judgement (`nameFacts`).
 */
import { foldLetters, type NameFacts, type NameIndex } from '../names/variants';
import { normalizeForMatch } from '../text/normalize';
import { growTo } from '../text/idTables';
import { BODY_HEADS, CHAIN_WORDS, INSTITUTION_HEADS, STOPWORDS, TITLE_MODIFIERS, VERB_SPELLINGS, VERBS } from './lexicon';
import { titleOf } from './titles';
import { ALI_SET, LineWords, STOPWORD_SET, YEH } from './tokens';

/** The name Ali as written (marks removed), and its key. */
export const ALI = 'علي';

/** `short`: a two-letter word, a name only as the given name of a longer name (جو بايدن). */
export type WordClass = 'stop' | 'verb' | 'title' | 'modifier' | 'chain' | 'place' | 'name' | 'short';
const CLASSES: readonly WordClass[] = ['stop', 'verb', 'title', 'modifier', 'chain', 'place', 'name', 'short'];

/** The name keys and place keys of a vocabulary (what `mayMatter` asks). */
interface VocabularyKeys {
  nameKeys: Map<string, unknown>;
  places: Map<string, unknown>;
  placePairs: Map<string, unknown>;
}

/** Small answers (1–255) kept per spelling id in a byte array that grows as ids come; 0: not known yet. */
class IdBytes {
  private bytes = new Uint8Array(1024);

  get(id: number): number {
    return id < this.bytes.length ? this.bytes[id] : 0;
  }

  set(id: number, value: number): void {
    if (id >= this.bytes.length) {
      const b = new Uint8Array(Math.max(id + 1, this.bytes.length * 2));
      b.set(this.bytes);
      this.bytes = b;
    }
    this.bytes[id] = value;
  }

  clear(): void {
    this.bytes.fill(0);
  }
}

/** Shapes of transliterated foreign names (-وف، -يف، -سكي، يي). */
const FOREIGN_SHAPE = /(?<=[^\sوي])(?:يي|وو)(?!ن$|ون$|ه$|ات$)|(?:وف|يف|سكي|فيتش|ينكو|شفيلي|يان)$|[ڤپگ]/;

/** Endings of a past verb of two people, a woman, two women or many (أكدا، أكدت، أكدتا، أكدوا). */
const VERB_ENDING = /(?:تا|وا|ا|ت)$/;

/** Shapes of verbal nouns (read without the article): تفعيل، افتعال، استفعال، مفاعلة، انفعال. */
const VERBAL_NOUN = /^(?:ال)?(?:ت..ي.|ا.ت.ا.|ان..ا.|است..ا.|م.ا..ه)$/;

/** A verbal noun of the افتعال shape whose first root letter is assimilated to its ت (اتفاق، اتصال، اتهام). */
const ASSIMILATED_IFTI_AL = /^ات.ا.$/;

/**
 * Listed verbs and particles written only with أ (أمام، أمس; not أما, listed as إما too): a word written with إ is not
 * one of them (إمام, the family name of عادل إمام).
 */
const HAMZA_ABOVE_ONLY: ReadonlySet<string> = (() => {
  const other = new Set(VERB_SPELLINGS.filter((w) => !w.startsWith('أ')).map(normalizeForMatch));
  return new Set(VERB_SPELLINGS.filter((w) => w.startsWith('أ')).map(normalizeForMatch).filter((n) => !other.has(n)));
})();

/** A word written with إ. */
function writtenWithKasra(surface: string): boolean {
  return surface.startsWith('إ');
}

/** A past verb of the انفعل shape: ان and three letters, none of them a long vowel (not أنمار). */
const PAST_INFA_AL = /^ان[^اوي]{3}$/;

/** A past verb of the استفعل shape: است and three letters, none of them a long vowel (not استيفن). */
const PAST_ISTAF_AL = /^است[^اوي]{3}$/;

/** The key of a name part: normalized, a doubled long vowel written once, letters for foreign sounds folded. */
export function nameKey(spelling: string): string {
  const k = foldLetters(normalizeForMatch(spelling));
  // «عبد الله» and «عبدالله» are one name; «آل سعود» keeps its space (السعود is another word).
  return k.startsWith('ال ') || !k.includes(' ') ? k : k.replace(/ /g, '');
}

/** The key of a place: a name key where a final ة/ه and ا alternate (سورية / سوريا). */
export function placeKey(spelling: string): string {
  return placeKeyOfNameKey(nameKey(spelling));
}

/** `placeKey` of a spelling whose name key is `key` (`key` itself when the ending does not alternate). */
function placeKeyOfNameKey(key: string): string {
  return key.endsWith('يا') ? `${key.slice(0, -2)}يه` : key;
}

/** `s`, or `kept` when they are equal (so that one string is kept rather than two). */
function same(s: string, kept: string): string {
  return s === kept ? kept : s;
}

export interface WordLookup {
  stem: string;
  key: string;
  placeKey: string;
  /** The stem is a listed verb or particle (`listedWord`), once asked (see `listedStem`). */
  listed: boolean | undefined;
}

export class WordJudge {
  private readonly stems = new Map<string, string>();
  private readonly keys = new Map<string, string>();
  private readonly classes = new Map<string, WordClass>();
  private readonly variants: Map<string, { canonical: string }>;
  private placeKeys = new Set<string>();
  /** Keys of first words of two-word places (الولايات المتحدة): never part of a person's name. */
  placeFirsts = new Set<string>();
  placeSeconds = new Set<string>();
  /** Stems seen right after a person's title (الرئيس الأسد): family names, not adjectives (set by the learner). */
  titleHeads = new Set<string>();

  /** Place keys: words used as places (set by the learner before names are learned). */
  get places(): Set<string> {
    return this.placeKeys;
  }

  set places(keys: Set<string>) {
    this.placeKeys = keys;
    this.classes.clear();
    this.classById.clear();
  }

  /**
   * @param aliIsName «علي» written with ي is the name Ali: the corpus writes ى and ي apart (see
   *   `EvidenceTotals.writesAliApart`); otherwise it is the preposition على, a function word like any other.
   */
  constructor(
    private readonly index: NameIndex,
    readonly aliIsName = false,
  ) {
    this.variants = index.variants();
  }

  /** Word i of a line is «علي» written with ي in a corpus where that is the name (see the constructor). */
  private isAli(words: LineWords, i: number): boolean {
    return this.aliIsName && words.normIn(ALI_SET, i) && words.lastLetter(i) === YEH;
  }

  private readonly lookups = new Map<string, WordLookup>();
  private readonly normMatters = new Map<string, boolean>();
  /** Per spelling id: 1 no, 2 yes (see `mayMatter`). */
  private readonly mattersById = new IdBytes();
  /** Per spelling id: 1 no proclitic, 2 a proclitic (see `hasProcliticNear`). */
  private readonly procliticById = new IdBytes();
  private readonly endsNameMemo = new Map<string, boolean>();
  /** Per spelling id: its `lookup`, once asked for. */
  private readonly lookupById: (WordLookup | undefined)[] = [];
  /** Per spelling id: its normalized form, once asked for (see `sharedWord`). */
  private readonly normById: (string | undefined)[] = [];
  /** Per spelling id: 1 + the index of its class in `CLASSES`. */
  private readonly classById = new IdBytes();

  /** Stem and keys of a written word (memoized). */
  lookup(surface: string): WordLookup {
    let l = this.lookups.get(surface);
    if (!l) {
      // Equal strings are kept once (tens of thousands of spellings are looked up and kept).
      const stem = same(this.stem(surface), surface);
      const key = same(nameKey(this.canonical(stem)), stem);
      l = { stem, key, placeKey: placeKeyOfNameKey(key), listed: undefined };
      this.lookups.set(surface, l);
    }
    return l;
  }

  /**
   * Whether word i of a line can be part of a name or a place of the vocabulary: decided once per normalized form, on
   * the first spelling seen with it (spellings of one form differ only in hamza and the like, which the keys fold
   * anyway). A word's answer is then kept by its spelling id, found by the scan's hashes without making a string; a
   * compound (عبد الله) or a word the corpus' spelling table lacks (a function word, a title, a number) is looked up
   * by its normalized form.
   */
  mayMatter(words: LineWords, i: number, vocab: VocabularyKeys, id = this.spellingId(words, i)): boolean {
    if (id < 0) {
      if (words.normIn(STOPWORD_SET, i)) return this.isAli(words, i) && vocab.nameKeys.has(ALI);
      return this.normMayMatter(words.norm(i), () => words.surface(i), vocab);
    }
    let m = this.mattersById.get(id);
    if (!m) this.mattersById.set(id, (m = this.normMayMatter(words.norm(i), () => words.surface(i), vocab) ? 2 : 1));
    return m === 2;
  }

  private normMayMatter(norm: string, surface: () => string, vocab: VocabularyKeys): boolean {
    let m = this.normMatters.get(norm);
    if (m === undefined) {
      if (STOPWORDS.has(norm)) m = false;
      else if (CHAIN_WORDS.has(norm)) m = true;
      else {
        const l = this.lookup(surface());
        m = vocab.nameKeys.has(l.key) || vocab.places.has(l.placeKey) || vocab.placePairs.has(l.placeKey);
      }
      this.normMatters.set(norm, m);
    }
    return m;
  }

  /** Stem and keys of word i of a line (`lookup` of its spelling, memoized per spelling id; `id`: its `spellingId`). */
  lookupWord(words: LineWords, i: number, id = this.spellingId(words, i)): WordLookup {
    if (id < 0) return this.lookup(words.surface(i));
    const table = growTo(this.lookupById, id);
    let l = table[id];
    if (!l) table[id] = l = this.lookup(words.surface(i));
    return l;
  }

  /**
   * The spelling of word i of a line (`id`: its `spellingId`) as the corpus' one string for it: mentions keep their
   * neighbouring words by the hundred thousand. A fresh string for a word without an id.
   */
  sharedSurface(words: LineWords, i: number, id: number): string {
    return id < 0 ? words.surface(i) : this.index.spelling(id);
  }

  /** The normalized form of word i of a line, one string per spelling id (see `sharedSurface`). */
  sharedNorm(words: LineWords, i: number, id: number): string {
    if (id < 0) return words.norm(i);
    const norms = growTo(this.normById, id);
    let norm = norms[id];
    if (norm === undefined) norms[id] = norm = words.norm(i);
    return norm;
  }

  /** The spelling id of word i of a line, or -1 (a compound, or a word the corpus' spelling table lacks). */
  spellingId(words: LineWords, i: number): number {
    const k = words.scanIndex(i);
    return k < 0 ? -1 : this.index.scannedId(words.scanned, k);
  }

  /** The class of word i of a line (as `classOf` gives it, memoized per spelling id). */
  classOfWord(words: LineWords, i: number): WordClass {
    const id = this.spellingId(words, i);
    return this.knownClass(id) ?? this.classOfId(id, words.surface(i), words.norm(i));
  }

  /** The class kept for a spelling id, if any. */
  private knownClass(id: number): WordClass | undefined {
    const c = id < 0 ? 0 : this.classById.get(id);
    return c ? CLASSES[c - 1] : undefined;
  }

  /** `classOf`, kept for the spelling id when there is one. */
  private classOfId(id: number, surface: string, norm: string): WordClass {
    const cls = this.classOf(surface, norm);
    if (id >= 0) this.classById.set(id, 1 + CLASSES.indexOf(cls));
    return cls;
  }

  /** The word without a proclitic, when the rest is attested (the name index decides). */
  stem(surface: string): string {
    let s = this.stems.get(surface);
    if (s === undefined) {
      s = surface.includes(' ') ? surface : this.index.stem(surface);
      this.stems.set(surface, s);
    }
    return s;
  }

  /** The canonical spelling of a stem (the name index's variant decision, if any). */
  canonical(stem: string): string {
    return this.variants.get(stem)?.canonical ?? stem;
  }

  /** The key a written word is matched by (its stem's canonical spelling, folded). */
  key(surface: string): string {
    let k = this.keys.get(surface);
    if (k === undefined) {
      k = nameKey(this.canonical(this.stem(surface)));
      this.keys.set(surface, k);
    }
    return k;
  }

  private readonly factCache = new Map<string, NameFacts | null>();
  private readonly commonCache = new Map<string, boolean>();

  facts(stem: string): NameFacts | undefined {
    let f = this.factCache.get(stem);
    if (f === undefined) {
      f = this.index.nameFacts(stem) ?? null;
      this.factCache.set(stem, f);
    }
    return f ?? undefined;
  }

  count(spelling: string): number {
    return this.index.count(spelling);
  }

  /** Occurrences of the stems written `form` once normalized (see `NameIndex.formCount`). */
  formCount(form: string): number {
    return this.index.formCount(form);
  }

  nameLike(stem: string): boolean {
    return this.facts(stem)?.nameLike ?? false;
  }

  foreignShape(stem: string): boolean {
    return FOREIGN_SHAPE.test(stem);
  }

  /**
   * The word carries a proclitic: the name index strips one (وبوتين), or it is written with a proclitic and the
   * article (بالانتخابات، والمسؤولون، للصراع) even when the rest is not attested.
   */
  hasProclitic(surface: string, norm: string): boolean {
    if (this.stem(surface) !== surface || (norm.length > 4 && /^(?:[وفبك]ال|لل)/.test(norm))) return true;
    // «للفن»: ل before the article, whose alif it drops, on a word attested with the article (الفن).
    if (norm.startsWith('لل') && norm.length > 3 && this.count(`ال${surface.slice(2)}`) > 0) return true;
    // «بمناسبة», «لرابطة», «بإقالة»: ب or ل before a feminine noun written without them, or with the article.
    if (!/^[بل]/.test(norm) || norm.length < 5 || !surface.endsWith('ة')) return false;
    const rest = surface.slice(1);
    return this.count(rest) > 0 || this.count(`ال${rest}`) > 0;
  }

  /**
   * `classOf` and `hasProclitic` of a word seen next to a name, memoized per spelling id when it has one (`id`, from
   * `spellingId`): clustering asks them of hundreds of thousands of neighbouring words.
   */
  classOfNear(w: { id: number; surface: string; norm: string }): WordClass {
    return this.knownClass(w.id) ?? this.classOfId(w.id, w.surface, w.norm);
  }

  hasProcliticNear(w: { id: number; surface: string; norm: string }): boolean {
    if (w.id < 0) return this.hasProclitic(w.surface, w.norm);
    let p = this.procliticById.get(w.id);
    if (!p) this.procliticById.set(w.id, (p = this.hasProclitic(w.surface, w.norm) ? 2 : 1));
    return p === 2;
  }

  /** Whether a stem ends a name: it has the article, or a transliterated shape (see `endsName`), memoized. */
  endsNameStem(stem: string): boolean {
    let e = this.endsNameMemo.get(stem);
    if (e === undefined) {
      e = normalizeForMatch(stem).startsWith('ال') || this.foreignShape(this.stem(stem));
      this.endsNameMemo.set(stem, e);
    }
    return e;
  }

  /**
   * An imperfect or future verb (يواصل، تهدف، سيتم): the same stem is attested with another person's prefix
   * (تواصل، نواصل) or with the future prefix.
   */
  private isVerb(stem: string, norm: string): boolean {
    if (norm.length < 4) return false;
    if (/^س[يتن]/.test(norm)) return this.count(stem.slice(1)) > 0;
    if (!/^[يتن]/.test(norm)) return false;
    const rest = stem.slice(1);
    for (const p of ['ي', 'ت', 'ن']) if (p !== stem[0] && this.count(p + rest) > 0) return true;
    return false;
  }

  /**
   * A preposition ب، ل or ك written on a verbal noun (باتفاق، لتعزيز، بانتخاب، كاستمرار): a noun phrase, never a given
   * name as written, though the name index keeps the word whole when the noun is not written on its own.
   */
  procliticVerbalNoun(norm: string): boolean {
    if (!/^[بلك]/.test(norm) || norm.length < 5) return false;
    const rest = norm.slice(1);
    return VERBAL_NOUN.test(rest) || ASSIMILATED_IFTI_AL.test(rest);
  }

  /**
   * One of the listed verbs and particles (يستقبل، أمام، خلال), given a stem and its normalized form; a word written
   * with إ is none of those written only with أ (إمام is no أمام).
   */
  listedWord(stem: string, stemNorm: string): boolean {
    return VERBS.has(stemNorm) && !(writtenWithKasra(stem) && HAMZA_ABOVE_ONLY.has(stemNorm));
  }

  /**
   * `listedWord` of a looked-up word's stem, kept with the look-up: asked of every name the matcher finds (750,000 on
   * 10,000 files), where normalizing the stem again each time was the matcher's hottest line.
   */
  listedStem(l: WordLookup): boolean {
    return (l.listed ??= this.listedWord(l.stem, normalizeForMatch(l.stem)));
  }

  /** An adjective with the article (الروسي، السورية، الأخيرة، المختصة): part of a role, never a name. */
  isNisba(stem: string): boolean {
    const k = normalizeForMatch(stem);
    if (!k.startsWith('ال') || k.length < 5) return false;
    // A feminine adjective whose masculine is attested (المختصة / المختص).
    if (stem.endsWith('ة') && this.count(stem.slice(0, -1)) > 0) return true;
    if (k.endsWith('يه')) return k.length >= 6 || this.count(stem.slice(0, -1)) > 0;
    if (!k.endsWith('ي')) return false;
    if (this.count(stem + 'ة') > 0 || this.count(stem + 'ه') > 0) return true;
    const base = stem.slice(2, -1);
    return this.count(base + 'ا') > 0 || this.count(base + 'ة') > 0;
  }

  /** The class of a written word. */
  classOf(surface: string, norm: string): WordClass {
    let c = this.classes.get(surface);
    if (c === undefined) {
      c = this.computeClass(surface, norm);
      this.classes.set(surface, c);
    }
    return c;
  }

  /**
   * A word that would be a name part but for the name index calling it common (سلام: السلام and «اتفاق سلام» are
   * written too): a full name after a title may still hold it (see `commonFamily` in learn.ts).
   */
  commonOnly(surface: string, norm: string): boolean {
    return this.classOf(surface, norm) === 'modifier' && this.isCommon(this.stem(surface)) && this.computeClass(surface, norm, true) === 'name';
  }

  private computeClass(surface: string, norm: string, ignoreCommon = false): WordClass {
    if (this.aliIsName && surface === ALI) return 'name';
    if (CHAIN_WORDS.has(norm)) return 'chain';
    if (norm.length < 3 || !isArabicLetters(norm)) return norm.length === 2 && isArabicLetters(norm) && !STOPWORDS.has(norm) ? 'short' : 'stop';
    if (STOPWORDS.has(norm)) return 'stop';
    if (titleOf(norm)) return 'title';
    const stem = this.stem(surface);
    const stemNorm = normalizeForMatch(stem);
    if (STOPWORDS.has(stemNorm)) return 'stop';
    // «وبحث»: a listed verb after و the name index did not set aside (not ف: فيصل is no ف + يصل).
    // (A word written with إ is none of those written only with أ: إمام, the family name of عادل إمام, is no أمام.)
    if (this.listedWord(stem, stemNorm) || this.listedWord(surface, norm) || (norm.startsWith('و') && this.listedWord(surface.slice(1), norm.slice(1)))) return 'verb';
    // One of those verbs of two people, of a woman or of many (أكدا، أكدتا، أشاروا): the verbs are not counted.
    const inflected = VERB_ENDING.exec(stemNorm);
    if (inflected && stemNorm.length - inflected[0].length >= 3 && VERBS.has(stemNorm.slice(0, -inflected[0].length))) return 'verb';
    // The same after و, which the name index sets aside only when the rest is written (وبحثا: «وبحثا التعاون»).
    if (inflected && norm.startsWith('و') && stemNorm === norm && norm.length - inflected[0].length >= 4 && VERBS.has(norm.slice(1, -inflected[0].length))) return 'verb';
    if (TITLE_MODIFIERS.has(norm) || TITLE_MODIFIERS.has(stemNorm)) return 'modifier';
    // The head of a body's name, with or without a preposition (بوزارة، لمركز): never part of a person's name.
    if (BODY_HEADS.has(stemNorm) || INSTITUTION_HEADS.has(stemNorm) || (/^[وفبلك]/.test(norm) && (BODY_HEADS.has(norm.slice(1)) || INSTITUTION_HEADS.has(norm.slice(1))))) return 'modifier';
    if (this.placeKeys.has(placeKey(this.canonical(stem)))) return 'place';
    if (this.placeFirsts.has(placeKey(this.canonical(stem))) || this.placeSeconds.has(placeKey(this.canonical(stem)))) return 'place';
    if (this.isVerb(stem, stemNorm)) return 'verb';
    // A past verb of three letters (كلف، بلغ): its present and feminine forms are attested, and it is no name.
    if (stemNorm.length === 3 && !this.nameLike(stem) && this.pastVerbForms(stem) === 2) return 'verb';
    // Verbal nouns (تخريج، اعتبار، استقبال، مواصلة), also indefinite accusatives of them (اتصالا هاتفيا), and past verbs
    // of a woman (اتفقت، استمرت).
    if (VERBAL_NOUN.test(stemNorm) || (stemNorm.endsWith('ا') && VERBAL_NOUN.test(stemNorm.slice(0, -1)))) return 'modifier';
    // A past verb of the استفعل shape (استعرض، استهدف): no name is written so.
    if (PAST_ISTAF_AL.test(stemNorm)) return 'verb';
    // A past verb of the انفعل shape (انحرف، انسحب، انطلق).
    if (PAST_INFA_AL.test(stemNorm)) return 'verb';
    if (stemNorm.length >= 5 && stemNorm.endsWith('ت') && this.count(stem.slice(0, -1)) > 0) return 'verb';
    // A verb of the plural (ناشدوا، أكدوا، يحضروا): the word without its final وا is written three times or more (a French
    // name ending so, بونوا، فرانسوا, is not a rarer word's plural).
    if (stemNorm.length >= 5 && stemNorm.endsWith('وا') && this.count(stem.slice(0, -2)) >= 3) return 'verb';
    if (this.isNisba(stem)) return 'modifier';
    // A feminine noun or adjective with the article (القابضة، المكرمة): family names are not written so.
    if (stemNorm.startsWith('ال') && stem.endsWith('ة')) return 'modifier';
    if (!ignoreCommon && this.isCommon(stem)) return 'modifier';
    if (this.isPlural(stem)) return 'modifier';
    // An indefinite accusative (طيفا واسعا): the word without its final alif is attested.
    if (stemNorm.length >= 4 && stemNorm.endsWith('ا') && (this.count(stem.slice(0, -1)) > 0 || this.count('ال' + stem.slice(0, -1)) > 0)) return 'modifier';
    // A possessive suffix (اسمه، شكره، سعادته، بلادهم): the word without it is attested.
    const suffix = /(?:ه|ها|هم|هما)$/.exec(stem);
    if (suffix && stem.length - suffix[0].length >= 3) {
      const base = stem.slice(0, -suffix[0].length);
      // A function word with a suffix (خلاله، خلالها): function words are not counted.
      if (STOPWORDS.has(normalizeForMatch(base))) return 'stop';
      // «فريقه، حزبها»: the head of a body with a suffix, even when the corpus never writes it bare.
      if (this.count(base) > 0 || (base.endsWith('ت') && this.count(base.slice(0, -1) + 'ة') > 0) || BODY_HEADS.has(normalizeForMatch(base))) return 'modifier';
    }
    // «نا» (us, our: الملك سلمان أشعرنا، يعدنا) ends names too (ألينا، سانتانا، ميرنا): the word without it must be written
    // with another person's suffix as well (أشعرهم), and a word with the article takes none (المحنا is no المح + نا).
    if (stem.length >= 5 && stem.endsWith('نا') && !stem.startsWith('ال')) {
      const base = stem.slice(0, -2);
      if (['ه', 'ها', 'هم', 'ك', 'كم'].some((s) => this.count(base + s) > 0)) return 'modifier';
    }
    return 'name';
  }

  /**
   * A common word as the name index judges it — except a word used after titles (كيري: the index reads ك + يري)
   * whose form with or without the article is rare: the title evidence wins.
   */
  isCommon(stem: string): boolean {
    let c = this.commonCache.get(stem);
    if (c === undefined) {
      const f = this.facts(stem);
      if (!f?.common) c = false;
      // The index reads كيري as ك + يري; a word with the article it judges common is common.
      else if (f.evidence / f.count < 0.2 || stem.startsWith('ال')) c = true;
      else c = this.count(stem.startsWith('ال') ? stem.slice(2) : 'ال' + stem) >= 0.1 * f.count;
      this.commonCache.set(stem, c);
    }
    return c;
  }

  /**
   * How many of a past verb's other forms the corpus writes (0-2): its present (بادر: يبادر) and its woman's (بادرت).
   * Always 0 for a word with the article or shorter than three letters.
   */
  pastVerbForms(stem: string): number {
    if (stem.startsWith('ال') || stem.length < 3) return 0;
    return (this.count('ي' + stem) > 0 ? 1 : 0) + (this.count(stem + 'ت') > 0 ? 1 : 0);
  }

  /** A plural with the article whose singular adjective is attested (الحوثيين / الحوثي، السوريين / السوري). */
  isPlural(stem: string): boolean {
    if (!/^ال.{3,}(?:ين|ون)$/.test(stem)) return false;
    const base = stem.slice(0, -2);
    return this.count(base) > 0 || this.count(base + 'ة') > 0;
  }
}

function isArabicLetters(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) continue;
    if (!((c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3))) return false;
  }
  return true;
}
