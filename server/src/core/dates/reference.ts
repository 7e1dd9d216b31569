/**
 * Whether a date in a line of text is one the text talks about (a reference) rather than the day it reports from.
 *
 * A lead paragraph states its own day plainly («أعلن … اليوم الأحد 15 مارس 2015», «الرياض 15 مارس 2015»), but it also
 * names other days, and Arabic marks them with the words around the date:
 * - a preposition of duration, limit, or before and after, makes the date the bound of a period or a point on either
 *   side of the text's time: «منذ 7 أكتوبر», «قبل 11 سبتمبر», «حتى 30 يونيو», «اعتبارا من 1 يوليو», «في موعد أقصاه …»;
 * - a birth, a holiday or an anniversary names a day that comes back or lies in the past: «مواليد 15 مايو», «ولد في 3
 *   أبريل 1941», «عيد الأم في 21 مارس», «اليوم العالمي للمرأة في 8 مارس»;
 * - a relative clause describes a thing by its own time: «انفجار المرفأ الذي وقع في 4 أغسطس 2020»;
 * - the future (a verb with «س», «سوف», «المقرر», «المرتقب») or the past or future written after the month: «ستجرى يوم 15
 *   يونيو 2025», «7 أكتوبر الماضي», «19 سبتمبر المقبل»;
 * - an event a few words before a day and month without a year is the event's day, which the text looks back on or
 *   ahead to: «عملية طوفان الأقصى في 7 أكتوبر», «الهجوم المباغت في 7 أكتوبر» (an attack, an explosion, a massacre, a
 *   war, an operation, an uprising, an election). With a year the date stays the lead's: a lead's event is mostly the
 *   day it reports («شنت الفصائل هجوما في 7 أكتوبر 2023»), and losing that date would leave the entry undated;
 * - a quotation speaks of its speaker's days: «قال إن "ما اتفقنا عليه في 14 يوليو 2015 لم يعد يصلح"» (marks closed after
 *   the date and holding words besides it: «في "10-10-1436" بجدة» only sets a date off);
 * - after a reference in the same line, the next dates go on with it: the end of the period, the same day in the other
 *   calendar after «الموافق», the next step of the story told.
 * A date the text ties to its own day («اليوم», «أمس», «غداً», «هذا اليوم») is the text's time whatever precedes it:
 * «حتى اليوم الاثنين 11/10/1436». A weekday alone does not: «حتى يوم الخميس 21/10/1436» is a deadline. Labelled date
 * lines are never read here: a label says what its date is. Cues are words, not a parse: a cue more than a few words
 * before the date is not seen, and a reference written without one is still taken for a dateline.
 */
import { normalizeForMatch } from '../text/normalize';
import { EVENT_NOUNS } from './common';

/** Characters before a date looked at for a cue; cues are in the few words right before it. */
const LOOK_BACK_CHARS = 80;
/** How many words a noun or pronoun cue may stand before the date («عيد الأم في», «الذي وقع في», «التي ستبدأ في محافظة الطائف يوم»). */
const NOUN_CUE_WORDS = 4;
/** Punctuation that ends a clause: a cue before it governs another clause than the date's. */
const CLAUSE_END = /[.،,؛;:!?؟()\[\]«»"“”\n]/gu;

/** Normalized words between a cue and its date: «في», «يوم», a weekday, «بتاريخ», «الموافق», «الـ». */
const BETWEEN = new Set(
  ['في', 'يوم', 'ليوم', 'تاريخ', 'بتاريخ', 'الموافق', 'ال', 'نهار', 'مساء', 'صباح', 'ظهر', 'ليله', 'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'السبت'].map(
    (w) => normalizeForMatch(w),
  ),
);
/** The text's own day: a date after these is when the text is, whatever cue stands before («حتى اليوم الاثنين …»). */
const OWN_DAY = new Set(['اليوم', 'امس', 'البارحه', 'غد', 'غدا', 'الغد', 'الليله'].map((w) => normalizeForMatch(w)));
/** Words after «اليوم» that make it a holiday, not today: «اليوم العالمي للمرأة», «اليوم الوطني». */
const HOLIDAY_DAY = new Set(['العالمي', 'الوطني', 'الدولي', 'العربي'].map((w) => normalizeForMatch(w)));

/** Prepositions of duration, limit, before and after, right before the date (words between it aside). */
const PREPOSITIONS = new Set(['منذ', 'قبل', 'قبيل', 'بعد', 'بعيد', 'عقب', 'حتي', 'لغايه', 'لحين', 'اقصاه', 'اقصاها'].map((w) => normalizeForMatch(w)));
/** Two-word prepositions, by their second word: «اعتبارا من», «ابتداء من», «بدءا من», «إلى غاية», «إلى حين», «من تاريخ». */
const PREPOSITION_PAIRS: Record<string, Set<string>> = {
  من: new Set(['اعتبارا', 'ابتداء', 'بدءا', 'بدايه', 'انطلاقا'].map((w) => normalizeForMatch(w))),
  غايه: new Set(['الي', 'حتي']),
  حين: new Set(['الي', 'حتي']),
};
/**
 * Nouns, verbs and pronouns that make the date the time of something else, a few words before it: birth, holidays and
 * anniversaries, a relative clause, a scheduled or announced future.
 */
const NOUN_CUES = new Set(
  [
    'مواليد', 'مولود', 'مولوده', 'مولودا', 'ولد', 'ولدت', 'ميلاد', 'ميلاده', 'ميلادها',
    'عيد', 'ذكري',
    'الذي', 'التي', 'اللذين', 'اللتين', 'الذين', 'اللاتي', 'اللواتي',
    'سوف', 'المقرر', 'المقرره', 'المزمع', 'المزمعه', 'المرتقب', 'المرتقبه',
  ].map((w) => normalizeForMatch(w)),
);
/**
 * Nouns of an event (normalized, with an article, a preposition or a conjunction glued on): the day and month without
 * a year after them is the event's («الهجوم المباغت في 7 أكتوبر»).
 */
const EVENT_NOUN = new RegExp(`^[وف]?(?:ال|بال|لل|كال|[بلك])?(?:${EVENT_NOUNS.join('|')}|هجوما|انفجارا)$`, 'u');
/** A verb in the future: «س» before the imperfect («ستجرى», «سيعقد», «سنعلن»). */
const FUTURE_VERB = /^س[يتن]\p{L}{2,}$/u;
/** Nouns and places that look like a future verb: «سياسة», «سيارة», «سنوات», «ستة», «سيدني»… */
const NOT_FUTURE = new Set(
  [
    'سياسة', 'سياسي', 'سياسية', 'سيارات', 'سيارة', 'سيدة', 'سيدات', 'سيادة', 'سياحة', 'سياحي', 'سياق', 'سيطرة', 'سينما',
    'سيناء', 'سيول', 'سيرة', 'سيف', 'سيناريو', 'سيدني', 'سيئول', 'ستين', 'ستون', 'ستمائة', 'ستار', 'ستاد', 'ستوكهولم',
    'ستراسبورغ', 'سنوات', 'سنوي', 'سنوية', 'سنتين', 'سنين', 'سنغافورة',
  ].map((w) => normalizeForMatch(w)),
);
/**
 * The past or the future written after the month: «7 أكتوبر الماضي», «19 سبتمبر المقبل». Not before a year: «15 يناير
 * الماضي 2023» in a dateline still says which day it is.
 */
const AFTER_RE =
  /^[\s\u064B-\u065F\u0670\u0640]*[،,]?\s*(?:الماضي|المنصرم|الفائت|المنقضي|المقبل|القادم)(?![\p{L}\p{M}])(?![\s\u064B-\u065F\u0670\u0640]*[،,]?\s*[0-9\u0660-\u0669]{4})/u;

/**
 * For each date of a line, in order, whether it is a day the text talks about rather than the day it reports from.
 * Once a date of the line is a reference, the dates after it are too (the rest of a period, a day restated in the other
 * calendar after «الموافق», the next step of the story told), unless the text ties one to its own day.
 */
export function referencedDates(line: string, dates: readonly { start: number; end: number; iso?: string | null }[]): boolean[] {
  let referenced = false;
  return dates.map((d) => {
    const verdict = cueBefore(line.slice(Math.max(0, d.start - LOOK_BACK_CHARS), d.start), d.iso === null);
    if (verdict === 'own-day') return (referenced = false);
    referenced ||= verdict === 'reference' || AFTER_RE.test(line.slice(d.end, d.end + 24)) || insideQuotation(line, d.start, d.end);
    return referenced;
  });
}

/**
 * What the words right before a date make of it: a reference, the text's own day, or nothing said. `yearless`: the
 * date has no year, and an event noun before it makes it the event's day.
 */
function cueBefore(before: string, yearless: boolean): 'reference' | 'own-day' | 'none' {
  let clauseStart = 0;
  for (const m of before.matchAll(CLAUSE_END)) clauseStart = (m.index as number) + 1;
  // The first word of a cut-off window may be a part of one: leave it out.
  const words = normalizeForMatch(before.slice(clauseStart)).split(' ').filter(Boolean);
  if (clauseStart === 0 && before.length >= LOOK_BACK_CHARS) words.shift();
  let adjacent = true;
  let counted = 0;
  for (let k = words.length - 1; k >= 0 && counted < NOUN_CUE_WORDS; k--) {
    const w = words[k];
    const bare = stripConjunction(w);
    const holiday = bare === 'اليوم' && HOLIDAY_DAY.has(words[k + 1] ?? '');
    if ((OWN_DAY.has(w) || OWN_DAY.has(bare)) && !holiday) return 'own-day';
    if (BETWEEN.has(w) || BETWEEN.has(bare)) continue;
    if (adjacent && (PREPOSITIONS.has(w) || PREPOSITIONS.has(bare))) return 'reference';
    if (adjacent && k > 0 && PREPOSITION_PAIRS[w]?.has(stripConjunction(words[k - 1]))) return 'reference';
    if (NOUN_CUES.has(w) || NOUN_CUES.has(bare) || holiday) return 'reference';
    if (yearless && EVENT_NOUN.test(w)) return 'reference';
    // Not right before the date: a place there opens a dateline («سيدني 15 مارس»), a verb needs «في» or «يوم».
    if (k < words.length - 1 && isFutureVerb(bare)) return 'reference';
    counted++;
    adjacent = false;
  }
  return 'none';
}

function isFutureVerb(w: string): boolean {
  return FUTURE_VERB.test(w) && !NOT_FUTURE.has(w);
}

/** «وحتى», «فمنذ», «والتي»: the conjunction before a cue. */
function stripConjunction(w: string): string {
  return w.length > 3 && (w[0] === 'و' || w[0] === 'ف') ? w.slice(1) : w;
}

/**
 * True when the date stands inside quotation marks that hold more than the date: a quotation («قال إن "ما اتفقنا
 * عليه في 14 يوليو 2015 …"»). A date alone in quotes («في "10-10-1436" بجدة») is only set off by them.
 */
function insideQuotation(line: string, start: number, end: number): boolean {
  let guillemets = 0;
  let curly = false;
  let straight = false;
  let opened = -1;
  for (let i = 0; i < start; i++) {
    const c = line[i];
    if (c === '«') {
      if (guillemets++ === 0) opened = i;
    } else if (c === '»') guillemets = Math.max(0, guillemets - 1);
    else if (c === '“' || c === '”') {
      curly = !curly;
      if (curly) opened = i;
    } else if (c === '"') {
      straight = !straight;
      if (straight) opened = i;
    }
  }
  if (guillemets === 0 && !curly && !straight) return false;
  // An opening mark never closed after the date is a stray one (scrapes lose marks), not a quotation.
  const close = line.slice(end).search(guillemets > 0 ? /»/u : curly ? /[“”]/u : /"/u);
  if (close < 0) return false;
  return /\p{L}/u.test(line.slice(opened + 1, start) + line.slice(end, end + close));
}
