/**
 * One person written two ways by two house styles: دونالد ترامب / دونالد ترمب، بنيامين نتنياهو / بنيامين نتانياهو،
 * إيمانويل ماكرون / إمانويل ماكرون، فولوديمير زيلنسكي / فولوديمير زيلينسكي. The keys of name parts already fold
 * hamza, ى/ي, ة/ه and doubled long vowels; what is left is one long vowel written or not inside a transliterated
 * word, which the name index's variant classes also call a dropped vowel. Two people are one when one of their two
 * parts is equal, the other differs by exactly that (one medial ا، و or ي), and they share a role. Parts shorter than
 * four letters never merge (سعد / سعود، حمد / حامد are different names), a chain of fathers never does (محمد بن سلمان
 * and محمد بن سلطان differ in a consonant anyway, and two sons of one father share only the father), nor does a
 * person of the registry. A given name merges only where no third person bears the family name.
 */
import { normalizeForMatch } from '../text/normalize';
import { Pace, type Steps } from './steps';

export interface MergeCandidate {
  identity: string;
  given?: string;
  surname?: string;
  father?: string;
  full: number;
  roles: Map<string, number>;
  registry?: number;
}

const ALEF = 0x627;
const WAW = 0x648;
const YEH = 0x64a;

/** A part without its medial long vowels (ا، و، ي neither first nor last). */
function skeleton(key: string): string {
  let out = '';
  let from = 0;
  for (let i = 1; i < key.length - 1; i++) {
    const c = key.charCodeAt(i);
    if (c !== ALEF && c !== WAW && c !== YEH) continue;
    out += key.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? key : out + key.slice(from);
}

/** `longer` is `shorter` with one medial long vowel more, and `shorter` has four letters at least. */
export function oneVowelApart(a: string, b: string): boolean {
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  if (shorter.length < 4 || longer.length !== shorter.length + 1 || shorter.includes(' ') || longer.includes(' ')) return false;
  for (let i = 1; i < longer.length - 1; i++) {
    if ('اوي'.includes(longer[i]) && longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
  }
  return false;
}

/** Roles compared as written by either style (الأمريكي / الأميركي). */
function roleKeys(roles: Map<string, number>): Set<string> {
  return new Set([...roles.keys()].map((r) => skeleton(normalizeForMatch(r)).replace(/\s+/g, ' ')));
}

/**
 * The pairs to merge, as [minor, major] (the major has more full mentions). Each person appears as a minor once at
 * most, and a major is never itself merged away, so moving the minors' mentions in order is enough. In steps (`pace`):
 * the people of 10,000 files took 30 ms in one piece.
 */
export function* spellingVariantPairsSteps<T extends MergeCandidate>(people: Iterable<T>, pace: Pace): Steps<[T, T][]> {
  const buckets = new Map<string, T[]>();
  const surnameCount = new Map<string, number>();
  for (const p of people) {
    if (pace.tick()) yield;
    if (p.surname) surnameCount.set(p.surname, (surnameCount.get(p.surname) ?? 0) + 1);
    if (!p.given || !p.surname || p.father || p.registry !== undefined || !p.full) continue;
    const k = `${skeleton(p.given)} ${skeleton(p.surname)}`;
    let b = buckets.get(k);
    if (!b) buckets.set(k, (b = []));
    b.push(p);
  }
  const pairs: [T, T][] = [];
  const merged = new Set<T>();
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    if (pace.tick(bucket.length)) yield;
    bucket.sort((a, b) => b.full - a.full || (a.identity < b.identity ? -1 : 1));
    for (let i = 0; i < bucket.length; i++) {
      const major = bucket[i];
      if (merged.has(major)) continue;
      const roles = roleKeys(major.roles);
      for (let j = i + 1; j < bucket.length; j++) {
        const minor = bucket[j];
        if (merged.has(minor)) continue;
        const sameGiven = minor.given === major.given;
        const sameSurname = minor.surname === major.surname;
        const variant = sameGiven ? oneVowelApart(minor.surname!, major.surname!) : sameSurname && oneVowelApart(minor.given!, major.given!);
        if (!variant) continue;
        if (!sameGiven && (surnameCount.get(major.surname!) ?? 0) > 2) continue;
        if (![...roleKeys(minor.roles)].some((r) => roles.has(r))) continue;
        pairs.push([minor, major]);
        merged.add(minor);
        merged.add(major);
      }
    }
  }
  return pairs;
}
