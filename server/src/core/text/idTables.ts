/** Tables indexed by interned spelling ids (see `intern.ts`). */

/**
 * `table`, grown to hold index `id` (holes filled with undefined, at least doubling): a JS array written at scattered
 * large indexes turns into a slow dictionary.
 */
export function growTo<T>(table: (T | undefined)[], id: number): (T | undefined)[] {
  if (id >= table.length) for (let n = Math.max(id + 1, 2 * table.length, 1024); table.length < n; ) table.push(undefined);
  return table;
}
