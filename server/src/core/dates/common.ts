/** Shared by the date finders: candidates, bounds, validation and the ordinal-day guard. */

/** A date found in the normalized text, before offsets are mapped back. */
export interface Candidate {
  /** [s, e) in the normalized text. */
  s: number;
  e: number;
  year: number | null;
  month: number;
  day: number;
  calendar: 'gregorian' | 'hijri';
}

export const MIN_GREGORIAN_YEAR = 1900;
export const MAX_GREGORIAN_YEAR = 2100;
export const MIN_HIJRI_YEAR = 1300;
export const MAX_HIJRI_YEAR = 1500;

/** A letter, a digit or an underscore: what a date must not be glued to. */
export const W = '[\\p{L}\\p{N}_]';

/** The words before a position: «الأسبوع الثالث من مارس» is a week, not 3 March. */
const WORDS_BEFORE_RE = /(?:\S+\s{1,3}){1,4}$/u;
const NOT_A_DAY_NOUN_RE = /^و?ال/u;
/** Skipped when looking back: conjunctions and other ordinals («الثالث أو الرابع من»). */
const SKIPPED_WORD_RE =
  /^(?:او|و|ثم|الى|حتى|عشر[ةه]?|و?ال(?:اول[يى]?|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|حادي|عشرين|عشرون|ثلاثين|ثلاثون)[ةه]?)$/u;
const DAY_NOUN_RE = /^و?(?:اليوم|الليل[ةه]|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمع[ةه]|السبت)$/u;

/** A real Gregorian day (31 فبراير is not). */
export function isValidGregorian(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** An ordinal day word at `s` is a day unless a definite noun («الأسبوع الثالث من مارس») or a number precedes it. */
export function ordinalDayAllowed(t: string, s: number): boolean {
  const back = WORDS_BEFORE_RE.exec(t.slice(Math.max(0, s - 64), s));
  if (back === null) return true;
  const words = back[0].trim().split(/\s+/u);
  for (let i = words.length - 1; i >= 0; i--) {
    // A number right before the ordinal («17 رابع أيلول») is not how a day is written.
    if (i === words.length - 1 && /^\d+$/.test(words[i])) return false;
    const w = words[i].replace(/[^\p{L}]/gu, '');
    if (w !== words[i]) return w === '' || !NOT_A_DAY_NOUN_RE.test(w) || DAY_NOUN_RE.test(w); // «الأربعاء، الخامس»
    if (SKIPPED_WORD_RE.test(w)) continue;
    return !NOT_A_DAY_NOUN_RE.test(w) || DAY_NOUN_RE.test(w);
  }
  return true;
}
