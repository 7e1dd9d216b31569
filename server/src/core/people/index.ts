/**
 * The people, places and events of the corpus, behind hover, go to definition, references and
 * `corpus-lint entities`. Built lazily into an immutable snapshot: per-file evidence is memoized on each file's
 * model, per-file matches on the model and the vocabulary's version, so after an edit only the edited file is read
 * again unless the vocabulary of names changed; clustering and event linking run over the per-file results.
 */
import type { FileModel } from '../file';
import type { NameIndex } from '../names/variants';
import type { DuplicateIndex } from '../duplicates/index';
import type { Range } from '../types';
import { indexLines, LineIndex, rangeOf } from '../text/lines';
import { compareCodeUnits } from '../text/sorted';
import { entryAt, entryToNew, entryToOld, offsetToOld, rangeToNew, spanToNew, TextChange, textChange } from './textChange';
import { EvidenceTotals, FileNameEvidence, fileNameEvidence } from './evidence';
import { ALI, WordJudge } from './judge';
import { learnVocabularySteps } from './learn';
import { matchFile } from './matches';
import { clusterEntitiesSteps, ClusteredPerson, ClusteredPlace, FileEntities, fileEntities, LocalMention, Resolution } from './cluster';
import type { Vocabulary } from './learn';
import { parseRegistryText, Registry, RegistryError, RegistrySpan } from './registry';
import { buildEventsSteps, CorpusEvent, EventMention, EventReport, ParagraphLink, paragraphLinks } from '../events/events';
import { Pace, runSteps, sortInSteps, Steps } from './steps';
import { mergeRoles, rolesByFrequency } from './roles';

export type { CorpusEvent, EventReport } from '../events/events';
export type { EventType } from '../events/triggers';

/** A person or a place of the corpus. */
export interface Entity {
  id: string;
  kind: 'person' | 'place';
  /** Canonical spelling: the registry's, else the corpus majority of full names. */
  name: string;
  /** Spellings of the mentions (short forms and full names) with counts, the most used first. */
  variants: { spelling: string; count: number }[];
  /** Roles written before the name (الرئيس الروسي), the most used first. */
  roles: string[];
  mentions: number;
  files: number;
  /** Dates of the earliest and latest dated entries that mention it. */
  firstDate: string | null;
  lastDate: string | null;
  description?: string;
  links?: string[];
  /** Where the registry declares it (go to definition lands there). */
  definition?: { file: string; range: Range };
}

export interface Mention {
  /** Id of the person or place. */
  id: string;
  kind: 'person' | 'place';
  file: string;
  /** Offsets of the name in the file's text (UTF-16). */
  start: number;
  end: number;
  range: Range;
  spelling: string;
  /** Index of the entry holding the mention. */
  entry: number;
  /** The name is (partly) written as a hashtag (#بوتين، فلاديمير #بوتين). */
  hashtag: boolean;
  role?: string;
  genitive: boolean;
  /** A place right after a place cue (في موسكو، بجدة). */
  cued: boolean;
  /** How a short form was tied to its person (`name`: written in full). */
  resolution: Resolution;
}

/**
 * A mention as a snapshot keeps it (hundreds of thousands on a large corpus): its range is worked out when read, from
 * the line index of the text it was found in, so that each mention is one object for the garbage collector to trace
 * rather than four.
 */
class KeptMention implements Mention {
  readonly start: number;
  readonly end: number;
  readonly spelling: string;
  readonly entry: number;
  readonly hashtag: boolean;
  readonly role: string | undefined;
  readonly genitive: boolean;
  readonly cued: boolean;
  readonly #lines: LineIndex;

  constructor(
    readonly id: string,
    readonly kind: 'person' | 'place',
    readonly file: string,
    local: LocalMention,
    readonly resolution: Resolution,
    lines: LineIndex,
  ) {
    this.start = local.start;
    this.end = local.end;
    this.spelling = local.spelling;
    this.entry = local.entry;
    this.hashtag = local.hashtag;
    this.role = local.role || undefined;
    this.genitive = local.genitive;
    this.cued = local.cued;
    this.#lines = lines;
  }

  get range(): Range {
    return rangeOf(this.#lines, this.start, this.end);
  }
}

/** The registry as a host hands it over: the file key it is known by and its text. */
export interface RegistrySource {
  file: string;
  text: string;
}

export class PeopleSnapshot {
  readonly people: Entity[];
  readonly places: Entity[];
  readonly events: CorpusEvent[];
  private readonly tables: SnapshotTables;
  /**
   * For a snapshot carried over to a newer corpus (`since`): the files' models now, and how each file changed since
   * the build (null: gone), worked out on first use.
   */
  private readonly now: ((file: string) => FileModel | undefined) | null = null;
  private readonly changes = new Map<string, TextChange | null>();

  /**
   * `mentions`: every mention, or the lookup tables `snapshotTables` made of them; `modelOf`: the model of each file
   * the snapshot was built from.
   */
  constructor(
    people: Entity[],
    places: Entity[],
    events: CorpusEvent[],
    mentions: Mention[] | SnapshotTables,
    private readonly modelOf: (file: string) => FileModel | undefined,
    now?: (file: string) => FileModel | undefined,
  ) {
    this.people = people;
    this.places = places;
    this.events = events;
    this.tables = Array.isArray(mentions) ? runSteps(snapshotTables(people, places, events, mentions)) : mentions;
    if (now) this.now = now;
  }

  /**
   * This snapshot seen from a newer corpus (`now` gives each file's current model): every offset, range and entry
   * of a file edited since is carried over to its new text, and what the edit touched is left out. What the edit
   * adds shows in the next build only. Cheap: files are compared when first asked about.
   */
  since(now: (file: string) => FileModel | undefined): PeopleSnapshot {
    return new PeopleSnapshot(this.people, this.places, this.events, this.tables, this.modelOf, now);
  }

  /** How a file changed since the build: undefined when it did not, null when it is gone. */
  private changeOf(file: string): TextChange | null | undefined {
    if (!this.now) return undefined;
    const then = this.modelOf(file);
    const now = this.now(file);
    if (then === now) return undefined;
    let c = this.changes.get(file);
    if (c === undefined) {
      c = then && now ? textChange(then, now) : null;
      this.changes.set(file, c);
    }
    return c;
  }

  /** A mention as it is now, or null when its file changed under it. */
  private current(m: Mention): Mention | null {
    const c = this.changeOf(m.file);
    if (c === undefined) return m;
    if (!c) return null;
    // Before the edit the text, and so every position, is as it was.
    if (m.end <= c.prefix) return m;
    const span = spanToNew(c, m.start, m.end);
    return span && { ...m, start: span.start, end: span.end, range: rangeOf(c.now.lineIndex, span.start, span.end) };
  }

  /** Mentions as they are now (the list itself when none changed). */
  private allCurrent(list: Mention[]): Mention[] {
    if (!this.now) return list;
    let out: Mention[] | null = null;
    for (let i = 0; i < list.length; i++) {
      const m = this.current(list[i]);
      if (m !== list[i] && !out) out = list.slice(0, i);
      if (out && m) out.push(m);
    }
    return out ?? list;
  }

  /** A person or place by id. */
  entity(id: string): Entity | undefined {
    return this.tables.byId.get(id);
  }

  person(id: string): Entity | undefined {
    const e = this.tables.byId.get(id);
    return e?.kind === 'person' ? e : undefined;
  }

  place(id: string): Entity | undefined {
    const e = this.tables.byId.get(id);
    return e?.kind === 'place' ? e : undefined;
  }

  event(id: string): CorpusEvent | undefined {
    return this.tables.eventsById.get(id);
  }

  /** The mention of a person or place at a text offset (UTF-16) of a file, with its entity. */
  entityAt(file: string, offset: number): { entity: Entity; mention: Mention } | undefined {
    const c = this.changeOf(file);
    if (c === null) return undefined;
    const at = c ? offsetToOld(c, offset) : offset;
    const list = at < 0 ? undefined : this.tables.mentionsByFile.get(file);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = list[mid];
      if (at < m.start) hi = mid - 1;
      else if (at > m.end) lo = mid + 1;
      else {
        const mention = this.current(m);
        return mention ? { entity: this.tables.byId.get(m.id)!, mention } : undefined;
      }
    }
    return undefined;
  }

  /** The person mentioned at a text offset of a file. */
  personAt(file: string, offset: number): { person: Entity; mention: Mention } | undefined {
    const at = this.entityAt(file, offset);
    return at && at.entity.kind === 'person' ? { person: at.entity, mention: at.mention } : undefined;
  }

  placeAt(file: string, offset: number): { place: Entity; mention: Mention } | undefined {
    const at = this.entityAt(file, offset);
    return at && at.entity.kind === 'place' ? { place: at.entity, mention: at.mention } : undefined;
  }

  /** Every mention of a person or place, by file and position. */
  mentionsOf(id: string): Mention[] {
    return this.allCurrent(this.tables.mentionsById.get(id) ?? []);
  }

  /** The mentions of people and places in one file, by position. */
  mentionsIn(file: string): Mention[] {
    return this.allCurrent(this.tables.mentionsByFile.get(file) ?? []);
  }

  /** The event reported by the entry that holds a line (0-based) of a file. */
  eventAt(file: string, line: number): CorpusEvent | undefined {
    const model = this.now ? this.now(file) : this.modelOf(file);
    const entry = model ? entryAt(model, { line, character: 0 }) : -1;
    return entry < 0 ? undefined : this.eventOfEntry(file, entry);
  }

  /** The event of an entry (by index), if it reports one. */
  eventOfEntry(file: string, entry: number): CorpusEvent | undefined {
    const c = this.changeOf(file);
    if (c === null) return undefined;
    const k = c ? entryToOld(c, entry) : entry;
    return k < 0 ? undefined : this.tables.eventByEntry.get(file + '\u0000' + k);
  }

  /** The reports (entries) of an event. */
  reportsOf(eventId: string): EventReport[] {
    const reports = this.tables.eventsById.get(eventId)?.reports ?? [];
    if (!this.now) return reports;
    const out: EventReport[] = [];
    for (const r of reports) {
      const c = this.changeOf(r.file);
      if (c === undefined) out.push(r);
      else if (c) {
        const range = rangeToNew(c, r.range);
        const entry = entryToNew(c, r.entry);
        if (range && entry >= 0) out.push({ ...r, range, entry });
      }
    }
    return out;
  }
}

/** The lookup tables of a snapshot. */
export interface SnapshotTables {
  byId: Map<string, Entity>;
  mentionsById: Map<string, Mention[]>;
  mentionsByFile: Map<string, Mention[]>;
  eventsById: Map<string, CorpusEvent>;
  eventByEntry: Map<string, CorpusEvent>;
}

/** Builds the lookup tables of a snapshot, in steps. */
function* snapshotTables(people: Entity[], places: Entity[], events: CorpusEvent[], mentions: Mention[]): Steps<SnapshotTables> {
  const pace = new Pace(2048);
  const t: SnapshotTables = { byId: new Map(), mentionsById: new Map(), mentionsByFile: new Map(), eventsById: new Map(), eventByEntry: new Map() };
  for (const list of [people, places]) {
    for (const e of list) {
      // Tens of thousands of people on a large corpus: hashing their new ids into the table is spread over steps.
      if (pace.tick(8)) yield;
      t.byId.set(e.id, e);
    }
  }
  for (const m of mentions) {
    if (pace.tick()) yield;
    push(t.mentionsById, m.id, m);
    push(t.mentionsByFile, m.file, m);
  }
  for (const list of t.mentionsByFile.values()) {
    if (pace.tick(2 * list.length)) yield;
    list.sort((a, b) => a.start - b.start);
  }
  for (const e of events) {
    if (pace.tick(4 + e.reports.length)) yield;
    t.eventsById.set(e.id, e);
    for (const r of e.reports) t.eventByEntry.set(r.file + '\u0000' + r.entry, e);
  }
  return t;
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

export interface PeopleSources {
  models: ReadonlyMap<string, FileModel>;
  names: NameIndex;
  duplicates: DuplicateIndex;
}

/** Timings of the last build, in milliseconds, and how much was redone (for the status line and benchmarks). */
export interface PeopleBuildStats {
  /** The vocabulary of names was learned again (some file's name evidence changed). */
  relearned: boolean;
  evidence: number;
  learn: number;
  match: number;
  /** Files whose matches were computed again. */
  matchedFiles: number;
  cluster: number;
  events: number;
  total: number;
}

/** A file's names and places, valid for the vocabulary they were last checked against. */
interface FileState {
  model: FileModel;
  /** The vocabulary the matches hold for (null: match again). */
  vocab: Vocabulary | null;
  entities: FileEntities;
}

/** What a build is doing, for progress reports. */
export interface PeopleBuildProgress {
  phase: 'evidence' | 'learning' | 'matching' | 'clustering' | 'events';
  /** Files done and to do in the evidence and matching phases (0 and 0 in the others). */
  done: number;
  total: number;
}

/** The state of one step of a build: `done` (the snapshot is ready), `more` (call again), `stale` (start again). */
export type PeopleStep = 'done' | 'more' | 'stale';

/**
 * A build of the people snapshot in steps, for a host that must stay responsive: `step` works until `shouldYield`
 * says to stop (it is asked after every piece of work, about a millisecond apart) and returns `more`, or
 * finishes and returns `done` (then `PeopleIndex.current()` is the new snapshot). A change of the corpus, the
 * registry or the configuration, or another build started meanwhile, makes it `stale`: start a new one, which
 * keeps the per-file work already done.
 */
export interface PeopleBuild {
  step(shouldYield: () => boolean): PeopleStep;
  progress(): PeopleBuildProgress;
  /** Active time spent in `step` so far (ms). */
  readonly busy: number;
}

export class PeopleIndex {
  private snapshot: PeopleSnapshot | null = null;
  /** The last snapshot built, kept after changes made it out of date (see `lastBuilt`). */
  private built: PeopleSnapshot | null = null;
  /** Bumped by every change of the inputs: a build started before it is stale. */
  private generation = 0;
  /** The build running in steps, if any: starting another one makes it stale. */
  private running = 0;
  private readonly state = new Map<string, FileState>();
  /** The model of each file whose evidence is counted in `totals` (read again to take it out). */
  private readonly counted = new Map<string, FileModel>();
  /** Text links of each file's paragraphs to other entries (for linking reports of an event). */
  private readonly links = new Map<string, { model: FileModel; links: ParagraphLink[] }>();
  private learned: { judge: WordJudge; vocab: Vocabulary } | null = null;
  /** What every file teaches about names, counted (updated file by file). */
  private totals = new EvidenceTotals();
  /** Counted evidence changed titles or hashtags since the vocabulary was learned. */
  private relearnNeeded = false;
  /** Place cues counted since the vocabulary was learned (checked against its place decisions before the next use). */
  private cueDelta = new Map<string, number>();
  private pairDelta = new Map<string, number>();
  private registry: { source: RegistrySource; registry: Registry; spans: { people: RegistrySpan[]; places: RegistrySpan[] } } | null = null;
  lastStats: PeopleBuildStats | null = null;

  /**
   * Drops the snapshot: the next `get()` rebuilds (per-file work stays memoized). `textChanged` are files whose
   * paragraphs or duplicates may have changed (their memoized text links are dropped); undefined means all.
   */
  invalidate(textChanged?: Iterable<string>): void {
    this.snapshot = null;
    this.generation++;
    if (!textChanged) this.links.clear();
    else for (const f of textChanged) this.links.delete(f);
  }

  /** Forgets everything learned (after a change of configuration). */
  reset(): void {
    this.snapshot = null;
    this.built = null;
    this.generation++;
    this.learned = null;
    this.state.clear();
    this.counted.clear();
    this.links.clear();
    this.totals = new EvidenceTotals();
    this.relearnNeeded = false;
    this.cueDelta = new Map();
    this.pairDelta = new Map();
  }

  /** Sets (or clears) the registry; returns its errors (an invalid registry is ignored). */
  setRegistry(source: RegistrySource | null): RegistryError[] {
    this.snapshot = null;
    this.generation++;
    this.learned = null;
    // Every file is matched again against the vocabulary the registry changes.
    for (const st of this.state.values()) st.vocab = null;
    if (!source) {
      this.registry = null;
      return [];
    }
    const parsed = parseRegistryText(source.text);
    this.registry = parsed.registry ? { source, registry: parsed.registry, spans: parsed.spans } : null;
    return parsed.errors;
  }

  registrySource(): RegistrySource | null {
    return this.registry?.source ?? null;
  }

  /** The snapshot, built at once when the inputs changed since the last one. */
  get(sources: PeopleSources): PeopleSnapshot {
    if (!this.snapshot) {
      const build = this.startBuild(sources);
      build.step(() => false);
    }
    return this.snapshot!;
  }

  /**
   * The last snapshot built, even when changes made since put it out of date (null before the first build and after
   * a change of configuration): `since` carries it over to the corpus as it is now, for answers that cannot wait
   * for the next build.
   */
  lastBuilt(): PeopleSnapshot | null {
    return this.built;
  }

  /** The snapshot when it is up to date, else null (a build is needed). */
  current(): PeopleSnapshot | null {
    return this.snapshot;
  }

  /** Starts a build in steps (see `PeopleBuild`); a build running meanwhile becomes stale. */
  startBuild(sources: PeopleSources): PeopleBuild {
    const id = ++this.running;
    const generation = this.generation;
    const progress: PeopleBuildProgress = { phase: 'evidence', done: 0, total: 0 };
    const steps = this.build(sources, progress);
    let busy = 0;
    let finished = false;
    return {
      step: (shouldYield) => {
        if (finished) return this.snapshot && this.generation === generation ? 'done' : 'stale';
        if (this.running !== id || this.generation !== generation) return 'stale';
        const t0 = now();
        try {
          for (;;) {
            const r = steps.next();
            if (r.done) {
              finished = true;
              this.snapshot = this.built = r.value;
              return 'done';
            }
            if (shouldYield()) return 'more';
          }
        } finally {
          busy += now() - t0;
        }
      },
      progress: () => ({ ...progress }),
      get busy() {
        return busy;
      },
    };
  }

  private *build({ models, names, duplicates }: PeopleSources, progress: PeopleBuildProgress): Steps<PeopleSnapshot> {
    const t0 = now();
    // Sorted and checked in steps: on 50,000 files, either took 30-40 ms in one piece.
    const startPace = new Pace(BUILD_PACE);
    const files = yield* sortInSteps([...models.keys()], compareCodeUnits, startPace);
    // Every piece of state is updated file by file, so that a build dropped between two steps leaves it consistent.
    // The vocabulary is learned again when titles or hashtags changed; new place cues (في …) only when they change
    // a place decision.
    for (const [f, m] of this.counted) {
      if (startPace.tick()) yield;
      if (models.has(f)) continue;
      this.totals.add(fileNameEvidence(m), -1);
      this.counted.delete(f);
      this.relearnNeeded = true;
    }
    for (const f of this.state.keys()) {
      if (startPace.tick()) yield;
      if (!models.has(f)) this.state.delete(f);
    }
    progress.total = files.length;
    for (let i = 0; i < files.length; i++) {
      progress.done = i;
      const f = files[i];
      const model = models.get(f)!;
      const oldModel = this.counted.get(f);
      if (oldModel === model) {
        if ((i & 1023) === 1023) yield;
        continue;
      }
      const e = fileNameEvidence(model);
      const old = oldModel && fileNameEvidence(oldModel);
      if (old) this.totals.add(old, -1);
      this.totals.add(e, 1);
      this.counted.set(f, model);
      if (!old || old.nameSignature !== e.nameSignature) this.relearnNeeded = true;
      else if (!this.relearnNeeded) diffCues(old, e, this.cueDelta, this.pairDelta);
      yield;
    }
    // How the corpus writes a final ى decides whether «علي» is a name: a change of that decision is learned again.
    const aliIsName = this.totals.writesAliApart;
    if (this.learned && this.learned.judge.aliIsName !== aliIsName) this.relearnNeeded = true;
    if (this.learned && !this.relearnNeeded && (this.cueDelta.size || this.pairDelta.size)) {
      // The learner takes the new cue counts in: they are consumed whatever it answers.
      const holds = this.learned.vocab.placeLearner.recheck(this.cueDelta, this.pairDelta, this.totals, new WordJudge(names, aliIsName));
      this.cueDelta = new Map();
      this.pairDelta = new Map();
      if (!holds) this.relearnNeeded = true;
    }
    const t1 = now();
    const registry = this.registry?.registry ?? null;
    const relearned = !this.learned || this.relearnNeeded;
    if (relearned) {
      Object.assign(progress, { phase: 'learning', done: 0, total: 0 });
      yield;
      const judge = new WordJudge(names, aliIsName);
      const vocab = yield* learnVocabularySteps(this.totals, judge, registry);
      this.learned = { judge, vocab };
      this.relearnNeeded = false;
      this.cueDelta = new Map();
      this.pairDelta = new Map();
    }
    const { judge, vocab } = this.learned!;
    const t2 = now();
    Object.assign(progress, { phase: 'matching', done: 0, total: files.length });
    /** Keys that changed from an older vocabulary to this one (a file holding none of them keeps its matches). */
    const staleKeys = new Map<Vocabulary, Set<string>>();
    let matchedFiles = 0;
    const inputs: { file: string; entities: FileEntities }[] = [];
    for (let i = 0; i < files.length; i++) {
      progress.done = i;
      const file = files[i];
      const model = models.get(file)!;
      let st = this.state.get(file);
      let redo = !st || st.model !== model || !st.vocab;
      if (st && !redo && st.vocab !== vocab) {
        let keys = staleKeys.get(st.vocab!);
        if (!keys) staleKeys.set(st.vocab!, (keys = changedKeys(st.vocab!, vocab)));
        redo = touches(model, keys, judge, names);
        if (!redo) st.vocab = vocab;
        yield;
      }
      if (redo) {
        const matches = matchFile(model, vocab, judge);
        st = { model, vocab, entities: fileEntities(model.text, matches, vocab, judge) };
        this.state.set(file, st);
        matchedFiles++;
        yield;
      }
      inputs.push({ file, entities: st!.entities });
      if ((i & 1023) === 1023) yield;
    }
    const t3 = now();
    Object.assign(progress, { phase: 'clustering', done: 0, total: 0 });
    yield;
    const clustered = yield* clusterEntitiesSteps(inputs, vocab, judge, registry);
    const mentions: Mention[] = [];
    const people = yield* this.entities('person', clustered.people, models, mentions);
    const places = yield* this.entities('place', clustered.places, models, mentions);
    const t4 = now();
    Object.assign(progress, { phase: 'events', done: 0, total: 0 });
    yield;
    const byFile = new Map<string, EventMention[]>();
    const pace = new Pace(2048);
    for (const m of mentions) {
      if (pace.tick()) yield;
      push(byFile, m.file, { id: m.id, kind: m.kind, start: m.start, end: m.end, genitive: m.genitive, cued: m.cued });
    }
    for (const list of byFile.values()) {
      if (pace.tick(2 * list.length)) yield;
      list.sort((a, b) => a.start - b.start);
    }
    const placeNames = new Map(places.map((p) => [p.id, p.name]));
    const events = yield* buildEventsSteps({
      files,
      model: (f) => models.get(f),
      mentions: (f) => byFile.get(f) ?? [],
      placeName: (id) => placeNames.get(id) ?? id,
      duplicates,
      linksKnown: (file, model) => this.links.get(file)?.model === model,
      links: (file, model) => {
        let l = this.links.get(file);
        if (!l || l.model !== model) this.links.set(file, (l = { model, links: paragraphLinks(file, model, duplicates) }));
        return l.links;
      },
    });
    for (const f of [...this.links.keys()]) if (!models.has(f)) this.links.delete(f);
    const tables = yield* snapshotTables(people, places, events, mentions);
    const t5 = now();
    this.lastStats = { relearned, evidence: t1 - t0, learn: t2 - t1, match: t3 - t2, matchedFiles, cluster: t4 - t3, events: t5 - t4, total: t5 - t0 };
    // The models it was built from: a later edit replaces a file's model in the corpus, not here.
    const built = new Map<string, FileModel>();
    for (let i = 0; i < files.length; i++) {
      built.set(files[i], models.get(files[i])!);
      if ((i & 4095) === 4095) yield;
    }
    return new PeopleSnapshot(people, places, events, tables, getterOf(built));
  }

  private *entities(kind: 'person' | 'place', clustered: (ClusteredPerson | ClusteredPlace)[], models: ReadonlyMap<string, FileModel>, out: Mention[]): Steps<Entity[]> {
    const pace = new Pace(512);
    const registry = this.registry;
    const declared = kind === 'person' ? registry?.registry.people : registry?.registry.places;
    const spans = kind === 'person' ? registry?.spans.people : registry?.spans.places;
    const result: Entity[] = [];
    const ids = new Set<string>();
    for (const c of clustered) {
      if (pace.tick(4)) yield;
      const r = c.registry !== undefined ? declared?.[c.registry] : undefined;
      const counts = new Map<string, number>();
      for (const m of c.mentions) counts.set(m.local.spelling, (counts.get(m.local.spelling) ?? 0) + 1);
      const variants = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([spelling, count]) => ({ spelling, count }));
      const full = 'fullSpellings' in c ? [...c.fullSpellings].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1)) : [];
      const name = r?.name ?? full[0]?.[0] ?? variants[0]?.spelling ?? ('identity' in c ? c.identity : c.key);
      const base = r?.id ?? `${kind}:${name.replace(/\s+/g, '_')}`;
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      const roles = 'roles' in c ? rolesByFrequency(c.roles) : [];
      const files = new Set<string>();
      let firstDate: string | null = null;
      let lastDate: string | null = null;
      // A person of thousands of mentions is read over several steps.
      for (const { file, local, resolution } of c.mentions) {
        if (pace.tick()) yield;
        files.add(file);
        const model = models.get(file)!;
        const date = model.entries[local.entry]?.date ?? null;
        if (date && (!firstDate || date < firstDate)) firstDate = date;
        if (date && (!lastDate || date > lastDate)) lastDate = date;
        out.push(new KeptMention(id, kind, file, local, resolution, model.lineIndex));
      }
      const entity: Entity = {
        id,
        kind,
        name,
        variants,
        roles: mergeRoles((r as { roles?: string[] } | undefined)?.roles, roles),
        mentions: c.mentions.length,
        files: files.size,
        firstDate,
        lastDate,
      };
      if (r?.description) entity.description = r.description;
      if (r?.links) entity.links = r.links;
      if (r && c.registry !== undefined && spans && registry) entity.definition = { file: registry.source.file, range: registryRange(registry.source.text, spans[c.registry]) };
      result.push(entity);
    }
    // Tens of thousands of people in a large corpus: sorted in steps too.
    return yield* sortInSteps(result, (a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : 1), pace);
  }
}

/** The place cues (and pairs of words after them) one version of a file adds or takes away compared with another. */
function diffCues(before: FileNameEvidence, after: FileNameEvidence, cues: Map<string, number>, pairs: Map<string, number>): void {
  diffCounts(before.placeCues, after.placeCues, cues);
  diffCounts(before.placeCuePairs, after.placeCuePairs, pairs);
}

/** Adds to `delta` what `after` counts more (or less) than `before`, key by key. */
function diffCounts(before: Map<string, number>, after: Map<string, number>, delta: Map<string, number>): void {
  for (const [k, n] of after) {
    const d = n - (before.get(k) ?? 0);
    if (d !== 0) delta.set(k, (delta.get(k) ?? 0) + d);
  }
  for (const [k, n] of before) if (!after.has(k)) delta.set(k, (delta.get(k) ?? 0) - n);
}

/** Keys added to or dropped from the vocabulary, or whose place in names changed (a family name now ends a name). */
function changedKeys(before: Vocabulary, after: Vocabulary): Set<string> {
  const out = new Set<string>();
  if (before.aliIsName !== after.aliIsName) out.add(ALI);
  for (const [k, p] of after.nameKeys) {
    const q = before.nameKeys.get(k);
    if (!q || (q.first + q.inner === 0) !== (p.first + p.inner === 0) || (q.last + q.single === 0) !== (p.last + p.single === 0)) out.add(k);
  }
  for (const k of before.nameKeys.keys()) if (!after.nameKeys.has(k)) out.add(k);
  for (const m of [after.places, before.places]) for (const k of m.keys()) if (!before.places.has(k) || !after.places.has(k)) out.add(k);
  for (const [k, list] of after.placePairs) {
    const old = before.placePairs.get(k);
    if (!old || old.map((p) => p.key).join() !== list.map((p) => p.key).join()) out.add(k);
  }
  for (const k of before.placePairs.keys()) if (!after.placePairs.has(k)) out.add(k);
  return out;
}

/** Whether a file holds a word whose key changed (its distinct spellings, as the name index keeps them). */
function touches(model: FileModel, keys: Set<string>, judge: WordJudge, names: NameIndex): boolean {
  if (!keys.size) return false;
  // «علي» is a function word to the name index, which lists no spelling of it: every file is read again.
  if (keys.has(ALI)) return true;
  const ids = (model.words as { ids?: Uint32Array } | undefined)?.ids;
  if (!ids) return true;
  for (let i = 0; i < ids.length; i++) {
    const s = names.spelling(ids[i]);
    if (COMPOUND_HEAD_SPELLINGS.has(s)) return true;
    const l = judge.lookup(s);
    if (keys.has(l.key) || keys.has(l.placeKey)) return true;
  }
  return false;
}

/** Comparisons or files between two steps of a build's start (the sort of the files, the files gone since the last build). */
const BUILD_PACE = 4096;

/** A compound (عبد الله) is keyed as one word: a file with its head is checked again whenever keys change. */
const COMPOUND_HEAD_SPELLINGS = new Set(['عبد', 'أبو', 'ابو', 'أبي', 'آل']);

function registryRange(text: string, span: RegistrySpan): Range {
  return rangeOf(indexLines(text), span.nameStart, span.nameEnd);
}

/**
 * A look-up in a map, as a function that holds the map alone: an arrow function made inside the build would keep
 * every variable the build's other closures use alive as long as the snapshot (the mentions of the events phase).
 */
function getterOf<K, V>(map: ReadonlyMap<K, V>): (key: K) => V | undefined {
  return (key) => map.get(key);
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
