/**
 * Arabic normalization for matching only: a table-driven fold of every UTF-16 code unit, and a tokenizer that keeps
 * the original offsets of each word so findings always point at the untouched text.
 */

/** Code-unit classes. */
export const SEPARATOR = 0;
export const WORD = 1;
/** Removed without breaking a word: diacritics, tatweel, zero-width and bidi marks. */
export const IGNORABLE = 2;

/** The class of every UTF-16 code unit (SEPARATOR, WORD or IGNORABLE). */
export const CLASS = new Uint8Array(65536);
/** Folded code unit for WORD characters. */
export const FOLD = new Uint16Array(65536);

function initTables(): void {
  const letterOrDigit = /[\p{L}\p{N}]/u;
  const mark = /\p{M}/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates: emoji and other astral symbols separate words
    const ch = String.fromCharCode(c);
    if (letterOrDigit.test(ch)) {
      CLASS[c] = WORD;
      FOLD[c] = c;
    } else if (mark.test(ch)) {
      CLASS[c] = IGNORABLE;
    }
  }
  // Diacritics (harakat, tanwin, shadda, sukun, superscript alef) and tatweel.
  for (let c = 0x064b; c <= 0x065f; c++) CLASS[c] = IGNORABLE;
  CLASS[0x0670] = IGNORABLE;
  CLASS[0x0640] = IGNORABLE;
  // Zero-width and bidi controls.
  for (const c of [0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x061c, 0xfeff, 0x2060]) CLASS[c] = IGNORABLE;
  for (let c = 0x202a; c <= 0x202e; c++) CLASS[c] = IGNORABLE;
  for (let c = 0x2066; c <= 0x2069; c++) CLASS[c] = IGNORABLE;
  // Alef with hamza above/below, madda, wasla -> bare alef.
  for (const c of [0x0622, 0x0623, 0x0625, 0x0671]) FOLD[c] = 0x0627;
  FOLD[0x0649] = 0x064a; // alef maqsura -> yeh
  FOLD[0x0629] = 0x0647; // teh marbuta -> heh
  FOLD[0x06cc] = 0x064a; // Persian yeh -> Arabic yeh
  FOLD[0x06a9] = 0x0643; // Persian keheh -> kaf
  for (let d = 0; d < 10; d++) {
    FOLD[0x0660 + d] = 0x30 + d; // Arabic-Indic digits
    FOLD[0x06f0 + d] = 0x30 + d; // Persian digits
  }
  for (let c = 0x41; c <= 0x5a; c++) FOLD[c] = c + 32; // ASCII lower case
  // Underscore joins hashtag words (#بشار_الأسد) but separates them for matching.
  CLASS[0x5f] = SEPARATOR;
}
initTables();

/** True for a code unit that is part of a word. */
export function isWordUnit(c: number): boolean {
  return CLASS[c] === WORD;
}

/** True for a code unit dropped by normalization (diacritics, tatweel, invisible marks). */
export function isIgnorableUnit(c: number): boolean {
  return CLASS[c] === IGNORABLE;
}

/** Normalizes a whole string for matching (keeps separators as single spaces, trims). */
export function normalizeForMatch(s: string): string {
  const out: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = CLASS[c];
    if (k === WORD) {
      if (pendingSpace && out.length) out.push(32);
      pendingSpace = false;
      out.push(FOLD[c]);
    } else if (k === SEPARATOR) {
      pendingSpace = true;
    }
  }
  return codesToString(out);
}

/** Removes only diacritics, tatweel and invisible marks: the spelling as a reader sees it. */
export function stripMarks(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (CLASS[c] !== IGNORABLE) out += s[i];
  }
  return out;
}

function codesToString(codes: number[]): string {
  let s = '';
  for (let i = 0; i < codes.length; i += 8192) s += String.fromCharCode(...codes.slice(i, i + 8192));
  return s;
}

/** Words of a text span, with their original UTF-16 offsets and normalized forms. */
export interface Tokens {
  /** Offset of each word's first code unit in the original text. */
  starts: number[];
  /** Offset just past each word's last code unit. */
  ends: number[];
  /** Normalized form of each word. */
  norms: string[];
  /** True when the word is a hashtag or a segment of one (#بشار_الأسد gives بشار and الاسد). */
  hashtag: boolean[];
}

/** Splits `text[from, to)` into words: runs of letters and digits, ignoring marks inside them. */
export function tokenize(text: string, from = 0, to = text.length): Tokens {
  const starts: number[] = [];
  const ends: number[] = [];
  const norms: string[] = [];
  const hashtag: boolean[] = [];
  let buf: number[] = [];
  let start = -1;
  let lastWordEnd = -1;
  let inHashtag = false;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 32;
    const k = CLASS[c];
    if (k === WORD) {
      if (start < 0) start = i;
      buf.push(FOLD[c]);
      lastWordEnd = i + 1;
    } else if (k === IGNORABLE && start >= 0) {
      continue;
    } else {
      if (start >= 0) {
        starts.push(start);
        ends.push(lastWordEnd);
        // A word of more than a few thousand letters (a line with no spaces) is made in pieces: a call with that many
        // arguments overflows the stack.
        norms.push(buf.length === 1 ? String.fromCharCode(buf[0]) : buf.length <= 8192 ? String.fromCharCode.apply(null, buf) : codesToString(buf));
        hashtag.push(inHashtag);
        buf = [];
        start = -1;
      }
      // A hashtag runs from '#' through words joined by underscores.
      if (c === 0x23) inHashtag = true;
      else if (c !== 0x5f && k !== IGNORABLE) inHashtag = false;
    }
  }
  return { starts, ends, norms, hashtag };
}

/** 32-bit FNV-1a hash of a string. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
