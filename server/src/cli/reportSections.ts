/**
 * The people and timeline sections of the HTML report, as plain rows. Today they come from what the core offers: the
 * name index's spelling clusters (a canonical spelling and its variants) and the dated entries of each file. When the
 * core grows a people and events index, only these two functions change.
 */
import type { Corpus } from '../core/corpus';
import { indexLines, positionAt } from '../core/text/lines';

export interface PersonRow {
  /** The canonical spelling (corpus majority or the config's preference). */
  name: string;
  /** Where the canonical spelling comes from. */
  source: 'corpus' | 'config';
  /** Occurrences of the canonical spelling. */
  count: number;
  variants: { spelling: string; count: number; kind: string }[];
  /** Occurrences of every spelling. */
  mentions: number;
  files: number;
  /** First and last date (YYYY-MM-DD) of a dated entry mentioning any spelling; null when none is dated. */
  first: string | null;
  last: string | null;
}

export interface TimelineReport {
  file: string;
  /** 1-based line of the entry's title. */
  line: number;
  title: string;
  dateText: string | null;
}

export interface TimelineDay {
  date: string;
  reports: TimelineReport[];
}

export interface Timeline {
  days: TimelineDay[];
  /** Entries with a date without a year, and entries without any date. */
  partial: number;
  undated: number;
}

/** Spelling clusters of names: every canonical spelling with variants, with counts, files and dates. */
export function peopleRows(corpus: Corpus, files: string[]): PersonRow[] {
  const names = corpus.nameIndex();
  const rows = new Map<string, PersonRow & { perSpelling: Map<string, number>; fileSet: Set<string> }>();
  const clusterOf = new Map<string, string>();
  for (const [variant, d] of names.variants()) {
    let row = rows.get(d.canonical);
    if (!row) {
      row = { name: d.canonical, source: d.source, count: 0, variants: [], mentions: 0, files: 0, first: null, last: null, perSpelling: new Map(), fileSet: new Set() };
      rows.set(d.canonical, row);
      clusterOf.set(d.canonical, d.canonical);
    }
    if (d.source === 'config') row.source = 'config';
    row.variants.push({ spelling: variant, count: d.variantCount, kind: d.variantClass });
    clusterOf.set(variant, d.canonical);
  }
  if (!rows.size) return [];
  for (const file of files) {
    const words = names.fileWords(file);
    const text = corpus.text(file);
    if (!words || text === undefined) continue;
    const entries = corpus.entries(file);
    let lines: ReturnType<typeof indexLines> | null = null;
    for (const [spelling, w] of words) {
      const stem = names.stem(spelling);
      const canonical = clusterOf.get(stem);
      if (!canonical) continue;
      const row = rows.get(canonical)!;
      row.fileSet.add(file);
      row.perSpelling.set(stem, (row.perSpelling.get(stem) ?? 0) + w.count);
      lines ??= indexLines(text);
      for (const start of w.starts) {
        const line = positionAt(lines, start).line;
        const entry = entries.find((e) => e.range.start.line <= line && line <= e.range.end.line);
        if (!entry?.date) continue;
        if (!row.first || entry.date < row.first) row.first = entry.date;
        if (!row.last || entry.date > row.last) row.last = entry.date;
      }
    }
  }
  const out: PersonRow[] = [];
  for (const r of rows.values()) {
    const variants = r.variants
      .map((v) => ({ ...v, count: r.perSpelling.get(v.spelling) ?? v.count }))
      .sort((a, b) => b.count - a.count || (a.spelling < b.spelling ? -1 : 1));
    const count = r.perSpelling.get(r.name) ?? 0;
    out.push({
      name: r.name,
      source: r.source,
      count,
      variants,
      mentions: count + variants.reduce((n, v) => n + v.count, 0),
      files: r.fileSet.size,
      first: r.first,
      last: r.last,
    });
  }
  return out.sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : 1));
}

/** Dated entries grouped by day, oldest first: each entry is one report of what happened that day. */
export function timeline(corpus: Corpus, files: string[]): Timeline {
  const byDate = new Map<string, TimelineReport[]>();
  let partial = 0;
  let undated = 0;
  for (const file of files) {
    for (const e of corpus.entries(file)) {
      if (!e.date) {
        if (e.dateKind === 'partial') partial++;
        else undated++;
        continue;
      }
      const list = byDate.get(e.date) ?? [];
      list.push({ file, line: e.titleRange.start.line + 1, title: e.title, dateText: e.dateText });
      byDate.set(e.date, list);
    }
  }
  const days = [...byDate.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([date, reports]) => ({ date, reports }));
  return { days, partial, undated };
}
