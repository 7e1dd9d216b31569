/**
 * The date finder: every date in a line that names at least a day and a month.
 *
 * - Gregorian dates with a month name: chrono-node's Arabic parser (Egyptian/Gulf and Levantine month names,
 *   ordinal day words, weekdays), its English parser («January 28, 2026» in tweet attribution lines) and its French
 *   one («le 20 octobre 2024» in Maghrebi sources), run only on small windows around month names found by a
 *   precompiled regex.
 * - Numeric dates (15/03/2023, 2023-03-15, «17 / 10 / 1436 هـ»), Hijri dates with a month name («25 شوال 1436 هـ»)
 *   and a Gregorian month name before the day («نوفمبر 22, 2026»): own regexes (./dates/ownPatterns); Hijri dates
 *   are converted to Gregorian (./dates/hijri: Umm al-Qura, tabular fallback).
 * - Ranges of days («من 15 إلى 20 مارس 2024», «28 فبراير - 3 مارس 2024») are one mention dated by the first day
 *   (./dates/ranges); chrono's own range merging is left out, as it dropped the last date and its year.
 * - Relative and vague expressions (اليوم، أمس، «قبل 18 عاماً», «عام 2005», a weekday or a time alone) are
 *   never returned: a mention needs a written day and a written month. Nor is a day and month that names a place, an
 *   event or a movement («مدينة 6 أكتوبر», «ثورة 25 يناير»).
 *
 * Parsing happens on a normalized copy (no bidi/zero-width marks, no harakat or tatweel, folded alef, ASCII
 * digits, a few month spellings rewritten); offsets are mapped back to the untouched line.
 * Pure: no I/O, no host APIs.
 */
import * as chrono from 'chrono-node';
import {
  type Candidate,
  type DayOfRange,
  MAX_GREGORIAN_YEAR,
  MIN_GREGORIAN_YEAR,
  W,
  dropNamedDates,
  isValidGregorian,
  ordinalDayAllowed,
} from './dates/common';
import {
  AR_ALIAS_RE,
  AR_MONTH_RE,
  AR_MONTH_SRC,
  EN_MONTH_RE,
  FR_MONTH_RE,
  ORDINAL_WORD_RE,
  aliasReplacement,
  gregorianMonthOf,
  dateAnchors,
  mayHoldDate,
} from './dates/months';
import { type MappedText, normalizeForDates, replaceMapped } from './dates/normalize';
import { runToEnd, type Steps } from './steps';
import { findHijri, findJoinedMonthName, findMonthFirst, findNumeric, findShortYear } from './dates/ownPatterns';
import { joinRanges } from './dates/ranges';

export interface DateMention {
  /** UTF-16 offsets into the text given, [start, end). They land on the exact characters of the date expression in the untouched text. */
  start: number;
  end: number;
  /** text.slice(start, end) of the line given. */
  text: string;
  /** null when the text gives no year («في 28 يناير»). */
  year: number | null;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
  /** 'YYYY-MM-DD' when the year is known, else null. */
  iso: string | null;
  /**
   * For a Hijri date, year/month/day/iso are the GREGORIAN equivalent when the Hijri year is known; when it is
   * not («في 10 رمضان»), year and iso are null and month/day are the Hijri month and day.
   */
  calendar: 'gregorian' | 'hijri';
  /**
   * The last day of a range of days («من 15 إلى 20 مارس 2024», «بين 15 و20 مارس», «15-20 مارس», «من 28 فبراير إلى 3
   * مارس»): the mention covers the whole range and year/month/day/iso above are its first day.
   */
  until?: DayOfRange;
}

/** Fixed reference for chrono: only its implied (never trusted) components depend on it. */
const REF = new Date(Date.UTC(2000, 5, 15, 12));

/** Characters around a month name handed to chrono; windows are widened to whitespace, then merged. */
const WINDOW_BEFORE = 48;
const WINDOW_AFTER = 32;
const WINDOW_SNAP = 16;
const WINDOW_MAX = 1200;

const PROCLITIC_DIGIT_RE = new RegExp(`(?<!${W})[وفبل](?=\\d)`, 'gu');
const MONTH_WORD_RE = new RegExp(`(?<!${W})شهر\\s{1,3}(?=(?:${AR_MONTH_SRC})(?!${W}))`, 'gu');
const YEAR_SUFFIX_RE = new RegExp(`^\\s{0,3}(?:م|ميلادي[ةه]?)(?!${W})`, 'u');
const LEADING_PREPOSITION_RE = /^(?:في|من|خلال|منذ)\s{1,3}/u;
const DAY_AFTER_MONTH_RE = /^\.?\s{0,3}(\d{1,2})(?:st|nd|rd|th)?(?!\d)/i;
const FOUR_DIGITS_RE = /(?<!\d)\d{4}(?!\d)/g;
const WORD_CHAR_RE = new RegExp(W, 'u');
const AR_MONTH_ONE_RE = new RegExp(`(?<!${W})(?:${AR_MONTH_SRC})(?!${W})`, 'u');
const EN_MONTH_ONE_RE = new RegExp(EN_MONTH_RE.source, 'i');
const FR_MONTH_ONE_RE = new RegExp(FR_MONTH_RE.source, 'iu');
/**
 * «15 مارس/آذار 2023», «15 آذار (مارس) 2023», and with a space only, as Reuters and AFP Arabic write it, «12 مارس آذار
 * 2024»: the second name of the month carries the year (kept only when it names the same month).
 */
const SECOND_NAME_RE = new RegExp(
  `^(?:\\s{0,2}[/(\\-]\\s{0,2}|\\s{1,2})(${AR_MONTH_SRC})(?!${W})\\s{0,2}\\)?\\s{0,3}[،,]?\\s{0,3}(\\d{4})(?!\\d)`,
  'u',
);

/** A day written as digits right before the month name, in a chrono result (drops «في», a weekday, a merged time). */
const DIGIT_DAY_BEFORE_MONTH_RE = /(?<!\d)\d{1,2}\s{0,3}(?:من\s{1,3})?(?:شهر\s{1,3})?$/u;
/** «21 يوليو من عام 1969», «15 مارس، سنة 2023»: a year chrono does not attach. */
const YEAR_AFTER_RE = /^\s{0,3}[،,]?\s{0,3}(?:من\s{1,3})?(?:سن[ةه]|عام)\s{1,3}(\d{4})(?!\d)/u;
/** All dates in one line of text that name at least a day and a month, in order. Never throws, whatever the input. */
export function findDates(line: string): DateMention[] {
  try {
    if (typeof line !== 'string' || line.length === 0) return [];
    // Cheap prefilter on the raw line: most lines stop here.
    if (line.length <= WHOLE_LINE_CHARS) return mayHoldDate(line) ? findInText(line) : [];
    // A long line (a paragraph of an article): only the regions around the places a date can be are parsed (a
    // quarter less time on the news sample's candidate lines; the same mentions, see findDatesInWholeLine). Finding
    // them is the prefilter too: none, no date.
    const out: DateMention[] = [];
    for (const [ws, we] of regionsAround(line, dateAnchors(line))) {
      for (const m of findInText(line.slice(ws, we))) out.push({ ...m, start: ws + m.start, end: ws + m.end });
    }
    return out;
  } catch {
    return [];
  }
}

/** `findDates` without regions: every line parsed whole (the reference the regions must agree with; tests). */
export function findDatesInWholeLine(line: string): DateMention[] {
  try {
    return typeof line === 'string' && line.length > 0 && mayHoldDate(line) ? findInText(line) : [];
  } catch {
    return [];
  }
}

/** Lines up to this long are parsed whole. */
const WHOLE_LINE_CHARS = 400;
/** Characters kept around an anchor (a weekday and «يوم» before the day; a year, «م» or a second calendar after). */
const REGION_BEFORE = 80;
const REGION_AFTER = 120;

/** Regions of the line around the anchors, widened to white space and merged when they touch. */
function regionsAround(line: string, anchors: [number, number][]): [number, number][] {
  const regions: [number, number][] = [];
  for (const [as, ae] of anchors) {
    let ws = Math.max(0, as - REGION_BEFORE);
    let we = Math.min(line.length, ae + REGION_AFTER);
    while (ws > 0 && !isSpace(line, ws - 1)) ws--;
    while (we < line.length && !isSpace(line, we)) we++;
    const last = regions[regions.length - 1];
    if (last !== undefined && ws <= last[1]) last[1] = Math.max(last[1], we);
    else regions.push([ws, we]);
  }
  return regions;
}

/** The dates of a text that passed the prefilter (a line, or a region of one). */
function findInText(line: string): DateMention[] {
  let mapped = replaceMapped(normalizeForDates(line), AR_ALIAS_RE, aliasReplacement);
  // «و24 / 3 / 2015م»: a conjunction or preposition glued to the day number gets a space (parsing only).
  mapped = replaceMapped(mapped, PROCLITIC_DIGIT_RE, (m) => `${m[0]} `);
  // «5 من شهر يناير»: chrono reads no day across the word «شهر» before a Gregorian month (parsing only).
  mapped = replaceMapped(mapped, MONTH_WORD_RE, () => '');
  const t = mapped.text;
  const found: Candidate[] = [];
  findNumeric(t, found);
  findShortYear(t, found);
  findJoinedMonthName(t, found);
  findHijri(t, found);
  findMonthFirst(t, found);
  findWithChrono(t, AR_MONTH_RE, AR_MONTH_ONE_RE, monthNameParsers.ar, found);
  findWithChrono(t, EN_MONTH_RE, EN_MONTH_ONE_RE, monthNameParsers.en, found);
  findWithChrono(t, FR_MONTH_RE, FR_MONTH_ONE_RE, monthNameParsers.fr, found);
  return toMentions(line, mapped, joinRanges(t, dropNamedDates(t, found)));
}

// ---- Gregorian dates with a month name (chrono) -----------------------------------------------------

/**
 * chrono's strict configurations keep parsers for times, weekdays, durations and numeric dates, and each runs its
 * patterns over every window: only a day with a month name is wanted here (numeric dates have their own regexes; a
 * weekday, a time or a duration alone is never a date mention). The parsers kept are those whose pattern names the
 * month (`monthName`) and that read a day and a month on their own from one of the probes: chosen by what they do,
 * not by class names (a minifier renames them), and without running the others (a pattern's first run compiles it:
 * running them all cost 100 ms). A window costs about a quarter as much as with the whole configuration. Built on
 * first use.
 */
function monthNameOnly(base: chrono.Chrono, monthName: RegExp, probes: string[], rangeProbe: string): LeanParser {
  let lean: chrono.Chrono | undefined;
  const namesMonth = (parser: chrono.Parser): boolean => {
    try {
      return monthName.test(parser.pattern(new chrono.ParsingContext(probes[0], REF)).source);
    } catch {
      return true; // probed below like the others
    }
  };
  function* buildSteps(): Steps<chrono.Chrono> {
    if (lean) return lean;
    const kept: chrono.Parser[] = [];
    for (const parser of base.parsers) {
      if (!namesMonth(parser)) continue;
      const alone = base.clone();
      alone.parsers = [parser];
      alone.refiners = [];
      if (probes.some((p) => alone.parse(p, REF).some((r) => r.start.isCertain('day') && r.start.isCertain('month')))) kept.push(parser);
      yield;
    }
    if (lean) return lean;
    const built = base.clone();
    // Should a future chrono read none of the probes alone, the whole configuration stays.
    if (kept.length) built.parsers = kept;
    built.refiners = withoutRangeMerging(built, rangeProbe);
    if (lean) return lean;
    lean = built;
    return lean;
  }
  return { get: () => lean ?? runToEnd(buildSteps()), buildSteps };
}

/**
 * The refiners without the one that merges two dates into a range («28 فبراير - 3 مارس 2024»): chrono then keeps the
 * first date alone, without the year written after the second, and drops the second. Both dates are kept, and
 * ./dates/ranges joins them. Found by what it does: without it, the range probe reads as two dates.
 */
function withoutRangeMerging(c: chrono.Chrono, rangeProbe: string): chrono.Refiner[] {
  if (c.parse(rangeProbe, REF).length !== 1) return c.refiners;
  for (let k = 0; k < c.refiners.length; k++) {
    const without = c.clone();
    without.refiners = c.refiners.filter((_, j) => j !== k);
    if (without.parse(rangeProbe, REF).length === 2) return without.refiners;
  }
  return c.refiners;
}

interface LeanParser {
  get(): chrono.Chrono;
  /** Builds the parser in steps (a parser's first run compiles its patterns). */
  buildSteps(): Steps<chrono.Chrono>;
}

const monthNameParsers = {
  ar: monthNameOnly(chrono.ar.strict, /مارس/u, ['15 مارس 2015', 'الخامس من مارس 2015'], '28 فبراير - 3 مارس 2015'),
  en: monthNameOnly(
    chrono.en.strict,
    /january/i,
    ['January 28, 2026', '28 January 2026', 'Jan. 28', '2026 January 28'],
    '28 February - 3 March 2015',
  ),
  // Built on the first French month name next to a number (a corpus without any never compiles it).
  fr: monthNameOnly(chrono.fr.strict, /janvier/i, ['15 janvier 2015', '1er mars 2020'], '28 février au 3 mars 2015'),
};

/** Lines that take every path of the finder once: the first use of each pattern compiles it. */
const WARM_UP_LINES = [
  'الأحد 15 مارس/آذار 2015م',
  'في الخامس من شهر يناير عام 2015',
  '— Name (@handle) January 28, 2026',
  '25 شوال 1436 هـ',
  'و24 / 3 / 2015م',
  '2023-03-15',
];

/**
 * Prepares the date finder in steps of a few milliseconds: its first use compiles chrono's patterns and its own
 * regexes, about 60 ms at once, which a host that must keep answering (the language server) spreads over several
 * turns. Cheap once done; the finder works without it.
 */
export function* prepareDates(): Steps<void> {
  yield* monthNameParsers.ar.buildSteps();
  yield* monthNameParsers.en.buildSteps();
  for (const line of WARM_UP_LINES) {
    findDates(line);
    yield;
  }
}

function isSpace(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Windows of the text around month names, widened to whitespace, overlapping ones merged. */
function windowsAround(t: string, monthRe: RegExp): [number, number][] {
  const windows: [number, number][] = [];
  monthRe.lastIndex = 0;
  for (let m = monthRe.exec(t); m !== null; m = monthRe.exec(t)) {
    let ws = Math.max(0, m.index - WINDOW_BEFORE);
    let we = Math.min(t.length, m.index + m[0].length + WINDOW_AFTER);
    for (let k = 0; k < WINDOW_SNAP && ws > 0 && !isSpace(t, ws - 1); k++) ws--;
    for (let k = 0; k < WINDOW_SNAP && we < t.length && !isSpace(t, we); k++) we++;
    const last = windows[windows.length - 1];
    if (last !== undefined && ws <= last[1] && we - last[0] <= WINDOW_MAX) last[1] = Math.max(last[1], we);
    else windows.push([ws, we]);
  }
  return windows;
}

function findWithChrono(t: string, monthRe: RegExp, monthOneRe: RegExp, parser: LeanParser, out: Candidate[]): void {
  for (const [ws, we] of windowsAround(t, monthRe)) {
    const w = t.slice(ws, we);
    if (!/\d/.test(w) && !ORDINAL_WORD_RE.test(w)) continue;
    let results: chrono.ParsedResult[];
    try {
      results = parser.get().parse(w, REF);
    } catch {
      continue;
    }
    for (const r of results) {
      const c = fromChrono(t, ws, r, monthOneRe);
      if (c !== null) out.push(c);
    }
  }
}

function fromChrono(t: string, offset: number, r: chrono.ParsedResult, monthOneRe: RegExp): Candidate | null {
  const start = r.start;
  if (!start.isCertain('day') || !start.isCertain('month')) return null;
  for (const tag of r.tags()) if (tag.startsWith('casualReference') || tag.includes('relative')) return null;
  let s = offset + r.index;
  const chronoEnd = s + r.text.length;
  if (s > 0 && WORD_CHAR_RE.test(t[s - 1])) return null; // the window cut a word
  const seg = t.slice(s, chronoEnd);
  // The month must be written as a name (numeric dates are handled by the own regexes).
  const mm = monthOneRe.exec(seg);
  if (mm === null) return null;
  const month = start.get('month') ?? 0;
  let day = start.get('day') ?? 0;
  if (gregorianMonthOf(mm[0]) !== month) return null;
  const monthStart = s + mm.index;
  let e = monthStart + mm[0].length;
  // «January 28»: the day after the month name.
  const dayAfter = DAY_AFTER_MONTH_RE.exec(t.slice(e, chronoEnd));
  if (dayAfter !== null && +dayAfter[1] === day) e += dayAfter[0].length;
  // The year: only a 4-digit number chrono read as the year (a 2-digit «75» is a count, not 1975).
  let year: number | null = null;
  if (start.isCertain('year')) {
    const yv = start.get('year');
    const rest = t.slice(e, chronoEnd);
    FOUR_DIGITS_RE.lastIndex = 0;
    for (let y = FOUR_DIGITS_RE.exec(rest); y !== null; y = FOUR_DIGITS_RE.exec(rest)) {
      if (+y[0] === yv) {
        year = yv;
        e += y.index + 4;
        break;
      }
    }
  } else {
    const after = t.slice(e, e + 64);
    const second = SECOND_NAME_RE.exec(after);
    const spelled = second === null ? YEAR_AFTER_RE.exec(after) : null;
    if (second !== null && gregorianMonthOf(second[1]) === month) {
      year = +second[2];
      e += second[0].length;
    } else if (spelled !== null) {
      year = +spelled[1];
      e += spelled[0].length;
    }
  }
  if (year !== null) {
    if (year < MIN_GREGORIAN_YEAR || year > MAX_GREGORIAN_YEAR) return null;
    const suffix = YEAR_SUFFIX_RE.exec(t.slice(e, e + 16));
    if (suffix !== null) e += suffix[0].length;
  }
  if (!isValidGregorian(year ?? 2000, month, day)) return null;
  // Start: the day number when the day is written in digits; else chrono's start without «في»/«من».
  const before = t.slice(s, monthStart);
  const digitDay = DIGIT_DAY_BEFORE_MONTH_RE.exec(before);
  if (digitDay !== null) {
    s += digitDay.index;
    // «15-20 مارس»: chrono reads a range and gives its first day; the mention starts at the day written before the
    // month, which is its day (the range is joined in ./dates/ranges).
    const written = parseInt(digitDay[0], 10);
    if (written !== day) {
      if (!isValidGregorian(year ?? 2000, month, written)) return null;
      day = written;
    }
  } else if (monthStart > s) {
    const lead = LEADING_PREPOSITION_RE.exec(before);
    if (lead !== null && lead[0].length < before.length) s += lead[0].length;
    if (!ordinalDayAllowed(t, s)) return null;
  }
  return { s, e, year, month, day, calendar: 'gregorian' };
}

// ---- results ----------------------------------------------------------------------------------------

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Drops overlapping candidates (the earliest, then the longest wins) and maps offsets back to the line. */
function toMentions(line: string, mapped: MappedText, found: Candidate[]): DateMention[] {
  found.sort((a, b) => a.s - b.s || b.e - b.s - (a.e - a.s));
  const out: DateMention[] = [];
  let lastEnd = 0;
  for (const c of found) {
    if (c.e <= c.s || c.s < lastEnd) continue;
    lastEnd = c.e;
    let start = mapped.start[c.s];
    let end = mapped.end[c.e - 1];
    if (start > 0 && isLow(line.charCodeAt(start)) && isHigh(line.charCodeAt(start - 1))) start--;
    if (end < line.length && isLow(line.charCodeAt(end)) && isHigh(line.charCodeAt(end - 1))) end++;
    out.push({
      start,
      end,
      text: line.slice(start, end),
      year: c.year,
      month: c.month,
      day: c.day,
      iso: c.year === null ? null : `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`,
      calendar: c.calendar,
      ...(c.until ? { until: c.until } : {}),
    });
  }
  return out;
}
