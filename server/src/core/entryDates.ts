/**
 * The date of an entry. Looked for in labelled metadata lines anywhere in the entry (تاريخ النشر، a tweet's
 * attribution, a copied Telegram message's header), then in the title and the two lines after it (a dateline or «🗓 في 28 يناير»). Dates deeper in the
 * body are what the text talks about, not when it was published, and are ignored; so are the dates after a heading of
 * related articles or of comments (theirs, not the entry's), and a last-update date gives way to the publication date.
 */
import { ClassifiedLine, isTailHeading } from './structure/lineKinds';
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
/** A label of a last update before a date: «آخر تحديث:», «تم التحديث», «Updated:», «Last modified». */
const UPDATE_LABEL = /(?:[آا]خر\s+)?تحديث|Updated|Modified/iu;

export function findEntryDate(text: string, lines: ClassifiedLine[], e: EntrySpan): EntryDate | null {
  let last = e.lastLine;
  for (let i = e.titleLine + 1; i <= e.lastLine; i++) {
    if (isTailHeading(text, lines[i])) {
      last = i - 1;
      break;
    }
  }
  const metadata: number[] = [];
  for (let i = e.firstLine; i <= last; i++) if (lines[i].kind === 'metadata' || lines[i].kind === 'post-header') metadata.push(i);
  const lead: number[] = [];
  for (let i = e.titleLine; i <= last && lead.length <= LEAD_LINES; i++) {
    if (lines[i].kind === 'content') lead.push(i);
  }
  const candidates = [...metadata, ...lead];
  const isMetadata = new Set(metadata);
  let partial: EntryDate | null = null;
  let updated: EntryDate | null = null;
  for (const i of candidates) {
    const l = lines[i];
    if (l.end - l.start > 20000) continue;
    const line = text.slice(l.start, l.end);
    let labelFrom = 0;
    for (const d of findDates(line)) {
      const found = { start: l.start + d.start, end: l.start + d.end, text: d.text, iso: d.iso };
      const isUpdate = isMetadata.has(i) && UPDATE_LABEL.test(line.slice(labelFrom, d.start));
      labelFrom = d.end;
      if (d.iso && isUpdate) updated ??= found;
      else if (d.iso) return found;
      // A day and month without a year is the entry's date only as a dateline: in a metadata line or at the start of
      // the line («🗓 في 28 يناير، …»); deeper in a lead paragraph it is an event the article talks about.
      else if (!partial && (isMetadata.has(i) || d.start <= PARTIAL_DATELINE_CHARS)) partial = found;
    }
  }
  return updated ?? partial;
}
