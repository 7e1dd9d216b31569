/**
 * Files' analyses in a compact form for moving them between threads. The numbers of a batch of files (line index,
 * classified lines, paragraphs, shingles, word summaries) go into one buffer, which a thread hands over without a copy;
 * only entries and suppressions (a few per file) stay objects. A structured clone of the plain models copied one object
 * per line and per paragraph and one buffer per array: on the receiving thread that cost about half as much as
 * analyzing the files again. Texts are not part of it.
 */
import type { FileModel, ParagraphModel, ParagraphRole } from './file';
import type { ClassifiedLine, LineKind } from './structure/lineKinds';
import type { CountColumn } from './names/words';

export interface PackedModels {
  /** Every array of every file, one after another, each aligned to 8 bytes. */
  data: ArrayBuffer;
  /** Per file, ARRAYS pairs (byte offset into `data`, element count; count -1: absent). */
  directory: Int32Array;
  /** Per file, what stays an object. */
  files: PackedFile[];
}

interface PackedFile {
  textLength: number;
  entries: FileModel['entries'];
  suppressions: FileModel['suppressions'];
  multiEntry: boolean;
  /** Bytes per value of the word counts and of the evidence (1, 2 or 4: see `CountColumn`). */
  countBytes: number;
  evidenceBytes: number;
}

const KINDS: LineKind[] = ['blank', 'noise', 'boilerplate', 'separator', 'link-intro', 'url', 'metadata', 'marker', 'content', 'post-header'];
const KIND_CODE = new Map(KINDS.map((k, i) => [k, i]));
const ROLES: ParagraphRole[] = ['title', 'body', 'preamble'];
const ROLE_CODE = new Map(ROLES.map((r, i) => [r, i]));
const LINE_FIELDS = 4;
const PARAGRAPH_FIELDS = 16;
/** The arrays of one file, in directory order. */
const ARRAYS = 9;
const [LINE_INDEX, LINES, PARAGRAPHS, HASHES, WORD_RANGES, IDS, COUNTS, EVIDENCE, MARKED] = [0, 1, 2, 3, 4, 5, 6, 7, 8];

type Numbers = Int32Array | Uint32Array | Uint16Array | Uint8Array;

/** Packs analyses (their texts are left out). */
export function packModels(models: FileModel[]): PackedModels {
  const arrays: (Numbers | undefined)[] = [];
  const files: PackedFile[] = [];
  for (const m of models) {
    arrays.push(lineIndexOf(m), linesOf(m), paragraphsOf(m), m.hashes, m.wordLines.ranges, m.words.ids, m.words.counts, m.words.evidence, m.words.marked);
    files.push({
      textLength: m.lineIndex.length,
      entries: m.entries,
      suppressions: m.suppressions,
      multiEntry: m.multiEntry,
      countBytes: m.words.counts.BYTES_PER_ELEMENT,
      evidenceBytes: m.words.evidence.BYTES_PER_ELEMENT,
    });
  }
  let bytes = 0;
  for (const a of arrays) if (a) bytes += align(a.byteLength);
  const data = new ArrayBuffer(bytes);
  const directory = new Int32Array(2 * arrays.length);
  let offset = 0;
  arrays.forEach((a, i) => {
    directory[2 * i] = offset;
    directory[2 * i + 1] = a ? a.length : -1;
    if (!a) return;
    new Uint8Array(data, offset, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    offset += align(a.byteLength);
  });
  return { data, directory, files };
}

/** The word ids of file i of the pack, a view of its buffer (to translate them in place). */
export function packedIds(p: PackedModels, i: number): Uint32Array {
  const k = 2 * (ARRAYS * i + IDS);
  return new Uint32Array(p.data, p.directory[k], p.directory[k + 1]);
}

/** File i of the pack, with its text; its arrays are views of the pack's buffer. */
export function unpackModel(p: PackedModels, i: number, text: string): FileModel {
  const f = p.files[i];
  const at = (k: number): [number, number] => [p.directory[2 * (ARRAYS * i + k)], p.directory[2 * (ARRAYS * i + k) + 1]];
  const int32 = (k: number): Int32Array => new Int32Array(p.data, ...at(k));
  const uint32 = (k: number): Uint32Array => new Uint32Array(p.data, ...at(k));
  const counts = (k: number, bytes: number): CountColumn =>
    bytes === 4 ? uint32(k) : bytes === 2 ? new Uint16Array(p.data, ...at(k)) : new Uint8Array(p.data, ...at(k));
  const marked = at(MARKED)[1] < 0 ? undefined : uint32(MARKED);
  return {
    text,
    ...unpackLines(int32(LINE_INDEX), int32(LINES), f.textLength),
    paragraphs: unpackParagraphs(int32(PARAGRAPHS)),
    hashes: uint32(HASHES),
    entries: f.entries,
    multiEntry: f.multiEntry,
    wordLines: { ranges: int32(WORD_RANGES) },
    words: { ids: uint32(IDS), counts: counts(COUNTS, f.countBytes), evidence: counts(EVIDENCE, f.evidenceBytes), marked },
    suppressions: f.suppressions,
  };
}

/** `bytes` rounded up to a multiple of 8: where each array of a pack starts (so any typed array can view it). */
export function align(bytes: number): number {
  return (bytes + 7) & ~7;
}

function lineIndexOf(m: FileModel): Int32Array {
  const n = m.lineIndex.starts.length;
  const out = new Int32Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[i] = m.lineIndex.starts[i];
    out[n + i] = m.lineIndex.ends[i];
  }
  return out;
}

function linesOf(m: FileModel): Int32Array {
  const out = new Int32Array(LINE_FIELDS * m.lines.length);
  m.lines.forEach((l, i) => {
    const at = LINE_FIELDS * i;
    out[at] = KIND_CODE.get(l.kind)!;
    out[at + 1] = l.start;
    out[at + 2] = l.end;
    out[at + 3] = l.words;
  });
  return out;
}

function paragraphsOf(m: FileModel): Int32Array {
  const out = new Int32Array(PARAGRAPH_FIELDS * m.paragraphs.length);
  m.paragraphs.forEach((p, i) => {
    const at = PARAGRAPH_FIELDS * i;
    out[at] = p.firstLine;
    out[at + 1] = p.lastLine;
    out[at + 2] = p.start;
    out[at + 3] = p.end;
    out[at + 4] = p.words;
    out[at + 5] = ROLE_CODE.get(p.role)!;
    out[at + 6] = p.entry;
    // The exact key has up to 53 bits: its low 32 bits, then the rest.
    out[at + 7] = p.exactKey % 4294967296 | 0;
    out[at + 8] = Math.floor(p.exactKey / 4294967296);
    out[at + 9] = p.shingleStart;
    out[at + 10] = p.shingleEnd;
    out[at + 11] = p.fingerprintStart;
    out[at + 12] = p.fingerprintEnd;
    out[at + 13] = p.compareStart;
    out[at + 14] = p.compareEnd;
    out[at + 15] = p.alone ? 1 : 0;
  });
  return out;
}

function unpackLines(index: Int32Array, packed: Int32Array, length: number): Pick<FileModel, 'lineIndex' | 'lines'> {
  const n = index.length / 2;
  const starts = new Array<number>(n);
  const ends = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    starts[i] = index[i];
    ends[i] = index[n + i];
  }
  const lines: ClassifiedLine[] = [];
  for (let at = 0; at < packed.length; at += LINE_FIELDS) {
    lines.push({ kind: KINDS[packed[at]], start: packed[at + 1], end: packed[at + 2], words: packed[at + 3] });
  }
  return { lineIndex: { starts, ends, length }, lines };
}

function unpackParagraphs(q: Int32Array): ParagraphModel[] {
  const out: ParagraphModel[] = [];
  for (let at = 0; at < q.length; at += PARAGRAPH_FIELDS) {
    out.push({
      firstLine: q[at],
      lastLine: q[at + 1],
      start: q[at + 2],
      end: q[at + 3],
      compareStart: q[at + 13],
      compareEnd: q[at + 14],
      words: q[at + 4],
      role: ROLES[q[at + 5]],
      alone: q[at + 15] === 1,
      entry: q[at + 6],
      exactKey: q[at + 8] * 4294967296 + (q[at + 7] >>> 0),
      shingleStart: q[at + 9],
      shingleEnd: q[at + 10],
      fingerprintStart: q[at + 11],
      fingerprintEnd: q[at + 12],
    });
  }
  return out;
}
