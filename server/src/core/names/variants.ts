/**
 * Spelling variants of names across the corpus. Spellings are grouped by orthographic variant classes (never by
 * edit distance), proclitics are stripped only when the remainder is attested on its own, and a variant is reported
 * only when the evidence says both spellings are the same name:
 * - the group is name-like (a hashtag, words after a title, a transliteration shape such as يي or -وف, or the
 *   config/registry names it);
 * - both spellings share a neighbouring content word somewhere in the corpus (فلاديمير بوتين / فلاديمير بوتن);
 * - the canonical spelling dominates (used at least `minRatio` times as often), otherwise both are house styles
 *   and only a configured preference decides.
 */
import { hashString, isIgnorableUnit, normalizeForMatch } from '../text/normalize';
import type { Interner } from '../text/intern';
import { collectWords, FileWords, WordLines, WordSummary } from './words';
import { PROCLITIC_LETTERS, STOPWORDS } from './lexicon';

export type VariantClass = 'orthographic' | 'doubled-letter' | 'foreign-letter' | 'dropped-vowel' | 'configured';

export interface VariantDecision {
  canonical: string;
  variantClass: VariantClass;
  canonicalCount: number;
  variantCount: number;
  /** Where the canonical spelling comes from: the corpus majority, or the config file. */
  source: 'corpus' | 'config';
}

/** The name index's judgement of one stem (see `NameIndex.nameFacts`). */
export interface NameFacts {
  count: number;
  evidence: number;
  nameLike: boolean;
  common: boolean;
}

export interface NameVariantOptions {
  minRatio: number;
  /** canonical -> variants the config declares. */
  preferred: Record<string, string[]>;
}

export interface VariantOccurrence {
  /** Offsets of the variant spelling inside the word (its proclitics excluded). */
  start: number;
  end: number;
  /** The variant spelling (the word's stem). */
  spelling: string;
  /** Text that replaces [start, end) to write the canonical spelling. */
  replacement: string;
  decision: VariantDecision;
}

interface Unit {
  spelling: string;
  /** Normalized spelling (hamza, ى, ة and Persian look-alikes folded). */
  key: string;
  /** The written forms (with proclitics) whose stem this is. */
  surfaces: string[];
  count: number;
  evidence: number;
  /** Loaded only for candidate pairs. */
  neighbors: Set<number> | null;
}

/** Keys of increasing tolerance. k1: hamza, alef maqsura, teh marbuta, Persian look-alikes. */
function key1(s: string): string {
  return normalizeForMatch(s);
}
/** k2: a doubled long vowel letter (يي، وو) written once. */
function key2(k1: string): string {
  return k1.replace(/يي+/g, 'ي').replace(/وو+/g, 'و');
}
/** k3: letters for foreign sounds folded to their usual Arabic letter (ڤ ف، پ ب، گ ك). */
function key3(k2: string): string {
  return k2.replace(/ڤ/g, 'ف').replace(/پ/g, 'ب').replace(/[گڭ]/g, 'ك');
}
/** k4: the skeleton, without medial long vowels ي and و. */
function key4(k3: string): string {
  if (k3.length <= 3) return k3;
  return k3[0] + k3.slice(1, -1).replace(/[يو]/g, '') + k3[k3.length - 1];
}

/** Shapes of transliterated foreign names. */
const FOREIGN_SHAPE = /(?<=[^\sوي])(?:يي|وو)(?!ن$|ون$|ه$|ات$)|(?:وف|يف|سكي|فيتش|ينكو|شفيلي|يان)$|[ڤپگ]/;

export class NameIndex {
  private readonly files = new Map<string, WordSource>();
  /** Occurrences and name evidence per interned spelling id. */
  private counts = new Int32Array(1024);
  private evidence = new Int32Array(1024);
  private decisions: Map<string, VariantDecision> | null = null;
  private stemOf: Map<string, string> | null = null;
  /** 1 for each spelling id whose stem is a reported variant (valid with `decisions`). */
  private reported: Uint8Array | null = null;
  /** Units and context of the last decisions, kept for `nameFacts` (the people index reuses the judgement). */
  private judged: { units: Map<string, Unit>; ctx: DecisionContext } | null = null;
  /** Full occurrences of recently asked files (recomputed from the text on demand). */
  private readonly wordsCache = new Map<string, FileWords>();

  constructor(
    private options: NameVariantOptions,
    private readonly interner: Interner,
  ) {}

  setOptions(options: NameVariantOptions): void {
    this.options = options;
    this.decisions = null;
  }

  setFile(file: string, source: WordSource | null): void {
    const old = this.files.get(file);
    if (old) this.accumulate(old.words, -1);
    if (source) {
      this.files.set(file, source);
      this.accumulate(source.words, 1);
    } else {
      this.files.delete(file);
    }
    this.wordsCache.delete(file);
    this.decisions = null;
    this.stemOf = null;
    this.reported = null;
  }

  private accumulate(words: WordSummary, sign: 1 | -1): void {
    const { ids, counts, evidence } = words;
    if (this.counts.length < this.interner.size) {
      const n = Math.max(this.interner.size, this.counts.length * 2);
      const c = new Int32Array(n);
      c.set(this.counts);
      const e = new Int32Array(n);
      e.set(this.evidence);
      this.counts = c;
      this.evidence = e;
    }
    for (let i = 0; i < ids.length; i++) {
      this.counts[ids[i]] += sign * counts[i];
      this.evidence[ids[i]] += sign * evidence[i];
    }
  }

  /** Every occurrence of a file's words, with offsets and neighbours (computed on demand, cached for a few files). */
  fileWords(file: string): FileWords | undefined {
    let w = this.wordsCache.get(file);
    if (w) {
      // Keep the most recently used files last.
      this.wordsCache.delete(file);
      this.wordsCache.set(file, w);
      return w;
    }
    const source = this.files.get(file);
    if (!source) return undefined;
    w = collectWords(source.text, source.wordLines);
    this.wordsCache.set(file, w);
    if (this.wordsCache.size > WORDS_CACHE_FILES) this.wordsCache.delete(this.wordsCache.keys().next().value as string);
    return w;
  }

  /** Files whose words include one of the spellings. */
  filesWith(spellings: Set<string>): string[] {
    const out: string[] = [];
    for (const [file, source] of this.files) {
      if (source.words.spellings.some((s) => spellings.has(s))) out.push(file);
    }
    return out;
  }

  /** Total occurrences of a spelling (as a whole word, clitics included). */
  count(spelling: string): number {
    const id = this.interner.peek(spelling);
    return id >= 0 && id < this.counts.length ? this.counts[id] : 0;
  }

  /**
   * The stem of a word: the word without its proclitics when the remainder is attested on its own and at least as
   * frequent (so وبوتين -> بوتين, but بوتين never -> وتين).
   */
  stem(spelling: string): string {
    if (!this.stemOf) this.stemOf = new Map();
    let s = this.stemOf.get(spelling);
    if (s === undefined) {
      s = this.computeStem(spelling);
      this.stemOf.set(spelling, s);
    }
    return s;
  }

  private computeStem(w: string): string {
    const own = this.count(w);
    const candidates: string[] = [];
    if (w.startsWith('لل') && w.length > 4) candidates.push('ال' + w.slice(2));
    if (PROCLITIC_LETTERS.has(w[0])) {
      candidates.push(w.slice(1));
      if (PROCLITIC_LETTERS.has(w[1]) && w[0] !== w[1]) candidates.push(w.slice(2));
    }
    for (const c of candidates) {
      if (c.length >= 3 && this.count(c) >= Math.max(1, own) && !STOPWORDS.has(normalizeForMatch(c))) return c;
    }
    return w;
  }

  /** Variant decisions for every reported spelling (stems), computed lazily. */
  variants(): Map<string, VariantDecision> {
    if (!this.decisions) {
      this.decisions = this.computeDecisions();
      this.reported = null;
    }
    return this.decisions;
  }

  /** Which spelling ids are written forms of a reported variant. */
  private reportedSurfaces(): Uint8Array {
    const decisions = this.variants();
    if (!this.reported) {
      const r = new Uint8Array(this.interner.size);
      const n = Math.min(this.interner.size, this.counts.length);
      for (let id = 0; id < n; id++) {
        if (this.counts[id] > 0 && decisions.has(this.stem(this.interner.string(id)))) r[id] = 1;
      }
      this.reported = r;
    }
    return this.reported;
  }

  private computeDecisions(): Map<string, VariantDecision> {
    const units = new Map<string, Unit>();
    const n = Math.min(this.interner.size, this.counts.length);
    for (let id = 0; id < n; id++) {
      if (this.counts[id] <= 0) continue;
      const spelling = this.interner.string(id);
      const t = { count: this.counts[id], evidence: this.evidence[id] };
      const stem = this.stem(spelling);
      let u = units.get(stem);
      if (!u) {
        u = { spelling: stem, key: key1(stem), count: 0, evidence: 0, surfaces: [], neighbors: null };
        units.set(stem, u);
      }
      u.count += t.count;
      u.evidence += t.evidence;
      u.surfaces.push(spelling);
    }
    const byKey = new Map<string, number>();
    for (const u of units.values()) byKey.set(u.key, (byKey.get(u.key) ?? 0) + u.count);
    const ctx: DecisionContext = { byKey, nameNeighbors: new Set() };
    // Hashes of name-like words as neighbours: a given name before a family name (فلاديمير بوتن).
    for (const u of units.values()) {
      if (isNameLike(u, ctx)) {
        ctx.nameNeighbors.add(hashString(u.key, 0x4c));
        ctx.nameNeighbors.add(hashString(u.key, 0x52));
      }
    }
    const groups = new Map<string, Unit[]>();
    for (const u of units.values()) {
      if (u.spelling.length < 3) continue;
      const k = key4(key3(key2(u.key)));
      const g = groups.get(k);
      if (g) g.push(u);
      else groups.set(k, [u]);
    }
    const out = new Map<string, VariantDecision>();
    const pairs: Pair[] = [];
    for (const g of groups.values()) if (g.length > 1) pairs.push(...this.candidatePairs(g, ctx));
    this.loadNeighbors(pairs.flatMap((p) => [p.variant, p.canonical]));
    for (const p of pairs) this.confirm(p, ctx, out);
    this.applyConfigured(units, out);
    this.judged = { units, ctx };
    return out;
  }

  /**
   * How the index judges a stem (after `variants()` is computed): its occurrences, its name evidence (hashtags and
   * words after titles), whether it is name-like, and whether it is a common word. Undefined for an unknown stem.
   */
  nameFacts(stem: string): NameFacts | undefined {
    this.variants();
    const u = this.judged?.units.get(stem);
    if (!u || !this.judged) return undefined;
    return { count: u.count, evidence: u.evidence, nameLike: isNameLike(u, this.judged.ctx), common: isCommonWord(u, this.judged.ctx) };
  }

  /** Neighbour sets of the units, read from the files that hold their spellings (only for candidate pairs). */
  private loadNeighbors(us: Unit[]): void {
    const need = us.filter((u) => !u.neighbors);
    if (!need.length) return;
    const bySurface = new Map<string, Unit>();
    for (const u of need) {
      u.neighbors = new Set();
      for (const s of u.surfaces) bySurface.set(s, u);
    }
    const surfaces = new Set(bySurface.keys());
    for (const file of this.filesWith(surfaces)) {
      const source = this.files.get(file)!;
      const words = this.wordsCache.get(file) ?? collectWords(source.text, source.wordLines, surfaces);
      for (const [s, w] of words) {
        const u = bySurface.get(s);
        if (u) for (const n of w.neighbors) u.neighbors!.add(n);
      }
    }
  }

  /** Cheap checks of a group: the pairs (variant, canonical) that still need the neighbour evidence. */
  private candidatePairs(group: Unit[], ctx: DecisionContext): Pair[] {
    group.sort((a, b) => b.count - a.count || b.evidence - a.evidence || (a.spelling < b.spelling ? -1 : 1));
    const canonical = group[0];
    const k2c = key2(canonical.key);
    const k3c = key3(k2c);
    const out: Pair[] = [];
    if (isCommonWord(canonical, ctx)) return out;
    for (const m of group.slice(1)) {
      let cls: VariantClass;
      if (m.key === canonical.key) cls = 'orthographic';
      else if (key2(m.key) === k2c) cls = 'doubled-letter';
      else if (key3(key2(m.key)) === k3c) cls = 'foreign-letter';
      else cls = 'dropped-vowel';
      const foreign = cls === 'doubled-letter' && FOREIGN_SHAPE.test(canonical.spelling);
      // The canonical spelling must be used as a name: after titles, in hashtags, or with a transliteration shape.
      if (!foreign && !isNameLike(canonical, ctx)) continue;
      if (isCommonWord(m, ctx) || canonical.count < this.options.minRatio * m.count) continue;
      if (cls === 'dropped-vowel' || cls === 'foreign-letter') {
        // A dropped or changed letter makes other words (سعد / سعود، حسن / حسين): demand a transliterated name
        // (5+ letters, no article) and a strong majority; the given-name check follows.
        if (k3c.length < 5 || k3c.startsWith('ال') || canonical.count < DROPPED_LETTER_RATIO * m.count) continue;
        if (cls === 'dropped-vowel' && Math.abs(k3c.length - key3(key2(m.key)).length) !== 1) continue;
      }
      out.push({ variant: m, canonical, cls, foreign });
    }
    return out;
  }

  /** The neighbour evidence: both spellings share a context word; a given name where the spelling itself is weak. */
  private confirm(pair: Pair, ctx: DecisionContext, out: Map<string, VariantDecision>): void {
    const { variant: m, canonical, cls, foreign } = pair;
    const shared = sharedNeighbors(m, canonical);
    if (!shared.length) return;
    const givenName = shared.some((h) => ctx.nameNeighbors.has(h));
    if (!isNameLike(m, ctx) && !givenName && !foreign) return;
    if ((cls === 'dropped-vowel' || cls === 'foreign-letter') && !givenName) return;
    out.set(m.spelling, {
      canonical: canonical.spelling,
      variantClass: cls,
      canonicalCount: canonical.count,
      variantCount: m.count,
      source: 'corpus',
    });
  }

  private applyConfigured(units: Map<string, Unit>, out: Map<string, VariantDecision>): void {
    const preferred = this.options.preferred;
    const configuredCanonical = new Map<string, string>();
    for (const [canonical, variants] of Object.entries(preferred)) {
      for (const v of variants) configuredCanonical.set(v, canonical);
    }
    // A configured canonical spelling is never itself reported, and wins over the corpus majority.
    for (const canonical of Object.keys(preferred)) out.delete(canonical);
    for (const [spelling, d] of out) {
      const c = configuredCanonical.get(d.canonical);
      if (c) out.set(spelling, { ...d, canonical: c, source: 'config' });
      else if (preferred[d.canonical]) out.set(spelling, { ...d, source: 'config' });
    }
    for (const [variant, canonical] of configuredCanonical) {
      const u = units.get(variant);
      if (!u || variant === canonical) continue;
      out.set(variant, {
        canonical,
        variantClass: 'configured',
        canonicalCount: units.get(canonical)?.count ?? 0,
        variantCount: u.count,
        source: 'config',
      });
    }
  }

  /** The occurrences of reported variants in one file. */
  occurrencesIn(file: string, text: string): VariantOccurrence[] {
    const source = this.files.get(file);
    if (!source) return [];
    const decisions = this.variants();
    const reported = this.reportedSurfaces();
    let any = false;
    for (const id of source.words.ids) if (reported[id]) any = true;
    if (!any) return [];
    const words = this.fileWords(file)!;
    const out: VariantOccurrence[] = [];
    for (const [spelling, w] of words) {
      const stem = this.stem(spelling);
      const d = decisions.get(stem);
      if (!d) continue;
      // «للإتحادية» is ل + الإتحادية written with one lam: replace after the first lam, without the article's alef.
      const lamAlef = spelling.startsWith('لل') && stem.startsWith('ال') && d.canonical.startsWith('ال');
      const prefix = lamAlef ? 1 : spelling.length - stem.length;
      const replacement = lamAlef ? d.canonical.slice(1) : d.canonical;
      for (let i = 0; i < w.count; i++) {
        const start = skipLetters(text, w.starts[i], w.ends[i], prefix);
        out.push({ start, end: w.ends[i], spelling: stem, replacement, decision: d });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }
}

/** Offset of the stem inside an occurrence: skip `letters` letters and the marks written on them (وَبوتين). */
function skipLetters(text: string, start: number, end: number, letters: number): number {
  let i = start;
  for (let n = 0; n < letters && i < end; n++) {
    i++;
    while (i < end && isIgnorableUnit(text.charCodeAt(i))) i++;
  }
  return i;
}

interface DecisionContext {
  /** Occurrences per normalized spelling. */
  byKey: Map<string, number>;
  /** Neighbour hashes of name-like words. */
  nameNeighbors: Set<number>;
}

interface Pair {
  variant: Unit;
  canonical: Unit;
  cls: VariantClass;
  foreign: boolean;
}

/** How many files' full occurrences the index keeps. */
const WORDS_CACHE_FILES = 64;

/** What the name index keeps of a file. */
export interface WordSource {
  text: string;
  wordLines: WordLines;
  words: WordSummary;
}

/** A dropped or changed letter is reported only when the canonical spelling is this many times as frequent. */
const DROPPED_LETTER_RATIO = 10;

function isNameLike(u: Unit, ctx: DecisionContext): boolean {
  return u.evidence >= 1 && u.evidence / u.count >= 0.15 && !isCommonWord(u, ctx);
}

/**
 * A common word, not a name: a function word with a proclitic (وإن، بأنه), or a word used freely both with and
 * without the article (إدارة / الإدارة، أمن / الأمن). Names rarely alternate (بوتين never takes ال; الأسد rarely drops it).
 */
function isCommonWord(u: Unit, ctx: DecisionContext): boolean {
  const k = u.key;
  if (STOPWORDS.has(k)) return true;
  const own = ctx.byKey.get(k) ?? 1;
  // A proclitic on a common word (باسم = ب + اسم), or a function word (وإن، بأنه).
  if (PROCLITIC_KEYS.has(k[0]) && (STOPWORDS.has(k.slice(1)) || (ctx.byKey.get(k.slice(1)) ?? 0) >= 0.3 * own)) return true;
  const toggled = k.startsWith('ال') ? k.slice(2) : 'ال' + k;
  return toggled.length >= 2 && (ctx.byKey.get(toggled) ?? 0) >= 0.1 * own;
}

const PROCLITIC_KEYS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

function sharedNeighbors(a: Unit, b: Unit): number[] {
  const an = a.neighbors ?? new Set<number>();
  const bn = b.neighbors ?? new Set<number>();
  const [small, large] = an.size < bn.size ? [an, bn] : [bn, an];
  const out: number[] = [];
  for (const n of small) if (large.has(n)) out.push(n);
  return out;
}
