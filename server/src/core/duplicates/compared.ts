/**
 * Which words of a paragraph the duplicate index compares: the line without the furniture a channel adds to a post it
 * reposts. A breaking-news label opening the line («🔴 عاجل |», «#عاجل», «خبر عاجل:») and a channel's signature or
 * follow-us call closing it («… @chan», «… 🔻 @x», «… | تابعونا», «… t.me/chan») are left out, so that a post and its
 * repost with another label or signature are one paragraph (an exact duplicate) and not a near-duplicate. Emoji and
 * punctuation are no words and never counted. Only the comparison changes: a finding's range is still the whole line.
 */
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

/** Whether the span holds an «@», a «/» or the start of a follow-us verb (the patterns are only run then). */
function mayHoldSignature(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x40 || c === 0x2f) return true;
    // تابع، شترك (اشترك)، نضم (انضم)، لمزيد (للمزيد)
    if (c === 0x62a && text.charCodeAt(i + 1) === 0x627 && text.charCodeAt(i + 2) === 0x628 && text.charCodeAt(i + 3) === 0x639) return true;
    if (c === 0x634 && text.charCodeAt(i + 1) === 0x62a && text.charCodeAt(i + 2) === 0x631 && text.charCodeAt(i + 3) === 0x643) return true;
    if (c === 0x646 && text.charCodeAt(i + 1) === 0x636 && text.charCodeAt(i + 2) === 0x645) return true;
    if (c === 0x645 && text.charCodeAt(i + 1) === 0x632 && text.charCodeAt(i + 2) === 0x64a && text.charCodeAt(i + 3) === 0x62f) return true;
  }
  return false;
}
