/**
 * Outline and navigation by entry: document symbols, workspace symbols (names, people, places, events and entries)
 * and folding ranges.
 */
import { DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolInformation, SymbolKind, WorkspaceSymbol } from 'vscode-languageserver/node';
import type { EntryInfo, Range } from '../core/types';
import { normalizeForMatch } from '../core/text/normalize';
import { isolateLabel, isolateRtl } from '../core/text/bidi';
import type { PositionMapper } from './positions';
import type { Root } from './roots';
import { firstMentions, nameCatalog } from './people';
import { Slices } from './loop';

/** How an entry's date is shown next to its title. */
export function entryDetail(e: EntryInfo): string {
  if (e.date) return e.date;
  if (e.dateText) return isolateRtl(`${e.dateText} (no year)`);
  return 'no date';
}

/** A cut title ends in «…»: isolated, so the editor shows it at the title's logical end (core/text/bidi.ts). */
function entryName(e: EntryInfo): string {
  return isolateLabel(e.title.trim()) || '(untitled entry)';
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** The entries of a file as a flat outline. */
export function documentSymbols(root: Root, uri: string, positions: PositionMapper): DocumentSymbol[] {
  return root.corpus.entries(uri).map((e) => {
    const range = positions.toClientRange(uri, e.range);
    let selectionRange = positions.toClientRange(uri, e.titleRange);
    if (!contains(range, selectionRange)) selectionRange = { start: range.start, end: range.start };
    return { name: entryName(e), detail: entryDetail(e), kind: SymbolKind.Event, range, selectionRange };
  });
}

/** The same outline for clients without hierarchical symbols. */
export function symbolInformation(root: Root, uri: string, positions: PositionMapper): SymbolInformation[] {
  return root.corpus.entries(uri).map((e) => ({
    name: entryName(e),
    kind: SymbolKind.Event,
    location: { uri, range: positions.toClientRange(uri, e.range) },
    containerName: entryDetail(e),
  }));
}

/** One folding range per entry of more than one line. */
export function foldingRanges(root: Root, uri: string): FoldingRange[] {
  return root.corpus
    .entries(uri)
    .filter((e) => e.range.end.line > e.range.start.line)
    .map((e) => ({ startLine: e.range.start.line, endLine: e.range.end.line, kind: FoldingRangeKind.Region }));
}

const MAX_WORKSPACE_SYMBOLS = 500;
const normalizedTitles = new WeakMap<EntryInfo, string>();
/** Names of the catalog matched between two checks of the time. */
const NAMES_PER_PAUSE = 256;
/** Normalized spellings of names, kept for the next queries (a name's normalized form never changes). */
const normalizedNames = new Map<string, string>();
const MAX_NORMALIZED_NAMES = 200000;

function normalizedName(name: string): string {
  let norm = normalizedNames.get(name);
  if (norm === undefined) {
    if (normalizedNames.size >= MAX_NORMALIZED_NAMES) normalizedNames.clear();
    normalizedNames.set(name, (norm = normalizeForMatch(name)));
  }
  return norm;
}

/**
 * Entries whose title (or date) matches the query, and names of the corpus that contain it. Matching ignores
 * diacritics, hamza forms and the other orthographic variation the core normalizes away. Read in slices (every
 * file of every root may be looked at); null when cancelled.
 */
export async function workspaceSymbols(
  roots: Root[],
  query: string,
  positions: PositionMapper,
  isCancelled: () => boolean,
  namesOf: (root: Root) => Promise<Map<string, number> | null> = (root) => nameCatalog(root.corpus, isCancelled),
  /** People, places and events of a root that match the query (at most `limit`), read in slices; null when cancelled. */
  entitiesOf?: (root: Root, query: string, limit: number, slices: Slices) => Promise<WorkspaceSymbol[] | null>,
): Promise<WorkspaceSymbol[] | null> {
  const q = normalizeForMatch(query);
  const raw = query.trim();
  const out: WorkspaceSymbol[] = [];
  const slices = new Slices(isCancelled);
  for (const root of roots) {
    if (q) {
      const catalog = await namesOf(root);
      if (!catalog) return null;
      const names: [string, number][] = [];
      let n = 0;
      for (const entry of catalog) {
        if (++n % NAMES_PER_PAUSE === 0 && !(await slices.pause())) return null;
        if (normalizedName(entry[0]).includes(q)) names.push(entry);
      }
      names.sort((a, b) => b[1] - a[1]);
      const shown = names.slice(0, 50);
      const first = await firstMentions(root.corpus, shown.map(([n]) => n), isCancelled);
      if (!first) return null;
      for (const [name, count] of shown) {
        const m = first.get(name);
        if (!m || !root.corpus.model(m.file)) continue;
        out.push({
          name,
          kind: SymbolKind.Constant,
          containerName: `name, ${count} mention${count === 1 ? '' : 's'}`,
          location: { uri: m.file, range: positions.toClientRange(m.file, m.range) },
        });
      }
    }
    if (entitiesOf && (q || raw)) {
      const entities = await entitiesOf(root, query, Math.min(100, MAX_WORKSPACE_SYMBOLS - out.length), slices);
      if (!entities) return null;
      out.push(...entities);
    }
    for (const file of root.corpus.files().sort()) {
      if (!(await slices.pause())) return null;
      if (out.length >= MAX_WORKSPACE_SYMBOLS) return out;
      for (const e of root.corpus.entries(file)) {
        let norm = normalizedTitles.get(e);
        if (norm === undefined) normalizedTitles.set(e, (norm = normalizeForMatch(e.title)));
        if (q && !norm.includes(q) && !(raw && e.date?.includes(raw))) continue;
        out.push({
          name: entryName(e),
          kind: SymbolKind.Event,
          containerName: `${root.describe(file)} · ${entryDetail(e)}`,
          location: { uri: file, range: positions.toClientRange(file, e.titleRange) },
        });
        if (out.length >= MAX_WORKSPACE_SYMBOLS) return out;
      }
    }
  }
  return out;
}
