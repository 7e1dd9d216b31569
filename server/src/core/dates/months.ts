/**
 * Month names, in the normalized form of `normalizeForDates` (alef variants folded to ا, no tatweel or
 * harakat, ASCII digits), and the regular expressions built from them once at load time.
 */

/** Gregorian month names chrono's Arabic parser knows (Egyptian/Gulf and Levantine), normalized. */
export const AR_MONTHS: Record<string, number> = {
  'يناير': 1, 'فبراير': 2, 'مارس': 3, 'ابريل': 4, 'مايو': 5, 'يونيو': 6,
  'يوليو': 7, 'اغسطس': 8, 'سبتمبر': 9, 'اكتوبر': 10, 'نوفمبر': 11, 'ديسمبر': 12,
  'كانون الثاني': 1, 'شباط': 2, 'اذار': 3, 'نيسان': 4, 'ايار': 5, 'حزيران': 6,
  'تموز': 7, 'اب': 8, 'ايلول': 9, 'تشرين الاول': 10, 'تشرين الثاني': 11, 'كانون الاول': 12,
};

/**
 * Spellings chrono does not know, rewritten (for parsing only) to one it knows. `needsDay`: too ambiguous
 * to rewrite unless a day number comes right before (Maghrebi names that are also ordinary words).
 */
const AR_MONTH_ALIASES: Record<string, { to: string; needsDay: boolean }> = {
  'يونيه': { to: 'يونيو', needsDay: false },
  'يوليه': { to: 'يوليو', needsDay: false },
  'كانون ثاني': { to: 'كانون الثاني', needsDay: false },
  'كانون الثانى': { to: 'كانون الثاني', needsDay: false },
  'كانون اول': { to: 'كانون الاول', needsDay: false },
  'تشرين اول': { to: 'تشرين الاول', needsDay: false },
  'تشرين ثاني': { to: 'تشرين الثاني', needsDay: false },
  'تشرين الثانى': { to: 'تشرين الثاني', needsDay: false },
  'جانفي': { to: 'يناير', needsDay: false },
  'فيفري': { to: 'فبراير', needsDay: false },
  'افريل': { to: 'ابريل', needsDay: false },
  'جويلية': { to: 'يوليو', needsDay: false },
  // Moroccan names (Hespress, Le360 …): يناير … يونيو and أكتوبر are the Egyptian ones, ماي above.
  'يوليوز': { to: 'يوليو', needsDay: false },
  'غشت': { to: 'اغسطس', needsDay: false },
  'شتنبر': { to: 'سبتمبر', needsDay: false },
  'نونبر': { to: 'نوفمبر', needsDay: false },
  'دجنبر': { to: 'ديسمبر', needsDay: false },
  'ماي': { to: 'مايو', needsDay: true },
  'جوان': { to: 'يونيو', needsDay: true },
  'اوت': { to: 'اغسطس', needsDay: true },
  // Not months: ordinal days chrono only knows in the nominative («الحادي والعشرين» → «الحادي والعشرون»).
  'والعشرين': { to: 'والعشرون', needsDay: false },
  'والثلاثين': { to: 'والثلاثون', needsDay: false },
};

/** Hijri months: normalized patterns (ى/ي and ة/ه both accepted). */
const HIJRI_MONTH_PATTERNS: [number, string][] = [
  [1, '(?:ال)?محرم'],
  [2, 'صفر'],
  [3, 'ربيع\\s{1,2}(?:ال)?اول'],
  [4, 'ربيع\\s{1,2}(?:ال)?(?:اخر|ثان[يى])'],
  [5, 'جماد[يى]?\\s{1,2}(?:ال)?اول[يى]?'],
  [6, 'جماد[يى]?\\s{1,2}(?:ال)?(?:اخر[ةه]?|ثان[يى][ةه]?)'],
  [7, 'رجب'],
  [8, 'شعبان'],
  [9, 'رمضان'],
  [10, 'شوال'],
  [11, 'ذ[وي]\\s{0,2}ال?قعد[ةه]'],
  [12, 'ذ[وي]\\s{0,2}ال?حج[ةه]'],
];

export const EN_MONTH_PATTERN =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/** French month names and their abbreviations (chrono.fr parses them): dates in Maghrebi sources, «20 octobre 2024». */
export const FR_MONTH_PATTERN =
  'janv(?:ier)?|f[ée]vr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t|sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[ée]c(?:embre)?';

const L = '(?<![\\p{L}\\p{N}_])';
const R = '(?![\\p{L}\\p{N}_])';

function alternation(words: string[]): string {
  return words
    .slice()
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, '\\s{1,2}'))
    .join('|');
}

/** Alternation of the Gregorian Arabic month names (normalized text, after alias rewriting). */
export const AR_MONTH_SRC = alternation(Object.keys(AR_MONTHS));
/** Gregorian Arabic month names in normalized text (after alias rewriting). */
export const AR_MONTH_RE = new RegExp(`${L}(?:${AR_MONTH_SRC})${R}`, 'gu');
/** English month names (chrono.en handles the parsing). */
export const EN_MONTH_RE = new RegExp(`(?<![A-Za-z])(?:${EN_MONTH_PATTERN})\\.?(?![A-Za-z])`, 'gi');
/** French month names (chrono.fr handles the parsing). */
export const FR_MONTH_RE = new RegExp(`(?<!\\p{L})(?:${FR_MONTH_PATTERN})\\.?(?!\\p{L})`, 'giu');
/** Any Hijri month name. */
export const HIJRI_MONTH_SRC = HIJRI_MONTH_PATTERNS.map(([, p]) => p).join('|');
const HIJRI_MONTH_EACH = HIJRI_MONTH_PATTERNS.map(([m, p]) => [m, new RegExp(`^(?:${p})$`, 'u')] as const);

/** The Hijri month number of a name matched by `HIJRI_MONTH_SRC`, or 0. */
export function hijriMonthOf(name: string): number {
  for (const [m, re] of HIJRI_MONTH_EACH) if (re.test(name)) return m;
  return 0;
}

/** The Gregorian month number of a normalized Arabic, English or French month name, or 0. */
export function gregorianMonthOf(name: string): number {
  const ar = AR_MONTHS[name.replace(/\s+/g, ' ')];
  if (ar !== undefined) return ar;
  const latin = name.toLowerCase().replace(/\.$/, '');
  const en = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(latin.slice(0, 3));
  if (en >= 0) return en + 1;
  const fr = latin.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const i = FR_MONTH_STARTS.findIndex((start) => fr.startsWith(start));
  return i + 1;
}

/** How each French month name starts once its accents are dropped, January first (mars, mai: whole words). */
const FR_MONTH_STARTS = ['janv', 'fev', 'mars', 'avr', 'mai', 'juin', 'juil', 'aout', 'sept', 'oct', 'nov', 'dec'];

/** Alias spellings, in normalized text, for `replaceMapped`. */
export const AR_ALIAS_RE = new RegExp(
  `${L}(?:${alternation(Object.keys(AR_MONTH_ALIASES))})${R}`,
  'gu',
);

/** The chrono-known spelling for an alias match, or null to leave it alone. */
export function aliasReplacement(match: RegExpExecArray): string | null {
  const alias = AR_MONTH_ALIASES[match[0].replace(/\s+/g, ' ')];
  if (alias === undefined) return null;
  if (alias.needsDay) {
    const before = match.input.slice(Math.max(0, match.index - 4), match.index);
    if (!/\d\s{0,3}$/.test(before)) return null;
  }
  return alias.to;
}

/** Ordinal day words (normalized, ة written ه) → day: الاول, الخامس عشر, السابع والعشرين, الثلاثين … */
const ORDINAL_DAYS: Map<string, number> = (() => {
  const units: [number, string[], string[]][] = [
    [1, ['اول', 'اولى'], ['حادي', 'حاديه', 'واحد']],
    [2, ['ثاني', 'ثانيه'], ['ثاني', 'ثانيه']],
    [3, ['ثالث', 'ثالثه'], ['ثالث', 'ثالثه']],
    [4, ['رابع', 'رابعه'], ['رابع', 'رابعه']],
    [5, ['خامس', 'خامسه'], ['خامس', 'خامسه']],
    [6, ['سادس', 'سادسه'], ['سادس', 'سادسه']],
    [7, ['سابع', 'سابعه'], ['سابع', 'سابعه']],
    [8, ['ثامن', 'ثامنه'], ['ثامن', 'ثامنه']],
    [9, ['تاسع', 'تاسعه'], ['تاسع', 'تاسعه']],
  ];
  const map = new Map<string, number>();
  for (const [n, alone, compound] of units) {
    for (const w of alone) map.set(`ال${w}`, n);
    for (const w of compound) {
      for (const ten of ['عشر', 'عشره']) map.set(`ال${w} ${ten}`, 10 + n);
      for (const twenty of ['العشرين', 'العشرون']) map.set(`ال${w} و${twenty}`, 20 + n);
    }
  }
  for (const w of ['العاشر', 'العاشره']) map.set(w, 10);
  for (const w of ['العشرين', 'العشرون']) map.set(w, 20);
  for (const w of ['الثلاثين', 'الثلاثون']) map.set(w, 30);
  return map;
})();

/** Alternation of the ordinal day words (normalized text; ة or ه, one or two spaces). */
export const ORDINAL_DAY_SRC = [...ORDINAL_DAYS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ه$/, '[ةه]').replace(/ه /, '[ةه] ').replace(/ /g, '\\s{1,2}'))
  .join('|');

/** The day of an ordinal day word matched by `ORDINAL_DAY_SRC`, or 0. */
export function ordinalDayOf(words: string): number {
  return ORDINAL_DAYS.get(words.replace(/ة/g, 'ه').replace(/\s+/g, ' ')) ?? 0;
}

/** Ordinal day words chrono understands (الخامس من مارس, أول مارس), normalized, as a rough test. */
export const ORDINAL_WORD_RE = /(?:اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|عشر|ثلاثون|ثلاثين|حادي|غر[ةه])/u;

// ---- raw-text prefilter -----------------------------------------------------------------------------
//
// Runs on every line of the corpus, so it avoids what makes V8 regexes slow on long Arabic lines
// (lookbehind at the start of a pattern, per-character optional groups) on the common path.

/** Harakat, tatweel, zero-width and bidi marks. */
const MARK_CLASS = '[\\u064B-\\u065F\\u0670\\u0640\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\u061C\\uFEFF]';
const DIGIT_CLASS = '[0-9\\u0660-\\u0669\\u06F0-\\u06F9]';

/** A normalized word as a pattern on the raw text: alef, yeh and teh marbuta variants. */
function rawWord(word: string): string {
  let out = '';
  for (const ch of word) {
    if (ch === 'ا') out += '[اأإآٱ]';
    else if (ch === 'ي' || ch === 'ى') out += '[يىی]';
    else if (ch === 'ة' || ch === 'ه') out += '[ةه]';
    else if (ch === ' ') out += '\\s{0,2}';
    else out += ch;
  }
  return out;
}

const RAW_MONTH_WORDS = [
  ...Object.keys(AR_MONTHS),
  ...Object.keys(AR_MONTH_ALIASES).filter((w) => !w.startsWith('وال')),
  'محرم', 'صفر', 'ربيع', 'جماد', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعد', 'ذي القعد', 'ذو الحج', 'ذي الحج',
];

const NUMERIC_SHAPE = `${DIGIT_CLASS}\\s{0,2}[/.\\-]\\s{0,2}${DIGIT_CLASS}`;
/** The day and year of «نوفمبر 22, 2026» and «نوفمبر 22 2026» (the month name comes before, within a region's reach). */
const DAY_COMMA_YEAR = `${DIGIT_CLASS}{1,2}(?:\\s{0,2}[,،]\\s{0,3}|\\s{1,3})${DIGIT_CLASS}{4}`;

/**
 * Common path: a day number right before a month name, or joined to it by a dash, slash or dot (any calendar, French
 * too: «1er mars», «20-Oct-2024»), an English month name next to a number, a numeric date shape, or a day, a comma and a
 * year (after a month name: «نوفمبر 22, 2026»). Plain spellings only (no marks inside words).
 */
export const RAW_HINT_FAST_RE = new RegExp(
  `${DIGIT_CLASS}(?:\\s{0,3}|[/.\\-])(?:من\\s{1,3})?(?:شهر\\s{1,3})?(?:${RAW_MONTH_WORDS.map((w) => rawWord(w)).join('|')})` +
    `|${DIGIT_CLASS}(?:\\s{0,3}|[/.\\-])(?:${EN_MONTH_PATTERN})|(?:${EN_MONTH_PATTERN})[a-z]{0,6}\\.?\\s{0,3}${DIGIT_CLASS}|${NUMERIC_SHAPE}` +
    `|${DAY_COMMA_YEAR}|${DIGIT_CLASS}(?:er)?(?:\\s{0,3}|[/.\\-])(?:${FR_MONTH_PATTERN})`,
  'i',
);

/**
 * A day written as an ordinal word right before a month name («الخامس من مارس», «غرة رمضان»), a space or none between
 * them as the Hijri finder reads them («الخامسربيع الأول»): the prefilter is never stricter than a finder.
 */
export const RAW_ORDINAL_MONTH_RE = new RegExp(
  `(?:[اأإ]ول[ىي]?|ثاني[ةه]?|ثالث[ةه]?|رابع[ةه]?|خامس[ةه]?|سادس[ةه]?|سابع[ةه]?|ثامن[ةه]?|تاسع[ةه]?|عاشر[ةه]?|عشر[ةه]?|عشرون|عشرين|ثلاثون|ثلاثين|غر[ةه])` +
    `\\s{0,3}(?:من\\s{1,3})?(?:شهر\\s{1,3})?(?:${RAW_MONTH_WORDS.map((w) => rawWord(w)).join('|')})`,
);

const RAW_MARK_G = new RegExp(MARK_CLASS, 'g');
/** Any mark that can hide inside a date expression. */
const RAW_MARK_RE = new RegExp(MARK_CLASS);
/** A digit in any script (ASCII, Arabic-Indic, Persian). */
const RAW_DIGIT_RE = new RegExp(DIGIT_CLASS);

const RAW_HINT_FAST_G = new RegExp(RAW_HINT_FAST_RE.source, 'gi');
const RAW_ORDINAL_MONTH_G = new RegExp(RAW_ORDINAL_MONTH_RE.source, 'g');

/**
 * Where a date can be in a line: [start, end) offsets of every match of the prefilter's patterns (a day next to a
 * month name, an ordinal day before one, a numeric shape), ascending by start. Every date the finder returns holds one
 * of them. Marks inside an expression are looked through, and the offsets are the untouched line's.
 */
export function dateAnchors(line: string): [number, number][] {
  let bare = line;
  let rawOf: Int32Array | null = null;
  if (RAW_MARK_RE.test(line)) {
    rawOf = new Int32Array(line.length + 1);
    let k = 0;
    const parts: string[] = [];
    let from = 0;
    RAW_MARK_G.lastIndex = 0;
    for (let m = RAW_MARK_G.exec(line); m !== null; m = RAW_MARK_G.exec(line)) {
      parts.push(line.slice(from, m.index));
      for (let i = from; i < m.index; i++) rawOf[k++] = i;
      from = m.index + m[0].length;
    }
    parts.push(line.slice(from));
    for (let i = from; i < line.length; i++) rawOf[k++] = i;
    rawOf[k] = line.length;
    bare = parts.join('');
  }
  const out: [number, number][] = [];
  const collect = (re: RegExp): void => {
    re.lastIndex = 0;
    for (let m = re.exec(bare); m !== null; m = re.exec(bare)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const s = m.index;
      const e = s + m[0].length;
      out.push(rawOf ? [rawOf[s], rawOf[e - 1] + 1] : [s, e]);
      // Overlapping shapes («15 / 3 / 2015») are found from the next character on.
      re.lastIndex = s + 1;
    }
  };
  if (RAW_DIGIT_RE.test(bare)) collect(RAW_HINT_FAST_G);
  collect(RAW_ORDINAL_MONTH_G);
  out.sort((a, b) => a[0] - b[0]);
  return out;
}

/** The prefilter: false when the line certainly holds no date this module can find. */
export function mayHoldDate(line: string): boolean {
  const hasDigit = RAW_DIGIT_RE.test(line);
  if (hasDigit && RAW_HINT_FAST_RE.test(line)) return true;
  // Marks (harakat, tatweel, bidi) inside the expression: test again without them.
  const bare = RAW_MARK_RE.test(line) ? line.replace(RAW_MARK_G, '') : line;
  if (bare !== line && hasDigit && RAW_HINT_FAST_RE.test(bare)) return true;
  return RAW_ORDINAL_MONTH_RE.test(bare);
}
