/** Writing large outputs in pieces: no command builds its whole output as one string. */
import type { Io } from './main';

/** Characters gathered before a write (about 64 KB of UTF-8 for Arabic text). */
const WRITE_CHARS = 1 << 15;

/** Writes pieces of output gathered into writes of about 64 KB. */
export function writeChunks(io: Io, chunks: Iterable<string>): void {
  let pending: string[] = [];
  let length = 0;
  for (const c of chunks) {
    pending.push(c);
    length += c.length;
    if (length >= WRITE_CHARS) {
      io.stdout(pending.join(''));
      pending = [];
      length = 0;
    }
  }
  if (length) io.stdout(pending.join(''));
}

/**
 * An array's items as `JSON.stringify(array, null, 2)` writes them at `depth` levels of nesting, one item at a time:
 * each item is stringified on its own and indented (a JSON text holds no raw line break inside a string, so
 * indenting every line is exact).
 */
export function* prettyJsonArray(items: Iterable<unknown>, depth: number): Generator<string> {
  const inner = '\n' + '  '.repeat(depth + 1);
  let first = true;
  for (const item of items) {
    yield (first ? '[' : ',') + inner + JSON.stringify(item, null, 2).replace(/\n/g, inner);
    first = false;
  }
  yield first ? '[]' : '\n' + '  '.repeat(depth) + ']';
}
