/**
 * The date of an entry. Looked for in labelled metadata lines anywhere in the entry (تاريخ النشر، a tweet's
 * attribution, a copied Telegram message's header), then in the title and the two lines after it (a dateline or «🗓 في 28 يناير»). Dates deeper in the
 * body are what the text talks about, not when it was published, and are ignored.
 */
import { ClassifiedLine } from './structure/lineKinds';
import type { EntrySpan } from './structure/entries';
import { findDates } from './dates';

export interface EntryDate {
  start: number;
  end: number;
  text: string;
  iso: string | null;
}

/** Lines after the title that may carry a dateline. */
const LEAD_LINES = 2;
/** A date without a year counts only this close to the start of a lead line. */
const PARTIAL_DATELINE_CHARS = 40;

export function findEntryDate(text: string, lines: ClassifiedLine[], e: EntrySpan): EntryDate | null {
  const metadata: number[] = [];
  for (let i = e.firstLine; i <= e.lastLine; i++) if (lines[i].kind === 'metadata' || lines[i].kind === 'post-header') metadata.push(i);
  const lead: number[] = [];
  for (let i = e.titleLine; i <= e.lastLine && lead.length <= LEAD_LINES; i++) {
    if (lines[i].kind === 'content') lead.push(i);
  }
  const candidates = [...metadata, ...lead];
  const isMetadata = new Set(metadata);
  let partial: EntryDate | null = null;
  for (const i of candidates) {
    const l = lines[i];
    if (l.end - l.start > 20000) continue;
    for (const d of findDates(text.slice(l.start, l.end))) {
      const found = { start: l.start + d.start, end: l.start + d.end, text: d.text, iso: d.iso };
      if (d.iso) return found;
      // A day and month without a year is the entry's date only as a dateline: in a metadata line or at the start of
      // the line («🗓 في 28 يناير، …»); deeper in a lead paragraph it is an event the article talks about.
      if (!partial && (isMetadata.has(i) || d.start <= PARTIAL_DATELINE_CHARS)) partial = found;
    }
  }
  return partial;
}
