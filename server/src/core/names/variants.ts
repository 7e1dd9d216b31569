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
import { normalizeForMatch } from '../text/normalize';
import type { Interner } from '../text/intern';
import { growTo, IdBits } from '../text/idTables';
import { skipLetters } from '../text/letters';
import { collectNeighbors, collectPairs, collectWords, FileWords, neighborHash, PairOccurrences, PairPattern, PairTable, WordLines, WordSummary } from './words';
import { fnv, normHash, WordScan } from '../text/scan';
import { PROCLITIC_LETTERS, STOPWORDS } from './lexicon';
import { readsAsName } from './readings';
import { isInflectedWord, keysReading } from './inflected';
import { advance, runToEnd, Steps } from '../steps';

export type VariantClass = 'orthographic' | 'doubled-letter' | 'foreign-letter' | 'dropped-vowel' | 'spacing' | 'configured';

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

/** A stem with every written form (proclitics included) that maps to it, aggregated over the corpus. */
interface Unit {
  id: number;
  spelling: string;
  /** Normalized spelling (hamza, ى, ة and Persian look-alikes folded). */
  key: string;
  /** Variant group: the skeleton key. */
  group: string;
  /** The group of the spellings it may be with another letter for a foreign g (see `gGroupOf`), or null. */
  gGroup: string | null;
  /** Spelling ids of the written forms whose stem this is (a few: an array costs a third of a Set). */
  surfaces: number[];
  count: number;
  evidence: number;
  /** Set when a candidate pair needs it; cleared when a file holding one of its forms changes. */
  neighbors: Map<number, number> | null;
  nameLike: boolean;
}

/** The state of the last decisions, updated incrementally after edits. */
interface DecisionState {
  /**
   * The unit of each stem id (holes elsewhere): an array read by id, not a Map (hashing tens of thousands of ids was a
   * quarter of building the decisions).
   */
  units: (Unit | undefined)[];
  groups: Map<string, Unit[]>;
  ctx: DecisionContext;
  /** Reference counts of name-like units per neighbour hash (the keys of ctx.nameNeighbors). */
  nameNeighborRefs: Map<number, number>;
  byGroup: Map<string, Map<string, VariantDecision>>;
  /** Two-word forms of one-word keys that may also be written so (عبد الملك for عبدالملك), by the one-word key. */
  spaced: Map<string, SpacedForm>;
  /** The patterns of the two-word forms (rebuilt when they change). */
  spacedTable: PairTable | null;
  /**
   * Per spelling id, whether it may be the first word of a two-word form (its normalized hash is one of the table's):
   * 0 not known yet, 1 yes, 2 no. Filled as files are looked at, cleared when the table changes.
   */
  spacedFirstIds: Uint8Array;
  /** The spacing decisions (see `decideSpacingSteps`), and those whose variant is the two-word form, by one-word key. */
  spacing: Map<string, VariantDecision>;
  spacedVariants: Map<string, VariantDecision>;
  /** The patterns of `spacedVariants`, with the table and the decisions they were taken from. */
  variantPairs?: { all: PairTable; variants: Map<string, VariantDecision>; table: PairTable };
}

/**
 * The two-word form of a one-word unit (عبد الملك for عبدالملك), read from the files' text: occurrences, name evidence,
 * neighbours and written forms, kept up to date as files change.
 */
interface SpacedForm {
  /** The one-word key (عبدالملك) and the normalized two words. */
  oneKey: string;
  first: string;
  second: string;
  key: string;
  count: number;
  evidence: number;
  neighbors: Map<number, number>;
  /** Written forms (marks removed, proclitics excluded) with their counts. */
  written: Map<string, number>;
}

/** Keys of increasing tolerance. k1: hamza, alef maqsura, teh marbuta, Persian look-alikes. */
function key1(s: string): string {
  return normalizeForMatch(s);
}
/**
 * A normalized spelling with a doubled long vowel letter written once and the letters for foreign sounds folded (k3
 * of k1): what the people index's name keys fold too.
 */
export function foldLetters(k1: string): string {
  return key3(key2(k1));
}
/** k2: a doubled long vowel letter (يي، وو) written once. */
function key2(k1: string): string {
  // Most spellings have no doubled letter: tested first (a replace makes a new string each time).
  if (!k1.includes('يي') && !k1.includes('وو')) return k1;
  return k1.replace(/يي+/g, 'ي').replace(/وو+/g, 'و');
}
/** k3: letters for foreign sounds folded to their usual Arabic letter (ڤ ف، پ ب، گ ك). */
function key3(k2: string): string {
  if (!FOREIGN_LETTER.test(k2)) return k2;
  return k2.replace(/ڤ/g, 'ف').replace(/پ/g, 'ب').replace(/[گڭ]/g, 'ك');
}
const FOREIGN_LETTER = /[ڤپگڭ]/;
/**
 * The second group of a normalized spelling (k3): the spellings it may be with another of the letters a foreign g is
 * written with (غ ج ق ك، گ folded to ك by k3: أنجيلا / أنغيلا، غوغل / جوجل), or null. Those are ordinary Arabic
 * letters too (جاسم / قاسم are two names), so they fold neither the skeleton groups (a name would share its group with
 * the verbs of its skeleton, أقر beside إيكر, and only the group's most frequent spelling is compared) nor the people
 * index's name keys: a group of their own, of the spellings a changed letter may be reported in (5 letters at least,
 * no article, see `candidatePairs`), whose pairs are held to the demands of a changed letter.
 */
function gGroupOf(k3: string): string | null {
  if (k3.length < 5 || k3.startsWith('ال') || !G_LETTER.test(k3)) return null;
  return G_GROUP + k3.replace(G_LETTERS, 'ك');
}
const G_LETTER = /[جغقك]/;
const G_LETTERS = /[جغق]/g;
/** What begins the key of a g group (no spelling key does: they have no space). */
const G_GROUP = 'g ';
/** k4: the skeleton, without medial long vowels ي and و. */
function key4(k3: string): string {
  if (k3.length <= 3) return k3;
  // One replace: a flat string, or k3 itself when nothing changes (a concatenation kept three strings alive per unit).
  return k3.replace(MEDIAL_LONG_VOWEL, '');
}
const MEDIAL_LONG_VOWEL = /(?<!^)[يو](?!$)/g;

/** Shapes of transliterated foreign names. */
const FOREIGN_SHAPE = /(?<=[^\sوي])(?:يي|وو)(?!ن$|ون$|ه$|ات$)|(?:وف|يف|سكي|فيتش|ينكو|شفيلي|يان)$|[ڤپگ]/;

export class NameIndex {
  private readonly files = new Map<string, WordSource>();
  /** Occurrences and name evidence per interned spelling id. */
  private counts: Int32Array = new Int32Array(1024);
  private evidence: Int32Array = new Int32Array(1024);
  /** Stem id of each spelling id, -1 when not known yet. */
  private stemIds: Int32Array = new Int32Array(1024).fill(-1);
  /** Final decisions (corpus + config), rebuilt from `state` when anything changed. */
  private decisions: Map<string, VariantDecision> | null = null;
  private state: DecisionState | null = null;
  /** Changes since the last decisions: count and evidence deltas per spelling id, spellings of changed files. */
  private readonly pending = new Map<number, [number, number]>();
  private readonly touched = new Set<number>();
  /** Stems that gained or lost a written form in the current update. */
  private readonly restemmed = new Set<number>();
  /** The spelling ids whose stem is a reported variant (valid with `decisions`). */
  private reported: IdBits | null = null;
  /** Full occurrences of recently asked files (recomputed from the text on demand). */
  private readonly wordsCache = new Map<string, FileWords>();
  /** A rebuild of the decisions under way in steps (see `prepare`); dropped by any change. */
  private build: Steps<void> | null = null;
  /** Normalized-form hashes by spelling id (see `normHashOf`), and which are computed. */
  private normHashes = new Int32Array(0);
  private normHashDone = new Uint8Array(0);
  /** A file's first words of two-word forms, for the pattern table they were found with (see `spacedFirsts`). */
  private readonly firstsMemo = new WeakMap<WordSummary, { table: PairTable; firsts: Set<string> | null }>();

  constructor(
    private options: NameVariantOptions,
    private readonly interner: Interner,
  ) {}

  setOptions(options: NameVariantOptions): void {
    this.options = options;
    this.state = null;
    this.decisions = null;
    this.build = null;
  }

  setFile(file: string, source: WordSource | null): void {
    const old = this.files.get(file);
    if (old) this.shiftNeighbors(old, -1);
    if (source) this.shiftNeighbors(source, 1);
    if (old) this.shiftSpaced(old, -1);
    if (source) this.shiftSpaced(source, 1);
    if (old) this.accumulate(old.words, -1);
    if (source) {
      this.files.set(file, source);
      this.accumulate(source.words, 1);
    } else {
      this.files.delete(file);
    }
    this.wordsCache.delete(file);
    this.decisions = null;
    this.reported = null;
    this.build = null;
  }

  /** Adds or removes one file's contexts to the loaded neighbour counts of the units its words belong to. */
  private shiftNeighbors(source: WordSource, sign: 1 | -1): void {
    if (!this.state) return;
    const bySurface = new Map<string, Unit>();
    const ids = source.words.ids;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      const sid = id < this.stemIds.length ? this.stemIds[id] : -1;
      const u = sid >= 0 ? this.state.units[sid] : undefined;
      if (u?.neighbors && u.surfaces.includes(id)) bySurface.set(this.interner.string(id), u);
    }
    if (!bySurface.size) return;
    for (const [s, w] of collectWords(source.text, source.wordLines, new Set(bySurface.keys()), true)) {
      const n = bySurface.get(s)!.neighbors!;
      for (const h of w.neighbors) {
        const c = (n.get(h) ?? 0) + sign;
        if (c > 0) n.set(h, c);
        else n.delete(h);
      }
    }
  }

  /** Adds or removes one file's occurrences of the loaded two-word forms. */
  private shiftSpaced(source: WordSource, sign: 1 | -1): void {
    const st = this.state;
    if (!st?.spaced.size) return;
    for (const [key, o] of this.pairsOf(st, source, this.spacedTable(st))) {
      const f = st.spaced.get(key);
      if (f) addPairs(f, o, sign);
    }
  }

  private spacedTable(st: DecisionState): PairTable {
    if (!st.spacedTable) {
      const table: PairTable = new Map();
      for (const f of st.spaced.values()) {
        for (const clitics of PAIR_CLITICS) {
          const p: PairPattern = { first: clitics + f.first, clitics: clitics.length, second: f.second, key: f.oneKey };
          const h = fnv(p.first) | 0;
          const list = table.get(h);
          if (list) list.push(p);
          else table.set(h, [p]);
        }
      }
      st.spacedTable = table;
      st.spacedFirstIds.fill(0);
    }
    return st.spacedTable;
  }

  /** The file's spellings that may begin a two-word form, or null when it has none (most files are passed over). */
  private spacedFirsts(st: DecisionState, words: WordSummary): Set<string> | null {
    const table = this.spacedTable(st);
    if (st.spacedFirstIds.length < this.interner.size) {
      const r = new Uint8Array(Math.max(this.interner.size, 2 * st.spacedFirstIds.length));
      r.set(st.spacedFirstIds);
      st.spacedFirstIds = r;
    }
    const memo = this.firstsMemo.get(words);
    if (memo && memo.table === table) return memo.firsts;
    const known = st.spacedFirstIds;
    let firsts: Set<string> | null = null;
    const ids = words.ids;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (!known[id]) known[id] = table.has(this.normHashOf(id)) ? 1 : 2;
      if (known[id] === 1) (firsts ??= new Set()).add(this.interner.string(id));
    }
    this.firstsMemo.set(words, { table, firsts });
    return firsts;
  }

  /** The hash of a spelling's normalized form (as a signed integer, the table's key), kept by spelling id. */
  private normHashOf(id: number): number {
    if (this.normHashes.length <= id) {
      const wider = new Int32Array(Math.max(id + 1, 2 * this.normHashes.length, 1024));
      wider.set(this.normHashes);
      const done = new Uint8Array(wider.length);
      done.set(this.normHashDone);
      this.normHashes = wider;
      this.normHashDone = done;
    }
    if (!this.normHashDone[id]) {
      this.normHashes[id] = normHash(this.interner.string(id)) | 0;
      this.normHashDone[id] = 1;
    }
    return this.normHashes[id];
  }

  /**
   * The occurrences of the table's pairs in a file: only the words around its first words are read, unless one of
   * them is written with marks somewhere in the file (then the whole file is scanned, as a text search would miss it).
   */
  private pairsOf(st: DecisionState, source: WordSource, table: PairTable): Map<string, PairOccurrences> {
    let firsts = this.spacedFirsts(st, source.words);
    // A table of some of the patterns (new forms, reported variants) is looked for from its own first words.
    if (firsts && table !== st.spacedTable) firsts = new Set([...firsts].filter((f) => table.has(normHash(f) | 0)));
    if (!firsts?.size) return new Map();
    const marked = anyMarked(source.words, (id) => firsts.has(this.interner.string(id)));
    return collectPairs(source.text, source.wordLines, table, marked ? undefined : firsts);
  }

  /** The patterns of the two-word forms reported as variants (kept until the forms or the decisions change). */
  private variantPairTable(st: DecisionState): PairTable {
    const all = this.spacedTable(st);
    const memo = st.variantPairs;
    if (memo && memo.all === all && memo.variants === st.spacedVariants) return memo.table;
    const table = patternsOf(all, (key) => st.spacedVariants.has(key));
    st.variantPairs = { all, variants: st.spacedVariants, table };
    return table;
  }

  /** Reads the occurrences of new two-word forms from the files that hold their first words. */
  private *loadSpacedSteps(st: DecisionState, forms: SpacedForm[]): Steps<void> {
    if (!forms.length) return;
    // Only the new forms' patterns are read: the others are counted already.
    const keys = new Set(forms.map((f) => f.oneKey));
    const table = patternsOf(this.spacedTable(st), (key) => keys.has(key));
    let files = 0;
    for (const source of this.files.values()) {
      if (++files % FILES_PER_STEP === 0) yield;
      for (const [key, o] of this.pairsOf(st, source, table)) {
        const f = st.spaced.get(key);
        if (f && keys.has(key)) addPairs(f, o, 1);
      }
    }
  }

  /**
   * Spacing variants: a one-word spelling and its two-word form (عبدالملك / عبد الملك), decided with the evidence the
   * groups demand: the canonical form is name-like, the variant too or next to a given name, both share a context word,
   * and the canonical one is used `minRatio` times as often.
   */
  private *decideSpacingSteps(st: DecisionState, taken: Map<string, VariantDecision>): Steps<Map<string, VariantDecision>> {
    const out = new Map<string, VariantDecision>();
    const canonicals = new Set<string>();
    for (const d of taken.values()) canonicals.add(d.canonical);
    const pairs: [SpacedForm, Unit][] = [];
    for (const f of st.spaced.values()) {
      if (f.count <= 0) continue;
      let one: Unit | undefined;
      st.ctx.keys.get(f.oneKey)?.forEach((u) => {
        if (u.count > 0 && (!one || u.count > one.count)) one = u;
      });
      if (!one || taken.has(one.spelling) || canonicals.has(one.spelling) || isCommonWord(one, st.ctx)) continue;
      const [major, minor] = one.count >= f.count ? [one.count, f.count] : [f.count, one.count];
      if (major < this.options.minRatio * minor) continue;
      // The canonical form must be used as a name: checked before the neighbours are read, which costs a pass over
      // the files that hold the spelling.
      if (!(one.count >= f.count ? one.nameLike : spacedNameLike(f))) continue;
      pairs.push([f, one]);
    }
    yield* this.loadNeighborsSteps(pairs.map(([, u]) => u));
    for (const [f, one] of pairs) {
      const oneMajor = one.count >= f.count;
      const shared = sharedNeighborsOf(one.neighbors, f.neighbors);
      if (!shared.length) continue;
      if (!(oneMajor ? spacedNameLike(f) : one.nameLike) && !shared.some((h) => st.ctx.nameNeighbors.has(h))) continue;
      const written = mostWritten(f.written);
      if (oneMajor) {
        out.set(written, { canonical: one.spelling, variantClass: 'spacing', canonicalCount: one.count, variantCount: f.count, source: 'corpus' });
      } else {
        out.set(one.spelling, { canonical: written, variantClass: 'spacing', canonicalCount: f.count, variantCount: one.count, source: 'corpus' });
      }
    }
    return out;
  }

  private accumulate(words: WordSummary, sign: 1 | -1): void {
    const { ids, counts, evidence } = words;
    this.ensureCapacity(this.interner.size);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      this.counts[id] += sign * counts[i];
      this.evidence[id] += sign * evidence[i];
      // Before the first decisions (a bulk load) nothing is tracked: the first decisions build everything.
      if (!this.state) continue;
      this.touched.add(id);
      const d = this.pending.get(id);
      if (d) {
        d[0] += sign * counts[i];
        d[1] += sign * evidence[i];
      } else {
        this.pending.set(id, [sign * counts[i], sign * evidence[i]]);
      }
    }
  }

  private ensureCapacity(n: number): void {
    if (this.counts.length >= n) return;
    const size = Math.max(n, this.counts.length * 2);
    const grow = (a: Int32Array, fill: number): Int32Array => {
      const b = new Int32Array(size).fill(fill);
      b.set(a);
      return b;
    };
    this.counts = grow(this.counts, 0);
    this.evidence = grow(this.evidence, 0);
    this.stemIds = grow(this.stemIds, -1);
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

  /** The spelling of an interned id (the ids of the files' word summaries). */
  spelling(id: number): string {
    return this.interner.string(id);
  }

  /** The id of a scanned word's spelling (as `spelling` takes it), or -1 when the corpus never had it. */
  scannedId(scan: WordScan, k: number): number {
    return this.interner.peekSpelling(scan, k);
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
    const id = this.interner.peek(spelling);
    if (id < 0 || id >= this.counts.length || this.counts[id] <= 0) {
      // Not in the corpus (any more): computed, never cached.
      const sid = this.computeStemId(spelling, id);
      return sid >= 0 ? this.interner.string(sid) : spelling;
    }
    this.settle();
    return this.interner.string(this.stemId(id));
  }

  private stemId(id: number): number {
    let s = this.stemIds[id];
    if (s < 0) {
      s = this.computeStemId(this.interner.string(id), id);
      this.stemIds[id] = s;
    }
    return s;
  }

  private computeStemId(w: string, id: number): number {
    const own = id >= 0 && id < this.counts.length ? this.counts[id] : 0;
    const candidates: string[] = [];
    if (w.startsWith('لل') && w.length > 4) candidates.push('ال' + w.slice(2));
    if (PROCLITIC_LETTERS.has(w[0])) {
      candidates.push(w.slice(1));
      if (PROCLITIC_LETTERS.has(w[1]) && w[0] !== w[1]) candidates.push(w.slice(2));
    }
    for (const c of candidates) {
      if (c.length < 3) continue;
      const cid = this.interner.peek(c);
      if (cid >= 0 && cid < this.counts.length && this.counts[cid] >= Math.max(1, own) && !STOPWORDS.has(normalizeForMatch(c))) return cid;
    }
    return id;
  }

  /** Spelling ids whose stem may depend on the count of `id`: itself and its forms with proclitics. */
  private dependents(id: number): number[] {
    const x = this.interner.string(id);
    const forms: string[] = [];
    for (const p of PROCLITIC_LETTERS) {
      forms.push(p + x);
      for (const q of PROCLITIC_LETTERS) if (p !== q) forms.push(p + q + x);
    }
    if (x.startsWith('ال')) forms.push('لل' + x.slice(2));
    const out = [id];
    for (const f of forms) {
      const fid = this.interner.peek(f);
      if (fid >= 0) out.push(fid);
    }
    return out;
  }

  /** Variant decisions for every reported spelling (stems), computed lazily and incrementally. */
  variants(): Map<string, VariantDecision> {
    this.settle();
    if (!this.decisions) {
      const out = groupDecisions(this.state!.byGroup);
      for (const [k, v] of this.state!.spacing) if (!out.has(k)) out.set(k, v);
      this.applyConfigured(this.state!.units, out);
      this.decisions = out;
      this.reported = null;
    }
    return this.decisions;
  }

  /** Brings the decision state up to date with the pending changes. */
  private settle(): void {
    if (!this.state || this.pending.size > FULL_REBUILD_SPELLINGS) {
      runToEnd((this.build ??= this.rebuildSteps()));
      this.build = null;
    } else if (this.pending.size || this.touched.size) {
      this.update();
    }
    this.pending.clear();
    this.touched.clear();
  }

  /**
   * Brings the decisions up to date in steps, for a host that must keep answering: works until `shouldStop()` says so
   * between two steps; false when more remains (call again; a change in between starts the rebuild over), true when
   * the decisions are ready. Only a rebuild of everything (the first decisions, or a change of many spellings) takes
   * steps; an edit's update is small and done at once.
   */
  prepare(shouldStop: () => boolean): boolean {
    if (this.state && this.pending.size <= FULL_REBUILD_SPELLINGS) {
      this.settle();
      return true;
    }
    if (!advance((this.build ??= this.rebuildSteps()), shouldStop)) return false;
    this.build = null;
    this.pending.clear();
    this.touched.clear();
    return true;
  }

  /** Which spelling ids are written forms of a reported variant. */
  private reportedSurfaces(): IdBits {
    const decisions = this.variants();
    if (!this.reported) {
      const r = new IdBits(this.interner.size);
      // From the decisions (a few hundred), not the units (one per stem of the corpus).
      for (const spelling of decisions.keys()) {
        const id = this.interner.peek(spelling);
        const u = id >= 0 ? this.state!.units[id] : undefined;
        if (u) for (const sid of u.surfaces) r.add(sid);
      }
      this.reported = r;
    }
    return this.reported;
  }

  private newUnit(id: number, surfaces: number[] = []): Unit {
    const spelling = this.interner.string(id);
    // Most spellings are their own key and group: the same string is kept, not an equal copy.
    const k = key1(spelling);
    const key = k === spelling ? spelling : k;
    const k3 = foldLetters(key);
    const g = key4(k3);
    return { id, spelling, key, group: g === key ? key : g, gGroup: gGroupOf(k3), surfaces, count: 0, evidence: 0, neighbors: null, nameLike: false };
  }

  /**
   * Builds the whole decision state from the counts, in steps. Nothing is changed until the last step (the stems
   * are computed into a new array): a rebuild dropped halfway leaves the previous state as it was.
   */
  private *rebuildSteps(): Steps<void> {
    const stems = new Int32Array(this.stemIds.length).fill(-1);
    const stemOf = (id: number): number => {
      let s = stems[id];
      if (s < 0) stems[id] = s = this.computeStemId(this.interner.string(id), id);
      return s;
    };
    const n = Math.min(this.interner.size, this.counts.length);
    const units = new Array<Unit | undefined>(n);
    // In the order they were made (the order of the groups' members and of the decisions).
    const made: Unit[] = [];
    for (let id = 0; id < n; id++) {
      if ((id & (UNITS_PER_STEP - 1)) === UNITS_PER_STEP - 1) yield;
      if (this.counts[id] <= 0) continue;
      const sid = stemOf(id);
      let u = units[sid];
      // Made with its first written form: an array that starts empty takes room for 17 at its first push.
      if (!u) made.push((units[sid] = u = this.newUnit(sid, [id])));
      else u.surfaces.push(id);
      u.count += this.counts[id];
      u.evidence += this.evidence[id];
    }
    const keys = new Map<string, KeyEntry>();
    const groups = new Map<string, Unit[]>();
    let k = 0;
    for (const u of made) {
      // Each unit once: appended without looking for it first (a group of short skeletons holds hundreds).
      const entry = keys.get(u.key);
      if (!entry) keys.set(u.key, new KeyEntry(u.count, u));
      else {
        entry.count += u.count;
        entry.append(u);
      }
      if (u.spelling.length >= 3) append(groups, u.group, u);
      if (u.gGroup) append(groups, u.gGroup, u);
      if (++k % UNITS_PER_STEP === 0) yield;
    }
    const ctx: DecisionContext = { keys, nameNeighbors: new Set(), givenNames: new Set() };
    const nameNeighborRefs = new Map<number, number>();
    for (const u of made) {
      u.nameLike = isNameLike(u, ctx);
      if (u.nameLike) refNameNeighbors(u, ctx, nameNeighborRefs, 1);
      if (++k % UNITS_PER_STEP === 0) yield;
    }
    const state: DecisionState = {
      units,
      groups,
      ctx,
      nameNeighborRefs,
      byGroup: new Map(),
      spaced: new Map(),
      spacedTable: null,
      spacedFirstIds: new Uint8Array(0),
      spacing: new Map(),
      spacedVariants: new Map(),
    };
    for (const u of made) {
      addSpacedForm(state, u.key);
      if (++k % UNITS_PER_STEP === 0) yield;
    }
    yield* this.decideGroupsSteps(state, null);
    yield* this.loadSpacedSteps(state, [...state.spaced.values()]);
    yield* this.spacingSteps(state);
    this.stemIds = stems;
    this.state = state;
  }

  /** Applies the pending changes to the state and re-decides only the groups they can reach. */
  private update(): void {
    const st = this.state!;
    // 1. Spellings whose stem may have changed, and the units they leave or join.
    const restem = new Set<number>();
    for (const id of this.pending.keys()) for (const d of this.dependents(id)) restem.add(d);
    const changedUnits = new Set<Unit>();
    const oldKeyCounts = new Map<string, number>();
    const noteKey = (k: string): void => {
      if (!oldKeyCounts.has(k)) oldKeyCounts.set(k, st.ctx.keys.get(k)?.count ?? 0);
    };
    const unitOf = (sid: number): Unit => {
      let u = st.units[sid];
      if (!u) {
        growTo(st.units, sid)[sid] = u = this.newUnit(sid);
        keyEntry(st.ctx, u.key).add(u);
      }
      return u;
    };
    for (const id of restem) {
      const delta = this.pending.get(id) ?? [0, 0];
      const oldCount = this.counts[id] - delta[0];
      const oldEvidence = this.evidence[id] - delta[1];
      const oldStem = this.stemIds[id];
      this.stemIds[id] = -1;
      const newStem = this.counts[id] > 0 ? this.stemId(id) : -1;
      if (oldStem !== newStem) {
        if (oldStem >= 0) this.restemmed.add(oldStem);
        if (newStem >= 0) this.restemmed.add(newStem);
      }
      if (oldStem >= 0 && oldCount > 0) {
        const u = unitOf(oldStem);
        u.count -= oldCount;
        u.evidence -= oldEvidence;
        removeFrom(u.surfaces, id);
        noteKey(u.key);
        keyEntry(st.ctx, u.key).count -= oldCount;
        changedUnits.add(u);
      }
      if (newStem >= 0) {
        const u = unitOf(newStem);
        u.count += this.counts[id];
        u.evidence += this.evidence[id];
        if (!u.surfaces.includes(id)) u.surfaces.push(id);
        noteKey(u.key);
        keyEntry(st.ctx, u.key).count += this.counts[id];
        changedUnits.add(u);
      }
    }
    // 2. Units that gained or lost written forms reload their neighbours; the changed files' contexts were applied
    //    to loaded neighbour counts in setFile.
    for (const u of changedUnits) if (this.restemmed.has(u.id)) u.neighbors = null;
    this.restemmed.clear();
    for (const id of this.touched) {
      const sid = this.stemIds[id];
      const u = sid >= 0 ? st.units[sid] : undefined;
      if (u) changedUnits.add(u);
    }
    // 3. Units whose judgement reads a changed key count (own key, without a proclitic, with or without ال, and the
    //    forms `inflected.ts` reads: a feminine, a country, other persons' suffixes).
    const judged = new Set<Unit>(changedUnits);
    for (const k of oldKeyCounts.keys()) {
      for (const dk of [k, 'ال' + k, ...[...PROCLITIC_KEYS].map((p) => p + k), k.startsWith('ال') ? k.slice(2) : '', ...keysReading(k)]) {
        if (dk) st.ctx.keys.get(dk)?.forEach((u) => judged.add(u));
      }
    }
    // 4. Re-judge; a given name appearing or disappearing can change any group: then re-decide them all.
    let givenNamesChanged = false;
    const dirtyGroups = new Set<string>();
    for (const u of judged) {
      dirtyGroups.add(u.group);
      if (u.gGroup) dirtyGroups.add(u.gGroup);
      const nameLike = u.count > 0 && isNameLike(u, st.ctx);
      if (nameLike !== u.nameLike) {
        if (refNameNeighbors(u, st.ctx, st.nameNeighborRefs, nameLike ? 1 : -1)) givenNamesChanged = true;
        u.nameLike = nameLike;
      }
    }
    // 5. Group membership of units that appeared or emptied.
    for (const u of changedUnits) {
      const g = st.groups.get(u.group);
      if (u.count > 0 && u.spelling.length >= 3) addTo(st.groups, u.group, u);
      else if (g) removeFrom(g, u);
      if (u.gGroup) {
        const gg = st.groups.get(u.gGroup);
        if (u.count > 0) addTo(st.groups, u.gGroup, u);
        else if (gg) removeFrom(gg, u);
      }
      if (u.count <= 0) {
        st.units[u.id] = undefined;
        st.ctx.keys.get(u.key)?.remove(u);
      }
    }
    runToEnd(this.decideGroupsSteps(st, givenNamesChanged ? null : [...dirtyGroups]));
    // 6. Two-word forms of one-word keys that appeared; those of keys no longer written are dropped.
    const added: SpacedForm[] = [];
    for (const u of changedUnits) {
      if ((st.ctx.keys.get(u.key)?.count ?? 0) <= 0) {
        if (st.spaced.delete(u.key)) st.spacedTable = null;
      } else if (!st.spaced.has(u.key)) {
        const f = addSpacedForm(st, u.key);
        if (f) added.push(f);
      }
    }
    runToEnd(this.loadSpacedSteps(st, added));
    runToEnd(this.spacingSteps(st));
  }

  private *spacingSteps(st: DecisionState): Steps<void> {
    const taken = groupDecisions(st.byGroup);
    st.spacing = yield* this.decideSpacingSteps(st, taken);
    st.spacedVariants = new Map();
    for (const d of st.spacing.values()) if (d.variantClass === 'spacing' && !d.canonical.includes(' ')) st.spacedVariants.set(normalizeForMatch(d.canonical), d);
  }

  /** Decides the given groups again (null: every group, read in place rather than looked up one by one). */
  private *decideGroupsSteps(st: DecisionState, keys: string[] | null): Steps<void> {
    const pairs: Pair[] = [];
    let k = 0;
    // Decisions are kept only for groups that exist, so "every group" drops them all.
    if (!keys) st.byGroup.clear();
    else for (const key of keys) st.byGroup.delete(key);
    const visited: Iterable<[string, Unit[] | undefined]> = keys ? keys.map((key) => [key, st.groups.get(key)]) : st.groups;
    for (const [key, g] of visited) {
      if (!g) continue;
      if (g.length < 2) {
        if (!g.length) st.groups.delete(key);
        continue;
      }
      pairs.push(...this.candidatePairs(g.slice(), key, st.ctx));
      if (++k % UNITS_PER_STEP === 0) yield;
    }
    yield* this.loadNeighborsSteps(pairs.flatMap((p) => [p.variant, p.canonical]));
    for (const p of pairs) {
      const out = new Map<string, VariantDecision>();
      this.confirm(p, st.ctx, out);
      if (++k % UNITS_PER_STEP === 0) yield;
      if (!out.size) continue;
      const g = p.group;
      let m = st.byGroup.get(g);
      if (!m) st.byGroup.set(g, (m = new Map()));
      for (const [a, b] of out) m.set(a, b);
    }
  }

  /** Occurrences of every stem whose normalized form (`normalizeForMatch`) is `form`, hamza and final ة/ى alike. */
  formCount(form: string): number {
    this.settle();
    return this.state!.ctx.keys.get(form)?.count ?? 0;
  }

  /**
   * How the index judges a stem: its occurrences, its name evidence (hashtags and words after titles), whether it is
   * name-like, and whether it is a common word. Undefined for an unknown stem.
   */
  nameFacts(stem: string): NameFacts | undefined {
    this.settle();
    const id = this.interner.peek(stem);
    const u = id >= 0 ? this.state!.units[id] : undefined;
    if (!u) return undefined;
    return { count: u.count, evidence: u.evidence, nameLike: u.nameLike, common: isCommonWord(u, this.state!.ctx) };
  }

  /** Neighbour sets of the units, read from the files that hold their spellings (only for candidate pairs). */
  private *loadNeighborsSteps(us: Unit[]): Steps<void> {
    const need = us.filter((u) => !u.neighbors);
    if (!need.length) return;
    const bySurface = new Map<string, Unit>();
    const wanted = new IdBits(this.interner.size);
    for (const u of need) {
      u.neighbors = new Map();
      for (const id of u.surfaces) {
        bySurface.set(this.interner.string(id), u);
        wanted.add(id);
      }
    }
    let files = 0;
    for (const [file, source] of this.files) {
      if (++files % FILES_PER_STEP === 0) yield;
      let here: Set<string> | null = null;
      const ids = source.words.ids;
      for (let i = 0; i < ids.length; i++) if (wanted.has(ids[i])) (here ??= new Set()).add(this.interner.string(ids[i]));
      if (!here) continue;
      const cached = this.wordsCache.get(file);
      const found = cached
        ? new Map([...cached].map(([spelling, w]) => [spelling, w.neighbors]))
        : collectNeighbors(source.text, source.wordLines, here, anyMarked(source.words, (id) => wanted.has(id)));
      for (const [s, neighbors] of found) {
        const u = bySurface.get(s);
        if (u) for (const n of neighbors) u.neighbors!.set(n, (u.neighbors!.get(n) ?? 0) + 1);
      }
    }
  }

  /**
   * The occurrences in a file of some of its spellings (`only`, whose ids `isOnly` tells): from the cache of full
   * occurrences, or read for these alone.
   */
  private occurrences(file: string, source: WordSource, only: Set<string>, isOnly: (id: number) => boolean): FileWords {
    return this.wordsCache.get(file) ?? collectWords(source.text, source.wordLines, only, anyMarked(source.words, isOnly));
  }

  /** Cheap checks of a group: the pairs (variant, canonical) that still need the neighbour evidence. */
  private candidatePairs(group: Unit[], groupKey: string, ctx: DecisionContext): Pair[] {
    group.sort((a, b) => b.count - a.count || b.evidence - a.evidence || (a.spelling < b.spelling ? -1 : 1));
    const canonical = group[0];
    const k2c = key2(canonical.key);
    const k3c = key3(k2c);
    const out: Pair[] = [];
    if (isCommonWord(canonical, ctx) || NAME_PARTICLES.has(canonical.key)) return out;
    const gLetters = groupKey.startsWith(G_GROUP);
    for (const m of group.slice(1)) {
      let cls: VariantClass;
      // In a g group, only the pairs their skeleton group does not hold (those differ in a g letter).
      if (gLetters) {
        if (m.group === canonical.group) continue;
        cls = 'foreign-letter';
      } else if (m.key === canonical.key) cls = 'orthographic';
      else if (key2(m.key) === k2c) cls = 'doubled-letter';
      else if (key3(key2(m.key)) === k3c) cls = 'foreign-letter';
      else cls = 'dropped-vowel';
      const foreign = cls === 'doubled-letter' && FOREIGN_SHAPE.test(canonical.spelling);
      // The canonical spelling must be used as a name: after titles, in hashtags, or with a transliteration shape; or,
      // for a family name whose uses lie beyond a title's few words («رئيس المكتب السياسي لحركة حماس إسماعيل هنية»),
      // after a given name (read with the neighbours, in `confirm`).
      let familyName = false;
      if (!foreign && !isNameLike(canonical, ctx)) {
        if (cls !== 'orthographic' || !mayBeFamilyName(canonical, m, ctx)) continue;
        familyName = true;
      }
      if (isCommonWord(m, ctx) || canonical.count < this.options.minRatio * m.count) continue;
      if (cls === 'dropped-vowel' || cls === 'foreign-letter') {
        // A dropped or changed letter makes other words (سعد / سعود، حسن / حسين): demand a transliterated name
        // (5+ letters, no article) and a strong majority; the given-name check follows.
        if (k3c.length < 5 || k3c.startsWith('ال') || canonical.count < DROPPED_LETTER_RATIO * m.count) continue;
        if (cls === 'dropped-vowel' && Math.abs(k3c.length - key3(key2(m.key)).length) !== 1) continue;
      }
      out.push({ variant: m, canonical, cls, foreign, familyName, group: groupKey });
    }
    return out;
  }

  /** The neighbour evidence: both spellings share a context word; a given name where the spelling itself is weak. */
  private confirm(pair: Pair, ctx: DecisionContext, out: Map<string, VariantDecision>): void {
    const { variant: m, canonical, cls, foreign, familyName } = pair;
    const shared = sharedNeighbors(m, canonical);
    if (!shared.length) return;
    // A family name: both spellings mostly follow given names, the variant one of the same as the canonical spelling.
    if (familyName && !(followsGivenNames(m, ctx) && followsGivenNames(canonical, ctx) && shared.some((h) => ctx.givenNames.has(h)))) return;
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

  private applyConfigured(units: (Unit | undefined)[], out: Map<string, VariantDecision>): void {
    const unitBySpelling = (sp: string): Unit | undefined => {
      const id = this.interner.peek(sp);
      return id >= 0 ? units[id] : undefined;
    };
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
      const u = unitBySpelling(variant);
      if (!u || variant === canonical) continue;
      out.set(variant, {
        canonical,
        variantClass: 'configured',
        canonicalCount: unitBySpelling(canonical)?.count ?? 0,
        variantCount: u.count,
        source: 'config',
      });
    }
  }

  /** Occurrences of reported two-word variants (عبد العزيز where the corpus writes عبدالعزيز) in one file. */
  private spacedOccurrences(source: WordSource): VariantOccurrence[] {
    const st = this.state!;
    if (!st.spacedVariants.size) return [];
    const out: VariantOccurrence[] = [];
    for (const [key, o] of this.pairsOf(st, source, this.variantPairTable(st))) {
      const d = st.spacedVariants.get(key)!;
      for (let i = 0; i < o.count; i++) {
        if (!readsAsName(source.text, o.starts[i], o.ends[i], o.written[i], d.canonical)) continue;
        out.push({ start: o.starts[i], end: o.ends[i], spelling: o.written[i], replacement: d.canonical, decision: d });
      }
    }
    return out;
  }

  /** The occurrences of reported variants in one file. */
  occurrencesIn(file: string, text: string): VariantOccurrence[] {
    const source = this.files.get(file);
    if (!source) return [];
    const decisions = this.variants();
    const reported = this.reportedSurfaces();
    const surfaces = new Set<string>();
    const ids = source.words.ids;
    for (let i = 0; i < ids.length; i++) if (reported.has(ids[i])) surfaces.add(this.interner.string(ids[i]));
    const out: VariantOccurrence[] = this.spacedOccurrences(source);
    if (!surfaces.size) return out.sort((a, b) => a.start - b.start);
    // Only the reported spellings' occurrences are collected (no string is made for the file's other words).
    const words = this.occurrences(file, source, surfaces, (id) => reported.has(id));
    for (const [spelling, w] of words) {
      if (!surfaces.has(spelling)) continue;
      const stem = this.stem(spelling);
      const d = decisions.get(stem);
      if (!d) continue;
      // «للإتحادية» is ل + الإتحادية written with one lam: replace after the first lam, without the article's alef.
      const lamAlef = spelling.startsWith('لل') && stem.startsWith('ال') && d.canonical.startsWith('ال');
      const prefix = lamAlef ? 1 : spelling.length - stem.length;
      const replacement = lamAlef ? d.canonical.slice(1) : d.canonical;
      for (let i = 0; i < w.count; i++) {
        if (!readsAsName(text, w.starts[i], w.ends[i], stem, d.canonical)) continue;
        const start = skipLetters(text, w.starts[i], w.ends[i], prefix);
        out.push({ start, end: w.ends[i], spelling: stem, replacement, decision: d });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }
}

interface DecisionContext {
  /** Per normalized spelling: its occurrences, and the units written so. */
  keys: Map<string, KeyEntry>;
  /** Neighbour hashes of name-like words. */
  nameNeighbors: Set<number>;
  /** The left-neighbour hashes among them: a name-like word seen right before another word (a given name). */
  givenNames: Set<number>;
}

/**
 * A key's total count and its units, in the order they were added. Most keys have one unit: it is kept without a list
 * (a list per key was one more object for the collector to trace for each of some 50,000 keys, on the news sample as
 * on 10,000 files; 2,000 of them have more than one unit).
 */
class KeyEntry {
  private more: Unit[] | null = null;

  constructor(
    public count: number,
    private first: Unit | null,
  ) {}

  /** Adds a unit the entry does not hold yet. */
  append(u: Unit): void {
    if (!this.first) this.first = u;
    else (this.more ??= []).push(u);
  }

  /** Adds a unit unless the entry holds it. */
  add(u: Unit): void {
    if (this.first !== u && !this.more?.includes(u)) this.append(u);
  }

  remove(u: Unit): void {
    if (this.first === u) this.first = this.more?.shift() ?? null;
    else if (this.more) removeFrom(this.more, u);
  }

  forEach(visit: (u: Unit) => void): void {
    if (this.first) visit(this.first);
    if (this.more) for (const u of this.more) visit(u);
  }
}

/** The entry of a key, made empty when new. */
function keyEntry(ctx: DecisionContext, key: string): KeyEntry {
  let e = ctx.keys.get(key);
  if (!e) ctx.keys.set(key, (e = new KeyEntry(0, null)));
  return e;
}

interface Pair {
  variant: Unit;
  canonical: Unit;
  cls: VariantClass;
  foreign: boolean;
  /** The canonical spelling has no name evidence of its own: it must read as a family name (see `confirm`). */
  familyName: boolean;
  /** The key of the group the pair was found in (its decisions are kept under it). */
  group: string;
}

/**
 * The decisions of every group, by variant spelling; a spelling decided in its skeleton group keeps that decision
 * over one of a g group (whatever the order of the groups).
 */
function groupDecisions(byGroup: Map<string, Map<string, VariantDecision>>): Map<string, VariantDecision> {
  const out = new Map<string, VariantDecision>();
  for (const [key, g] of byGroup) {
    const gLetters = key.startsWith(G_GROUP);
    for (const [k, v] of g) if (!gLetters || !out.has(k)) out.set(k, v);
  }
  return out;
}

/**
 * True when one of the spellings (by id, `has`) is written with marks inside it somewhere in the file (or that is
 * not known). Asked by id: looking each marked spelling's string up in a set of strings was 20 ms of a first
 * publication of 10,000 files.
 */
function anyMarked(words: WordSummary, has: (id: number) => boolean): boolean {
  const { marked, ids } = words;
  if (!marked) return true;
  for (let k = 0; k < marked.length; k++) if (has(ids[marked[k]])) return true;
  return false;
}

/** Units (or spellings, groups, pairs) handled between two steps of a rebuild. */
const UNITS_PER_STEP = 2048;
/** Files read for neighbours between two steps. */
const FILES_PER_STEP = 64;

/** Above this many changed spellings the decisions are rebuilt rather than updated. */
const FULL_REBUILD_SPELLINGS = 20000;

/** Adds a value to the list of a key, once (the lists are short: the units of one key or one group). */
function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** Appends a value to the list of a key (the caller knows it is not there yet). */
function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else list.push(value);
}

/** Removes a value from a list, keeping the order of the others. */
function removeFrom<V>(list: V[], value: V): void {
  const i = list.indexOf(value);
  if (i >= 0) list.splice(i, 1);
}

/** Adds or removes a name-like unit's neighbour hashes; true when a hash appeared or disappeared. */
function refNameNeighbors(u: Unit, ctx: DecisionContext, refs: Map<number, number>, sign: 1 | -1): boolean {
  let flipped = false;
  const left = neighborHash(fnv(u.key), 'L');
  for (const h of [left, neighborHash(fnv(u.key), 'R')]) {
    const n = (refs.get(h) ?? 0) + sign;
    if (n <= 0) {
      refs.delete(h);
      ctx.nameNeighbors.delete(h);
      ctx.givenNames.delete(h);
      flipped = true;
    } else {
      if (n === 1 && sign > 0) {
        ctx.nameNeighbors.add(h);
        if (h === left) ctx.givenNames.add(h);
        flipped = true;
      }
      refs.set(h, n);
    }
  }
  return flipped;
}

/** How many files' full occurrences the index keeps. */
const WORDS_CACHE_FILES = 64;

/** What the name index keeps of a file. */
export interface WordSource {
  text: string;
  wordLines: WordLines;
  words: WordSummary;
}

/**
 * Words that begin a compound name but are no name on their own (أبو عبيدة، ابن سلمان، عبد الله): their spelling
 * (ابو / أبو) is not reported alone, since a finding must name the person; the whole name's spelling is left to the
 * classes that read it (spacing) or to the config.
 */
const NAME_PARTICLES = new Set(['ابو', 'ابن', 'بن', 'بنت', 'ام', 'عبد']);

/**
 * A spelling pair that may be a family name's (هنية / هنيه) though the canonical spelling never stands in a title's
 * window: they differ in the final ة/ه alone, and the canonical spelling has a name's shape (no article: with it this
 * shape is a feminine adjective after a place's name, «المملكة العربية السعودية»; no common word, no inflected one:
 * «والده / والدة», «قوة / قوه» are not names). Which one it is, the neighbours tell (`followsGivenNames`);
 * other orthographic pairs are left to the title evidence (reading the neighbours of every verb written with and
 * without a hamza would cost a pass over most of the corpus).
 */
function mayBeFamilyName(canonical: Unit, variant: Unit, ctx: DecisionContext): boolean {
  const a = canonical.spelling;
  const b = variant.spelling;
  if (a.length !== b.length || a.length < 4 || canonical.key.startsWith('ال') || !FINAL_TEH_OR_HEH.test(a) || !FINAL_TEH_OR_HEH.test(b) || a.at(-1) === b.at(-1)) return false;
  if (a.slice(0, -1) !== b.slice(0, -1)) return false;
  // Never with the article: a common noun is, now and then (أهمية / الأهمية، نقطة / النقطة), and reading the neighbours
  // of every such noun with a misspelt ending would cost a pass over much of the corpus.
  if ((ctx.keys.get('ال' + canonical.key)?.count ?? 0) > 0) return false;
  return !isCommonWord(canonical, ctx) && !isInflectedWord(canonical.key, (k) => ctx.keys.get(k)?.count ?? 0);
}
const FINAL_TEH_OR_HEH = /[ةه]$/;

/** Used as a family name: right after a name-like word in this share of its uses at least. */
const FAMILY_NAME_SHARE = 0.5;

/** The unit's spellings follow given names (name-like words) in `FAMILY_NAME_SHARE` of its uses (neighbours loaded). */
function followsGivenNames(u: Unit, ctx: DecisionContext): boolean {
  let n = 0;
  if (u.neighbors) for (const [h, c] of u.neighbors) if (ctx.givenNames.has(h)) n += c;
  return n >= FAMILY_NAME_SHARE * u.count;
}

/** A dropped or changed letter is reported only when the canonical spelling is this many times as frequent. */
const DROPPED_LETTER_RATIO = 10;

/**
 * Used as a name: after titles or in hashtags often enough, and neither a common word nor an inflected one (an
 * adjective after a title, «الرئيس الفرنسي»; a noun with a pronoun, «شكره»: see `inflected.ts`).
 */
function isNameLike(u: Unit, ctx: DecisionContext): boolean {
  return usedAsName(u.evidence, u.count) && !isCommonWord(u, ctx) && !isInflectedWord(u.key, (k) => ctx.keys.get(k)?.count ?? 0);
}

/**
 * A common word, not a name: a function word with a proclitic (وإن، بأنه), or a word used freely both with and
 * without the article (إدارة / الإدارة، أمن / الأمن). Names rarely alternate (بوتين never takes ال; الأسد rarely drops it).
 */
function isCommonWord(u: Unit, ctx: DecisionContext): boolean {
  const k = u.key;
  if (STOPWORDS.has(k)) return true;
  const own = ctx.keys.get(k)?.count ?? 1;
  // A proclitic on a common word (باسم = ب + اسم), or a function word (وإن، بأنه).
  if (PROCLITIC_KEYS.has(k[0]) && (STOPWORDS.has(k.slice(1)) || (ctx.keys.get(k.slice(1))?.count ?? 0) >= 0.3 * own)) return true;
  const toggled = k.startsWith('ال') ? k.slice(2) : 'ال' + k;
  return toggled.length >= 2 && (ctx.keys.get(toggled)?.count ?? 0) >= 0.1 * own;
}

const PROCLITIC_KEYS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

function sharedNeighbors(a: Unit, b: Unit): number[] {
  return sharedNeighborsOf(a.neighbors, b.neighbors);
}

function sharedNeighborsOf(a: Map<number, number> | null, b: Map<number, number> | null): number[] {
  const an = a ?? new Map<number, number>();
  const bn = b ?? new Map<number, number>();
  const [small, large] = an.size < bn.size ? [an, bn] : [bn, an];
  const out: number[] = [];
  for (const n of small.keys()) if (large.has(n)) out.push(n);
  return out;
}

/**
 * Words a compound name is written with or without a space after or before (normalized): عبد الملك / عبدالملك، أبو ظبي /
 * أبوظبي، نصر الله / نصرالله، نور الدين / نورالدين. Other joins are not looked for: two words written as one are
 * mostly a typing slip, and any word ending in these letters is not a compound.
 */
const SPACING_HEADS = ['عبد', 'ابو'];
const SPACING_TAILS = ['الله', 'الدين'];
/** The proclitics a two-word form's first word may take (وعبد الملك، لأبو ظبي). */
const PAIR_CLITICS = ['', ...PROCLITIC_LETTERS, ...[...PROCLITIC_LETTERS].flatMap((p) => [...PROCLITIC_LETTERS].filter((q) => q !== p).map((q) => p + q))];

/** The two words a one-word key may also be written as, or null. Both parts have three letters at least. */
export function spacingSplit(key: string): [string, string] | null {
  for (const h of SPACING_HEADS) if (key.length >= h.length + 3 && key.startsWith(h)) return [h, key.slice(h.length)];
  for (const t of SPACING_TAILS) if (key.length >= t.length + 3 && key.endsWith(t)) return [key.slice(0, -t.length), t];
  return null;
}

/** A two-word form used as a name: after titles or in hashtags often enough (as `isNameLike` asks of one word). */
function spacedNameLike(f: SpacedForm): boolean {
  return usedAsName(f.evidence, f.count);
}

/** Used as a name: after titles or in hashtags at least once, and in this share of its uses at least. */
const NAME_EVIDENCE_SHARE = 0.15;

function usedAsName(evidence: number, count: number): boolean {
  return evidence >= 1 && evidence / count >= NAME_EVIDENCE_SHARE;
}

/** The patterns of a table whose one-word keys `keep` accepts, under the same first-word hashes. */
function patternsOf(table: PairTable, keep: (key: string) => boolean): PairTable {
  const out: PairTable = new Map();
  for (const [h, list] of table) {
    const mine = list.filter((p) => keep(p.key));
    if (mine.length) out.set(h, mine);
  }
  return out;
}

/** Adds the two-word form of a one-word key when it has one (not loaded yet: its counts are zero). */
function addSpacedForm(st: DecisionState, oneKey: string): SpacedForm | null {
  if (st.spaced.has(oneKey)) return null;
  const split = spacingSplit(oneKey);
  if (!split) return null;
  const [first, second] = split;
  const f: SpacedForm = { oneKey, first, second, key: `${first} ${second}`, count: 0, evidence: 0, neighbors: new Map(), written: new Map() };
  st.spaced.set(oneKey, f);
  st.spacedTable = null;
  return f;
}

/** Adds (sign 1) or removes (-1) a file's occurrences of a two-word form. */
function addPairs(f: SpacedForm, o: PairOccurrences, sign: 1 | -1): void {
  f.count += sign * o.count;
  f.evidence += sign * o.evidence;
  for (const h of o.neighbors) {
    const c = (f.neighbors.get(h) ?? 0) + sign;
    if (c > 0) f.neighbors.set(h, c);
    else f.neighbors.delete(h);
  }
  for (const w of o.written) {
    const c = (f.written.get(w) ?? 0) + sign;
    if (c > 0) f.written.set(w, c);
    else f.written.delete(w);
  }
}

/** The most frequent written form (the first seen among equals). */
function mostWritten(written: Map<string, number>): string {
  let best = '';
  let n = 0;
  for (const [w, c] of written) if (c > n) [best, n] = [w, c];
  return best;
}
