/**
 * The corpus: the one entry point of the analysis core, shared by the CLI and the language server. Hosts push file
 * contents in with `applyChange` and read findings and entries back. Per-file work is memoized on the file's text;
 * the cross-file indexes (duplicates, names) are updated from per-file summaries, so one edit touches one file.
 */
import type { CorpusChange, EntryInfo, Finding, RuleCode, Severity } from './types';
import { analyzeFile, FileModel } from './file';
import { DuplicateIndex } from './duplicates/index';
import { NameIndex, VariantDecision } from './names/variants';
import { Interner } from './text/intern';
import { CorpusConfig, defaultConfig } from './config';
import { duplicateFindings } from './rules/duplicateFindings';
import { nameVariantFindings } from './rules/nameVariantFindings';
import { dateFindings } from './rules/dateFindings';
import { PeopleIndex, PeopleSnapshot, RegistrySource } from './people/index';
import type { RegistryError } from './people/registry';

/** Changes of more files than this are bulk loads: other affected files are not tracked one by one. */
const BULK_CHANGE = 64;

export interface CorpusOptions {
  config?: CorpusConfig;
  /** How a file is named in messages (a relative path); defaults to the key itself. */
  describe?: (file: string) => string;
  /**
   * False for a one-shot run (a CLI check): no structure for fast single-file updates is kept (less memory, faster
   * loading), and every change is handled as a bulk change. Defaults to true (an editor session).
   */
  incremental?: boolean;
}

export interface ChangeResult {
  /** Files other than the changed ones whose findings may have changed (duplicates or name variants). */
  affected: Set<string>;
  /**
   * True when the corpus-wide name decisions changed (always true for a bulk change), so any file's name findings may
   * differ; otherwise only the changed and `affected` files' findings can have changed.
   */
  namesChanged: boolean;
}

export interface CorpusStats {
  files: number;
  entries: number;
  findings: Record<RuleCode, number>;
}

export class Corpus {
  private config: CorpusConfig;
  private readonly models = new Map<string, FileModel>();
  /** The entries of every model, kept as models come and go (a host's status asks for it after every change). */
  private entryTotal = 0;
  private readonly duplicates: DuplicateIndex;
  private readonly names: NameIndex;
  private readonly findingsCache = new Map<string, Finding[]>();
  /**
   * Each file's findings by source, so that a change re-derives only the stale part: duplicates (when another file's
   * paragraphs changed), name variants (when a decision changed), the file's own (dates: only when it changed).
   */
  private readonly partsCache = new Map<string, FindingParts>();
  private readonly describeFile: (file: string) => string;
  /** The name decisions the cached findings were made with (null: unknown, after a bulk load). */
  private lastDecisions: Map<string, VariantDecision> | null = null;
  /** Spellings of the whole corpus, interned once. */
  private readonly interner = new Interner();
  /** People, places and events: a snapshot rebuilt lazily after changes. */
  private readonly peopleIndex = new PeopleIndex();
  private readonly incremental: boolean;

  constructor(options: CorpusOptions = {}) {
    this.config = options.config ?? defaultConfig();
    this.describeFile = options.describe ?? ((f) => f);
    this.incremental = options.incremental ?? true;
    this.duplicates = new DuplicateIndex(this.config.duplicates, this.incremental);
    this.names = new NameIndex(this.config.names, this.interner);
  }

  getConfig(): CorpusConfig {
    return this.config;
  }

  setConfig(config: CorpusConfig): void {
    this.config = config;
    this.duplicates.setOptions(config.duplicates);
    this.names.setOptions(config.names);
    this.findingsCache.clear();
    this.partsCache.clear();
    this.lastDecisions = null;
    this.peopleIndex.reset();
  }

  /**
   * Adds, replaces or removes files. Other affected files are not tracked for a bulk change: with more than
   * BULK_CHANGE files `affected` holds every file of the corpus; with `bulk` (a load in steps, after which the host
   * publishes everything anyway) it is left empty, so that loading n files in k steps costs no k × n bookkeeping.
   */
  applyChange(change: CorpusChange, options: { bulk?: boolean } = {}): ChangeResult {
    const affected = new Set<string>();
    const track = this.incremental && !options.bulk && (change.changed?.length ?? 0) + (change.removed?.length ?? 0) <= BULK_CHANGE;
    let namesChanged = false;
    for (const file of change.removed ?? []) {
      const gone = this.models.get(file);
      if (!gone) continue;
      this.models.delete(file);
      this.entryTotal -= gone.entries.length;
      for (const f of this.duplicates.setFile(file, null, track)) affected.add(f);
      this.names.setFile(file, null);
      namesChanged = true;
    }
    for (const { file, text, analysis } of change.changed ?? []) {
      const old = this.models.get(file);
      if (old && old.text === text) continue;
      const model = analysis && analysis.text === text ? this.adopt(analysis) : analyzeFile(text, this.interner);
      this.models.set(file, model);
      this.entryTotal += model.entries.length - (old?.entries.length ?? 0);
      for (const f of this.duplicates.setFile(file, model, track)) affected.add(f);
      this.names.setFile(file, model);
      namesChanged = true;
      affected.add(file);
    }
    if (namesChanged) {
      this.peopleIndex.invalidate(track ? affected : undefined);
      // Name findings of other files change only when a decision does (its canonical spelling, class or counts):
      // after a small edit, compare the (incrementally updated) decisions instead of dropping every file's findings.
      const decisions = track ? this.names.variants() : null;
      namesChanged = !decisions || !this.lastDecisions || !sameDecisions(this.lastDecisions, decisions);
      this.lastDecisions = decisions;
    }
    // Changed files lose everything; other affected files their duplicate findings; a changed decision, name findings.
    // Untracked (bulk) changes may affect any file's duplicates: everything is derived again.
    if (!track) this.partsCache.clear();
    for (const f of change.removed ?? []) this.partsCache.delete(f);
    for (const { file } of change.changed ?? []) this.partsCache.delete(file);
    for (const f of affected) {
      const parts = this.partsCache.get(f);
      if (parts) parts.duplicates = undefined;
    }
    if (namesChanged) {
      for (const parts of this.partsCache.values()) parts.names = undefined;
      this.findingsCache.clear();
    } else {
      for (const f of affected) this.findingsCache.delete(f);
    }
    if (!track && !options.bulk) for (const f of this.models.keys()) affected.add(f);
    for (const f of change.removed ?? []) affected.delete(f);
    for (const { file } of change.changed ?? []) affected.delete(file);
    return { affected, namesChanged };
  }

  /**
   * Takes a model analyzed elsewhere. A summary listing its spellings (a shard's) is interned in this corpus; one
   * without has this corpus' ids already (a host that translated them with `internSpellings`).
   */
  private adopt(model: FileModel): FileModel {
    const { spellings, ...words } = model.words;
    if (!spellings) return model;
    return { ...model, words: { ...words, ids: Uint32Array.from(spellings, (s) => this.interner.id(s)) } };
  }

  /** This corpus' ids of the given spellings (for a host that translates analyses made with another table). */
  internSpellings(spellings: string[]): Uint32Array {
    return Uint32Array.from(spellings, (s) => this.interner.id(s));
  }

  /** The spelling of one of this corpus' ids. */
  spelling(id: number): string {
    return this.interner.string(id);
  }

  /** This corpus' id of a spelling, or -1 when it has never seen it (nothing is interned: a lookup for hosts). */
  spellingId(spelling: string): number {
    return this.interner.peek(spelling);
  }

  has(file: string): boolean {
    return this.models.has(file);
  }

  files(): string[] {
    return [...this.models.keys()];
  }

  text(file: string): string | undefined {
    return this.models.get(file)?.text;
  }

  model(file: string): FileModel | undefined {
    return this.models.get(file);
  }

  /** How many spellings this corpus' table holds (ids run from 0 to one less). */
  spellingCount(): number {
    return this.interner.size;
  }

  entries(file: string): EntryInfo[] {
    return this.models.get(file)?.entries ?? [];
  }

  /** How many files and entries the corpus holds (constant time: a status after every keystroke asks for it). */
  size(): { files: number; entries: number } {
    return { files: this.models.size, entries: this.entryTotal };
  }

  /** All findings of one file, sorted by position, with severities and suppressions applied. */
  findings(file: string): Finding[] {
    const cached = this.findingsCache.get(file);
    if (cached) return cached;
    const model = this.models.get(file);
    if (!model) return [];
    const ctx = { file, model, config: this.config, describe: this.describeFile, severity: (c: RuleCode) => this.severity(c) };
    let parts = this.partsCache.get(file);
    if (!parts) this.partsCache.set(file, (parts = {}));
    parts.duplicates ??= duplicateFindings(ctx, this.duplicates, this.models);
    parts.names ??= nameVariantFindings(ctx, this.names);
    parts.own ??= dateFindings(ctx);
    const result = [...parts.duplicates, ...parts.names, ...parts.own]
      .filter((f) => !isSuppressed(model, f))
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : 1));
    this.findingsCache.set(file, result);
    return result;
  }

  private severity(code: RuleCode): Severity | null {
    const s = this.config.rules[code];
    return s === 'off' ? null : s;
  }

  stats(): CorpusStats {
    const findings = {} as Record<RuleCode, number>;
    for (const code of Object.keys(this.config.rules) as RuleCode[]) findings[code] = 0;
    for (const file of this.models.keys()) {
      for (const f of this.findings(file)) findings[f.code] = (findings[f.code] ?? 0) + 1;
    }
    return { ...this.size(), findings };
  }

  /**
   * Does the corpus-wide work that reading every file's findings needs (the first name decisions, the batch of all
   * near-duplicates) in steps, for a host that must keep answering: works until `shouldStop()` says so between two
   * steps (each a few milliseconds); false when more remains (call again; a change in between starts it over), true
   * when everything is ready. A host that never calls it gets the same results computed on first use.
   */
  prepare(shouldStop: () => boolean): boolean {
    if (!this.names.prepare(shouldStop)) return false;
    return this.duplicates.prepare(shouldStop);
  }

  /**
   * Says that many files are about to be loaded in bulk (`applyChange` with `bulk`): the duplicate index then leaves
   * their postings to the first batch of all near matches (see `prepare`).
   */
  beginLoad(): void {
    this.duplicates.beginLoad();
  }

  /** The name index (spelling variants; the people index builds on it). */
  nameIndex(): NameIndex {
    return this.names;
  }

  duplicateIndex(): DuplicateIndex {
    return this.duplicates;
  }

  /** People, places and events of the corpus (built on first use after a change; per-file work is memoized). */
  people(): PeopleSnapshot {
    return this.peopleIndex.get({ models: this.models, names: this.names, duplicates: this.duplicates });
  }

  /** Sets the registry of people and places (null: none); returns its errors, and an invalid registry is ignored. */
  setRegistry(source: RegistrySource | null): RegistryError[] {
    return this.peopleIndex.setRegistry(source);
  }

  /** The people index itself (timings of the last build, the registry in use). */
  peopleIndexState(): PeopleIndex {
    return this.peopleIndex;
  }
}

interface FindingParts {
  duplicates?: Finding[];
  names?: Finding[];
  own?: Finding[];
}

function sameDecisions(a: Map<string, VariantDecision>, b: Map<string, VariantDecision>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [spelling, d] of b) {
    const o = a.get(spelling);
    if (!o || o.canonical !== d.canonical || o.variantClass !== d.variantClass || o.source !== d.source) return false;
    if (o.canonicalCount !== d.canonicalCount || o.variantCount !== d.variantCount) return false;
  }
  return true;
}

function isSuppressed(model: FileModel, f: Finding): boolean {
  for (const s of model.suppressions) {
    if (s.line !== -1 && s.line !== f.range.start.line) continue;
    if (!s.codes.length || s.codes.includes(f.code)) return true;
  }
  return false;
}
