/**
 * The roles a person is shown with (hover, `entities`, the starter registry). A role is the title and its modifiers
 * written before a name, as written. Two rules keep the list true to one person:
 * - a title in the dual (بين الرئيسين الروسي فلاديمير بوتين والأمريكي …، لقاء الرئيسين الأسد وبوتين) names two people:
 *   it is no role of either, though the names after it are still found;
 * - spellings of one role that differ only in what matching folds (ى/ي، ة/ه، hamza: «الرئيس الفرنسى» beside «الرئيس
 *   الفرنسي», an Egyptian house style) are one role, shown in its most frequent spelling.
 */
import { normalizeForMatch } from '../text/normalize';
import { titleOf } from './titles';

/** A title (normalized, without its proclitic) in the dual or plural of another title: الرئيسين، الرئيسان. */
export function isTitleOfMany(title: string): boolean {
  const m = /^(..+)(?:ين|ان)$/.exec(title);
  return m !== null && titleOf(m[1]) !== null;
}

/**
 * The roles of a person, most frequent first: spellings that normalize alike are counted together and shown in their
 * most frequent spelling (ties: the first in code-point order, so the list does not depend on the corpus's file order).
 */
export function rolesByFrequency(seen: ReadonlyMap<string, number>): string[] {
  const byKey = new Map<string, { total: number; best: string; bestCount: number }>();
  for (const [role, n] of seen) {
    const key = normalizeForMatch(role);
    const g = byKey.get(key);
    if (!g) byKey.set(key, { total: n, best: role, bestCount: n });
    else {
      g.total += n;
      if (n > g.bestCount || (n === g.bestCount && role < g.best)) [g.best, g.bestCount] = [role, n];
    }
  }
  return [...byKey.values()].sort((a, b) => b.total - a.total || (a.best < b.best ? -1 : 1)).map((g) => g.best);
}

/** The registry's roles first, then those the corpus adds (a spelling of a declared role is that role). */
export function mergeRoles(declared: string[] | undefined, seen: string[]): string[] {
  if (!declared?.length) return seen;
  const known = new Set(declared.map(normalizeForMatch));
  return [...declared, ...seen.filter((r) => !known.has(normalizeForMatch(r)))];
}
