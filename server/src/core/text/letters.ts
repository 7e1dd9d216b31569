/** Letter-level helpers on the untouched text: where a word's stem starts once its proclitics are set aside. */
import { isIgnorableUnit } from './normalize';

/** Letters written before the stem: «للأسد» is ل + الأسد with the article's alef dropped, so one letter. */
export function procliticLetters(surface: string, stem: string): number {
  if (surface.startsWith('لل') && stem.startsWith('ال') && surface.length === stem.length) return 1;
  return surface.length - stem.length;
}

/** Offset after `letters` letters of text[start, end) and the marks written on them (وَبوتين). */
export function skipLetters(text: string, start: number, end: number, letters: number): number {
  let i = start;
  for (let n = 0; n < letters && i < end; n++) {
    i++;
    while (i < end && isIgnorableUnit(text.charCodeAt(i))) i++;
  }
  return i;
}
