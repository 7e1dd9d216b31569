/**
 * Words whose shape, together with the corpus's other forms of them, says they are inflected common words and not
 * names, however often they follow a title. Arabic has no capitals: «الرئيس الفرنسي» puts an adjective right after a
 * title, and «وقدم الأمير … شكره» a noun with a pronoun, both in the window where a name usually stands, so counting
 * words after titles calls them names. Two shapes are told by the corpus itself, never by word lists (other corpora
 * have other words):
 * - a relational adjective with the article (الفرنسي، السوري) whose feminine (الفرنسية) or country (فرنسا، سوريا) is
 *   written: a family name of that shape (المبطي، الكاظمي) has neither;
 * - a word with the pronoun suffix ه (شكره، زيارته) written with two other persons' suffixes too (شكرها، شكرهم): a
 *   name ending in ه (عبده، فقيه) is not conjugated so.
 * Everything here reads normalized keys (hamza, ى/ي and ة/ه folded: «شكرة» is «شكره», «الفرنسى» is «الفرنسي»).
 */

/** Occurrences of a normalized key in the corpus. */
export type KeyCount = (key: string) => number;

/** The suffixes of other persons than «ه» (him): ها، هم، هما، هن، ك، كم، نا. */
const OTHER_SUFFIXES = ['ها', 'هم', 'هما', 'هن', 'ك', 'كم', 'نا'];

/** A relational adjective with the article whose feminine or country the corpus writes. */
export function isWrittenNisba(key: string, count: KeyCount): boolean {
  if (key.length < 5 || !key.startsWith('ال') || !key.endsWith('ي')) return false;
  const bare = key.slice(2);
  // الفرنسية، الفرنسي -> فرنسا، السوري -> سوريا.
  return count(key + 'ه') > 0 || count(bare.slice(0, -1) + 'ا') > 0 || count(bare + 'ا') > 0;
}

/** A word with the suffix «ه» whose base the corpus writes with two other persons' suffixes. */
export function isWrittenWithPronoun(key: string, count: KeyCount): boolean {
  if (key.length < 4 || !key.endsWith('ه')) return false;
  const base = key.slice(0, -1);
  let seen = 0;
  for (const s of OTHER_SUFFIXES) if (count(base + s) > 0 && ++seen >= 2) return true;
  return false;
}

/** An inflected common word by either shape. */
export function isInflectedWord(key: string, count: KeyCount): boolean {
  return isWrittenNisba(key, count) || isWrittenWithPronoun(key, count);
}

/** The keys whose judgement above reads the count of `key` (to judge them again when that count changes). */
export function keysReading(key: string): string[] {
  const out: string[] = [];
  // A feminine: its masculine.
  if (key.startsWith('ال') && key.endsWith('يه')) out.push(key.slice(0, -1));
  // A country: its adjective (فرنسا -> الفرنسي; سوريا -> السوري).
  if (key.endsWith('ا') && !key.startsWith('ال') && key.length >= 3) {
    const b = key.slice(0, -1);
    out.push('ال' + b + 'ي');
    if (b.endsWith('ي')) out.push('ال' + b);
  }
  // Another person's suffix: the form with «ه».
  for (const s of OTHER_SUFFIXES) if (key.endsWith(s) && key.length > s.length + 2) out.push(key.slice(0, -s.length) + 'ه');
  return out;
}
