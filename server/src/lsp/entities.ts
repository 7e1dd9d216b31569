/**
 * The editor side of the people, places and events index: the card of a person or place under the cursor, where a
 * name is defined and mentioned, the event an entry's headline reports (card, other reports, CodeLens), and people
 * and events as workspace symbols. Words the people index does not know fall back to the name index (people.ts).
 */
import type { CodeLens, Location, WorkspaceSymbol } from 'vscode-languageserver/node';
import { SymbolKind } from 'vscode-languageserver/node';
import type { CorpusEvent, Entity, Mention, PeopleSnapshot } from '../core/people/index';
import type { Position, Range } from '../core/types';
import { normalizeForMatch } from '../core/text/normalize';
import { isolateLabel } from '../core/text/bidi';
import type { PositionMapper } from './positions';
import type { Root } from './roots';
import type { Slices } from './loop';

/*
 * Every function takes the root's people snapshot: the server awaits it (peopleBuilds.ts) before answering, so no
 * request builds the index on the message loop.
 */

/** The person or place mentioned at a text offset of a file, if the people index knows it. */
export function entityAt(snapshot: PeopleSnapshot, file: string, offset: number): { snapshot: PeopleSnapshot; entity: Entity; mention: Mention } | null {
  const at = snapshot.entityAt(file, offset);
  return at ? { snapshot, entity: at.entity, mention: at.mention } : null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The card of a person or place, as Markdown. `dateOf` gives the date of the entry holding a mention. */
export function entityCardMarkdown(
  snapshot: PeopleSnapshot,
  entity: Entity,
  describe: (file: string) => string,
  dateOf: (m: Mention) => string | null,
): string {
  const lines = [`**${entity.name}** — ${entity.kind}`];
  if (entity.description) lines.push('', entity.description);
  if (entity.roles.length) lines.push('', `Roles: ${entity.roles.slice(0, 6).join('، ')}`);
  lines.push('', `Variants: ${entity.variants.map((v) => `«${v.spelling}» ${v.count}`).join(', ')}`);
  lines.push('', `${plural(entity.mentions, 'mention')} in ${plural(entity.files, 'file')}`);
  const mentions = snapshot.mentionsOf(entity.id);
  const datedAt = (date: string) => {
    const m = mentions.find((x) => dateOf(x) === date);
    return m ? `${date} (${describe(m.file)}:${m.range.start.line + 1})` : date;
  };
  if (entity.firstDate && entity.lastDate) {
    lines.push(
      '',
      entity.firstDate === entity.lastDate ? `Dated mention: ${datedAt(entity.firstDate)}` : `First dated mention: ${datedAt(entity.firstDate)}; last: ${datedAt(entity.lastDate)}`,
    );
  }
  if (entity.links?.length) lines.push('', `Links: ${entity.links.map((l) => `[${l}](${l})`).join(', ')}`);
  return lines.join('\n');
}

/** The date of the entry that holds a mention. */
function mentionDate(root: Root, m: Mention): string | null {
  return root.corpus.entries(m.file)[m.entry]?.date ?? null;
}

/** Hover on a person or place: its card and the range of the mention; null when the index does not know the word. */
export function entityHover(root: Root, snapshot: PeopleSnapshot, file: string, offset: number): { markdown: string; range: Range } | null {
  const hit = entityAt(snapshot, file, offset);
  if (!hit) return null;
  return { markdown: entityCardMarkdown(hit.snapshot, hit.entity, (f) => root.describe(f), (m) => mentionDate(root, m)), range: hit.mention.range };
}

/** Go to definition on a mention: the registry entry when the registry defines it, else the earliest dated mention. */
export function entityDefinition(root: Root, snapshot: PeopleSnapshot, file: string, offset: number): { file: string; range: Range } | null {
  const hit = entityAt(snapshot, file, offset);
  if (!hit) return null;
  if (hit.entity.definition) return hit.entity.definition;
  const mentions = hit.snapshot.mentionsOf(hit.entity.id);
  let best: Mention | undefined;
  let bestDate: string | null = null;
  for (const m of mentions) {
    const date = mentionDate(root, m);
    if (date && (!bestDate || date < bestDate)) {
      best = m;
      bestDate = date;
    }
  }
  const def = best ?? mentions[0];
  return def ? { file: def.file, range: def.range } : null;
}

/** Every mention of the entity under the cursor, by file and position. */
export function entityReferences(snapshot: PeopleSnapshot, file: string, offset: number): Mention[] | null {
  const hit = entityAt(snapshot, file, offset);
  if (!hit) return null;
  return [...hit.snapshot.mentionsOf(hit.entity.id)].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start));
}

/** The event reported by the entry whose headline (title line) holds a position. */
export function eventAtHeadline(root: Root, snapshot: PeopleSnapshot, file: string, pos: Position): { snapshot: PeopleSnapshot; event: CorpusEvent; entry: number } | null {
  const entries = root.corpus.entries(file);
  const entry = entries.findIndex((e) => e.title.trim() && e.titleRange.start.line <= pos.line && pos.line <= e.titleRange.end.line);
  if (entry < 0) return null;
  const event = snapshot.eventOfEntry(file, entry);
  return event ? { snapshot, event, entry } : null;
}

/** The card of an event, as Markdown. */
export function eventCardMarkdown(snapshot: PeopleSnapshot, event: CorpusEvent): string {
  const when = event.date ?? (event.dateText ? `${event.dateText} (no year)` : 'undated');
  const names = event.participants.map((id) => snapshot.entity(id)?.name ?? id);
  const lines = [`**${event.type}** — event, ${when}`];
  if (names.length) lines.push('', `Participants: ${names.join('، ')}`);
  if (event.place) lines.push('', `Place: ${event.place}`);
  lines.push('', `${plural(event.reports.length, 'report')} of this event`);
  return lines.join('\n');
}

/** The reports of the event under a headline (the one at the cursor included when `includeSelf`). */
export function eventReports(root: Root, snapshot: PeopleSnapshot, file: string, pos: Position, includeSelf: boolean): { file: string; range: Range }[] | null {
  const hit = eventAtHeadline(root, snapshot, file, pos);
  if (!hit) return null;
  return hit.snapshot.reportsOf(hit.event.id).filter((r) => includeSelf || !(r.file === file && r.entry === hit.entry));
}

/** The command VS Code runs to show locations in a peek view. */
export const SHOW_REFERENCES_COMMAND = 'editor.action.showReferences';

/** One lens above each entry of the file whose event has other reports. */
export function eventCodeLenses(root: Root, snapshot: PeopleSnapshot, file: string, positions: PositionMapper, canRunCommands: boolean): CodeLens[] {
  const out: CodeLens[] = [];
  root.corpus.entries(file).forEach((entry, k) => {
    const event = snapshot.eventOfEntry(file, k);
    if (!event) return;
    const others = event.reports.filter((r) => !(r.file === file && r.entry === k));
    if (!others.length) return;
    const range = positions.toClientRange(file, entry.titleRange);
    const title = `${others.length} other report${others.length === 1 ? '' : 's'} of this event`;
    const locations: Location[] = others.map((r) => ({ uri: r.file, range: positions.toClientRange(r.file, r.range) }));
    out.push({
      range,
      command: canRunCommands ? { title, command: SHOW_REFERENCES_COMMAND, arguments: [file, range.start, locations] } : { title, command: '' },
    });
  });
  return out;
}

/** Normalized names (name and variants) of people and places, and texts (title, type, place, participants) of events. */
const normalizedNames = new WeakMap<Entity, string[]>();
const normalizedEvents = new WeakMap<CorpusEvent, string[]>();
/** Entities matched between two checks of the time. */
const ENTITIES_PER_PAUSE = 64;

/**
 * People, places and events whose name (or title, or date) matches a query, for workspace symbols: read in slices
 * (tens of thousands of people on a large corpus), their normalized names kept with the snapshot. Null when cancelled.
 */
export async function entitySymbols(snapshot: PeopleSnapshot, query: string, positions: PositionMapper, limit: number, slices: Slices): Promise<WorkspaceSymbol[] | null> {
  const q = normalizeForMatch(query);
  if (!q) return [];
  const out: WorkspaceSymbol[] = [];
  const namesOf = (e: Entity) => {
    let names = normalizedNames.get(e);
    if (!names) normalizedNames.set(e, (names = [e.name, ...e.variants.map((v) => v.spelling)].map(normalizeForMatch)));
    return names;
  };
  let n = 0;
  for (const list of [snapshot.people, snapshot.places]) {
    for (const e of list) {
      if (out.length >= limit) return out;
      if (++n % ENTITIES_PER_PAUSE === 0 && !(await slices.pause())) return null;
      if (!namesOf(e).some((name) => name.includes(q))) continue;
      const where = e.definition ?? first(snapshot.mentionsOf(e.id));
      if (!where) continue;
      out.push({
        name: e.name,
        kind: e.kind === 'person' ? SymbolKind.Constant : SymbolKind.Namespace,
        containerName: `${e.kind}, ${plural(e.mentions, 'mention')} in ${plural(e.files, 'file')}`,
        location: { uri: where.file, range: positions.toClientRange(where.file, where.range) },
      });
    }
  }
  for (const ev of snapshot.events) {
    if (out.length >= limit) return out;
    if (++n % ENTITIES_PER_PAUSE === 0 && !(await slices.pause())) return null;
    let hay = normalizedEvents.get(ev);
    if (!hay) {
      const names = ev.participants.map((id) => snapshot.entity(id)?.name ?? '');
      normalizedEvents.set(ev, (hay = [ev.title, ev.type, ev.place ?? '', ...names].map(normalizeForMatch)));
    }
    // Not by date: the entries that report the event are listed by date already.
    if (!hay.some((h) => h.includes(q))) continue;
    const r = ev.reports[0];
    if (!r) continue;
    out.push({
      name: isolateLabel(ev.title) || ev.type,
      kind: SymbolKind.Event,
      containerName: `${ev.type} event, ${ev.date ?? 'undated'}, ${plural(ev.reports.length, 'report')}`,
      location: { uri: r.file, range: positions.toClientRange(r.file, r.range) },
    });
  }
  return out;
}

function first(mentions: Mention[]): { file: string; range: Range } | undefined {
  return mentions[0];
}
