/** Assertions on lists of names (people, places): which are found and which are not, with the whole list on failure. */
import * as assert from 'node:assert';

/** Every wanted name is in the list. */
export function assertIncludes(list: string[], wanted: string[]): void {
  const missing = wanted.filter((w) => !list.includes(w));
  assert.deepStrictEqual(missing, [], `missing ${missing.join(', ')} from ${list.join(', ')}`);
}

/** No unwanted name is in the list. */
export function assertExcludes(list: string[], unwanted: string[]): void {
  const present = unwanted.filter((w) => list.includes(w));
  assert.deepStrictEqual(present, [], `${present.join(', ')} found in ${list.join(', ')}`);
}

/** No name in the list has one of these words among its words (no «لو كنت», no «جاء الهلال»). */
export function assertNoneHolds(list: string[], words: string[]): void {
  const holding = list.filter((name) => name.split(' ').some((w) => words.includes(w)));
  assert.deepStrictEqual(holding, [], `${holding.join(', ')} hold one of ${words.join(', ')}`);
}
