/**
 * The date of an entry. Looked for in labelled metadata lines anywhere in the entry (تاريخ النشر، a tweet's
 * attribution, a copied Telegram message's header), then in the title and the two lines after it (a dateline or «🗓 في
 * 28 يناير»), and at the start of the next line when a subtitle and a byline pushed the first paragraph down. Dates
 * deeper in the body are what the text talks about, not when it was published, and are ignored, as are those of the lead
 * that its words make a reference (dates/reference.ts: «منذ 7 أكتوبر», «ولد في 3 أبريل 1941»); so are the dates after
 * a heading of related articles or of comments (theirs, not the entry's), and a last-update date gives way to the
 * publication date.
 */
import { ClassifiedLine, isTailHeading } from './structure/lineKinds';
import type { EntrySpan } from './structure/entries';
import { type DateMention, findDates } from './dates';
import { referencedDates } from './dates/reference';
import { normalizeForMatch } from './text/normalize';

export interface EntryDate {
  start: number;
  end: number;
  text: string;
  iso: string | null;
}

/** Lines after the title that may carry a dateline. */
const LEAD_LINES = 2;
/** A line of at most this many words under a title is a byline or a section's name («كتب: محمد الأحمد», «بقلم …»). */
const BYLINE_MAX_WORDS = 6;
/** A line of at least this many words is a paragraph of text, not a subtitle. */
const PARAGRAPH_MIN_WORDS = 16;
/** A date without a year counts only this close to the start of a lead line (any date, in a paragraph pushed down). */
const PARTIAL_DATELINE_CHARS = 40;
/** A label of a last update before a date: «آخر تحديث:», «تم التحديث», «Updated:», «Last modified», «Mis à jour le». */
const UPDATE_LABEL = /(?:[آا]خر\s+)?تحديث|Updated|Modified|Mise?\s+à\s+jour|Modifiée?|Actualisée?/iu;
/** At most this many characters between a Hijri date and the Gregorian date given as its equivalent. */
const EQUIVALENT_GAP_CHARS = 24;
/** Words (normalized) between a Hijri date and its Gregorian equivalent: «هـ», «الموافق», «لـ», «يوم», a weekday. */
const EQUIVALENT_WORDS = new Set(
  ['ه', 'هـ', 'الموافق', 'الموافقة', 'ل', 'ليوم', 'يوم', 'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعة', 'السبت'].map(
    (w) => normalizeForMatch(w),
  ),
);

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
  let i = e.titleLine;
  for (; i <= last && lead.length <= LEAD_LINES; i++) if (lines[i].kind === 'content') lead.push(i);
  // Under a subtitle and a byline, the first paragraph is read for a dateline at its start only.
  let pushedDown = -1;
  if (bylinePushesLead(lines, lead)) for (; i <= last && pushedDown < 0; i++) if (lines[i].kind === 'content') pushedDown = i;
  const candidates = [...metadata, ...lead];
  if (pushedDown >= 0) candidates.push(pushedDown);
  const isMetadata = new Set(metadata);
  let partial: EntryDate | null = null;
  let updated: EntryDate | null = null;
  for (const i of candidates) {
    const l = lines[i];
    if (l.end - l.start > 20000) continue;
    const line = text.slice(l.start, l.end);
    let labelFrom = 0;
    const dates = findDates(line);
    // A labelled line says what its date is; in text, the words around a date may make it a day the text talks about.
    const referenced = isMetadata.has(i) ? [] : referencedDates(line, dates);
    for (const [k, d] of dates.entries()) {
      if (i === pushedDown && d.start > PARTIAL_DATELINE_CHARS) break;
      // A range without a year («من 15 إلى 20 مارس») is a period the text talks about (a fair, a visit), not a dateline.
      if (d.until && !d.iso) continue;
      // So is a day the words around it set apart from the text's own («منذ 7 أكتوبر الماضي», «ولد في 3 أبريل 1941»).
      if (referenced[k]) continue;
      // A Hijri date with its Gregorian equivalent written after it: where the two disagree (the source's country
      // started the month on another day), the written Gregorian day is the entry's.
      const eq = d.calendar === 'hijri' && d.iso ? equivalentGregorian(line, dates, k) : -1;
      const g = eq >= 0 && !referenced[eq] && dates[eq].iso !== d.iso ? dates[eq] : d;
      const found = { start: l.start + g.start, end: l.start + g.end, text: g.text, iso: g.iso };
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

/**
 * The index of the Gregorian date given as the equivalent of the Hijri date `k` («٢ رمضان ١٤٤٥ هـ الموافق ١٣ مارس
 * ٢٠٢٤م», «… هـ / 13 مارس 2024», «… هـ (13 مارس 2024)»), or -1. A Hijri month starts on the day its moon is sighted,
 * which differs from country to country and from the Umm al-Qura calendar the Hijri date is converted with; the
 * Gregorian day the source writes beside it is the day it means.
 */
function equivalentGregorian(line: string, dates: DateMention[], k: number): number {
  const next = dates[k + 1];
  if (next === undefined || next.calendar !== 'gregorian' || !next.iso || next.until) return -1;
  const gap = line.slice(dates[k].end, next.start);
  if (gap.length > EQUIVALENT_GAP_CHARS) return -1;
  const words = normalizeForMatch(gap).split(' ').filter(Boolean);
  if (!words.every((w) => EQUIVALENT_WORDS.has(w))) return -1;
  const said = words.some((w) => w === 'الموافق' || w === 'الموافقه') || /[/(]/u.test(gap);
  return said ? k + 1 : -1;
}

/**
 * True when the lines read after the title are a subtitle and a byline, not yet text («الرئيس الروسي يؤكد …», «كتب: محمد
 * الأحمد»): they pushed the first paragraph, which opens with the dateline («دمشق، 15 آذار 2023 (سانا) - …»), one line
 * down. Without a byline among them, or once a paragraph has been read, the lead ends as usual.
 */
function bylinePushesLead(lines: ClassifiedLine[], lead: number[]): boolean {
  if (lead.length !== LEAD_LINES + 1) return false;
  const under = lead.slice(1).map((i) => lines[i].words);
  return under.every((w) => w < PARAGRAPH_MIN_WORDS) && under.some((w) => w <= BYLINE_MAX_WORDS);
}

