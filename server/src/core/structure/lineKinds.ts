/**
 * Classifies each line of a raw scraped text: blank, boilerplate (navigation, follow-us lines, footers), separators
 * between Telegram posts (signatures, hashtag-only lines, rules), URLs, metadata (date labels, tweet attributions),
 * explicit markers, or content.
 */
import { HASHTAG, WordScan } from '../text/scan';
import { findDates } from '../dates';

export type LineKind =
  | 'blank'
  /** A line with no word at all (`![]()`, a lone emoji, `***`). */
  | 'noise'
  | 'boilerplate'
  /**
   * Ends a Telegram post: a signature (`@syrianpresidency`, `🔻 @SyriaNowNews`, a channel's link), a line of hashtags
   * only or a rule (`━━━━━━━━`).
   */
  | 'separator'
  /** Announces a link, and ends a post when the link follows: «لمتابعة حساب …:», «تتمة الخبر على الرابط:». */
  | 'link-intro'
  | 'url'
  /** Publication date labels and tweet attributions: carry dates, never paragraphs. */
  | 'metadata'
  /**
   * A message header of Telegram's desktop app, which heads every message it copies: «Channel, [20.10.24 14:35]».
   * Starts a post and carries its date; its words (the channel's name, on every message) are not the post's text.
   */
  | 'post-header'
  /** `<!-- corpus-lint: … -->` and `<!-- corpus-lint-disable… -->`. */
  | 'marker'
  | 'content';

export interface ClassifiedLine {
  kind: LineKind;
  /** Offsets of the line's content without surrounding white space. */
  start: number;
  end: number;
  words: number;
}

/**
 * A signature: the channel's handle, alone or after an emoji or the channel's name and a bar («@syrianpresidency»,
 * «🔻 @SyriaNowNews», «سوريا الآن | @syria_now»). A handle after words without a bar is a mention in the text.
 */
const SIGNATURE = /^(?:[^\p{L}\p{N}\s@]{1,8}\s*|[^|@]{1,40}\s\|\s)?@[A-Za-z0-9_]{3,}$/u;
/** A link to a Telegram channel on its own line signs a post like its handle: «https://t.me/syria_now», «t.me/syria_now». */
const CHANNEL_LINK = /^(?:https?:\/\/)?(?:www\.)?(?:t|telegram)\.me\/\+?[A-Za-z0-9_]{3,}\/?$/i;
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/i;
const MARKER = /^<!--\s*corpus-lint\b.*-->$/;
/** Telegram web-preview header: «123K subscribers», «2.93K photos», «Download Telegram». */
const TELEGRAM_COUNTER = /^\d[\d.,]*\s*[KkMm]?\s+(?:subscribers?|members?|photos?|videos?|links?|files?|audios?)$/;
const TELEGRAM_DOWNLOAD = /^Download Telegram$/i;
/** A post's view count, which exports print under it: «👁 1.2K». Furniture, never a post's title. */
const VIEW_COUNT = /^(?:👁\uFE0F?|👀)\s*\d[\d.,]*\s*[KkMm]?$/u;
/**
 * Lines that introduce a link or a follow-us call, usually followed by a URL («📌 تابعونا على تلغرام 👇»). The end of
 * the first word is a lookahead, not `\b`: Arabic letters are not `\w`, so a `\b` after an Arabic word never matches.
 */
const LINK_INTRO =
  /^(?:[^\p{L}\p{N}#@\s]{1,8}\s*)?(?:لمتابعة|تابعونا|تابعوا|للاشتراك|اشترك|انضم|انضموا|تتمة الخبر|التفاصيل على|للمزيد|لقراءة المزيد|رابط الخبر|Follow us|Subscribe|Join us|Read more)(?![\p{L}\p{M}\p{N}_]).{0,80}$/iu;
/** Page furniture of news sites: comment forms, "read more", source links, share buttons. */
const BOILERPLATE = [
  /^(?:إ|ا)قرأ المزيد$/,
  /^Source link$/i,
  /^Read more$/i,
  /^اترك تعليق[اًا]*$/,
  /^أضف تعليق[اًا]*$/,
  /^لن يتم نشر عنوان بريدك الإلكتروني/,
  /^الحقول الإلزامية/,
  /^شارك(?:ها)?(?: هذا| الخبر| المقال)?:?$/,
  /^(?:\/\/\s*)?انتهى(?:\s*\/\/)?$/,
  /^لمتابعة .{0,40} (?:من|على) هنا\.?$/,
  // A «breaking» label alone, as channels post it as a teaser between posts or above one («⚡️ عاجل», «🔴 عاجل |»,
  // «خبر عاجل», «BREAKING»): it says nothing of its own, so it is no post and no title.
  /^[^\p{L}\p{N}]{0,8}(?:عاجل(?:\s+جد[اً]+)?|خبر\s+عاجل|[أا]خبار\s+عاجل[ةه]|Breaking(?:\s+News)?|Urgent)[^\p{L}\p{N}]{0,8}$/iu,
];
/**
 * A page's footer, which sites print under every article: a rights notice («جميع الحقوق محفوظة للموقع ولا يجوز إعادة
 * نشر المحتوى …», «© 2024 …», «All rights reserved») and a call to follow the site or install its app that names the
 * app or its store («تابعوا آخر الأخبار … عبر تطبيق الموقع … على متجري آبل وجوجل بلاي»; «تطبيق» alone is also
 * «enforcement»: «تابعوا تطبيق القرار» is news). Furniture, not prose: its copies
 * in every file of a site are no duplicates, however few the files. A sentence of news about an app («أطلقت الوزارة
 * تطبيقا … على متجر جوجل بلاي») opens with no call and stays content.
 */
const FOOTER_MAX_WORDS = 30;
const RIGHTS_NOTICE = /^[^\p{L}\p{N}]*(?:©|(?:جميع |كل )?(?:ال)?حقوق(?: النشر| الطبع)?(?: والنشر)? محفوظة|Copyright\b|All rights reserved)/iu;
const APP_CALL =
  /^[^\p{L}\p{N}]*(?:تابعوا|تابعونا|حملوا|حمّلوا|حمّل|نزلوا|نزّلوا|اشتركوا|انضموا|لتحميل|Download)(?![\p{L}\p{M}\p{N}_]).*(?:متجر|متجري|جوجل بلاي|غوغل بلاي|آب ستور|App Store|Google Play|تطبيقنا|تطبيق (?:ال)?(?:موقع|صحيفة|جريدة|قناة))/iu;

/**
 * The heading after which a page lists other articles or readers' comments, each with its own date: «أخبار ذات صلة»,
 * «اقرأ أيضاً:», «قد يهمك», «التعليقات (2)», «Related posts». Page furniture: what follows is not the entry's.
 */
const TAIL_HEADING =
  /^[^\p{L}\p{N}]*(?:\d+\s*)?(?:[اإ]قرأ\s+[أا]يض[اً]+|(?:[أا]خبار|مواضيع|مقالات|مواد)\s+(?:ذات\s+صل[ةه]|متعلق[ةه]|مشابه[ةه])|قد\s+يهمك|التعليقات|تعليقات(?:\s+القراء)?|Related(?:\s+(?:articles|posts|news|stories))?|Read\s+also|See\s+also|Comments?)(?:\s*\(\d+\))?\s*[:：]?$/iu;
/** A breadcrumb or menu: short segments joined by `|`, `»` or `>`. */
const BREADCRUMB = /^[^|»>]{1,40}(?:\s[|»>]\s[^|»>]{1,40}){1,}$/;
/**
 * A site's menu written without bars, starting at its home link: «الرئيسية أخبار محلية عربي ودولي اقتصاد رياضة». «الرئيسية»
 * ("main", feminine) cannot open a sentence or a headline: it needs a noun before it. No sentence punctuation follows.
 */
const HOME_MENU = /^(?:الصفحة\s+)?الرئيسية\s[^.،,:؛؟!«»"“”]+$/u;
/** Publication-date labels (Arabic and English), after a bullet or an emoji («📆 التاريخ:», «* تاريخ النشر:»). */
const DATE_LABEL =
  /^[^\p{L}\p{N}]*(?:تاريخ النشر|تاريخ الخبر|تاريخ الإضافة|التاريخ|تاريخ|نشر في|نُشر في|نشر بتاريخ|آخر تحديث|تم النشر|Published(?: on)?|Posted(?: on)?|Updated|Last updated|Date)\s*[:：]/iu;
/** A labelled link of a scraper's header: «الرابط: https://…», «url: https://…». */
const LABELLED_URL = /^(?:الرابط|رابط الخبر|رابط|url|link)\s*[:：]\s*(?:https?:\/\/|www\.)\S+$/i;
/** A relative time in place of a date: «منذ 3 ساعات», «قبل يومين», «3 hours ago». */
const RELATIVE_TIME =
  /^(?:(?:منذ|قبل)\s+(?:\d+\s+)?(?:ثانية|ثوان|ثواني|دقيقة|دقيقتين|دقائق|ساعة|ساعتين|ساعات|يوم|يومين|أيام|أسبوع|أسبوعين|أسابيع|شهر|شهرين|أشهر|سنة|سنتين|سنوات|عام|عامين|أعوام)|\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago)$/i;
/**
 * What a dateline holds besides its date: weekdays, a time in any digits (10:15 ص، ١٤:٠٥، GMT+3) or in the French way
 * (11h20) or ISO 8601's (T10:45:00Z), a label without a colon in Arabic, French or English («نشر في … على الساعة», «تاريخ النشر», «بتاريخ», «Publié le …
 * à», «Mis à jour le», «Date de publication», «Posted on … by», «Last updated»), and anything that is neither a letter nor
 * a digit (separators, bullets, emoji, flags): «الثلاثاء 22 أكتوبر 2024 | 10:15 ص», «🗓 الأربعاء 15.03.2023 | ⏰ 14:05».
 * Read after harakat and tatweel are dropped («صباحاً», «2023 ـ 14:05»). A line of nothing else is metadata, wherever it
 * stands: a site prints the same label above the headline or under the text.
 */
const DATELINE_REST = new RegExp(
  '[^\\p{L}\\p{N}]+|[0-9\u0660-\u0669\u06F0-\u06F9]{1,2}:[0-9\u0660-\u0669\u06F0-\u06F9]{2}(?::[0-9\u0660-\u0669\u06F0-\u06F9]{2})?' +
    '|(?<![\\p{L}\\p{N}])[0-9]{1,2}\\s?h\\s?[0-9]{2}(?![\\p{L}\\p{N}])' +
    // ISO 8601's time designator and UTC mark around a time: «2024-03-12T10:45:00Z», «2024-03-12T10:45:00+03:00».
    '|(?<![\\p{L}\\p{N}])T(?=[0-9]{2}:)|(?<=[0-9])Z(?![\\p{L}\\p{N}])' +
    '|(?<![\\p{L}])(?:(?:GMT|UTC)\\s?[+\\-−]\\s?\\d{1,2}(?::?\\d{2})?|ص|م|مساء|مساءا|صباحا|ظهرا|عصرا|ليلا|فجرا|AM|PM|GMT|UTC' +
    '|الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|يوم|الموافق|بتوقيت|مكة|الساعة|على' +
    '|نشر|النشر|تاريخ|التاريخ|بتاريخ|في|حرر|صدر|آخر|اخر|تحديث|تم' +
    '|Publiée?|Mise?|à|jour|Modifiée?|Actualisée?|le|Date|de|du|publication' +
    '|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Posted|Published|Updated|Last|on|at|by)(?![\\p{L}])',
  'giu',
);
/** Harakat and tatweel, dropped from what a dateline holds besides its date. */
const DATELINE_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
/** A place or an author beside the date: «دمشق في 16 آذار 2023», «حرر بتونس في …», «بتوقيت دمشق», «by admin». */
const ONE_WORD = /^\p{L}{2,}$/u;
/** Datelines are short: longer lines are text that holds a date (the date finder runs on none of them here). */
const DATELINE_MAX_CHARS = 80;
/** A wire dateline's place before the date, and its agency after it: words, and letters of a word without brackets. */
const DATELINE_PLACE_WORDS = 2;
const DATELINE_AGENCY_WORDS = 3;
const DATELINE_AGENCY_LETTERS = 4;
/** A word of letters only, one letter too («أ ش أ»). */
const LETTERS = /^\p{L}+$/u;
/** Text in brackets, with nothing but signs around it: «(الأناضول)», « - [رويترز]». */
const IN_BRACKETS = /^[^\p{L}]*[(\[][^()[\]]+[)\]][^\p{L}]*$/u;
const DATELINE_MAX_WORDS = 12;
/** A tweet embed's attribution: «— Name (@handle) January 28, 2026». */
const TWEET_ATTRIBUTION = /^[—–-]\s*.{1,120}\(@[A-Za-z0-9_]+\)\s+\S.{2,40}$/;
/**
 * «Channel, [20.10.24 14:35]», «[2/3/21 4:50 PM]»: a name (optional), then the date and time in brackets, as the
 * desktop app's locale writes them. An Arabic interface writes the comma as «،», and some versions put the name after
 * the brackets: «[17.03.2023 18:40] Channel:».
 */
const POST_HEADER =
  /^(?:[^[\]\n]{1,100}[,،]\s?)?\[(?:\d{1,2}[./-]\d{1,2}[./-]\d{2}(?:\d{2})?|\d{4}-\d{2}-\d{2}),?\s\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?\](?:\s[^[\]\n]{1,100}:)?$/;
/**
 * A message of an export that writes one message a line, its stamp and sender first: «15/03/2023, 14:05 - Channel: …».
 * The line is the message's text, so it stays content; it starts a post (see isMessageLine).
 */
const MESSAGE_LINE =
  /^\d{1,2}[./-]\d{1,2}[./-]\d{2}(?:\d{2})?,?\s\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?\s[-–]\s[^:\n]{1,100}:\s/;
/** The app's note on a forwarded or quoted message: «[Forwarded from وزارة الخارجية]», «[In reply to …]». */
const FORWARD_NOTE = /^\[(?:Forwarded from|In reply to)\s.{1,100}\]$/;
/** The same note without brackets, as the web and HTML exports write it: «Forwarded from وزارة الخارجية». */
const FORWARDED_FROM = /^Forwarded from\s.{1,100}$/;
/** «المصدر: RT», «Source: Reuters». */
const SOURCE_LINE = /^(?:المصدر|Source)\s*[:：]\s*.{1,60}$/i;

/**
 * A byline: who wrote, followed, prepared or translated the piece, as scrapes keep it above or under the headline («كتب-
 * محمد نصار:», «كتبت: سارة علي», «متابعة: هبة محمد», «بقلم: د. خالد الدخيل», «إعداد: قسم الأخبار», «حوار - منى عبد
 * الرحمن», «By John Smith»). The label is followed by a dash, a colon or a slash («كتب الرئيس …» is a sentence), except
 * «بقلم», «By» and «Par», which only ever introduce a name; then a name of a few words and nothing else (no digit, no
 * sentence punctuation): «تقرير: …» and «حوار - وزير الخارجية يكشف …» open headlines and are left out.
 */
const BYLINE =
  /^(?:(?:كتب|كتبت|كتبه|كتبته|كتبها|بقلم|متابعة|إعداد|اعداد|أعده|أعدته|أعدها|حوار|ترجمة|تحرير|رصد|تصوير|إشراف|اشراف)\s*[-–—ـ:/|]|بقلم(?=\s)|By(?=\s+\p{Lu})|Par(?=\s+\p{Lu}))\s*[\p{L}\p{M}.\s]+?:?$/u;
/** The longest byline, in words, its label included: a name and a title («د.», «الزميل»), or two names. */
const BYLINE_MAX_WORDS = 6;

/** The words of a line: how many, and whether all are hashtags. */
export interface LineWords {
  count: number;
  allHashtags: boolean;
}

/**
 * Classifies one line given its raw text (without line break). `lineStart` is its offset in the file. `words`, when
 * the caller has scanned the line already, are its words (otherwise the line is scanned here).
 */
export function classifyLine(text: string, lineStart: number, lineEnd: number, words?: LineWords): ClassifiedLine {
  let s = lineStart;
  let e = lineEnd;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s === e) return { kind: 'blank', start: s, end: e, words: 0 };
  const w = words ?? wordsOf(new WordScan(text, s, e), 0, Infinity);
  const line = text.slice(s, Math.min(e, s + 400));
  const kind = w.count === 0 ? (MARKER.test(line) ? 'marker' : isRule(text, s, e) ? 'separator' : 'noise') : kindOf(line, e - s, w);
  return { kind, start: s, end: e, words: w.count };
}

/** The words of a scan between word indices `from` and `to`. */
export function wordsOf(scan: WordScan, from: number, to: number): LineWords {
  const end = Math.min(to, scan.count);
  let allHashtags = true;
  for (let k = from; k < end; k++) if (!(scan.flags[k] & HASHTAG)) allHashtags = false;
  return { count: Math.max(0, end - from), allHashtags };
}

function kindOf(line: string, length: number, w: LineWords): LineKind {
  const words = w.count;
  if (length < 400) {
    if (MARKER.test(line)) return 'marker';
    if (line.includes('@') && SIGNATURE.test(line)) return 'separator';
    const first = line.charCodeAt(0) | 0x20; // lower case of an ASCII letter
    if ((first === 0x68 || first === 0x74 || first === 0x77) && CHANNEL_LINK.test(line)) return 'separator';
    if (URL_ONLY.test(line)) return 'url';
    if (words <= 8 && w.allHashtags && line.startsWith('#')) return 'separator';
    if (TELEGRAM_COUNTER.test(line) || TELEGRAM_DOWNLOAD.test(line)) return 'boilerplate';
    // Both emoji of a view count (U+1F440, U+1F441) start with the same high surrogate.
    if (line.charCodeAt(0) === 0xd83d && VIEW_COUNT.test(line)) return 'boilerplate';
    if (line.charCodeAt(0) === 0x46 /* F */ && FORWARDED_FROM.test(line)) return 'boilerplate';
    if (DATE_LABEL.test(line) || TWEET_ATTRIBUTION.test(line) || SOURCE_LINE.test(line)) return 'metadata';
    // Before the dateline: a header without the channel's name («[20.10.24 14:35]») is a date and a time alone.
    if (line.endsWith(']')) {
      if (POST_HEADER.test(line)) return 'post-header';
      if (FORWARD_NOTE.test(line)) return 'boilerplate';
    } else if (line.charCodeAt(0) === 0x5b /* [ */ && line.endsWith(':') && POST_HEADER.test(line)) return 'post-header';
    if (LABELLED_URL.test(line)) return 'url';
    if (words <= 6 && RELATIVE_TIME.test(line)) return 'boilerplate';
    if (length <= DATELINE_MAX_CHARS && words <= DATELINE_MAX_WORDS && isDateline(line)) return 'metadata';
    if (words <= 14 && LINK_INTRO.test(line)) return 'link-intro';
    if (words <= 4 && TAIL_HEADING.test(line)) return 'boilerplate';
    if (words <= 12 && BOILERPLATE.some((re) => re.test(line))) return 'boilerplate';
    if (words <= FOOTER_MAX_WORDS && (RIGHTS_NOTICE.test(line) || APP_CALL.test(line))) return 'boilerplate';
    if (words <= 12 && (BREADCRUMB.test(line) || HOME_MENU.test(line))) return 'boilerplate';
  }
  return 'content';
}

/** The fewest repetitions of a character that make a rule: `***` and `----` break sections of one article. */
const RULE_MIN_REPEATS = 5;
/** Sentence punctuation repeated («.....», «!!!!!») is an omission or an exclamation, not a rule. */
const RULE_PUNCTUATION = '.…!?؟,،;؛:';

/**
 * A rule between posts: one character repeated, and nothing else (`━━━━━━━━`, `➖➖➖➖➖`, `-----`, `*****`): a rule
 * with words in it, or made of two characters, may be a decoration inside a post.
 */
function isRule(text: string, s: number, e: number): boolean {
  const first = text.codePointAt(s) as number;
  if (e - s < RULE_MIN_REPEATS || RULE_PUNCTUATION.includes(String.fromCodePoint(first))) return false;
  const width = first > 0xffff ? 2 : 1;
  let repeats = 0;
  for (let i = s; i < e; repeats++) {
    if (text.codePointAt(i) !== first) return false;
    i += width;
    if (text.charCodeAt(i) === 0xfe0f) i++; // the emoji presentation selector after ➖️
  }
  return repeats >= RULE_MIN_REPEATS;
}

/** A line that is a date and what goes with one (a weekday, a time, separators), and nothing else. */
function isDateline(line: string): boolean {
  if (!/[0-9\u0660-\u0669\u06F0-\u06F9]/.test(line)) return false;
  const dates = findDates(line);
  // A range of days («15 - 20 آذار 2023») is a period, not the day a text was published.
  if (!dates.length || dates.some((d) => d.until)) return false;
  const wordsOf = (from: number, to: number): string[] => {
    const rest = line.slice(from, to).replace(DATELINE_MARKS, '').replace(DATELINE_REST, ' ').trim();
    return rest ? rest.split(' ') : [];
  };
  const before = wordsOf(0, dates[0].start);
  const after = wordsOf(dates[dates.length - 1].end, line.length);
  const between: string[] = [];
  for (let k = 1; k < dates.length; k++) between.push(...wordsOf(dates[k - 1].end, dates[k].start));
  const words = [...before, ...between, ...after];
  if (words.length === 0) return true;
  // Other words go beside whole dates only: a day and a month after a word is a title.
  if (dates.some((d) => d.year === null)) return false;
  // One word more is a place or an author.
  if (words.length === 1) return ONE_WORD.test(words[0]);
  // A wire dateline: a place of one or two words, the date (a Hijri date and its Gregorian equivalent), then the
  // agency («بريدة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس», «القاهرة 3 مارس 2024 (أ ش أ)»).
  return between.length === 0 && before.length <= DATELINE_PLACE_WORDS && after.length >= 1 && isAgency(line.slice(dates[dates.length - 1].end), after);
}

/**
 * What follows the date of a wire dateline: a news agency's short name, in brackets or not («واس», «(قنا)», «أ ش أ»,
 * «د ب أ», «AFP»): at most three words of at most four letters, or at most two words of any length in brackets
 * («(رويترز)», «(الأناضول)»).
 */
function isAgency(tail: string, words: string[]): boolean {
  if (words.length > DATELINE_AGENCY_WORDS || !words.every((w) => LETTERS.test(w))) return false;
  return words.every((w) => w.length <= DATELINE_AGENCY_LETTERS) || (words.length <= 2 && IN_BRACKETS.test(tail));
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x200f || c === 0x200e || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

/**
 * True for a line that dates what stands next to it: a dateline or a labelled date («تاريخ النشر: …»). A tweet's
 * attribution and a source line are metadata too, but they close a quotation or name an agency, not a post.
 */
export function isDateLine(text: string, c: ClassifiedLine): boolean {
  if (c.kind !== 'metadata') return false;
  const line = text.slice(c.start, c.end);
  return !TWEET_ATTRIBUTION.test(line) && !SOURCE_LINE.test(line);
}

/** True for a byline («كتب- محمد نصار:», «بقلم: د. خالد الدخيل»): metadata about the piece, never its title. */
export function isBylineLine(text: string, c: ClassifiedLine): boolean {
  return c.kind === 'content' && c.words >= 2 && c.words <= BYLINE_MAX_WORDS && c.end - c.start <= 80 && BYLINE.test(text.slice(c.start, c.end));
}

/** True for the last line of a Telegram web-preview header. */
export function isTelegramHeaderEnd(text: string, c: ClassifiedLine): boolean {
  return c.kind === 'boilerplate' && TELEGRAM_DOWNLOAD.test(text.slice(c.start, c.end));
}

/** True for the heading of a list of other articles or of comments (a boilerplate line, see TAIL_HEADING). */
export function isTailHeading(text: string, c: ClassifiedLine): boolean {
  return c.kind === 'boilerplate' && TAIL_HEADING.test(text.slice(c.start, c.end));
}

/** True for a separator made of hashtags only («#سورية #إيران»), which tags a post rather than signs it. */
export function isHashtagLine(text: string, c: ClassifiedLine): boolean {
  return c.kind === 'separator' && c.words > 0 && text.charCodeAt(c.start) === 0x23; /* # */
}

/** True for a content line that is a whole message of a one-message-a-line export (it starts a post). */
export function isMessageLine(text: string, c: ClassifiedLine): boolean {
  const first = text.charCodeAt(c.start);
  if (c.kind !== 'content' || first < 0x30 || first > 0x39) return false;
  return MESSAGE_LINE.test(text.slice(c.start, Math.min(c.end, c.start + 160)));
}

/** Parses a marker line: `<!-- corpus-lint: entry -->`, `<!-- corpus-lint: same-entry -->`, disable directives. */
export function parseMarker(line: string): { directive: string; args: string[] } | null {
  const m = /^<!--\s*(corpus-lint(?:-[a-z-]+)?)\s*:?\s*(.*?)\s*-->$/.exec(line);
  if (!m) return null;
  const words = m[2].split(/[\s,]+/).filter(Boolean);
  if (m[1] === 'corpus-lint') return { directive: words[0] ?? '', args: words.slice(1) };
  return { directive: m[1].slice('corpus-lint-'.length), args: words };
}
