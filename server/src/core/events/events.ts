/**
 * Events across the corpus: each entry whose headline (or lead) names a meeting, call, visit, summit, message or
 * interview, with its participants, place and date, becomes a report; reports of the same event in different
 * entries are linked when they share text (a quote copied from one into the other) or are dated within two days
 * of each other with the same participants. Links never join reports whose dates, places or types disagree, and
 * clusters grow only when every pair of their members agrees (no chaining through weak links), so formulaic
 * headlines («الرئيس الأسد يستقبل … لافرنتييف») and the same day and month in different years stay apart.
 */
import type { FileModel } from '../file';
import type { DuplicateIndex } from '../duplicates/index';
import type { Range } from '../types';
import { findDates } from '../dates';
import { hashString } from '../text/normalize';
import { compatibleTypes, EventType, eventTypeOf } from './triggers';
import { Pace, runSteps, Steps } from '../people/steps';
import { HEADLINE_MAX_WORDS } from '../structure/entries';
import { lowerBound } from '../text/sorted';

export interface EventReport {
  file: string;
  /** Index of the entry in the file's entries. */
  entry: number;
  /** The entry's headline. */
  range: Range;
  title: string;
  /** The entry's own date (`YYYY-MM-DD`), if complete. */
  date: string | null;
}

export interface CorpusEvent {
  id: string;
  type: EventType;
  title: string;
  /** The event's date when a report carries a complete one, else null. */
  date: string | null;
  /** The date as written by a report (also a date without a year: «28 يناير»). */
  dateText: string | null;
  /** Canonical name of the place, or null. */
  place: string | null;
  placeId: string | null;
  /** Person ids, the most reported first. */
  participants: string[];
  reports: EventReport[];
}

/** What the event builder needs to know about an entity mention. */
export interface EventMention {
  id: string;
  kind: 'person' | 'place';
  start: number;
  end: number;
  /** A person named as the object of a possessive title (المبعوث الخاص للرئيس بوتين) is not a participant. */
  genitive: boolean;
  /** A place right after a place cue (في موسكو). */
  cued: boolean;
}

export interface EventInput {
  files: string[];
  model(file: string): FileModel | undefined;
  /** Entity mentions of a file, by position. */
  mentions(file: string): EventMention[];
  placeName(id: string): string;
  duplicates: DuplicateIndex;
  /** Whether the caller has the text links of the file's paragraphs already (`links` then asks no question). */
  linksKnown(file: string, model: FileModel): boolean;
  /** Text links of a file's paragraphs, memoized by the caller (see `paragraphLinks`). */
  links(file: string, model: FileModel): ParagraphLink[];
}

/** A body paragraph of a file copied, or nearly, into a paragraph of another entry. */
export interface ParagraphLink {
  /** Index of the paragraph in the file's paragraphs. */
  paragraph: number;
  file: string;
  /** Index of the other paragraph in its file's paragraphs, and the entry holding it. */
  other: number;
  otherEntry: number;
  similarity: number;
}

/**
 * The text links of a file's body paragraphs and one-line posts (a title that is its entry's whole text), exact and
 * near duplicates, read from the duplicate index.
 */
export function paragraphLinks(file: string, model: FileModel, dups: DuplicateIndex): ParagraphLink[] {
  const out: ParagraphLink[] = [];
  model.paragraphs.forEach((p, index) => {
    if ((p.role !== 'body' && !p.alone) || p.entry < 0) return;
    for (const ref of dups.exactGroup(file, index) ?? []) {
      if (ref.file === file && ref.index === index) continue;
      out.push({ paragraph: index, file: ref.file, other: ref.index, otherEntry: dups.paragraph(ref).entry, similarity: 1 });
    }
    for (const m of dups.nearMatches(file, index)) {
      out.push({ paragraph: index, file: m.other.file, other: m.other.index, otherEntry: dups.paragraph(m.other).entry, similarity: m.similarity });
    }
  });
  return out;
}

/** What an entry says about its event without the rest of the corpus: memoized per file model. */
interface Skeleton {
  entry: number;
  type: EventType;
  spans: [number, number][];
  titleSpan: [number, number] | null;
  /** The title's paragraph when it is longer than a headline and read like a lead, else -1. */
  leadTitle: number;
  lead: number;
  day: number | null;
  monthDay: number | null;
}

/** The skeletons of each model's entries (a model is replaced whenever its text changes). */
const skeletonMemo = new WeakMap<FileModel, Skeleton[]>();

/**
 * The skeletons of a file's entries, in steps: reading an entry's title and lead for its event type costs up to a
 * millisecond the first time (then the list is memoized with the model), and a channel's export holds hundreds of
 * entries.
 */
function* skeletonsOf(model: FileModel, pace: Pace): Steps<Skeleton[]> {
  let list = skeletonMemo.get(model);
  if (!list) {
    list = [];
    const { titles, leads } = titlesAndLeads(model);
    for (let k = 0; k < model.entries.length; k++) {
      if (pace.tick(SKELETON_WEIGHT)) yield;
      const s = skeletonOf(model, k, titles[k], leads[k]);
      if (s) list.push(s);
    }
    skeletonMemo.set(model, list);
  }
  return list;
}

/**
 * Each entry's title paragraph and lead, the first body paragraph of some length (a headline repeated under the date
 * line is not one), by paragraph index (-1 without one): one pass over the paragraphs, not one per entry.
 */
function titlesAndLeads(model: FileModel): { titles: Int32Array; leads: Int32Array } {
  const titles = new Int32Array(model.entries.length).fill(-1);
  const leads = new Int32Array(model.entries.length).fill(-1);
  model.paragraphs.forEach((p, i) => {
    if (p.entry < 0) return;
    if (p.role === 'title' && titles[p.entry] < 0) titles[p.entry] = i;
    else if (p.role === 'body' && p.words >= LEAD_MIN_WORDS && leads[p.entry] < 0) leads[p.entry] = i;
  });
  return { titles, leads };
}

function skeletonOf(model: FileModel, k: number, titleIndex: number, leadIndex: number): Skeleton | null {
  const title = titleIndex >= 0 ? model.paragraphs[titleIndex] : undefined;
  const lead = leadIndex >= 0 ? model.paragraphs[leadIndex] : undefined;
  const spans: [number, number][] = [];
  // A first line longer than a headline is a post's whole text or an article's first paragraph: read like a lead.
  if (title) spans.push([title.start, title.words > HEADLINE_MAX_WORDS ? Math.min(title.end, title.start + LEAD_CHARS) : title.end]);
  if (lead) spans.push([lead.start, Math.min(lead.end, lead.start + LEAD_CHARS)]);
  let type: EventType | null = null;
  for (const [s, e] of spans) if ((type = eventTypeOf(model.text, s, e))) break;
  if (!type) return null;
  const info = model.entries[k];
  let day: number | null = null;
  let monthDay: number | null = null;
  if (info.date) {
    day = dayNumber(info.date);
    monthDay = Number(info.date.slice(5, 7)) * 100 + Number(info.date.slice(8, 10));
  } else if (info.dateText) {
    const d = findDates(info.dateText)[0];
    if (d) monthDay = d.month * 100 + d.day;
  }
  const leadTitle = title && title.words > HEADLINE_MAX_WORDS ? titleIndex : -1;
  return { entry: k, type, spans, titleSpan: title ? [title.start, title.end] : null, leadTitle, lead: leadIndex, day, monthDay };
}

/** The lead read for a type and participants when the headline has none: the first characters of the first paragraph. */
const LEAD_CHARS = 400;
const LEAD_MIN_WORDS = 10;
/** Reports dated further apart than this are different events. */
const MAX_DAYS_APART = 2;

interface Report {
  file: string;
  entry: number;
  /** Index of the lead paragraph in the file's paragraphs, -1 without one. */
  lead: number;
  model: FileModel;
  type: EventType;
  participants: string[];
  places: string[];
  day: number | null;
  /** Month and day when the year is unknown. */
  monthDay: number | null;
  dateText: string | null;
  date: string | null;
}

export function buildEvents(input: EventInput): CorpusEvent[] {
  return runSteps(buildEventsSteps(input));
}

/** Units of work between two yields: a file, a report, a paragraph link weigh one each. */
const EVENTS_PACE = 64;
/** What an entry whose title and lead are read for the first time weighs, in those units. */
const SKELETON_WEIGHT = 16;

/** `buildEvents` in steps (see people/steps.ts). */
export function* buildEventsSteps(input: EventInput): Steps<CorpusEvent[]> {
  const pace = new Pace(EVENTS_PACE);
  const reports: Report[] = [];
  const byEntry = new Map<string, number>();
  for (const file of input.files) {
    if (pace.tick()) yield;
    const model = input.model(file);
    if (!model) continue;
    const skeletons = yield* skeletonsOf(model, pace);
    if (!skeletons.length) continue;
    const mentions = input.mentions(file);
    for (const sk of skeletons) {
      if (pace.tick()) yield;
      const r = reportOf(file, model, sk, mentions);
      if (!r) continue;
      byEntry.set(file + '\u0000' + sk.entry, reports.length);
      reports.push(r);
    }
  }
  // Linking the reports reads the near-duplicates of every report's file whose links are not known yet: when that many
  // questions would make the duplicate index compute all pairs at once, it does so here, in steps. Only files holding
  // a report ask (counting every file of the corpus started the batch over after each edit: most files hold none).
  let linkQueries = 0;
  const asked = new Set<string>();
  for (const r of reports) {
    if (asked.has(r.file)) continue;
    asked.add(r.file);
    if (!input.linksKnown(r.file, r.model)) linkQueries += r.model.paragraphs.length;
  }
  yield* input.duplicates.prepareForQueries(linkQueries);
  const links = yield* candidateLinks(reports, byEntry, input, pace);
  yield;
  const clusters = clusterReports(reports, links);
  yield;
  const events: CorpusEvent[] = [];
  for (const members of clusters) {
    if (pace.tick(members.length)) yield;
    events.push(eventOf(members.map((i) => reports[i]), input));
  }
  events.sort((a, b) => (a.reports[0].file < b.reports[0].file ? -1 : a.reports[0].file > b.reports[0].file ? 1 : a.reports[0].entry - b.reports[0].entry));
  const seen = new Map<string, number>();
  for (const e of events) {
    const n = seen.get(e.id) ?? 0;
    seen.set(e.id, n + 1);
    if (n) e.id += `-${n + 1}`;
  }
  return events;
}

/**
 * A reporter's credit before the lead: «أحمد علي- سبق- القاهرة:», «كتب: محمد الأحمد», and a label of at most three
 * words and a dash before the name and its colon, «بروفايل سبق – محمد عطيف:» (a speaker in a headline, «عاجل - بوتين:
 * …», is never read so: only a lead, or a first line long enough to be read as one, is asked).
 */
const BYLINE_AFTER = /^[ \t]*[-–—]/;
const BYLINE_BEFORE = /^[\s"«(]*(?:كتب|كتبت|بقلم|إعداد|اعداد|تقرير)[ \t]*[:：]?[ \t]*$/;
const LABEL_DASH_BEFORE = /^[\s"«(]*(?:[^\s:：\-–—]+[ \t]+){0,2}[^\s:：\-–—]+[ \t]*[-–—][ \t]*$/;
const COLON_AFTER = /^[ \t]*[:：]/;

/** The person is the reporter credited at the start of a lead paragraph (index, -1: none), not someone the report is about. */
function isByline(model: FileModel, lead: number, m: EventMention): boolean {
  const p = lead >= 0 ? model.paragraphs[lead] : undefined;
  if (!p || m.start < p.start || m.start - p.start > 40) return false;
  const before = model.text.slice(p.start, m.start);
  if (BYLINE_BEFORE.test(before)) return true;
  const after = model.text.slice(m.end, m.end + 8);
  if (LABEL_DASH_BEFORE.test(before) && COLON_AFTER.test(after)) return true;
  return /^[\s"«(]*$/.test(before) && BYLINE_AFTER.test(after);
}

/**
 * The mentions (sorted by start) inside any of the spans, in order: found by binary search, since a file of thousands
 * of posts holds thousands of reports and mentions.
 */
function mentionsIn(mentions: EventMention[], spans: [number, number][]): EventMention[] {
  const at = new Set<number>();
  for (const [s, e] of spans) {
    for (let i = lowerBound(mentions.length, (k) => mentions[k].start < s); i < mentions.length && mentions[i].start < e; i++) {
      if (mentions[i].end <= e) at.add(i);
    }
  }
  return [...at].sort((a, b) => a - b).map((i) => mentions[i]);
}

function reportOf(file: string, model: FileModel, sk: Skeleton, mentions: EventMention[]): Report | null {
  const inTitle = (m: EventMention) => sk.titleSpan !== null && m.start >= sk.titleSpan[0] && m.end <= sk.titleSpan[1];
  // Participants: the people the headline names; the lead's too when the headline names fewer than two.
  const inHeadline: string[] = [];
  const inLead: string[] = [];
  // Places by preference: named in the headline, then after a place cue in the lead (في موسكو), then the others.
  const ranked: { id: string; rank: number; at: number }[] = [];
  for (const m of mentionsIn(mentions, sk.spans)) {
    const title = inTitle(m);
    // A first line read like a lead (`leadTitle`) opens with a reporter's credit as a lead does.
    const credited = title ? isByline(model, sk.leadTitle, m) : isByline(model, sk.lead, m);
    if (m.kind === 'person' && !m.genitive && !credited) (title ? inHeadline : inLead).push(m.id);
    if (m.kind === 'place') ranked.push({ id: m.id, rank: title ? (m.cued ? 0 : 1) : m.cued ? 2 : 3, at: m.start });
  }
  const participants = [...new Set(new Set(inHeadline).size >= 2 ? inHeadline : [...inHeadline, ...inLead])];
  if (!participants.length) return null;
  ranked.sort((a, b) => a.rank - b.rank || a.at - b.at);
  const info = model.entries[sk.entry];
  return {
    file,
    entry: sk.entry,
    lead: sk.lead,
    model,
    type: sk.type,
    participants,
    places: [...new Set(ranked.map((r) => r.id))],
    day: sk.day,
    monthDay: sk.monthDay,
    dateText: info.dateText,
    date: info.date,
  };
}

function dayNumber(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000);
}

interface Link {
  a: number;
  b: number;
  /** Text similarity of the best shared paragraph (1 for an identical one), 0 for a link by date. */
  text: number;
  /** Paragraphs of the first report found in the second. */
  shared: Set<number>;
  /** A shared paragraph is the lead of one of the two reports. */
  lead: boolean;
}

function* candidateLinks(reports: Report[], byEntry: Map<string, number>, input: EventInput, pace: Pace): Steps<Link[]> {
  const best = new Map<string, Link>();
  const note = (a: number, b: number, text: number, paragraph = -1, lead = false) => {
    if (a === b) return;
    const [x, y] = a < b ? [a, b] : [b, a];
    const key = x + ':' + y;
    let l = best.get(key);
    if (!l) best.set(key, (l = { a: x, b: y, text, shared: new Set(), lead: false }));
    else if (text > l.text) l.text = text;
    if (paragraph >= 0) l.shared.add(a * 100000 + paragraph);
    if (lead) l.lead = true;
  };
  // Shared text: a paragraph of one report copied, or nearly, into another. A file's links are read once and dealt to
  // its reports by entry (read once per report, a file of thousands of posts took minutes), then noted report by report.
  const linksOf: (ParagraphLink[] | undefined)[] = new Array(reports.length);
  const read = new Set<string>();
  for (const r of reports) {
    if (read.has(r.file)) continue;
    read.add(r.file);
    // Reading a file's links the first time looks its paragraphs up in the duplicate index.
    if (pace.tick(8)) yield;
    for (const l of input.links(r.file, r.model)) {
      const i = byEntry.get(r.file + '\u0000' + r.model.paragraphs[l.paragraph].entry);
      if (i !== undefined) (linksOf[i] ??= []).push(l);
    }
  }
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i];
    for (const l of linksOf[i] ?? []) {
      const other = byEntry.get(l.file + '\u0000' + l.otherEntry);
      if (other === undefined) continue;
      const o = reports[other];
      // A one-line post's line is its lead: a repost of it is the same report.
      const lead = l.paragraph === r.lead || l.other === o.lead || r.model.paragraphs[l.paragraph].alone || o.model.paragraphs[l.other].alone;
      note(i, other, l.similarity, l.paragraph, lead);
    }
  }
  // The same participants within two days.
  const byDay = new Map<number, number[]>();
  reports.forEach((r, i) => {
    if (r.day === null) return;
    const list = byDay.get(r.day) ?? [];
    list.push(i);
    byDay.set(r.day, list);
  });
  for (const [day, list] of byDay) {
    for (let d = 0; d <= MAX_DAYS_APART; d++) {
      const other = byDay.get(day + d);
      if (!other) continue;
      // Every pair of reports a few days apart: many on one day make this the costliest loop.
      for (const a of list) {
        if (pace.tick(other.length / 16)) yield;
        for (const b of other) if (a !== b && sharedParticipants(reports[a], reports[b]) >= 2) note(a, b, 0);
      }
    }
  }
  return [...best.values()].filter((l) => agrees(reports[l.a], reports[l.b]) && supported(reports[l.a], reports[l.b], l));
}

function sharedParticipants(a: Report, b: Report): number {
  let n = 0;
  for (const p of a.participants) if (b.participants.includes(p)) n++;
  return n;
}

/**
 * Nothing says the two reports are different events: types, dates and main places agree, they share a
 * participant, and neither names a guest the other leaves out (the king receiving two different ministers).
 */
function agrees(a: Report, b: Report): boolean {
  if (!compatibleTypes(a.type, b.type)) return false;
  if (a.day !== null && b.day !== null && Math.abs(a.day - b.day) > MAX_DAYS_APART) return false;
  // A day and month without a year agree only with the same day and month (never across years by themselves).
  if (a.monthDay !== null && b.monthDay !== null && (a.day === null || b.day === null) && a.monthDay !== b.monthDay) return false;
  if (a.places.length && b.places.length && !b.places.includes(a.places[0]) && !a.places.includes(b.places[0])) return false;
  const shared = sharedParticipants(a, b);
  if (!shared) return false;
  if (shared < a.participants.length && shared < b.participants.length) return false;
  return true;
}

/**
 * Enough evidence for one event: text copied from one into the other (two paragraphs, or the lead of one), or
 * two shared participants dated within two days.
 */
function supported(a: Report, b: Report, l: Link): boolean {
  if (l.text > 0 && (l.shared.size >= 2 || l.lead)) return true;
  return sharedParticipants(a, b) >= 2 && a.day !== null && b.day !== null;
}

/** Union of linked reports, strongest links first, never merging two clusters that hold disagreeing reports. */
function clusterReports(reports: Report[], links: Link[]): number[][] {
  const clusterOf = reports.map((_, i) => i);
  const members = new Map<number, number[]>(reports.map((_, i) => [i, [i]]));
  links.sort((x, y) => y.text - x.text);
  for (const l of links) {
    const ca = clusterOf[l.a];
    const cb = clusterOf[l.b];
    if (ca === cb) continue;
    const A = members.get(ca)!;
    const B = members.get(cb)!;
    if (!A.every((i) => B.every((j) => agrees(reports[i], reports[j]) && (reports[i].file !== reports[j].file || l.text > 0)))) continue;
    for (const j of B) {
      clusterOf[j] = ca;
      A.push(j);
    }
    members.delete(cb);
  }
  return [...members.values()].map((m) => m.sort((x, y) => x - y));
}

function eventOf(members: Report[], input: EventInput): CorpusEvent {
  const type = members.map((r) => r.type).sort((x, y) => TYPE_ORDER.indexOf(x) - TYPE_ORDER.indexOf(y))[0];
  const dated = members.filter((r) => r.date).sort((x, y) => (x.date! < y.date! ? -1 : 1));
  const date = dated[0]?.date ?? null;
  const dateText = (dated[0] ?? members.find((r) => r.dateText))?.dateText ?? null;
  const counts = new Map<string, number>();
  for (const r of members) r.participants.forEach((p, i) => counts.set(p, (counts.get(p) ?? 0) + 1 + (i === 0 ? 0.1 : 0)));
  const participants = [...counts].sort((x, y) => y[1] - x[1]).map(([p]) => p);
  const placeCounts = new Map<string, number>();
  for (const r of members) r.places.forEach((p, i) => placeCounts.set(p, (placeCounts.get(p) ?? 0) + (i === 0 ? 2 : 1)));
  const placeId = [...placeCounts].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;
  // The headline of an article names the event better than a post's first line.
  const main = members.find((r) => !r.model.multiEntry) ?? members[0];
  const reports = members.map((r) => ({
    file: r.file,
    entry: r.entry,
    range: r.model.entries[r.entry].titleRange,
    title: r.model.entries[r.entry].title,
    date: r.date,
  }));
  const title = main.model.entries[main.entry].title;
  const id = `event:${date ?? 'undated'}:${type}:${(hashString(main.file + '\u0000' + title) % 1679616).toString(36).padStart(4, '0')}`;
  return { id, type, title, date, dateText, place: placeId ? input.placeName(placeId) : null, placeId, participants, reports };
}

const TYPE_ORDER: EventType[] = ['call', 'message', 'interview', 'summit', 'visit', 'meeting', 'speech', 'decree'];
