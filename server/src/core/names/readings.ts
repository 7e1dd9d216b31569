/**
 * Whether one occurrence of a reported spelling reads as the name, from the words around it. A name's variant
 * spelling is often also a common word: يحيي (he revives) beside يحيى، يحفظه (may he keep him) beside a name, سورية
 * (Syrian, an adjective) beside سوريا. The decision to report a spelling is corpus-wide; these checks keep the
 * occurrences that are plainly the other word out of the findings, and so out of `--fix`.
 */
import { CLASS, normalizeForMatch, SEPARATOR, stripMarks, WORD } from '../text/normalize';
import { STOPWORDS } from './lexicon';

/** Words followed by a verb, never by a name (لم يحيي، هو الذي يحيي، قد يسري). */
const BEFORE_VERB = new Set(
  ['لن', 'لم', 'قد', 'سوف', 'هو', 'هي', 'وهو', 'وهي', 'فهو', 'فهي', 'الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'كي', 'لكي', 'ولم', 'ولن', 'وقد', 'فقد', 'لقد'].map(
    normalizeForMatch,
  ),
);

/** A word next to an occurrence: as written (marks removed), normalized, and whether only white space is between. */
interface Neighbour {
  written: string;
  norm: string;
  adjacent: boolean;
}

/**
 * False when the occurrence at [start, end) of a spelling whose stem is `stem`, reported as a variant of `canonical`,
 * reads as another word than the name:
 * - after a word that only a verb follows (لم، قد، هو، الذي …);
 * - before «الله» with a final ه or ة (رحمه الله، يحفظة الله): a verb with its object, a blessing;
 * - as an adjective, when the variant is the feminine nisba of the canonical place (سورية / سوريا): right after an
 *   indefinite feminine or plural noun (قمة سورية، شركات سورية) or right before another indefinite nisba (سورية روسية).
 */
export function readsAsName(text: string, start: number, end: number, stem: string, canonical: string): boolean {
  const before = neighbour(text, start, -1);
  if (before?.adjacent && BEFORE_VERB.has(before.norm)) return false;
  const after = neighbour(text, end, 1);
  if (after?.adjacent && after.norm === 'الله' && /[هة]$/.test(stem)) return false;
  if (isNisbaOfPlace(stem, canonical)) {
    // The noun's own ة (normalization folds it into ه: تجاه سورية is towards Syria).
    if (before?.adjacent && isIndefinite(before.norm) && /(?:ة|ات)$/.test(before.written) && before.norm.length > 2) return false;
    if (after?.adjacent && isIndefinite(after.norm.replace(/^[وف]/, '')) && after.norm.endsWith('يه')) return false;
  }
  return true;
}

/** The variant ends as a feminine adjective (سورية، ليبية) where the canonical ends as a place name (سوريا، ليبيا). */
function isNisbaOfPlace(stem: string, canonical: string): boolean {
  return normalizeForMatch(stem).endsWith('يه') && normalizeForMatch(canonical).endsWith('يا');
}

/** A noun or adjective without the article (not a function word: هذه سورية is Syria). */
function isIndefinite(norm: string): boolean {
  return norm.length > 0 && !norm.startsWith('ال') && !STOPWORDS.has(norm);
}

/**
 * The word before `at` (`dir` -1) or after it (`dir` 1) on the same line, or undefined. A gap holding anything but
 * white space and invisible marks (punctuation, an emoji, a hashtag sign) is no adjacency.
 */
function neighbour(text: string, at: number, dir: -1 | 1): Neighbour | undefined {
  let i = dir < 0 ? at - 1 : at;
  let adjacent = true;
  for (; i >= 0 && i < text.length; i += dir) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return undefined;
    if (CLASS[c] === WORD) break;
    if (CLASS[c] === SEPARATOR && c !== 0x20 && c !== 0x09 && c !== 0xa0) adjacent = false;
  }
  if (i < 0 || i >= text.length) return undefined;
  let j = i;
  while (j + dir >= 0 && j + dir < text.length && CLASS[text.charCodeAt(j + dir)] !== SEPARATOR) j += dir;
  const word = dir < 0 ? text.slice(j, i + 1) : text.slice(i, j + 1);
  return { written: stripMarks(word), norm: normalizeForMatch(word), adjacent };
}
