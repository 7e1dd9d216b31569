/**
 * How a file's text changed since an index was built, as one replaced span between a common prefix and a common
 * suffix: enough to carry the index's offsets over to the new text (a mention before or after the edit moves with
 * its text; one inside the edited span is gone). An editor's change is one such span; several edits between two
 * builds merge into the span that covers them all.
 */
import type { FileModel } from '../file';
import { offsetAt, positionAt, rangeOf } from '../text/lines';
import type { Position, Range } from '../types';

export interface TextChange {
  /** Length of the common prefix. */
  prefix: number;
  /** Where the common suffix starts, in the old and in the new text. */
  oldEnd: number;
  newEnd: number;
  then: FileModel;
  now: FileModel;
}

/** The replaced span between two versions of a text. */
export function textChange(then: FileModel, now: FileModel): TextChange {
  const a = then.text;
  const b = now.text;
  const n = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < n && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < n - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, oldEnd: a.length - suffix, newEnd: b.length - suffix, then, now };
}

/** The new offset of an old span [start, end), or null when the edit touched it. */
export function spanToNew(c: TextChange, start: number, end: number): { start: number; end: number } | null {
  if (end <= c.prefix) return { start, end };
  if (start >= c.oldEnd) return { start: start + c.newEnd - c.oldEnd, end: end + c.newEnd - c.oldEnd };
  return null;
}

/** The old offset of a new one, or -1 inside the edited span. */
export function offsetToOld(c: TextChange, offset: number): number {
  if (offset <= c.prefix) return offset;
  if (offset >= c.newEnd) return offset - (c.newEnd - c.oldEnd);
  return -1;
}

/** An old range in the new text, or null when the edit touched it. */
export function rangeToNew(c: TextChange, range: Range): Range | null {
  const span = spanToNew(c, offsetAt(c.then.lineIndex, range.start), offsetAt(c.then.lineIndex, range.end));
  return span && rangeOf(c.now.lineIndex, span.start, span.end);
}

/** The index of the entry of a model whose lines hold a position, or -1. */
export function entryAt(model: FileModel, pos: Position): number {
  const entries = model.entries;
  for (let k = 0; k < entries.length; k++) {
    const r = entries[k].range;
    if (r.start.line <= pos.line && pos.line <= r.end.line) return k;
  }
  return -1;
}

/** The old entry an entry of the new text was (found by its headline), or -1 when the edit touched its headline. */
export function entryToOld(c: TextChange, entry: number): number {
  const info = c.now.entries[entry];
  if (!info) return -1;
  const old = offsetToOld(c, offsetAt(c.now.lineIndex, info.titleRange.start));
  return old < 0 ? -1 : entryAt(c.then, positionAt(c.then.lineIndex, old));
}

/** The new entry an old one became (found by its headline), or -1. */
export function entryToNew(c: TextChange, entry: number): number {
  const info = c.then.entries[entry];
  if (!info) return -1;
  const start = offsetAt(c.then.lineIndex, info.titleRange.start);
  const span = spanToNew(c, start, start);
  return span ? entryAt(c.now, positionAt(c.now.lineIndex, span.start)) : -1;
}
