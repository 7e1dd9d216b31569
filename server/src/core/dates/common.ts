/** Shared by the date finders: candidates, bounds, validation, the ordinal-day guard and names that hold a date. */

/** A date found in the normalized text, before offsets are mapped back. */
export interface Candidate {
  /** [s, e) in the normalized text. */
  s: number;
  e: number;
  year: number | null;
  month: number;
  day: number;
  calendar: 'gregorian' | 'hijri';
  /** The last day of a range («من 15 إلى 20 مارس»): year/month/day above are its first (see ./ranges). */
  until?: DayOfRange;
}

/** A day of a range; the year is null when the text gives none. */
export interface DayOfRange {
  year: number | null;
  month: number;
  day: number;
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

/**
 * Nouns of an event, normalized (ه for ة, a bare alef): an attack, an explosion, a massacre, a war, an operation, an
 * uprising, a protest, a vote. A day and month right after one name it («هجوم 7 أكتوبر»: NAMING_NOUN_BEFORE_RE), and a
 * yearless date a few words after one is the event's day, not the text's (dates/reference.ts).
 */
export const EVENT_NOUNS = [
  'هجوم', 'هجمات', 'هجمه', 'اعتداء', 'اعتداءات', 'تفجير', 'تفجيرات', 'انفجار', 'مجزره', 'مجازر', 'مذبحه', 'اغتيال',
  'غزو', 'غزوه', 'معركه', 'عدوان', 'اجتياح', 'عمليه', 'حرب', 'ثوره', 'انتفاضه', 'انقلاب', 'نكبه', 'احداث', 'تظاهرات',
  'مظاهرات', 'احتجاجات', 'انتخابات', 'استفتاء',
];

/**
 * Nouns (normalized text) that a day and a month right after them turn into a name: Arabic joins a noun to the date
 * that names it without a preposition (the construct state), while a thing that happened on a day takes «في» or «يوم»
 * before the date. So: a place («مدينة 6 أكتوبر», «شارع 29 أيار», «جامعة 6 أكتوبر»), a movement or an uprising («ثورة 25
 * يناير», «حركة 14 آذار», «تظاهرات 30 يونيو»), a war, an attack or a massacre («حرب 6 أكتوبر 1973», «أحداث 11 سبتمبر»,
 * «هجوم 7 أكتوبر», «انفجار 4 آب», «مجزرة 8 آذار», «اغتيال 14 شباط», «عملية 7 أكتوبر»), a vote («انتخابات 15 مايو»,
 * «استفتاء 25 يوليو»), an agreement, an anniversary or a national day («بذكرى 25 يناير», «اليوم الوطني 23 سبتمبر», «العيد
 * الوطني 18 نوفمبر»). Not «يوم», «ليلة», «جلسة»: a day or a sitting on that date is a date.
 */
const NAMING_NOUN_BEFORE_RE = new RegExp(
  `(?<!${W})[وف]?[بلك]?(?:مدين[ةه]|شارع|ميدان|ساح[ةه]|جسر|كوبري|دوار|محور|حي|ضاحي[ةه]|جامع[ةه]|مدرس[ةه]|مستشف[يى]|مشف[يى]` +
    `|ملعب|استاد|قصر|ثورتي|حرك[ةه]|حراك|تيار|قو[يى]|تحالف|نكس[ةه]|اتفاق|اتفاقي[ةه]|ذكر[يى]` +
    `|${EVENT_NOUNS.map((w) => w.replace(/ه$/u, '[ةه]')).join('|')}` +
    `|(?:ال|ل)?(?:يوم|عيد)\\s{1,3}(?:ال)?(?:وطني|قومي))\\s{1,3}$`,
  'u',
);
/** «ثورتي 25 يناير و30 يونيو»: a day joined by «و» to a name's date names a thing too. */
const JOINED_BY_AND_RE = /^\s{0,3}و\s{0,3}$/u;

/**
 * Drops the candidates that name a thing rather than give a date: a day right after a naming noun, and a date joined
 * to such a name by «و». `found` is left in order of start.
 */
export function dropNamedDates(t: string, found: Candidate[]): Candidate[] {
  if (found.length === 0) return found;
  found.sort((a, b) => a.s - b.s);
  const kept: Candidate[] = [];
  let nameEnd = -1;
  for (const c of found) {
    const named =
      NAMING_NOUN_BEFORE_RE.test(t.slice(Math.max(0, c.s - 24), c.s)) ||
      (nameEnd >= 0 && c.s >= nameEnd && JOINED_BY_AND_RE.test(t.slice(nameEnd, c.s)));
    if (named) nameEnd = Math.max(nameEnd, c.e);
    else kept.push(c);
  }
  return kept;
}
