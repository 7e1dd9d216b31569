/**
 * The cross-file duplicate index: exact groups keyed by the normalized paragraph hash, and a winnowing fingerprint
 * index whose candidates are verified exactly (Jaccard and containment on sorted shingle arrays).
 * Updating one file touches only that file's postings.
 */
import type { FileModel, ParagraphModel } from '../file';

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
  /** An identical paragraph in this many files or more is boilerplate, not a duplicate. */
  boilerplateMinFiles: number;
  /** Titles of posts up to this many words are formulaic headlines, never duplicates. */
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
  private readonly postings = new Map<number, ParagraphRef[]>();

  constructor(private options: DuplicateOptions) {}

  setOptions(options: DuplicateOptions): void {
    const files = [...this.models];
    for (const [file] of files) this.setFile(file, null);
    this.options = options;
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
    return p.role === 'body' || p.words > this.options.maxHeadlineWords;
  }

  /**
   * Replaces a file's paragraphs; returns the other files whose duplicate findings may have changed (not tracked,
   * and empty, when `trackAffected` is false: a bulk load republishes everything anyway).
   */
  setFile(file: string, model: FileModel | null, trackAffected = true): Set<string> {
    const tracked = new Set<string>();
    const affected = trackAffected ? tracked : null;
    const old = this.models.get(file);
    if (old) this.unindex(file, old, affected);
    if (model) {
      this.models.set(file, model);
      this.index(file, model, affected);
    } else {
      this.models.delete(file);
    }
    tracked.delete(file);
    return tracked;
  }

  private index(file: string, model: FileModel, affected: Set<string> | null): void {
    model.paragraphs.forEach((p, index) => {
      if (!this.isEligible(p)) return;
      const ref = { file, index };
      push(this.exact, p.exactKey, ref, affected);
      if (p.words >= this.options.nearMinWords) for (const fp of p.fingerprints) push(this.postings, fp, ref, affected);
    });
  }

  private unindex(file: string, model: FileModel, affected: Set<string> | null): void {
    model.paragraphs.forEach((p, index) => {
      if (!this.isEligible(p)) return;
      pull(this.exact, p.exactKey, file, index, affected);
      if (p.words >= this.options.nearMinWords) for (const fp of p.fingerprints) pull(this.postings, fp, file, index, affected);
    });
  }

  /** The other members of a paragraph's exact group, or null when it has none or the group is boilerplate. */
  exactGroup(file: string, index: number): ParagraphRef[] | null {
    const p = this.models.get(file)?.paragraphs[index];
    if (!p || !this.isEligible(p)) return null;
    const group = this.exact.get(p.exactKey);
    if (!group || group.length < 2) return null;
    if (distinctFiles(group) >= this.options.boilerplateMinFiles) return null;
    return group;
  }

  /** Near-duplicates and containments of one paragraph, best first. */
  nearMatches(file: string, index: number): NearMatch[] {
    const p = this.models.get(file)?.paragraphs[index];
    if (!p || !this.isEligible(p) || p.words < this.options.nearMinWords) return [];
    const exactGroup = this.exact.get(p.exactKey);
    if (exactGroup && distinctFiles(exactGroup) >= this.options.boilerplateMinFiles) return [];
    // A paragraph's ref is one object shared by all its postings: dedupe by identity.
    const seen = new Set<ParagraphRef>();
    const out: NearMatch[] = [];
    for (const fp of p.fingerprints) {
      const list = this.postings.get(fp);
      if (!list || list.length > MAX_POSTINGS) continue;
      for (const ref of list) {
        if (seen.has(ref) || (ref.file === file && ref.index === index)) continue;
        seen.add(ref);
        const q = this.paragraph(ref);
        if (q.exactKey === p.exactKey) continue;
        const m = this.compare(p, q);
        if (m) out.push({ other: ref, ...m });
      }
    }
    return out.sort((a, b) => b.similarity - a.similarity);
  }

  private compare(p: ParagraphModel, q: ParagraphModel): { relation: NearRelation; similarity: number } | null {
    const a = p.shingles;
    const b = q.shingles;
    if (!a.length || !b.length) return null;
    const inter = intersectionSize(a, b);
    if (!inter) return null;
    const jaccard = inter / (a.length + b.length - inter);
    if (jaccard >= this.options.nearThreshold) return { relation: 'near', similarity: jaccard };
    const t = this.options.containmentThreshold;
    const min = this.options.containmentMinWords;
    if (a.length < b.length && p.words >= min && inter / a.length >= t) return { relation: 'copied-into', similarity: inter / a.length };
    if (b.length < a.length && q.words >= min && inter / b.length >= t) {
      return { relation: 'contains', similarity: inter / b.length };
    }
    return null;
  }
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

function pull(
  map: Map<number, ParagraphRef[]>,
  key: number,
  file: string,
  index: number,
  affected: Set<string> | null,
): void {
  const list = map.get(key);
  if (!list) return;
  const i = list.findIndex((r) => r.file === file && r.index === index);
  if (i >= 0) list.splice(i, 1);
  if (!list.length) map.delete(key);
  else if (affected && list.length <= MAX_POSTINGS + 1) for (const r of list) affected.add(r.file);
}

function distinctFiles(refs: ParagraphRef[]): number {
  if (refs.length < 2) return refs.length;
  return new Set(refs.map((r) => r.file)).size;
}

/** Size of the intersection of two sorted arrays of unique values. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}
