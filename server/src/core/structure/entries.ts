/**
 * Finds the entries of a file (Telegram posts or one news article) from its classified lines.
 *
 * How entries are found (documented in the README):
 * - A Telegram web-preview header (counters, «Download Telegram») is a preamble, never an entry.
 * - A message header of Telegram's desktop app («Channel, [20.10.24 14:35]») starts a post: the next content line is
 *   its title, the header carries its date. In an export of one message a line («15/03/2023, 14:05 - Channel: …»),
 *   each stamped line starts a post and is its title; lines without a stamp continue the message above.
 * - A file is *multi-entry* when it has post separators followed by more text: message headers, signature lines (`@channel`),
 *   hashtag-only lines, link introductions followed by their URL, or an explicit `<!-- corpus-lint: entry -->` marker.
 *   After a separator the next content line starts a new entry, unless it repeats a paragraph of the current entry
 *   (scrapes repeat blocks of a post) or opens with a reporting verb or a connective («وأضاف», «كما»). A hashtag line
 *   is such a separator only in a file that closes its posts with hashtags (see hashtagLinesEndPosts). Inside a post,
 *   a short headline line with an event trigger (يستقبل، برقية، اتصالاً …) that follows body text starts a new entry
 *   even without a separator, when it opens like the titles of posts the separators start (else it is a sub-heading).
 * - A channel without signatures: when three or more blocks (lines between blank lines) end with a date line, or open
 *   with one, a date line at that end of a block closes or opens a post (see datedBlocks).
 * - A date line between a separator and the next post belongs to the post below it when the file's first post opens
 *   with one (dates on top), as a message header does, otherwise to the post above it (channels that sign, then
 *   date); either way the next content line starts a post.
 * - In a post, a heading of related articles or comments («أخبار ذات صلة», «اقرأ أيضاً:», «التعليقات») ends its text:
 *   the lines under it, up to the next separator, link or message header, are others' headlines or words, in no entry.
 * - Otherwise the file is one article: the title is the first headline-like line (3–40 words, not navigation, not a
 *   byline); lines above it are navigation (a preamble), except a byline, which is the article's.
 * - A byline («كتب- محمد نصار:», «بقلم: …») is never a title: a post that opens with one is titled by its next line.
 * - `<!-- corpus-lint: entry -->` forces a new entry on the next content line; `<!-- corpus-lint: same-entry -->`
 *   prevents the next line from starting one.
 */
import { normalizeForMatch } from '../text/normalize';
import {
  ClassifiedLine,
  isBylineLine,
  isDateLine,
  isHashtagLine,
  isMessageLine,
  isTailHeading,
  isTelegramHeaderEnd,
  parseMarker,
} from './lineKinds';

export interface EntrySpan {
  /** Line of the title (the first content line of a post, the headline of an article). */
  titleLine: number;
  firstLine: number;
  lastLine: number;
}

export interface Segmentation {
  entries: EntrySpan[];
  /** Lines outside every entry: channel headers and site navigation. */
  preamble: Set<number>;
  multiEntry: boolean;
}

/** Event trigger words (normalized) that make a short line a headline of a new post. */
const HEADLINE_TRIGGERS = new Set(
  [
    'يستقبل', 'تستقبل', 'استقبل', 'يلتقي', 'يلتقى', 'يجري', 'اتصالا', 'اتصال', 'هاتفيا', 'برقيه', 'برقية', 'قمه', 'زياره',
    'يزور', 'حوار', 'مقابله', 'اجتماع', 'يجتمع', 'لقاء', 'يبحث', 'رساله', 'كلمه', 'خطاب', 'مباحثات', 'محادثات', 'يترأس',
    'يرأس', 'يهنئ', 'يعزي', 'مرسوم', 'يصدر', 'يشارك', 'يصل', 'يستقبلان', 'يتلقى', 'تلقى', 'يوجه', 'يفتتح', 'يدشن',
  ].map((w) => normalizeForMatch(w)),
);

/** The longest line read as an article's headline, in words (the shortest is 3). */
export const HEADLINE_MAX_WORDS = 40;

/**
 * A paragraph opened by a reporting verb with its conjunction («وأضاف», «وأشار») or a connective («كما», «من جهته»)
 * continues the text above it: after a separator it means the separator was a promotion inside an article
 * («للمزيد من الأخبار تابعونا على:» and a link), not the end of a post.
 */
const CONTINUATION_START =
  /^(?:[وف](?:أشار|أضاف|أكد|أوضح|قال|تابع|بين|بيّن|لفت|شدد|اعتبر|أعرب|أفاد|ختم|دعا)|كما |بدوره|بدورها|من جانب|من جهت)/;

const CONNECTIVE_START = /^(?:[-–—•*"“«'(]|و[^ز]|ف[اإأق]|كما |ثم |بدوره|بدورها|من جانب|من جهت|حيث |مضيف|مشير|مؤكد)/;

export function segmentEntries(
  text: string,
  lines: ClassifiedLine[],
  normOf: (line: number) => string,
): Segmentation {
  const preamble = new Set<number>();
  let begin = 0;
  // A Telegram web-preview header ends at «Download Telegram» within the first lines.
  for (let i = 0; i < Math.min(lines.length, 25); i++) {
    if (isTelegramHeaderEnd(text, lines[i])) {
      for (let j = 0; j <= i; j++) preamble.add(j);
      begin = i + 1;
      break;
    }
  }
  const dated = datedBlocks(text, lines, begin);
  const multi = begin > 0 || dated !== null || hasSeparatorsBetweenContent(text, lines, begin);
  return multi ? segmentPosts(text, lines, begin, preamble, normOf, dated) : segmentArticle(text, lines, begin, preamble);
}

/** The fewest blocks with a date line at the same end that make a file a channel's posts (see datedBlocks). */
const DATED_BLOCKS_MIN = 3;

/**
 * Whether the file is posts told apart only by blank lines and a date line in each: 'under' when blocks of text
 * (runs of lines between blank lines) end with their date line, 'over' when they open with it, in at least
 * DATED_BLOCKS_MIN blocks. An article has one date line under its headline, sometimes a second at its end; a file
 * with three blocks dated alike is a channel whose posts carry no signature. A post of such a file without a date line
 * of its own stays with the post next to it: nothing tells where it ends.
 */
function datedBlocks(text: string, lines: ClassifiedLine[], begin: number): 'under' | 'over' | null {
  let under = 0;
  let over = 0;
  let first = -1;
  let last = -1;
  let hasContent = false;
  const close = (): void => {
    if (first >= 0 && hasContent && first !== last) {
      if (isDateLine(text, lines[last])) under++;
      else if (isDateLine(text, lines[first])) over++;
    }
    first = last = -1;
    hasContent = false;
  };
  for (let i = begin; i <= lines.length; i++) {
    const kind = i < lines.length ? lines[i].kind : 'blank';
    if (kind === 'blank') close();
    else if (kind === 'content' || kind === 'metadata') {
      if (first < 0) first = i;
      last = i;
      if (kind === 'content') hasContent = true;
    } else if (kind !== 'noise') close();
  }
  if (under >= DATED_BLOCKS_MIN && under > over) return 'under';
  if (over >= DATED_BLOCKS_MIN) return 'over';
  return null;
}

/** Whether line i is the first or the last line of its block (the line before or after it is blank, or none). */
function blockEdge(lines: ClassifiedLine[], i: number, edge: 'under' | 'over'): boolean {
  const j = edge === 'under' ? i + 1 : i - 1;
  return j < 0 || j >= lines.length || lines[j].kind === 'blank';
}

function isContent(l: ClassifiedLine): boolean {
  return l.kind === 'content';
}

function hasSeparatorsBetweenContent(text: string, lines: ClassifiedLine[], begin: number): boolean {
  let seenContent = false;
  let separatorAfterContent = false;
  for (let i = begin; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'content') {
      if (separatorAfterContent && !continuesText(text, l)) return true;
      if (seenContent && isMessageLine(text, l)) return true;
      separatorAfterContent = false;
      seenContent = true;
    } else if (seenContent && (l.kind === 'separator' || l.kind === 'post-header' || endsWithLink(lines, i) || isEntryMarker(text, l))) {
      separatorAfterContent = true;
    }
  }
  return false;
}

/**
 * A link introduction ends a post only when its link follows: without one, «لمتابعة اللقاء كاملا من هنا» is the tail
 * of an article, and a line that starts like one («انضم اللاعب إلى …») may be a headline.
 */
function endsWithLink(lines: ClassifiedLine[], i: number): boolean {
  if (lines[i].kind !== 'link-intro') return false;
  let next = i + 1;
  while (next < lines.length && lines[next].kind === 'blank') next++;
  return next < lines.length && (lines[next].kind === 'url' || lines[next].kind === 'separator');
}

function isEntryMarker(text: string, l: ClassifiedLine): boolean {
  if (l.kind !== 'marker') return false;
  return parseMarker(text.slice(l.start, l.end))?.directive === 'entry';
}

function segmentPosts(
  text: string,
  lines: ClassifiedLine[],
  begin: number,
  preamble: Set<number>,
  normOf: (line: number) => string,
  dated: 'under' | 'over' | null = null,
): Segmentation {
  const entries: EntrySpan[] = [];
  // Typed by assertion: assignments in `start` would not widen a narrowed `null`.
  let current = null as EntrySpan | null;
  let currentParagraphs = new Set<string>();
  let bodyWords = 0;
  let afterSeparator = false;
  let forceNew = false;
  let keepTogether = false;
  /** A message header (or a date line) opened the current post, and no content line has given it a title yet. */
  let awaitingTitle = false;
  /** Under a related-articles heading: the lines are links to other articles until the next post boundary. */
  let related = false;
  const datesOnTop = opensWithMetadata(lines, begin);
  const hashtagsEndPosts = hashtagLinesEndPosts(text, lines, begin);
  /** Posts started by a short headline line without a separator (see keepSoftStartsLikeTitles). */
  const softStarts = new Set<EntrySpan>();
  /** Starts an entry at line i; `paragraphs` are those it holds so far (none for a message header). */
  const start = (i: number, paragraphs: Set<string>): void => {
    current = { titleLine: i, firstLine: i, lastLine: i };
    entries.push(current);
    currentParagraphs = paragraphs;
    bodyWords = 0;
  };
  for (let i = begin; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'marker') {
      const directive = parseMarker(text.slice(l.start, l.end))?.directive;
      if (directive === 'entry') {
        forceNew = true;
        related = false;
      } else if (directive === 'same-entry') keepTogether = true;
      continue;
    }
    if (l.kind === 'post-header') {
      // The header opens the post; a post of no text (a photo) keeps the header as its title.
      start(i, new Set());
      awaitingTitle = true;
      related = false;
      afterSeparator = false;
      forceNew = false;
      keepTogether = false;
      continue;
    }
    if (!hashtagsEndPosts && isHashtagLine(text, l)) {
      // The post's tags, in a file whose posts end with signatures: the post goes on below them.
      if (current && !related && closesPost(lines, current, i, afterSeparator)) (current as EntrySpan).lastLine = i;
      continue;
    }
    if (l.kind === 'separator' || l.kind === 'url' || endsWithLink(lines, i)) {
      // A separator under a related-articles list closes the list, not the post above it.
      if (current && l.kind !== 'url' && !related && closesPost(lines, current, i, afterSeparator)) (current as EntrySpan).lastLine = i;
      if (current) afterSeparator = true;
      related = false;
      continue;
    }
    if (isTailHeading(text, l)) related = true;
    if (l.kind !== 'content' && l.kind !== 'metadata') continue;
    if (related && !isMessageLine(text, l)) {
      preamble.add(i);
      continue;
    }
    related = false;
    // In a file of dated blocks, a date line opening a block opens a post.
    const opensBlock = dated === 'over' && blockEdge(lines, i, 'over') && isDateLine(text, l);
    if (l.kind === 'metadata' && (datesOnTop || opensBlock) && (!current || afterSeparator || opensBlock) && !keepTogether) {
      // A date line on top opens its post, as a message header does; the next content line is the title.
      start(i, new Set());
      awaitingTitle = true;
      afterSeparator = false;
      forceNew = false;
      continue;
    }
    const norm = normOf(i);
    let startsNew = false;
    let soft = false;
    if (awaitingTitle && l.kind === 'content') {
      (current as EntrySpan).titleLine = i;
      awaitingTitle = false;
    } else if (!current || forceNew) startsNew = true;
    else if (keepTogether) startsNew = false;
    else if (isMessageLine(text, l)) startsNew = true;
    else if (afterSeparator) startsNew = l.kind === 'content' && !currentParagraphs.has(norm) && !continuesText(text, l);
    else startsNew = soft = l.kind === 'content' && bodyWords >= 15 && isSoftHeadline(text, l, norm);
    if (startsNew && l.kind === 'content') {
      start(i, new Set([norm]));
      if (soft) softStarts.add(current as EntrySpan);
    } else if (current) {
      (current as EntrySpan).lastLine = i;
      currentParagraphs.add(norm);
      if (l.kind === 'content') bodyWords = Math.max(bodyWords, l.words);
    } else {
      preamble.add(i);
    }
    // A date line under a separator closes the post above: the post below still starts at the next content line.
    afterSeparator = afterSeparator && l.kind === 'metadata';
    // In a file of dated blocks, a date line closing a block closes its post, as a signature does.
    if (dated === 'under' && current && blockEdge(lines, i, 'under') && isDateLine(text, l)) afterSeparator = true;
    forceNew = false;
    keepTogether = false;
  }
  for (const e of entries) titleUnderByline(text, lines, e);
  return { entries: keepSoftStartsLikeTitles(entries, softStarts, normOf), preamble, multiEntry: true };
}

/**
 * Whether the separator or tag line `i` is the current post's. The first after its text is («#السودان», «@chan»), and so
 * are those right under it («#السودان» then «@chan»). Once the post is closed, a line after a blank line that sits right
 * on top of the next post's text is that post's tag («#عاجل» above it), and one after furniture that no post holds
 * (a lone «⚡️ عاجل» and its signature) closes that furniture: neither belongs to the post above.
 */
function closesPost(lines: ClassifiedLine[], current: EntrySpan, i: number, closed: boolean): boolean {
  if (!closed) return true;
  let gap = false;
  for (let j = current.lastLine + 1; j < i; j++) {
    if (lines[j].kind === 'blank') gap = true;
    else if (lines[j].kind !== 'separator') return false;
  }
  return !(gap && i + 1 < lines.length && (lines[i + 1].kind === 'content' || lines[i + 1].kind === 'metadata'));
}

/** A post that opens with a byline («كتبت: سارة علي») takes its next content line as its title, when it has one. */
function titleUnderByline(text: string, lines: ClassifiedLine[], e: EntrySpan): void {
  if (!isBylineLine(text, lines[e.titleLine])) return;
  for (let i = e.titleLine + 1; i <= e.lastLine; i++) {
    if (lines[i].kind === 'content') {
      e.titleLine = i;
      return;
    }
  }
}

/** Posts whose title opens with these words (normalized) are the file's own kind of post: «الرئيس الأسد …». */
const TITLE_OPENING_WORDS = 2;
/** How many posts started by the file's separators must open that way. */
const TITLE_OPENING_MIN_POSTS = 2;

/**
 * A short headline line with an event trigger starts a post without a separator (some channels leave a post
 * unsigned) only when it opens like the titles of posts the file's own separators started («الرئيس #الأسد في برقية …»
 * among posts that all open «الرئيس الأسد …»). Otherwise it is a sub-heading inside a post («فولودين يلتقي …»,
 * «زيارة موسكو تفتح مرحلة جديدة»), and its post goes on: splitting there would leave the second half undated.
 */
function keepSoftStartsLikeTitles(entries: EntrySpan[], soft: Set<EntrySpan>, normOf: (line: number) => string): EntrySpan[] {
  if (soft.size === 0) return entries;
  const openingOf = (e: EntrySpan): string => normOf(e.titleLine).split(' ', TITLE_OPENING_WORDS).join(' ');
  const hardOpenings = new Map<string, number>();
  for (const e of entries) {
    if (soft.has(e)) continue;
    const o = openingOf(e);
    hardOpenings.set(o, (hardOpenings.get(o) ?? 0) + 1);
  }
  const kept: EntrySpan[] = [];
  for (const e of entries) {
    const previous = kept[kept.length - 1];
    if (previous && soft.has(e) && (hardOpenings.get(openingOf(e)) ?? 0) < TITLE_OPENING_MIN_POSTS) previous.lastLine = e.lastLine;
    else kept.push(e);
  }
  return kept;
}

/**
 * Whether a line of hashtags ends a post: in a channel that closes its posts with them, yes; in one whose posts end
 * with signatures, rules, message headers or links, the hashtags are a post's tags, which may stand in the middle of it
 * («#سورية #إيران» under the first paragraph). The file says which: its other separators at least as many as the
 * hashtag lines with text right below them.
 */
function hashtagLinesEndPosts(text: string, lines: ClassifiedLine[], begin: number): boolean {
  let otherSeparators = 0;
  let hashtagsBeforeText = 0;
  for (let i = begin; i < lines.length; i++) {
    const l = lines[i];
    if (isHashtagLine(text, l)) {
      let next = i + 1;
      while (next < lines.length && lines[next].kind === 'blank') next++;
      if (next < lines.length && lines[next].kind === 'content') hashtagsBeforeText++;
    } else if (l.kind === 'separator' || l.kind === 'post-header' || endsWithLink(lines, i)) otherSeparators++;
  }
  return otherSeparators === 0 || otherSeparators < hashtagsBeforeText;
}

function continuesText(text: string, l: ClassifiedLine): boolean {
  return CONTINUATION_START.test(text.slice(l.start, Math.min(l.end, l.start + 20)));
}

/** True when the first line with text is a metadata line (a date line above the first post's headline). */
function opensWithMetadata(lines: ClassifiedLine[], begin: number): boolean {
  for (let i = begin; i < lines.length; i++) {
    const kind = lines[i].kind;
    if (kind === 'metadata') return true;
    if (kind === 'content' || kind === 'post-header' || kind === 'separator') return false;
  }
  return false;
}

/** A short line with an event trigger that does not read as the continuation of a paragraph. */
function isSoftHeadline(text: string, l: ClassifiedLine, norm: string): boolean {
  if (l.words < 4 || l.words > 25) return false;
  const raw = text.slice(l.start, Math.min(l.end, l.start + 40));
  if (CONNECTIVE_START.test(raw)) return false;
  for (const w of norm.split(' ')) if (HEADLINE_TRIGGERS.has(w)) return true;
  return false;
}

function segmentArticle(text: string, lines: ClassifiedLine[], begin: number, preamble: Set<number>): Segmentation {
  let first = -1;
  let last = -1;
  let title = -1;
  for (let i = begin; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'content' || l.kind === 'metadata' || l.kind === 'post-header') {
      if (first < 0) first = i;
      last = i;
      // A byline above the headline («كتب- محمد نصار:») is about the article, never its title.
      if (title < 0 && l.kind === 'content' && l.words >= 3 && l.words <= HEADLINE_MAX_WORDS && !isBylineLine(text, l)) title = i;
    }
  }
  if (first < 0) return { entries: [], preamble, multiEntry: false };
  if (title < 0) title = first;
  // Lines above the title are navigation unless they carry a labelled date or a message header, or are a byline.
  const carriesDate = (l: ClassifiedLine): boolean => l.kind === 'metadata' || l.kind === 'post-header';
  let byline = -1;
  for (let i = begin; i < title; i++) {
    if (byline < 0 && isBylineLine(text, lines[i])) byline = i;
    else if (!carriesDate(lines[i])) preamble.add(i);
  }
  const firstLine = lines.slice(begin, title).some(carriesDate) ? first : byline >= 0 ? byline : title;
  return { entries: [{ titleLine: title, firstLine, lastLine: last }], preamble, multiEntry: false };
}
