/**
 * The cross-file duplicate index: exact groups keyed by the normalized paragraph hash, and a winnowing fingerprint
 * index whose candidates are verified exactly (Jaccard and containment on each paragraph's distinct shingles).
 * Updating one file touches only that file's postings.
 */
import { HashSet32 } from '../text/hashSet';
import type { FileModel, ParagraphModel } from '../file';
import { WordScan } from '../text/scan';
import { PostingStore } from './store';
import { candidatePairSteps, PostingList, sortPostingsSteps } from './batch';
import { advance, runToEnd, Steps } from '../steps';
import { filesAtLeast, formulaKeysSteps, wordsOutsideFormulas } from './formulas';

export interface DuplicateOptions {
  /** Paragraphs with fewer words are never duplicates (hashtag lines, signatures, one-line headers). */
  minWords: number;
  /** Near-duplicates need this many words in the smaller paragraph. */
  nearMinWords: number;
  /** Jaccard similarity on word shingles to report a near-duplicate. */
  nearThreshold: number;
  /** Share of a paragraph's shingles found in a longer one to report it as copied into it. */
  containmentThreshold: number;
  /** A paragraph copied into a longer one needs this many words (shorter ones are set phrases and titles). */
  containmentMinWords: number;
  /**
   * An identical paragraph in this many files or more is boilerplate, not a duplicate; a run of words in this many
   * files is a formula, which near-duplicates do not count (see formulas.ts).
   */
  boilerplateMinFiles: number;
  /** Titles up to this many words are formulaic headlines, never duplicates (unless the title is all its entry says). */
  maxHeadlineWords: number;
}

export const DEFAULT_DUPLICATE_OPTIONS: DuplicateOptions = {
  minWords: 8,
  nearMinWords: 10,
  nearThreshold: 0.8,
  containmentThreshold: 0.8,
  containmentMinWords: 20,
  boilerplateMinFiles: 6,
  maxHeadlineWords: 30,
};

/** A fingerprint shared by more paragraphs than this is boilerplate text and yields no candidates. */
const MAX_POSTINGS = 200;
/**
 * After queries for this share of the indexed paragraphs without a change in between, the host is reading every
 * file's findings (a first publication): the remaining pairs are computed all at once (see batch.ts), which costs
 * about as much as looking up half of the paragraphs one by one. After an edit, the edited file and the few files
 * whose matches changed query far fewer.
 */
const BATCH_AFTER_SHARE = 0.125;
const BATCH_AFTER_QUERIES = 256;

export interface ParagraphRef {
  file: string;
  index: number;
}

export type NearRelation = 'near' | 'copied-into' | 'contains';

export interface NearMatch {
  other: ParagraphRef;
  relation: NearRelation;
  /** Jaccard for `near`; containment of the smaller paragraph in the larger for the others. */
  similarity: number;
}

export class DuplicateIndex {
  private readonly models = new Map<string, FileModel>();
  private readonly exact = new Map<number, ParagraphRef[]>();
  /** `isBoilerplate` answers. */
  private boilerplate = new WeakMap<ParagraphRef[], { size: number; answer: boolean }>();
  private readonly postings = new PostingStore();
  /** Paragraph ids: refs by id, a free list, each file's ids by paragraph index (-1: not indexed). */
  private readonly refs: ParagraphRef[] = [];
  private readonly freeIds: number[] = [];
  private readonly idsOf = new Map<string, Int32Array>();
  /** Per-query stamps to visit each candidate once. */
  private stamps = new Int32Array(1024);
  private stamp = 0;
  /** Near matches of every paragraph id, computed at once; dropped by any change. */
  private allNear: Map<number, NearMatch[]> | null = null;
  /** The batch of all near matches under way in steps (see `prepare`); dropped by any change. */
  private allNearBuild: Steps<Map<number, NearMatch[]>> | null = null;
  /** Per file, the paragraphs with an exact group or near matches (see `matchedParagraphs`); dropped by any change. */
  private matched: Map<string, number[]> | null = null;
  private queriesSinceChange = 0;
  private indexedParagraphs = 0;
  /** The store does not hold every indexed paragraph's postings: a bulk load (see `beginLoad`) left them to the batch. */
  private postingsPending = false;
  /** The formula fingerprints, found at once by the batch under way or done; null after a change (the postings tell). */
  private formulas: Set<number> | null = null;

  /**
   * `incremental: false` (a one-shot run) keeps no posting table: near-duplicates are always computed for the whole
   * corpus at once, and a change simply drops them (which files a change affects is then not known).
   */
  constructor(
    private options: DuplicateOptions,
    private readonly incremental = true,
  ) {}

  /**
   * A host is about to load many files without tracking what they affect (the server's initial index): their postings
   * are not added one by one but made at once, sorted, by the batch of all near matches that the first publication
   * runs (see PostingStore). Anything that reads the postings before that (a tracked change, a single query) makes
   * them at once first.
   */
  beginLoad(): void {
    if (this.incremental) this.postingsPending = true;
  }

  setOptions(options: DuplicateOptions): void {
    const files = [...this.models];
    for (const [file] of files) this.setFile(file, null);
    this.options = options;
    this.boilerplate = new WeakMap();
    for (const [file, model] of files) this.setFile(file, model);
  }

  paragraph(ref: ParagraphRef): ParagraphModel {
    return this.models.get(ref.file)!.paragraphs[ref.index];
  }

  model(file: string): FileModel | undefined {
    return this.models.get(file);
  }

  isEligible(p: ParagraphModel): boolean {
    if (p.words < this.options.minWords || p.role === 'preamble') return false;
    // A post's only line is its whole text, not a headline over one (a breaking-news channel's posts are one line).
    return p.role === 'body' || p.alone || p.words > this.options.maxHeadlineWords;
  }

  /**
   * Replaces a file's paragraphs; returns the other files whose duplicate findings may have changed (not tracked,
   * and empty, when `trackAffected` is false: a bulk load republishes everything anyway).
   */
  setFile(file: string, model: FileModel | null, trackAffected = true): Set<string> {
    const tracked = new Set<string>();
    const affected = trackAffected && this.incremental ? tracked : null;
    this.allNear = null;
    this.allNearBuild = null;
    this.matched = null;
    this.formulas = null;
    this.queriesSinceChange = 0;
    // A tracked change reads the postings; an untracked one while they are pending leaves them to the batch.
    if (affected) this.completePostings();
    const old = this.models.get(file);
    // Paragraphs an edit left as they were (same text, same place) change nothing for other files: their postings
    // are replaced without collecting the files that share them (typing in one paragraph affects that paragraph's).
    const stable = affected && old && model ? stableParagraphs(old, model) : null;
    const candidates = affected ? new Set<number>() : null;
    if (old) this.unindex(file, old, affected, stable, candidates);
    if (model) {
      this.models.set(file, model);
      this.index(file, model, affected, stable, candidates);
    } else {
      this.models.delete(file);
    }
    if (candidates?.size) this.addMatching(file, candidates, old, model, stable, tracked);
    tracked.delete(file);
    return tracked;
  }

  /**
   * Of the paragraphs sharing a fingerprint with the file's changed paragraphs, the files of those that were or are a
   * near match of one of them (the others' findings cannot have changed: a shared common phrase is no match).
   */
  private addMatching(
    file: string,
    candidates: Set<number>,
    old: FileModel | undefined,
    model: FileModel | null,
    stable: Uint8Array | null,
    affected: Set<string>,
  ): void {
    const changed: [FileModel, ParagraphModel][] = [];
    for (const [m, isStable] of [[old, stable], [model, stable]] as const) {
      m?.paragraphs.forEach((p, i) => {
        if (!isStable?.[i] && this.isEligible(p) && p.words >= this.options.nearMinWords) changed.push([m, p]);
      });
    }
    for (const id of candidates) {
      const ref = this.refs[id];
      if (ref.file === file || affected.has(ref.file)) continue;
      const qm = this.models.get(ref.file);
      const q = qm?.paragraphs[ref.index];
      if (!qm || !q) continue;
      if (changed.some(([pm, p]) => p.exactKey !== q.exactKey && this.compare(pm, p, qm, q))) affected.add(ref.file);
    }
  }

  /** Makes the postings of every indexed paragraph at once, sorted, when some wait for it (see `beginLoad`). */
  private completePostings(): void {
    if (!this.postingsPending) return;
    this.useAsPostings(runToEnd(sortPostingsSteps(runToEnd(this.postingListSteps()))));
  }

  /** Makes a sorted list of every current posting the store's base (nothing is pending any more). */
  private useAsPostings(sorted: PostingList): void {
    this.postings.setBase(sorted);
    this.postingsPending = false;
  }

  private index(file: string, model: FileModel, tracked: Set<string> | null, stable: Uint8Array | null, candidates: Set<number> | null = null): void {
    const ids = new Int32Array(model.paragraphs.length).fill(-1);
    model.paragraphs.forEach((p, index) => {
      if (!this.isEligible(p)) return;
      const affected = stable?.[index] ? null : tracked;
      const ref = { file, index };
      push(this.exact, p.exactKey, ref, affected);
      if (p.words < this.options.nearMinWords) return;
      const id = this.freeIds.length ? this.freeIds.pop()! : this.refs.length;
      this.refs[id] = ref;
      ids[index] = id;
      this.indexedParagraphs++;
      if (!this.incremental || this.postingsPending) return;
      for (let j = p.fingerprintStart; j < p.fingerprintEnd; j++) {
        const fp = model.hashes[j];
        if (affected) this.collectAffected(fp, file, affected, candidates);
        this.postings.add(fp, id);
      }
    });
    this.idsOf.set(file, ids);
  }

  private unindex(file: string, model: FileModel, tracked: Set<string> | null, stable: Uint8Array | null, candidates: Set<number> | null = null): void {
    const ids = this.idsOf.get(file);
    // The file's paragraphs leave their exact groups together, one pass per group: removed one by one, a paragraph
    // repeated n times in the file made n searches and n shifts of its group (50,000 copies of a line took minutes).
    const leaving = new Map<number, { indices: Set<number>; affected: Set<string> | null }>();
    model.paragraphs.forEach((p, index) => {
      if (!this.isEligible(p)) return;
      const affected = stable?.[index] ? null : tracked;
      const l = leaving.get(p.exactKey);
      if (!l) leaving.set(p.exactKey, { indices: new Set([index]), affected });
      else {
        l.indices.add(index);
        l.affected ??= affected;
      }
      const id = ids ? ids[index] : -1;
      if (id < 0) return;
      if (this.incremental && !this.postingsPending) {
        for (let j = p.fingerprintStart; j < p.fingerprintEnd; j++) {
          const fp = model.hashes[j];
          this.postings.remove(fp, id);
          if (affected) this.collectAffected(fp, file, affected, candidates);
        }
      }
      this.freeIds.push(id);
      this.indexedParagraphs--;
    });
    for (const [key, l] of leaving) pullFile(this.exact, key, file, l.indices, l.affected);
    this.idsOf.delete(file);
  }

  /**
   * The paragraphs holding a fingerprint the change adds or removes (`file`'s own holding it are not among them):
   * candidates (checked by `addMatching`), or, when the change may move the fingerprint across the boilerplate limit
   * (MAX_POSTINGS holders) or make it a formula or no longer one (the holders' files reach `boilerplateMinFiles`), every
   * holder's file and the files of its candidates: which words of the holders count changes whatever the match.
   */
  private collectAffected(fp: number, file: string, affected: Set<string>, candidates: Set<number> | null): void {
    const count = this.postings.count(fp, MAX_POSTINGS);
    const minFiles = this.options.boilerplateMinFiles;
    // Beyond MAX_POSTINGS holders a fingerprint is a formula before and after: its holders are not counted.
    const crossing = count === MAX_POSTINGS || (count < MAX_POSTINGS && count >= minFiles - 1 && this.filesHolding(fp, file) === minFiles - 1);
    this.postings.forEach(
      fp,
      (id) => {
        if (crossing) this.addNeighbourhood(id, affected);
        else if (!candidates) affected.add(this.refs[id].file);
        else candidates.add(id);
      },
      MAX_POSTINGS,
    );
  }

  /** The number of files other than `except` holding the fingerprint, counted up to `boilerplateMinFiles`. */
  private filesHolding(fp: number, except: string): number {
    const files = new Set<string>();
    this.postings.forEach(fp, (id) => {
      const f = this.refs[id].file;
      if (f !== except && files.size < this.options.boilerplateMinFiles) files.add(f);
    });
    return files.size;
  }

  /** Adds the file of paragraph `id` and the files of the paragraphs sharing a fingerprint with it. */
  private addNeighbourhood(id: number, affected: Set<string>): void {
    const ref = this.refs[id];
    affected.add(ref.file);
    const m = this.models.get(ref.file);
    const p = m?.paragraphs[ref.index];
    if (!m || !p) return;
    for (let j = p.fingerprintStart; j < p.fingerprintEnd; j++) this.postings.forEach(m.hashes[j], (other) => affected.add(this.refs[other].file), MAX_POSTINGS);
  }

  /** Whether a fingerprint is a formula's (see formulas.ts): held by paragraphs of `boilerplateMinFiles` files or more. */
  private readonly isFormula = (fp: number): boolean => {
    if (this.formulas) return this.formulas.has(fp);
    const count = this.postings.count(fp, MAX_POSTINGS);
    if (count > MAX_POSTINGS) return true;
    if (count < this.options.boilerplateMinFiles) return false;
    const ids: number[] = [];
    this.postings.forEach(fp, (id) => ids.push(id));
    return filesAtLeast(ids, this.options.boilerplateMinFiles, (id) => this.refs[id].file);
  };

  /** Whether one of the paragraph's fingerprints is a formula's. */
  private holdsFormula(m: FileModel, p: ParagraphModel): boolean {
    for (let j = p.fingerprintStart; j < p.fingerprintEnd; j++) if (this.isFormula(m.hashes[j])) return true;
    return false;
  }

  /**
   * Whether an exact group is boilerplate (in `boilerplateMinFiles` files or more), kept per group and size: every
   * member asks, and a line repeated 50,000 times in one file made 50,000 counts of 50,000 files. A group grows in
   * place and is replaced when it loses members, so its size tells a kept answer from a stale one.
   */
  private isBoilerplate(group: ParagraphRef[]): boolean {
    const known = this.boilerplate.get(group);
    if (known && known.size === group.length) return known.answer;
    const answer = inFilesAtLeast(group, this.options.boilerplateMinFiles);
    this.boilerplate.set(group, { size: group.length, answer });
    return answer;
  }

  /**
   * The paragraphs of a file that can have duplicate findings (in an exact group of two or more, or with near matches),
   * ascending; null when that is not known (every paragraph can). Known once the batch of all near matches is ready, and
   * until the next change: then reading every file's findings asks only those paragraphs for their group and matches,
   * where asking each paragraph of the corpus took two lookups in tables of every paragraph.
   */
  matchedParagraphs(file: string): number[] | null {
    if (!this.allNear) return null;
    if (!this.matched) {
      const byFile = new Map<string, number[]>();
      const add = (r: ParagraphRef): void => {
        const list = byFile.get(r.file);
        if (list) list.push(r.index);
        else byFile.set(r.file, [r.index]);
      };
      for (const group of this.exact.values()) if (group.length >= 2) for (const r of group) add(r);
      for (const id of this.allNear.keys()) add(this.refs[id]);
      for (const [f, list] of byFile) byFile.set(f, [...new Set(list)].sort((a, b) => a - b));
      this.matched = byFile;
    }
    return this.matched.get(file) ?? [];
  }

  /** The other members of a paragraph's exact group, or null when it has none or the group is boilerplate. */
  exactGroup(file: string, index: number): ParagraphRef[] | null {
    const p = this.models.get(file)?.paragraphs[index];
    if (!p || !this.isEligible(p)) return null;
    const group = this.exact.get(p.exactKey);
    if (!group || group.length < 2) return null;
    if (this.isBoilerplate(group)) return null;
    return group;
  }

  /** Near-duplicates and containments of one paragraph, best first. */
  nearMatches(file: string, index: number): NearMatch[] {
    const model = this.models.get(file);
    const p = model?.paragraphs[index];
    if (!p || !this.isEligible(p) || p.words < this.options.nearMinWords) return [];
    const exactGroup = this.exact.get(p.exactKey);
    if (exactGroup && this.isBoilerplate(exactGroup)) return [];
    const self = this.idsOf.get(file)?.[index] ?? -1;
    // The batch, finishing one a host has begun in steps (`prepare`) rather than starting another.
    if (!this.allNear && this.wouldBatch(++this.queriesSinceChange)) this.prepare(() => false);
    if (this.allNear) return this.allNear.get(self) ?? [];
    this.completePostings();
    if (this.stamps.length < this.refs.length) this.stamps = new Int32Array(this.refs.length * 2);
    const stamp = ++this.stamp;
    const out: NearMatch[] = [];
    const visit = (id: number): void => {
      if (id === self || this.stamps[id] === stamp) return;
      this.stamps[id] = stamp;
      const ref = this.refs[id];
      const qm = this.models.get(ref.file)!;
      const q = qm.paragraphs[ref.index];
      if (q.exactKey === p.exactKey) return;
      const m = this.compare(model!, p, qm, q);
      if (m) out.push({ other: ref, ...m });
    };
    for (let j = p.fingerprintStart; j < p.fingerprintEnd; j++) this.postings.forEach(model!.hashes[j], visit, MAX_POSTINGS);
    return out.sort(bestFirst);
  }

  /**
   * Computes the near matches of every paragraph at once (what a publication of every file's findings reads), in
   * steps: works until `shouldStop()` says so between two pieces of work, and returns false when more remains (call
   * again; a change in between starts over), true when the batch is ready.
   */
  prepare(shouldStop: () => boolean): boolean {
    if (this.allNear) return true;
    this.allNearBuild ??= this.allNearSteps();
    const done = advance(this.allNearBuild, shouldStop);
    if (!done) return false;
    this.allNear = done.value;
    this.allNearBuild = null;
    return true;
  }

  /**
   * Computes the batch in steps when `queries` more calls of `nearMatches` would start it: for a host about to ask
   * about many paragraphs at once (the events of the people index), so that the batch never runs in one piece.
   */
  *prepareForQueries(queries: number): Steps<void> {
    if (this.allNear || !this.wouldBatch(this.queriesSinceChange + queries)) return;
    while (!this.prepare(() => true)) yield;
  }

  /** Whether this many queries since the last change make `nearMatches` compute every paragraph's matches at once. */
  private wouldBatch(queries: number): boolean {
    return !this.incremental || queries > Math.max(BATCH_AFTER_QUERIES, this.indexedParagraphs * BATCH_AFTER_SHARE);
  }

  /** The near matches of every indexed paragraph, each pair verified once (the same as `nearMatches` one by one). */
  private *allNearSteps(): Steps<Map<number, NearMatch[]>> {
    const sorted = yield* sortPostingsSteps(yield* this.postingListSteps());
    // Every current posting, sorted: the postings of an incremental index from now on (a change in between would
    // have dropped this batch).
    if (this.incremental) this.useAsPostings(sorted);
    const formulas = yield* formulaKeysSteps(sorted.keys, sorted.ids, sorted.length, this.options.boilerplateMinFiles, MAX_POSTINGS, (id) => this.refs[id].file);
    yield;
    this.formulas = formulas;
    const out = new Map<number, NearMatch[]>();
    const add = (id: number, m: NearMatch): void => {
      const l = out.get(id);
      if (l) l.push(m);
      else out.set(id, [m]);
    };
    yield* candidatePairSteps(sorted, MAX_POSTINGS, this.refs.length, (a, b) => {
      const pm = this.models.get(this.refs[a].file)!;
      const qm = this.models.get(this.refs[b].file)!;
      const p = pm.paragraphs[this.refs[a].index];
      const q = qm.paragraphs[this.refs[b].index];
      if (p.exactKey === q.exactKey) return;
      const m = this.compare(pm, p, qm, q);
      if (!m) return;
      add(a, { other: this.refs[b], ...m });
      add(b, { other: this.refs[a], relation: REVERSED[m.relation], similarity: m.similarity });
    });
    let sortedLists = 0;
    for (const l of out.values()) {
      l.sort(bestFirst);
      if (++sortedLists % 1024 === 0) yield;
    }
    return out;
  }

  /** Every posting of the indexed paragraphs (unsorted), made in steps. */
  private *postingListSteps(): Steps<PostingList> {
    let length = 0;
    let counted = 0;
    for (const [file, ids] of this.idsOf) {
      const paragraphs = this.models.get(file)!.paragraphs;
      for (let i = 0; i < ids.length; i++) if (ids[i] >= 0) length += paragraphs[i].fingerprintEnd - paragraphs[i].fingerprintStart;
      if (++counted % 1024 === 0) yield;
    }
    const list = { keys: new Uint32Array(length), ids: new Int32Array(length), length };
    let at = 0;
    let files = 0;
    for (const [file, ids] of this.idsOf) {
      const { paragraphs, hashes } = this.models.get(file)!;
      for (let i = 0; i < ids.length; i++) {
        if (ids[i] < 0) continue;
        for (let j = paragraphs[i].fingerprintStart; j < paragraphs[i].fingerprintEnd; j++) {
          list.keys[at] = hashes[j];
          list.ids[at++] = ids[i];
        }
      }
      if (++files % 256 === 0) yield;
    }
    yield;
    return list;
  }

  /**
   * The word-order similarity of two paragraphs (their normalized words) whose shingles fell short of the Jaccard
   * threshold (see `alignedWords`; required: halfway between the near threshold and identity), or 0. Only for
   * paragraphs of `containmentMinWords` words or more: shorter ones that differ by a word are formulas (datelines
   * «بريدة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس»), and of similar lengths.
   */
  private alignedSimilarity(a: Uint32Array, b: Uint32Array): number {
    return this.mayAlign(a.length, b.length) ? alignedWords(a, b, this.alignThreshold()) : 0;
  }

  /** Whether paragraphs of these many words can reach the alignment's threshold (told before their words are read). */
  private mayAlign(wordsA: number, wordsB: number): boolean {
    const shorter = Math.min(wordsA, wordsB);
    return shorter >= this.options.containmentMinWords && shorter >= this.alignThreshold() * Math.max(wordsA, wordsB);
  }

  private alignThreshold(): number {
    return (1 + this.options.nearThreshold) / 2;
  }

  /**
   * How two paragraphs relate, if they do. When one of them holds formula words (see formulas.ts), the relation must
   * hold on the rest too: the words that differ beside a shared formula are what each paragraph reports.
   */
  private compare(pm: FileModel, p: ParagraphModel, qm: FileModel, q: ParagraphModel): { relation: NearRelation; similarity: number } | null {
    const m = this.relation(pm, p, qm, q);
    if (!m || isUpdate(pm, p, qm, q)) return null;
    if (!this.holdsFormula(pm, p) && !this.holdsFormula(qm, q)) return m;
    return this.holdsOutsideFormulas(pm, p, qm, q, m.relation) ? m : null;
  }

  private relation(pm: FileModel, p: ParagraphModel, qm: FileModel, q: ParagraphModel): { relation: NearRelation; similarity: number } | null {
    const na = p.shingleEnd - p.shingleStart;
    const nb = q.shingleEnd - q.shingleStart;
    if (!na || !nb) return null;
    const inter = intersectionSize(pm.hashes, p.shingleStart, p.shingleEnd, qm.hashes, q.shingleStart, q.shingleEnd);
    if (!inter) return null;
    const jaccard = inter / (na + nb - inter);
    if (jaccard >= this.options.nearThreshold) return { relation: 'near', similarity: jaccard };
    const aligned = jaccard >= ALIGN_MIN_JACCARD && this.mayAlign(p.words, q.words) ? this.alignedSimilarity(wordsOf(pm, p, 0), wordsOf(qm, q, 1)) : 0;
    if (aligned) return { relation: 'near', similarity: aligned };
    const t = this.options.containmentThreshold;
    const min = this.options.containmentMinWords;
    if (na < nb && p.words >= min && inter / na >= t) return { relation: 'copied-into', similarity: inter / na };
    if (nb < na && q.words >= min && inter / nb >= t) return { relation: 'contains', similarity: inter / nb };
    return null;
  }

  /**
   * `relation` when formulas are set aside: the words outside formulas that both paragraphs share (in a shingle both
   * hold) must be a paragraph's worth (`nearMinWords`) on each side and, of the words outside formulas, the share the
   * relation requires (both paragraphs' for a near-duplicate, the shorter one's for a copy). Counted in words, not
   * shingles: a word edited beside a formula costs one word, not the five shingles that would outweigh the rest.
   */
  private holdsOutsideFormulas(pm: FileModel, p: ParagraphModel, qm: FileModel, q: ParagraphModel, relation: NearRelation): boolean {
    const a = wordsOutsideFormulas(pm.text, p.compareStart, p.compareEnd, this.isFormula, qm.hashes, q.shingleStart, q.shingleEnd);
    const b = wordsOutsideFormulas(qm.text, q.compareStart, q.compareEnd, this.isFormula, pm.hashes, p.shingleStart, p.shingleEnd);
    const min = this.options.nearMinWords;
    if (a.shared < min || b.shared < min) return false;
    if (relation === 'copied-into') return a.shared >= this.options.containmentThreshold * a.outside;
    if (relation === 'contains') return b.shared >= this.options.containmentThreshold * b.outside;
    return a.shared + b.shared >= this.options.nearThreshold * (a.outside + b.outside);
  }
}

/** Scans of the two paragraphs being compared, whose arrays the next comparison reuses (comparing never reenters). */
const pairScans: [WordScan | undefined, WordScan | undefined] = [undefined, undefined];

/** A scan of a paragraph's compared words; valid until the next call for the same side of a pair. */
function scanOf(m: FileModel, p: ParagraphModel, side: 0 | 1): WordScan {
  return (pairScans[side] = new WordScan(m.text, p.compareStart, p.compareEnd, pairScans[side]));
}

/** A paragraph's normalized words, in text order; valid until the next call for the same side of a pair. */
function wordsOf(m: FileModel, p: ParagraphModel, side: 0 | 1): Uint32Array {
  const scan = scanOf(m, p, side);
  return scan.normHashes.subarray(0, scan.count);
}

/**
 * Whether two paragraphs are two days' issues of one bulletin rather than copies: their entries have different dates
 * and the paragraphs differ only in numbers (a casualty toll, a league table: «ارتفاع الحصيلة إلى 31,112 شهيداً» the
 * next day «31,184 شهيداً»). Numbers written as words («ثلاث» / «أربع») are words: such a pair stays a near-duplicate,
 * and so does one whose entries share a date or are undated (a figure corrected in a repost).
 */
function isUpdate(pm: FileModel, p: ParagraphModel, qm: FileModel, q: ParagraphModel): boolean {
  const a = p.entry >= 0 ? pm.entries[p.entry]?.date : null;
  const b = q.entry >= 0 ? qm.entries[q.entry]?.date : null;
  if (!a || !b || a === b) return false;
  const x = scanOf(pm, p, 0);
  const y = scanOf(qm, q, 1);
  // The words that are not numbers, in order, must be the same (the paragraphs are not identical: numbers differ);
  // «31,112» is two words, both numbers.
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < x.count && x.isNumber(i)) i++;
    while (j < y.count && y.isNumber(j)) j++;
    if (i === x.count || j === y.count) return i === x.count && j === y.count;
    if (x.normHashes[i] !== y.normHashes[j]) return false;
    i++;
    j++;
  }
}

/** The two rows of the alignment's table, reused from pair to pair. */
let alignRows = [new Int32Array(256), new Int32Array(256)];

/**
 * The share of words two paragraphs have in the same order (longest common subsequence of their normalized words over
 * the longer one's length), when it reaches `threshold`, else 0. Shingles punish a changed word five times over, so a
 * short paragraph with one word changed misses the Jaccard threshold (a 40-word one falls to 0.76): the word
 * alignment says it is the same paragraph.
 */
export function alignedWords(a: Uint32Array, b: Uint32Array, threshold: number): number {
  const longer = Math.max(a.length, b.length);
  if (!longer || Math.min(a.length, b.length) < threshold * longer) return 0;
  if (alignRows[0].length < b.length + 1) alignRows = [new Int32Array(2 * b.length + 2), new Int32Array(2 * b.length + 2)];
  let [prev, row] = alignRows;
  prev.fill(0, 0, b.length + 1);
  row[0] = 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    [prev, row] = [row, prev];
  }
  const ratio = prev[b.length] / longer;
  return ratio >= threshold ? ratio : 0;
}

/**
 * Word alignment is tried only for pairs whose shingles already overlap this much: candidates that merely share a
 * fingerprint of a common phrase are not aligned at all. One changed word in a 20-word paragraph leaves 0.52, but a
 * story republished with three small edits far apart («خمسة بالمئة» / «5%», «(أوبك)» added, «أوبك بلس» / «أوبك+»)
 * leaves 0.36–0.45 of a 36-word paragraph while 92% of its words align: the alignment (90% of 20 words or more) decides.
 */
const ALIGN_MIN_JACCARD = 0.35;

/**
 * Which paragraphs (by index) are the same in both versions of a file: same normalized text and shingles, same lines
 * and columns (what other files' findings show of them), and the same eligibility.
 */
function stableParagraphs(old: FileModel, model: FileModel): Uint8Array {
  const out = new Uint8Array(model.paragraphs.length);
  const n = Math.min(old.paragraphs.length, model.paragraphs.length);
  for (let i = 0; i < n; i++) {
    const a = old.paragraphs[i];
    const b = model.paragraphs[i];
    if (a.exactKey !== b.exactKey || a.words !== b.words || a.role !== b.role || a.alone !== b.alone || a.entry !== b.entry) continue;
    if (a.firstLine !== b.firstLine || a.lastLine !== b.lastLine) continue;
    if (a.start - old.lineIndex.starts[a.firstLine] !== b.start - model.lineIndex.starts[b.firstLine]) continue;
    if (a.end - old.lineIndex.starts[a.lastLine] !== b.end - model.lineIndex.starts[b.lastLine]) continue;
    if (a.compareStart - a.start !== b.compareStart - b.start || a.end - a.compareEnd !== b.end - b.compareEnd) continue;
    if (!sameRun(old.hashes, a.shingleStart, a.fingerprintEnd, model.hashes, b.shingleStart, b.fingerprintEnd)) continue;
    out[i] = 1;
  }
  return out;
}

function sameRun(a: Uint32Array, aFrom: number, aTo: number, b: Uint32Array, bFrom: number, bTo: number): boolean {
  if (aTo - aFrom !== bTo - bFrom) return false;
  for (let k = 0; k < aTo - aFrom; k++) if (a[aFrom + k] !== b[bFrom + k]) return false;
  return true;
}

const REVERSED: Record<NearRelation, NearRelation> = { near: 'near', 'copied-into': 'contains', contains: 'copied-into' };

/** Best match first; ties broken by location so that every host reports the same order. */
function bestFirst(a: NearMatch, b: NearMatch): number {
  return b.similarity - a.similarity || (a.other.file < b.other.file ? -1 : a.other.file > b.other.file ? 1 : a.other.index - b.other.index);
}

function push(map: Map<number, ParagraphRef[]>, key: number, ref: ParagraphRef, affected: Set<string> | null): void {
  const list = map.get(key);
  if (list) {
    // Beyond MAX_POSTINGS the key is boilerplate and yields no findings: nobody else is affected.
    if (affected && list.length <= MAX_POSTINGS) for (const r of list) affected.add(r.file);
    list.push(ref);
  } else {
    map.set(key, [ref]);
  }
}

/** Removes a file's paragraphs `indices` from the exact group of `key`; the files left in it may see their findings change. */
function pullFile(map: Map<number, ParagraphRef[]>, key: number, file: string, indices: Set<number>, affected: Set<string> | null): void {
  const list = map.get(key);
  if (!list) return;
  const kept = list.filter((r) => r.file !== file || !indices.has(r.index));
  if (!kept.length) map.delete(key);
  else {
    if (kept.length !== list.length) map.set(key, kept);
    // Beyond MAX_POSTINGS the key is boilerplate and yields no findings: nobody else is affected.
    if (affected && kept.length <= MAX_POSTINGS + 1) for (const r of kept) affected.add(r.file);
  }
}

/** Whether the paragraphs are in at least `files` distinct files (stops counting there). */
function inFilesAtLeast(refs: ParagraphRef[], files: number): boolean {
  if (refs.length < files) return false;
  const seen = new Set<string>();
  for (const r of refs) if (seen.add(r.file).size >= files) return true;
  return false;
}

/**
 * The set `intersectionSize` fills (comparing never reenters), and the run it holds: one paragraph is compared with
 * each of its candidates in turn (the batch visits the pairs by their first paragraph), so its shingles go into the
 * set once, and each candidate's are looked up in it.
 */
const intersectionScratch = new HashSet32();
let heldArray: Uint32Array | null = null;
let heldStart = 0;
let heldEnd = 0;

/**
 * Size of the intersection of two runs of distinct values (in any order), `a[i, aEnd)` and `b[j, bEnd)`. The run of `a`
 * is held from call to call (known by the array and its bounds): a model's arrays never change, and a caller must not
 * change the values of a run between two calls with it.
 */
export function intersectionSize(a: Uint32Array, i: number, aEnd: number, b: Uint32Array, j: number, bEnd: number): number {
  const set = intersectionScratch;
  if (heldArray !== a || heldStart !== i || heldEnd !== aEnd) {
    set.reset(aEnd - i);
    for (let k = i; k < aEnd; k++) set.add(a[k]);
    heldArray = a;
    heldStart = i;
    heldEnd = aEnd;
  }
  let n = 0;
  for (; j < bEnd; j++) if (set.has(b[j])) n++;
  return n;
}
