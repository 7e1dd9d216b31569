/**
 * Date ranges: «من 15 إلى 20 مارس 2024», «بين 15 و20 مارس», «15-20 مارس», «من 28 فبراير إلى 3 مارس 2024». A range is one
 * mention from its first day to its last, dated by its first day; the last day rides along (`until`). Without this the
 * finder read «20 مارس» alone, and «15 مارس» of «من 15 مارس إلى 20 مارس 2024» as a second date without a year.
 * Input: normalized text (ASCII digits, alef folded).
 */
import { type Candidate, W, isValidGregorian } from './common';

/** What joins the two ends of a range: a dash, «إلى», «حتى», «لغاية», «to», «au». */
const JOIN = `(?:[-–—]|ال[يى]|حت[يى]|لغاي[ةه]|ولغاي[ةه]|to|au)`;
/**
 * «و», «and», «et» join two days too, but only after «بين», «يومي» or «في» («بين 15 و20 مارس», «يومي 15 و16 آذار»):
 * elsewhere the number before «و» may count something else.
 */
const AND = `(?:و|and|et)`;
/** A first day in digits right before a date, joined to its day: «15 إلى ‸20 مارس», «15-‸20 مارس». */
const FIRST_DAY_BEFORE_RE = new RegExp(
  `(?<!${W}|[/.:,\\-])(?:((?:بين|يومي|ايام|في|between|entre)\\s{1,3})?(\\d{1,2})\\s{0,3}(?:${JOIN}|${AND}))\\s{0,3}$`,
  'iu',
);
/** Between the two dates of a range over two months: «28 فبراير ‸إلى‸ 3 مارس». */
const JOIN_BETWEEN_RE = new RegExp(`^\\s{0,3}${JOIN}\\s{0,3}$`, 'iu');
const AND_BETWEEN_RE = new RegExp(`^\\s{0,3}${AND}\\s{0,3}$`, 'iu');
/** «بين 28 فبراير و3 مارس»: what must come before the first date when the two are joined by «و». */
const BETWEEN_BEFORE_RE = new RegExp(`(?<!${W})(?:بين|between|entre)\\s{1,3}$`, 'iu');
/** Characters looked back for a first day (the longest join is far shorter: the look-behind always sees a character). */
const LOOK_BACK = 40;

/** Joins the candidates that are ranges (Gregorian, day in digits). `found` is in order of start; so is the result. */
export function joinRanges(t: string, found: Candidate[]): Candidate[] {
  if (found.length === 0) return found;
  const withFirstDay = found.map((c) => withFirstDayBefore(t, c));
  const out: Candidate[] = [];
  for (const c of withFirstDay) {
    const previous = out[out.length - 1];
    const joined = previous === undefined ? null : joinTwoDates(t, previous, c);
    if (joined !== null) out[out.length - 1] = joined;
    else out.push(c);
  }
  return out;
}

/** «15 إلى 20 مارس 2024» from «20 مارس 2024»: the first day of the same month, before the day of `c`. */
function withFirstDayBefore(t: string, c: Candidate): Candidate {
  if (c.calendar !== 'gregorian' || !isDigit(t.charCodeAt(c.s))) return c;
  const from = Math.max(0, c.s - LOOK_BACK);
  const m = FIRST_DAY_BEFORE_RE.exec(t.slice(from, c.s));
  if (m === null) return c;
  const first = +m[2];
  const joinedByAnd = AND_BETWEEN_RE.test(m[0].slice(m[0].indexOf(m[2]) + m[2].length));
  if (joinedByAnd && m[1] === undefined) return c;
  if (first >= c.day || !isValidGregorian(c.year ?? 2000, c.month, first)) return c;
  const s = from + m.index + (m[1]?.length ?? 0);
  return { ...c, s, day: first, until: { year: c.year, month: c.month, day: c.day } };
}

/** «28 فبراير إلى 3 مارس 2024»: two dates joined as a range; the first takes the year of the second when it has none. */
function joinTwoDates(t: string, a: Candidate, b: Candidate): Candidate | null {
  if (a.calendar !== 'gregorian' || b.calendar !== 'gregorian' || a.until || b.until || a.e > b.s) return null;
  const between = t.slice(a.e, b.s);
  if (!JOIN_BETWEEN_RE.test(between) && !(AND_BETWEEN_RE.test(between) && BETWEEN_BEFORE_RE.test(t.slice(Math.max(0, a.s - 16), a.s)))) {
    return null;
  }
  // «من 28 ديسمبر إلى 3 يناير 2024»: the first day is in the year before.
  const year = a.year ?? (b.year === null ? null : a.month > b.month ? b.year - 1 : b.year);
  if (!isValidGregorian(year ?? 2000, a.month, a.day)) return null;
  if (year !== null && b.year !== null && dayKey(year, a.month, a.day) >= dayKey(b.year, b.month, b.day)) return null;
  if (year === null && b.year === null && a.month === b.month && a.day >= b.day) return null;
  return { ...a, e: b.e, year, until: { year: b.year, month: b.month, day: b.day } };
}

function dayKey(year: number, month: number, day: number): number {
  return year * 10000 + month * 100 + day;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
