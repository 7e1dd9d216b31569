/**
 * `corpus-lint entities`: the people, places and events the corpus mentions (JSON or a readable summary), and
 * `corpus-lint registry init`: a starter registry of people and places learned from the corpus, for an editor to
 * curate. Both read the registry the config names, if any.
 */
import * as path from 'node:path';
import type { Entity, Mention, PeopleSnapshot } from '../core/people/index';
import type { Range } from '../core/types';
import { readRegistryFile, registryPath, writeStarterRegistry } from '../node/registryFile';
import type { CacheArgs, EntitiesArgs, RegistryArgs } from './args';
import { loadCorpus, LoadedCorpus } from './loadCorpus';
import type { Io } from './main';
import { prettyJsonArray, writeChunks } from './output';
import { quotePath } from './format/quotePath';

/** The JSON shape (version 1): ranges as in `check` (0-based lines, UTF-16 characters). */
export interface EntitiesJson {
  version: 1;
  people: EntityJson[];
  places: EntityJson[];
  events: {
    id: string;
    type: string;
    title: string;
    date: string | null;
    place: string | null;
    participants: string[];
    reports: { path: string; range: Range }[];
  }[];
}

interface EntityJson {
  id: string;
  name: string;
  variants: { spelling: string; count: number }[];
  roles: string[];
  mentions: { path: string; range: Range }[];
}

export function runEntities(args: EntitiesArgs, io: Io): number {
  const c = loadWithRegistry(args.paths, args, io);
  if (c === 2) return 2;
  const snapshot = c.corpus.people();
  const listed = new Set(c.files);
  if (args.format === 'json') writeChunks(io, entitiesJsonChunks(snapshot, listed));
  else io.stdout(entitiesText(snapshot, listed));
  return 0;
}

export function runRegistry(args: RegistryArgs, io: Io): number {
  const c = loadWithRegistry(args.paths, args, io);
  if (c === 2) return 2;
  const file = args.output ? path.resolve(args.output) : registryPath(c.loaded.root, c.loaded.config.registry);
  try {
    const r = writeStarterRegistry(file, c.corpus.people(), { minMentions: args.minMentions, force: args.force });
    const kept = r.kept ? ` (${r.kept} kept from the existing registry)` : '';
    io.stdout(`Wrote ${r.people} people and ${r.places} places to ${path.relative(process.cwd(), r.file) || r.file}${kept}\n`);
    if (!c.loaded.config.registry && !args.output) {
      io.stdout(`Add "registry": "${path.relative(c.loaded.root, r.file).split(path.sep).join('/')}" to the config file to use it.\n`);
    }
    return 0;
  } catch (err) {
    io.stderr(`corpus-lint: ${(err as Error).message}\n`);
    return 2;
  }
}

/** Loads the corpus and the registry the config names (an invalid registry is a usage error, exit 2). */
function loadWithRegistry(paths: string[], options: { config?: string; context: string[] } & Partial<CacheArgs>, io: Io): LoadedCorpus | 2 {
  const c = loadCorpus(paths, options, io);
  if (c === 2) return 2;
  const configured = c.loaded.config.registry;
  if (!configured) return c;
  const file = registryPath(c.loaded.root, configured);
  const read = readRegistryFile(file);
  if (read.errors.length) {
    io.stderr(`corpus-lint: invalid registry ${file}:\n${read.errors.map((e) => `  ${e.file}:${e.line + 1}:${e.character + 1}  ${e.message}`).join('\n')}\n`);
    return 2;
  }
  if (read.text !== null) c.corpus.setRegistry({ file, text: read.text });
  return c;
}

/** The snapshot as JSON, mentions and reports limited to the listed files (context files inform but are not listed). */
export function entitiesJson(snapshot: PeopleSnapshot, listed: Set<string>): EntitiesJson {
  return {
    version: 1,
    people: [...listedEntities(snapshot, snapshot.people, listed)],
    places: [...listedEntities(snapshot, snapshot.places, listed)],
    events: [...listedEvents(snapshot, listed)],
  };
}

/**
 * `JSON.stringify(entitiesJson(…), null, 2)` and a line break, an entity at a time (on 10,000 files the whole output
 * is 110 MB, and its objects and string took more memory than the index itself).
 */
export function* entitiesJsonChunks(snapshot: PeopleSnapshot, listed: Set<string>): Generator<string> {
  yield '{\n  "version": 1,\n  "people": ';
  yield* prettyJsonArray(listedEntities(snapshot, snapshot.people, listed), 1);
  yield ',\n  "places": ';
  yield* prettyJsonArray(listedEntities(snapshot, snapshot.places, listed), 1);
  yield ',\n  "events": ';
  yield* prettyJsonArray(listedEvents(snapshot, listed), 1);
  yield '\n}\n';
}

/** The entities with mentions in the listed files, as JSON objects. */
function* listedEntities(snapshot: PeopleSnapshot, list: Entity[], listed: Set<string>): Generator<EntityJson> {
  for (const e of list) {
    const mentions = snapshot
      .mentionsOf(e.id)
      .filter((m) => listed.has(m.file))
      .map((m) => ({ path: m.file, range: m.range }));
    if (mentions.length) yield { id: e.id, name: e.name, variants: e.variants, roles: e.roles, mentions };
  }
}

/** The events reported in the listed files, as JSON objects. */
function* listedEvents(snapshot: PeopleSnapshot, listed: Set<string>): Generator<EntitiesJson['events'][number]> {
  for (const e of snapshot.events) {
    if (!e.reports.some((r) => listed.has(r.file))) continue;
    yield {
      id: e.id,
      type: e.type,
      title: e.title,
      date: e.date,
      place: e.place,
      participants: e.participants,
      reports: e.reports.filter((r) => listed.has(r.file)).map((r) => ({ path: r.file, range: r.range })),
    };
  }
}

/** A readable summary: people and places by mentions (spellings, roles, where), then events by date. */
export function entitiesText(snapshot: PeopleSnapshot, listed: Set<string>): string {
  const out: string[] = [];
  const where = (mentions: Mention[]) => {
    const files = [...new Set(mentions.map((m) => m.file))];
    return `${mentions.length} mention${mentions.length === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}`;
  };
  const section = (title: string, list: Entity[], withRoles: boolean) => {
    const shown = list.map((e) => ({ e, mentions: snapshot.mentionsOf(e.id).filter((m) => listed.has(m.file)) })).filter((x) => x.mentions.length);
    shown.sort((a, b) => b.mentions.length - a.mentions.length || (a.e.name < b.e.name ? -1 : 1));
    out.push(`${title} (${shown.length})`);
    for (const { e, mentions } of shown) {
      out.push(`  ${e.name}  ${where(mentions)}  [${e.id}]`);
      if (e.variants.length > 1 || e.variants[0]?.spelling !== e.name) out.push(`    spellings: ${e.variants.map((v) => `${v.spelling} ${v.count}`).join(', ')}`);
      if (withRoles && e.roles.length) out.push(`    roles: ${e.roles.slice(0, 4).join('، ')}`);
      if (e.firstDate) out.push(`    dated mentions: ${e.firstDate === e.lastDate ? e.firstDate : `${e.firstDate} to ${e.lastDate}`}`);
    }
    out.push('');
  };
  section('People', snapshot.people, true);
  section('Places', snapshot.places, false);
  const events = snapshot.events.filter((e) => e.reports.some((r) => listed.has(r.file)));
  events.sort((a, b) => (a.date ?? '9999') < (b.date ?? '9999') ? -1 : (a.date ?? '9999') > (b.date ?? '9999') ? 1 : b.reports.length - a.reports.length);
  out.push(`Events (${events.length})`);
  const name = (id: string) => snapshot.entity(id)?.name ?? id;
  for (const e of events) {
    const when = e.date ?? (e.dateText ? `${e.dateText} (no year)` : 'undated');
    const at = e.place ? ` in ${e.place}` : '';
    out.push(`  ${when}  ${e.type}${at}: ${e.participants.map(name).join('، ')}  «${e.title}»  [${e.id}]`);
    for (const r of e.reports) if (listed.has(r.file)) out.push(`    ${quotePath(r.file)}:${r.range.start.line + 1}`);
  }
  out.push('');
  return out.join('\n');
}
