/**
 * The date finders that do not need chrono: numeric dates (15/03/2023, 2023-03-15, 2023-03-15T08:00Z, «17 / 10 / 1436
 * هـ», a US 10/20/2024 no other way valid, a Telegram header's «[20.10.24 14:35]»), a month name between dashes
 * («20-Oct-2024»), Hijri
 * dates with a month name («25 شوال 1436 هـ», «السابع والعشرين من رمضان») and a Gregorian month name before the day
 * («نوفمبر 22, 2026»). Input: normalized text.
 */
import {
  type Candidate,
  MAX_GREGORIAN_YEAR,
  MAX_HIJRI_YEAR,
  MIN_GREGORIAN_YEAR,
  MIN_HIJRI_YEAR,
  W,
  isValidGregorian,
  ordinalDayAllowed,
} from './common';
import { daysToGregorian, hijriToDays } from './hijri';
import {
  AR_MONTH_SRC,
  EN_MONTH_PATTERN,
  FR_MONTH_PATTERN,
  HIJRI_MONTH_SRC,
  ORDINAL_DAY_SRC,
  gregorianMonthOf,
  hijriMonthOf,
  ordinalDayOf,
} from './months';

const NUM_SUFFIX = `(?:\\s{0,3}(م|ميلادي[ةه]?|ه|هجري[ةه]?|هجرى|للهجر[ةه])(?!${W}))?`;
const NUM_BEFORE = `(?<!${W}|\\d[/.\\-])`;
const NUM_AFTER = `(?!${W}|[/.\\-]\\d)`;
/** 15/03/2023, 15-03-2023, 15.03.2023, «17 / 10 / 1436 هـ». */
const DMY_RE = new RegExp(
  `${NUM_BEFORE}(\\d{1,2})\\s{0,2}([/.\\-])\\s{0,2}(\\d{1,2})\\s{0,2}\\2\\s{0,2}(\\d{4})${NUM_SUFFIX}${NUM_AFTER}`,
  'gu',
);
/** An ISO 8601 time right after the day (2023-03-15T08:00): the date ends before the «T». */
const ISO_TIME_AHEAD = '(?=T\\d{2}:\\d{2})';
/** 2023-03-15, 2023/03/15, 1436/10/17, 2023-03-15T08:00:00Z. */
const YMD_RE = new RegExp(
  `${NUM_BEFORE}(\\d{4})\\s{0,2}([/.\\-])\\s{0,2}(\\d{1,2})\\s{0,2}\\2\\s{0,2}(\\d{1,2})${NUM_SUFFIX}(?:${ISO_TIME_AHEAD}|${NUM_AFTER})`,
  'gu',
);
/**
 * «[20.10.24 14:35]»: a day, a month and a two-digit year with a time after them, as Telegram's desktop app heads each
 * copied message. Without the time two-digit groups are versions, scores or references, never read.
 */
const SHORT_YEAR_RE = new RegExp(`${NUM_BEFORE}(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{2})(?=\\]?,?\\s{1,3}\\d{1,2}:\\d{2}(?!\\d))`, 'gu');
/** «25 شوال 1436 هـ», «غرة رمضان 1444», «3 من ربيع الأول سنة 1440 للهجرة», «السابع والعشرين من رمضان». */
const HIJRI_RE = new RegExp(
  `(?<!${W})(\\d{1,2}|غر[ةه]|${ORDINAL_DAY_SRC})\\s{0,3}(?:من\\s{1,3})?(?:شهر\\s{1,3})?(${HIJRI_MONTH_SRC})` +
    `(?:\\s{0,3}[،,]?\\s{0,3}(?:(?:من\\s{1,3})?(?:سن[ةه]|عام)\\s{1,3})?(\\d{4})` +
    `(?:\\s{0,3}(?:ه|للهجر[ةه]|هجري[ةه]?|هجرى)(?!${W}))?)?(?!${W})`,
  'gu',
);

/**
 * «نوفمبر 22, 2026», «أكتوبر 20، 2024م»: the month name first, as websites print an English date format («F j, Y») with
 * Arabic month names. A four-digit year is required, with or without the comma: «أكتوبر 20 قتيلا» is no
 * date.
 */
const MONTH_FIRST_RE = new RegExp(
  `(?<!${W})(${AR_MONTH_SRC})\\s{1,3}(\\d{1,2})(?:\\s{0,2}[،,]\\s{0,3}|\\s{1,3})(\\d{4})(?:\\s{0,3}م(?!${W}))?(?!\\d)`,
  'gu',
);

/** A Gregorian month name in any of the three languages (normalized Arabic, English or French, any case). */
const ANY_MONTH_SRC = `${AR_MONTH_SRC}|${EN_MONTH_PATTERN}|${FR_MONTH_PATTERN}`;
/**
 * «20-Oct-2024», «20/Oct/2024» (server logs, scraped metadata), «20-أكتوبر-2024», «2024-Oct-20»: a day, a month name and
 * a four-digit year joined by one and the same dash, slash or dot.
 */
const JOINED_NAME_RES = [
  [new RegExp(`${NUM_BEFORE}(\\d{1,2})([/.\\-])(${ANY_MONTH_SRC})\\.?\\2(\\d{4})(?:\\s{0,3}م(?!${W}))?${NUM_AFTER}`, 'giu'), true],
  [new RegExp(`${NUM_BEFORE}(\\d{4})([/.\\-])(${ANY_MONTH_SRC})\\.?\\2(\\d{1,2})${NUM_AFTER}`, 'giu'), false],
] as const;

/** What every such date holds: a digit, one separator and a letter (the day or year before the month name). */
const JOINED_HINT_RE = /\d[/.\-]\p{L}/u;

// ---- numeric dates ----------------------------------------------------------------------------------

export function findNumeric(t: string, out: Candidate[]): void {
  for (const [re, dmy] of [
    [DMY_RE, true],
    [YMD_RE, false],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(t); m !== null; m = re.exec(t)) {
      let day = +(dmy ? m[1] : m[4]);
      let month = +m[3];
      // 10/20/2024: the month first (US), read only where the day-first reading is impossible.
      if (dmy && month > 12 && day <= 12) [day, month] = [month, day];
      const year = +(dmy ? m[4] : m[1]);
      const suffix = m[5];
      const hijriSuffix = suffix !== undefined && suffix !== 'م' && !suffix.startsWith('ميلادي');
      const gregorianSuffix = suffix !== undefined && !hijriSuffix;
      const s = m.index;
      const e = s + m[0].length;
      if (year >= MIN_GREGORIAN_YEAR && year <= MAX_GREGORIAN_YEAR && !hijriSuffix) {
        if (isValidGregorian(year, month, day)) out.push({ s, e, year, month, day, calendar: 'gregorian' });
      } else if (year >= MIN_HIJRI_YEAR && year <= MAX_HIJRI_YEAR && !gregorianSuffix) {
        const c = hijriCandidate(s, e, year, month, day);
        if (c !== null) out.push(c);
      }
    }
  }
}

/** «[20.10.24 14:35]»: years 2000–2099. */
export function findShortYear(t: string, out: Candidate[]): void {
  SHORT_YEAR_RE.lastIndex = 0;
  for (let m = SHORT_YEAR_RE.exec(t); m !== null; m = SHORT_YEAR_RE.exec(t)) {
    const day = +m[1];
    const month = +m[3];
    const year = 2000 + +m[4];
    if (isValidGregorian(year, month, day)) out.push({ s: m.index, e: m.index + m[0].length, year, month, day, calendar: 'gregorian' });
  }
}

/** A day, a month name and a year joined by dashes, slashes or dots («20-Oct-2024»). */
export function findJoinedMonthName(t: string, out: Candidate[]): void {
  if (!JOINED_HINT_RE.test(t)) return;
  for (const [re, dayFirst] of JOINED_NAME_RES) {
    re.lastIndex = 0;
    for (let m = re.exec(t); m !== null; m = re.exec(t)) {
      const day = +(dayFirst ? m[1] : m[4]);
      const year = +(dayFirst ? m[4] : m[1]);
      const month = gregorianMonthOf(m[3]);
      if (month === 0 || year < MIN_GREGORIAN_YEAR || year > MAX_GREGORIAN_YEAR || !isValidGregorian(year, month, day)) continue;
      out.push({ s: m.index, e: m.index + m[0].length, year, month, day, calendar: 'gregorian' });
    }
  }
}

// ---- a Gregorian month name before the day ----------------------------------------------------------

export function findMonthFirst(t: string, out: Candidate[]): void {
  MONTH_FIRST_RE.lastIndex = 0;
  for (let m = MONTH_FIRST_RE.exec(t); m !== null; m = MONTH_FIRST_RE.exec(t)) {
    const month = gregorianMonthOf(m[1]);
    const day = +m[2];
    const year = +m[3];
    if (month === 0 || year < MIN_GREGORIAN_YEAR || year > MAX_GREGORIAN_YEAR || !isValidGregorian(year, month, day)) continue;
    out.push({ s: m.index, e: m.index + m[0].length, year, month, day, calendar: 'gregorian' });
  }
}

// ---- Hijri dates with a month name ------------------------------------------------------------------

export function findHijri(t: string, out: Candidate[]): void {
  HIJRI_RE.lastIndex = 0;
  for (let m = HIJRI_RE.exec(t); m !== null; m = HIJRI_RE.exec(t)) {
    const digits = /^\d/.test(m[1]);
    if (!digits && !ordinalDayAllowed(t, m.index)) continue;
    const day = digits ? +m[1] : /^غر/.test(m[1]) ? 1 : ordinalDayOf(m[1]); // غرة = the first day of the month
    const month = hijriMonthOf(m[2].replace(/\s+/g, ' '));
    if (month === 0) continue;
    const s = m.index;
    const e = s + m[0].length;
    if (m[3] === undefined) {
      // No year: not with صفر (also «zero»: «فاز 3 صفر»), not with غرة alone.
      if (month === 2 || /^غر/.test(m[1]) || day < 1 || day > 30) continue;
      out.push({ s, e, year: null, month, day, calendar: 'hijri' });
      continue;
    }
    const c = hijriCandidate(s, e, +m[3], month, day);
    if (c !== null) out.push(c);
  }
}

function hijriCandidate(s: number, e: number, hYear: number, hMonth: number, hDay: number): Candidate | null {
  if (hYear < MIN_HIJRI_YEAR || hYear > MAX_HIJRI_YEAR) return null;
  if (hMonth < 1 || hMonth > 12 || hDay < 1 || hDay > 30) return null;
  const [year, month, day] = daysToGregorian(hijriToDays(hYear, hMonth, hDay));
  return { s, e, year, month, day, calendar: 'hijri' };
}

