/**
 * Position encodings: the core counts characters in UTF-16 code units (the LSP default); a client that offers only
 * UTF-8 or UTF-32 gets its positions converted on the way in and out. Conversion works on one line's text.
 */

export type Encoding = 'utf-16' | 'utf-8' | 'utf-32';

/** Picks the encoding from the client's `general.positionEncodings`: UTF-16 whenever it is offered (or nothing is). */
export function negotiateEncoding(offered: readonly string[] | undefined): Encoding {
  if (!offered || offered.length === 0 || offered.includes('utf-16')) return 'utf-16';
  if (offered.includes('utf-32')) return 'utf-32';
  if (offered.includes('utf-8')) return 'utf-8';
  return 'utf-16';
}

/** Length in the given encoding of the code point whose first UTF-16 unit is at `i` (and its UTF-16 length). */
function unitAt(line: string, i: number, encoding: Encoding): { utf16: number; units: number } {
  const c = line.charCodeAt(i);
  const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < line.length && isLowSurrogate(line.charCodeAt(i + 1));
  if (pair) return { utf16: 2, units: encoding === 'utf-8' ? 4 : encoding === 'utf-32' ? 1 : 2 };
  if (encoding === 'utf-8') return { utf16: 1, units: c < 0x80 ? 1 : c < 0x800 ? 2 : 3 };
  return { utf16: 1, units: 1 };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Converts a UTF-16 character offset in `line` to the given encoding. Offsets past the end clamp to the line's end;
 * an offset inside a surrogate pair counts as the start of the pair.
 */
export function fromUtf16(line: string, character: number, encoding: Encoding): number {
  if (encoding === 'utf-16') return character;
  let units = 0;
  for (let i = 0; i < line.length; ) {
    const u = unitAt(line, i, encoding);
    if (i + u.utf16 > character) break;
    i += u.utf16;
    units += u.units;
  }
  return units;
}

/**
 * Converts a character offset in the given encoding to UTF-16 units in `line`. Offsets past the end clamp to the
 * line's end; an offset inside a multi-unit character snaps to the character's start.
 */
export function toUtf16(line: string, character: number, encoding: Encoding): number {
  if (encoding === 'utf-16') return character;
  let units = 0;
  let i = 0;
  while (i < line.length) {
    const u = unitAt(line, i, encoding);
    if (units + u.units > character) break;
    units += u.units;
    i += u.utf16;
  }
  return i;
}
