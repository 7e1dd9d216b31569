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
import { indexLines, rangeOf } from '../text/lines';
import { EvidenceTotals, FileNameEvidence, fileNameEvidence } from './evidence';
import { WordJudge } from './judge';
import { learnVocabulary } from './learn';
import { FileMatches, matchFile } from './matches';
import { clusterEntities, ClusteredPerson, ClusteredPlace, FileEntities, fileEntities, Resolution } from './cluster';
import type { Vocabulary } from './learn';
import { parseRegistryText, Registry, RegistryError, RegistrySpan } from './registry';
import { buildEvents, CorpusEvent, EventMention, EventReport, ParagraphLink, paragraphLinks } from '../events/events';

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

/** The registry as a host hands it over: the file key it is known by and its text. */
export interface RegistrySource {
  file: string;
  text: string;
}

export class PeopleSnapshot {
  readonly people: Entity[];
  readonly places: Entity[];
  readonly events: CorpusEvent[];
  private readonly byId = new Map<string, Entity>();
  private readonly mentionsById = new Map<string, Mention[]>();
  private readonly mentionsByFile = new Map<string, Mention[]>();
  private readonly eventsById = new Map<string, CorpusEvent>();
  private readonly eventByEntry = new Map<string, CorpusEvent>();

  constructor(
    people: Entity[],
    places: Entity[],
    events: CorpusEvent[],
    mentions: Mention[],
    private readonly entriesOf: (file: string) => { range: Range }[],
  ) {
    this.people = people;
    this.places = places;
    this.events = events;
    for (const e of [...people, ...places]) this.byId.set(e.id, e);
    for (const m of mentions) {
      push(this.mentionsById, m.id, m);
      push(this.mentionsByFile, m.file, m);
    }
    for (const list of this.mentionsByFile.values()) list.sort((a, b) => a.start - b.start);
    for (const e of events) {
      this.eventsById.set(e.id, e);
      for (const r of e.reports) this.eventByEntry.set(r.file + '\u0000' + r.entry, e);
    }
  }

  /** A person or place by id. */
  entity(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  person(id: string): Entity | undefined {
    const e = this.byId.get(id);
    return e?.kind === 'person' ? e : undefined;
  }

  place(id: string): Entity | undefined {
    const e = this.byId.get(id);
    return e?.kind === 'place' ? e : undefined;
  }

  event(id: string): CorpusEvent | undefined {
    return this.eventsById.get(id);
  }

  /** The mention of a person or place at a text offset (UTF-16) of a file, with its entity. */
  entityAt(file: string, offset: number): { entity: Entity; mention: Mention } | undefined {
    const list = this.mentionsByFile.get(file);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = list[mid];
      if (offset < m.start) hi = mid - 1;
      else if (offset > m.end) lo = mid + 1;
      else return { entity: this.byId.get(m.id)!, mention: m };
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
    return this.mentionsById.get(id) ?? [];
  }

  /** The mentions of people and places in one file, by position. */
  mentionsIn(file: string): Mention[] {
    return this.mentionsByFile.get(file) ?? [];
  }

  /** The event reported by the entry that holds a line (0-based) of a file. */
  eventAt(file: string, line: number): CorpusEvent | undefined {
    const entries = this.entriesOf(file);
    for (let k = 0; k < entries.length; k++) {
      const r = entries[k].range;
      if (r.start.line <= line && line <= r.end.line) return this.eventByEntry.get(file + '\u0000' + k);
    }
    return undefined;
  }

  /** The event of an entry (by index), if it reports one. */
  eventOfEntry(file: string, entry: number): CorpusEvent | undefined {
    return this.eventByEntry.get(file + '\u0000' + entry);
  }

  /** The reports (entries) of an event. */
  reportsOf(eventId: string): EventReport[] {
    return this.eventsById.get(eventId)?.reports ?? [];
  }
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

interface FileState {
  model: FileModel;
  /** The evidence counted in the totals for this file. */
  evidence: FileNameEvidence;
  matches: FileMatches;
  entities: FileEntities;
}

export class PeopleIndex {
  private snapshot: PeopleSnapshot | null = null;
  private readonly state = new Map<string, FileState>();
  /** Text links of each file's paragraphs to other entries (for linking reports of an event). */
  private readonly links = new Map<string, { model: FileModel; links: ParagraphLink[] }>();
  private learned: { judge: WordJudge; vocab: Vocabulary } | null = null;
  /** What every file teaches about names, counted (updated file by file). */
  private totals = new EvidenceTotals();
  private registry: { source: RegistrySource; registry: Registry; spans: { people: RegistrySpan[]; places: RegistrySpan[] } } | null = null;
  lastStats: PeopleBuildStats | null = null;

  /**
   * Drops the snapshot: the next `get()` rebuilds (per-file work stays memoized). `textChanged` are files whose
   * paragraphs or duplicates may have changed (their memoized text links are dropped); undefined means all.
   */
  invalidate(textChanged?: Iterable<string>): void {
    this.snapshot = null;
    if (!textChanged) this.links.clear();
    else for (const f of textChanged) this.links.delete(f);
  }

  /** Forgets everything learned (after a change of configuration). */
  reset(): void {
    this.snapshot = null;
    this.learned = null;
    this.state.clear();
    this.links.clear();
    this.totals = new EvidenceTotals();
  }

  /** Sets (or clears) the registry; returns its errors (an invalid registry is ignored). */
  setRegistry(source: RegistrySource | null): RegistryError[] {
    this.snapshot = null;
    this.learned = null;
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

  get(sources: PeopleSources): PeopleSnapshot {
    if (!this.snapshot) this.snapshot = this.build(sources);
    return this.snapshot;
  }

  private build({ models, names, duplicates }: PeopleSources): PeopleSnapshot {
    const t0 = now();
    const files = [...models.keys()].sort();
    // The vocabulary is learned again only when what some file teaches about names changed.
    // The vocabulary is learned again when titles or hashtags changed; new place cues (في …) only when they change
    // a place decision.
    let relearn = !this.learned;
    for (const [f, st] of this.state) {
      if (models.has(f)) continue;
      relearn = true;
      this.totals.add(st.evidence, -1);
      this.state.delete(f);
    }
    const cueDelta = new Map<string, number>();
    const pairDelta = new Set<string>();
    const evidence = files.map((f) => {
      const e = fileNameEvidence(models.get(f)!);
      const st = this.state.get(f);
      if (st?.evidence !== e) {
        if (st) this.totals.add(st.evidence, -1);
        this.totals.add(e, 1);
        if (!st || st.evidence.nameSignature !== e.nameSignature) relearn = true;
        else if (!relearn) diffCues(st.evidence, e, cueDelta, pairDelta);
      }
      return e;
    });
    if (!relearn && (cueDelta.size || pairDelta.size)) {
      relearn = !this.learned!.vocab.placeLearner.recheck(cueDelta, pairDelta, this.totals, new WordJudge(names));
    }
    const t1 = now();
    const registry = this.registry?.registry ?? null;
    const previous = this.learned;
    if (relearn) {
      const judge = new WordJudge(names);
      this.learned = { judge, vocab: learnVocabulary(this.totals, judge, registry) };
    }
    const { judge, vocab } = this.learned!;
    const stale = previous && previous.vocab !== vocab ? changedKeys(previous.vocab, vocab) : null;
    const t2 = now();
    let matchedFiles = 0;
    const inputs: { file: string; entities: FileEntities }[] = [];
    files.forEach((file, i) => {
      const model = models.get(file)!;
      let st = this.state.get(file);
      const redo = !st || st.model !== model || !previous || (stale !== null && touches(model, stale, judge));
      if (redo) {
        const matches = matchFile(model, vocab, judge);
        st = { model, evidence: evidence[i], matches, entities: fileEntities(model.text, model.lineIndex, matches, vocab, judge) };
        this.state.set(file, st);
        matchedFiles++;
      } else st!.evidence = evidence[i];
      inputs.push({ file, entities: st!.entities });
    });
    const t3 = now();
    const clustered = clusterEntities(inputs, vocab, judge, registry);
    const mentions: Mention[] = [];
    const people = this.entities('person', clustered.people, models, mentions);
    const places = this.entities('place', clustered.places, models, mentions);
    const t4 = now();
    const byFile = new Map<string, EventMention[]>();
    for (const m of mentions) push(byFile, m.file, { id: m.id, kind: m.kind, start: m.start, end: m.end, genitive: m.genitive, cued: m.cued });
    for (const list of byFile.values()) list.sort((a, b) => a.start - b.start);
    const placeNames = new Map(places.map((p) => [p.id, p.name]));
    const events = buildEvents({
      files,
      model: (f) => models.get(f),
      mentions: (f) => byFile.get(f) ?? [],
      placeName: (id) => placeNames.get(id) ?? id,
      duplicates,
      links: (file, model) => {
        let l = this.links.get(file);
        if (!l || l.model !== model) this.links.set(file, (l = { model, links: paragraphLinks(file, model, duplicates) }));
        return l.links;
      },
    });
    for (const f of [...this.links.keys()]) if (!models.has(f)) this.links.delete(f);
    const t5 = now();
    this.lastStats = { relearned: relearn, evidence: t1 - t0, learn: t2 - t1, match: t3 - t2, matchedFiles, cluster: t4 - t3, events: t5 - t4, total: t5 - t0 };
    return new PeopleSnapshot(people, places, events, mentions, (f) => models.get(f)?.entries ?? []);
  }

  private entities(kind: 'person' | 'place', clustered: (ClusteredPerson | ClusteredPlace)[], models: ReadonlyMap<string, FileModel>, out: Mention[]): Entity[] {
    const registry = this.registry;
    const declared = kind === 'person' ? registry?.registry.people : registry?.registry.places;
    const spans = kind === 'person' ? registry?.spans.people : registry?.spans.places;
    const result: Entity[] = [];
    const ids = new Set<string>();
    for (const c of clustered) {
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
      const roles = 'roles' in c ? [...c.roles].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([role]) => role) : [];
      const files = new Set<string>();
      let firstDate: string | null = null;
      let lastDate: string | null = null;
      for (const { file, local, resolution } of c.mentions) {
        files.add(file);
        const date = models.get(file)!.entries[local.entry]?.date ?? null;
        if (date && (!firstDate || date < firstDate)) firstDate = date;
        if (date && (!lastDate || date > lastDate)) lastDate = date;
        const m: Mention = {
          id,
          kind,
          file,
          start: local.start,
          end: local.end,
          range: local.range,
          spelling: local.spelling,
          entry: local.entry,
          hashtag: local.hashtag,
          genitive: local.genitive,
          cued: local.cued,
          resolution,
        };
        if (local.role) m.role = local.role;
        out.push(m);
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
    result.sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : 1));
    return result;
  }
}

/** The place cues one version of a file adds or takes away compared with another. */
function diffCues(before: FileNameEvidence, after: FileNameEvidence, cues: Map<string, number>, pairs: Set<string>): void {
  for (const [k, n] of after.placeCues) if (n !== (before.placeCues.get(k) ?? 0)) cues.set(k, (cues.get(k) ?? 0) + n - (before.placeCues.get(k) ?? 0));
  for (const [k, n] of before.placeCues) if (!after.placeCues.has(k)) cues.set(k, (cues.get(k) ?? 0) - n);
  for (const [k, n] of after.placeCuePairs) if (n !== before.placeCuePairs.get(k)) pairs.add(k);
  for (const k of before.placeCuePairs.keys()) if (!after.placeCuePairs.has(k)) pairs.add(k);
}

/** Keys added to or dropped from the vocabulary, or whose place in names changed (a family name now ends a name). */
function changedKeys(before: Vocabulary, after: Vocabulary): Set<string> {
  const out = new Set<string>();
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
function touches(model: FileModel, keys: Set<string>, judge: WordJudge): boolean {
  if (!keys.size) return false;
  const spellings = (model.words as { spellings?: string[] } | undefined)?.spellings;
  if (!spellings) return true;
  for (const s of spellings) {
    if (COMPOUND_HEAD_SPELLINGS.has(s)) return true;
    const l = judge.lookup(s);
    if (keys.has(l.key) || keys.has(l.placeKey)) return true;
  }
  return false;
}

/** A compound (عبد الله) is keyed as one word: a file with its head is checked again whenever keys change. */
const COMPOUND_HEAD_SPELLINGS = new Set(['عبد', 'أبو', 'ابو', 'أبي', 'آل']);

function mergeRoles(declared: string[] | undefined, seen: string[]): string[] {
  if (!declared?.length) return seen;
  return [...declared, ...seen.filter((r) => !declared.includes(r))];
}

function registryRange(text: string, span: RegistrySpan): Range {
  return rangeOf(indexLines(text), span.nameStart, span.nameEnd);
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
