/**
 * Normalization used only to *find* dates. The text shown and the offsets reported always refer to the
 * untouched input: every character of the normalized text remembers the [start, end) range of the original
 * characters it stands for.
 */

/** Normalized text plus, for each of its UTF-16 units, the original [start, end) range. */
export interface MappedText {
  text: string;
  /** start[i]: offset in the original of the unit that produced text[i]. */
  start: Int32Array;
  /** end[i]: exclusive end in the original; covers diacritics and tatweel attached to that unit. */
  end: Int32Array;
}

/** Zero-width and bidi marks (and the BOM): dropped, attached to nothing. */
function isInvisibleMark(c: number): boolean {
  return (
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x061c ||
    c === 0xfeff
  );
}

/** Harakat, superscript alef and tatweel: dropped, but attached to the preceding letter. */
function isAttachedMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640;
}

/** Maps one UTF-16 unit to its normalized form, or -1 when it is kept as is. */
function fold(c: number): number {
  if (c < 0x80) return -1;
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660 + 0x30; // Arabic-Indic digits
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0 + 0x30; // Persian digits
  switch (c) {
    case 0x0622: // آ
    case 0x0623: // أ
    case 0x0625: // إ
    case 0x0671: // ٱ
      return 0x0627; // ا
    case 0x06cc: // Persian yeh
      return 0x064a;
    case 0x06a9: // keheh
      return 0x0643;
    case 0x00a0:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return 0x20;
    default:
      if (c >= 0x2000 && c <= 0x200a) return 0x20;
      return -1;
  }
}

/** Drops marks, folds alef variants and look-alike letters, maps all digits to ASCII. */
export function normalizeForDates(line: string): MappedText {
  const n = line.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const parts: string[] = [];
  let chunk: number[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if (isInvisibleMark(c)) continue;
    if (isAttachedMark(c)) {
      if (k > 0 && end[k - 1] === i) end[k - 1] = i + 1;
      continue;
    }
    const f = fold(c);
    chunk.push(f < 0 ? c : f);
    if (chunk.length === 4096) {
      parts.push(String.fromCharCode.apply(null, chunk));
      chunk = [];
    }
    start[k] = i;
    end[k] = i + 1;
    k++;
  }
  if (chunk.length > 0) parts.push(String.fromCharCode.apply(null, chunk));
  return { text: parts.join(''), start: start.subarray(0, k), end: end.subarray(0, k) };
}

/**
 * Replaces matches of `re` (global) by `replace(match)`; each replacement unit maps to the whole original
 * range of the match. Returns the input untouched when nothing matched.
 */
export function replaceMapped(m: MappedText, re: RegExp, replace: (match: RegExpExecArray) => string | null): MappedText {
  re.lastIndex = 0;
  let match = re.exec(m.text);
  if (match === null) return m;
  const text: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let last = 0;
  const copy = (from: number, to: number): void => {
    text.push(m.text.slice(from, to));
    for (let i = from; i < to; i++) {
      starts.push(m.start[i]);
      ends.push(m.end[i]);
    }
  };
  while (match !== null) {
    const s = match.index;
    const e = s + match[0].length;
    const r = e > s ? replace(match) : null;
    if (r !== null) {
      copy(last, s);
      text.push(r);
      for (let i = 0; i < r.length; i++) {
        starts.push(m.start[s]);
        ends.push(m.end[e - 1]);
      }
      last = e;
    }
    if (e === s) re.lastIndex++;
    match = re.exec(m.text);
  }
  copy(last, m.text.length);
  return { text: text.join(''), start: Int32Array.from(starts), end: Int32Array.from(ends) };
}
