/**
 * Which words of a paragraph the duplicate index compares: the line without the furniture a channel adds to a post it
 * reposts. A breaking-news label opening the line («🔴 عاجل |», «#عاجل», «خبر عاجل:») and a channel's signature or
 * follow-us call closing it («… @chan», «… 🔻 @x», «… | تابعونا», «… t.me/chan») are left out, so that a post and its
 * repost with another label or signature are one paragraph (an exact duplicate) and not a near-duplicate. Emoji and
 * punctuation are no words and never counted. Only the comparison changes: a finding's range is still the whole line.
 */
import { isWordUnit } from '../text/normalize';
import { NormSet, WordScan } from '../text/scan';

/** «عاجل» (breaking), alone or after «خبر», and «جدا» (very) after it: a label, never the start of a sentence. */
const BREAKING = new NormSet(['عاجل']);
const NEWS = new NormSet(['خبر']);
const VERY = new NormSet(['جدا']);

/** How far from a line's end a signature is looked for (in UTF-16 units). */
const TAIL_UNITS = 200;

/** Trailing symbols, punctuation, emoji and spaces (no word, no handle). */
const TRAILING_SYMBOLS = /[^\p{L}\p{N}\p{M}_@]*$/u;
/** A channel's handle ending the text, not inside a word or an e-mail address. */
const HANDLE = /(?:^|[^\p{L}\p{N}\p{M}_.@])@[A-Za-z0-9_]{3,}$/u;
/** A link to a Telegram channel ending the text. */
const CHANNEL_LINK = /(?:^|\s)(?:https?:\/\/)?(?:www\.)?(?:t|telegram)\.me\/[A-Za-z0-9_+/]+$/iu;
/**
 * A follow-us call ending the text, set off by a bar, a dash or an emoji (never by a space or sentence punctuation
 * alone: «… وتابعوا» or «… للمزيد من» in a sentence stay): «| تابعونا», «🔻 تابعونا على تلغرام», «- للمزيد».
 */
const FOLLOW_CALL =
  /(?:^|[|¦•·\-–—]|[^\p{L}\p{N}\p{M}\s.,،؛:;!?؟"'«»()[\]{}\-–—|])\s*(?:تابعونا|تابعوا|اشتركوا|اشترك|انضموا|انضم|للمزيد)(?:\s+[\p{L}\p{M}]+){0,5}$/u;

/**
 * The compared words of a line whose words are `scan[from, to)` and whose text is `text[lineStart, lineEnd)`, as
 * `[first, end)` word indices written into `out` (a paragraph keeps at least one word: a line that is only a label or a
 * signature is not a content line anyway).
 */
export function comparedWords(text: string, scan: WordScan, from: number, to: number, lineStart: number, lineEnd: number, out: Int32Array): Int32Array {
  let first = from;
  let k = from;
  if (k + 1 < to && NEWS.has(scan, k) && BREAKING.has(scan, k + 1)) k++;
  if (k < to && BREAKING.has(scan, k)) {
    k++;
    if (k < to && VERY.has(scan, k)) k++;
    if (k < to) first = k;
  }
  let end = to;
  const cut = signatureStart(text, lineStart, lineEnd);
  if (cut < lineEnd) {
    while (end > first && scan.starts[end - 1] >= cut) end--;
    if (end === first) end = to;
  }
  out[0] = first;
  out[1] = end;
  return out;
}

/** Where a trailing run of signatures and follow-us calls starts in the line (`lineEnd` when there is none). */
export function signatureStart(text: string, lineStart: number, lineEnd: number): number {
  const tailStart = Math.max(lineStart, lineEnd - TAIL_UNITS);
  if (!mayHoldSignature(text, tailStart, lineEnd)) return lineEnd;
  // At the line's start, `^` in the patterns is the line's start; inside a long line it must not be.
  const guard = tailStart > lineStart ? 'x' : '';
  let tail = guard + text.slice(tailStart, lineEnd);
  let cut = tail.length;
  for (;;) {
    const rest = tail.slice(0, tail.length - TRAILING_SYMBOLS.exec(tail)![0].length);
    const m = HANDLE.exec(rest) ?? CHANNEL_LINK.exec(rest) ?? FOLLOW_CALL.exec(rest);
    if (!m) break;
    // The match may begin with the character before the signature (a bar, an emoji, a space): it holds no word.
    cut = m.index;
    tail = rest.slice(0, m.index);
  }
  return cut === guard.length + lineEnd - tailStart ? lineEnd : tailStart + cut - guard.length;
}

/**
 * Whether the span may end with a signature (the patterns are only run then). Each pattern ends the text, after
 * symbols and spaces, within its last six words (a handle or a link is one word, a follow-us call a verb and five
 * words): only they are read, for an «@», a channel link's «.me/» or a follow-us verb beginning a word. Reading the
 * span's 200 units for them took 110 ms over the 111,000 lines of 10,000 files; the last six words, 43 ms.
 */
function mayHoldSignature(text: string, from: number, to: number): boolean {
  let i = to;
  // Back over runs of non-spaces; a run with no letter, digit, «_» or «@» (an emoji, a bar) is no word.
  for (let words = 0; words <= FOLLOW_CALL_WORDS && i > from; ) {
    while (i > from && isSpace(text.charCodeAt(i - 1))) i--;
    let content = false;
    for (; i > from && !isSpace(text.charCodeAt(i - 1)); i--) {
      const c = text.charCodeAt(i - 1);
      if (isWordUnit(c) || c === 0x5f || c === 0x40) content = true;
    }
    if (content) words++;
  }
  for (let j = i; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x40) return true;
    if (c === 0x2f && text.charCodeAt(j - 1) === 0x65 && text.charCodeAt(j - 2) === 0x6d) return true;
    // The start of تابعونا، تابعوا، اشترك(وا)، انضم(وا)، للمزيد, beginning a word.
    if ((c === 0x62a || c === 0x627 || c === 0x644) && (j === 0 || !isWordUnit(text.charCodeAt(j - 1)))) {
      for (const verb of FOLLOW_VERBS) if (text.startsWith(verb, j)) return true;
    }
  }
  return false;
}

/** What FOLLOW_CALL's verbs begin with (تابعونا، تابعوا، اشتركوا، اشترك، انضموا، انضم، للمزيد). */
const FOLLOW_VERBS = ['تابعو', 'اشترك', 'انضم', 'للمزيد'];

/** The most words FOLLOW_CALL allows after its verb. */
const FOLLOW_CALL_WORDS = 5;

/** Spaces between words (one this misses joins two words into one: fewer words counted only read more). */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}
