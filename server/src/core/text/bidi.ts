/**
 * Right-to-left fragments of a mostly left-to-right message wrapped in Unicode isolates (FSI U+2068 … PDI U+2069), so
 * that an editor lays out «فلاديمير بوتين» 18 with the count after the name and a cut title's «…» at its logical end.
 *
 * Without isolates the bidi algorithm lets a number or a quotation mark next to Arabic join the Arabic run, and a
 * neutral at the end of an Arabic run (the ellipsis) take the English line's direction, landing beside the first word.
 */

export const FSI = '\u2068';
export const PDI = '\u2069';

/** A letter (or mark) of a right-to-left script; Arabic marks and digits count, so a fragment never ends inside one. */
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
/** A letter of any other script: it ends a right-to-left fragment. */
const LETTER = /\p{L}/u;
/** Characters that end a fragment whatever follows: quotation marks pair around it, a line break ends the paragraph. */
const HARD_BREAK = new Set(['«', '»', '\n', '\r']);
/** Isolate and embedding controls already in the text: a text that holds them is left as it is. */
const BIDI_CONTROLS = /[\u2066-\u2069\u202a-\u202e]/;

/**
 * The text with each right-to-left fragment isolated. A fragment runs from a right-to-left letter to the last one
 * before a letter of another script or a hard break, with the digits, spaces and punctuation between them; an
 * ellipsis right after it is part of it (a cut title ends there). A quotation «…» that holds right-to-left letters is
 * isolated whole, numbers and ellipsis included. Idempotent: text that already holds bidi controls is returned as is.
 */
export function isolateRtl(text: string): string {
  if (!RTL.test(text) || BIDI_CONTROLS.test(text)) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '«') {
      const close = text.indexOf('»', i + 1);
      const inner = close < 0 ? '' : text.slice(i + 1, close);
      if (close > 0 && !inner.includes('\n') && !inner.includes('«') && RTL.test(inner)) {
        out += '«' + FSI + inner + PDI + '»';
        i = close + 1;
        continue;
      }
    }
    if (!RTL.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    const end = fragmentEnd(text, i);
    out += FSI + text.slice(i, end) + PDI;
    i = end;
  }
  return out;
}

/** The end (exclusive) of the right-to-left fragment that starts at `start`. */
function fragmentEnd(text: string, start: number): number {
  let lastRtl = start;
  for (let j = start; j < text.length; j++) {
    const ch = text[j];
    if (HARD_BREAK.has(ch)) break;
    if (RTL.test(ch)) lastRtl = j;
    else if (LETTER.test(ch)) break;
  }
  let end = lastRtl + 1;
  // A cut title's ellipsis belongs to the title: keep it inside the isolate, at the title's logical end.
  if (text[end] === '…') end++;
  else if (text.startsWith('...', end)) end += 3;
  return end;
}

/** Symbol names and other labels that are one name: isolated only when they mix directions or end in an ellipsis. */
export function isolateLabel(text: string): string {
  if (!RTL.test(text) || BIDI_CONTROLS.test(text)) return text;
  const mixed = [...text].some((ch) => LETTER.test(ch) && !RTL.test(ch));
  return mixed || /(…|\.\.\.)\s*$/.test(text) ? isolateRtl(text) : text;
}

/** The text without the isolates `isolateRtl` adds: to compare a message an editor sends back with the core's. */
export function withoutIsolates(text: string): string {
  return text.replace(/[\u2068\u2069]/g, '');
}
