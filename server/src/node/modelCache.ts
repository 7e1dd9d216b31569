/**
 * The cache of per-file analyses, of the CLI (beside its result cache) and of the language server (lsp/analysisCache):
 * when the corpus changed since the last run that stored them, the files whose content did not change are not analyzed
 * again. Their analyses are read back (packed as the worker threads hand them over, see core/packedModel, with the
 * spellings their word ids stand for), and only the cross-file work (duplicates, name decisions, findings) runs over
 * the whole corpus, so the findings are those of a cold run. A file is reused only under the same build
 * (`CACHE_VERSION`) and the same content digest (a SHA-1 of the bytes for the CLI, of the text for the server);
 * analyses depend on nothing else (no option of the config reaches `analyzeFile`). A missing, stale or unreadable
 * cache is no error: every file is analyzed, as without it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { Corpus } from '../core/corpus';
import type { FileModel } from '../core/file';
import { align, packedIds, packModels, PackedModels, unpackModel } from '../core/packedModel';
import { runToEnd, Steps } from '../core/steps';
import { writeGeneratedFile } from './atomicWrite';
import { makeCacheFolder } from './resultCache';

/**
 * The file: segments of up to SEGMENT_FILES files, one after another. A segment is the byte length of its header (4
 * bytes, little-endian), the header (v8-serialized, then zeros to a multiple of 8 bytes), then its pack's buffer as it
 * is. The buffer is neither copied into a serialization when written nor out of one when read: the models are views of
 * the file's bytes. Segments are packed, written and read one at a time, so a host that must keep answering (the
 * language server) stores and reads a large cache in steps of a few milliseconds.
 */
const MODELS_FILE = 'models-v2.bin';
/** Files per segment: packing 256 analyses takes some 3 ms (10,000 files: 120 ms in one piece). */
const SEGMENT_FILES = 256;

interface Segment {
  version: string;
  /** Per file, in pack order: its path as the run names it (the server: its URI), and the digest of its content. */
  files: string[];
  digests: string[];
  packed: PackedModels;
  /** The spellings met first in this segment: their ids follow those of the segments before. */
  spellings: string[];
}

/** What a segment's header holds: everything but the pack's buffer. */
type SegmentHeader = Omit<Segment, 'packed'> & { packed: Omit<PackedModels, 'data'>; dataBytes: number; dataSum: number };

/** Analyses kept by an earlier run: `take` hands one over when the file's content is the same. */
export class ModelCache {
  /** Per stored file: its segment and its place in it. */
  private readonly index = new Map<string, { segment: Segment; at: number }>();
  /** The spellings the stored word ids stand for (id i: `spellings[i]`). */
  private readonly spellings: string[] = [];
  /** The stored ids mapped to the caller's, made on the first file taken. */
  private translate: Uint32Array | null = null;

  private constructor(segments: Segment[]) {
    for (const segment of segments) {
      segment.files.forEach((f, at) => this.index.set(f, { segment, at }));
      for (const s of segment.spellings) this.spellings.push(s);
    }
    this.size = this.index.size;
  }

  /** The number of files stored. */
  readonly size: number;

  /** The cache in `dir` written by this `version`, or null (missing, another version, unreadable: never an error). */
  static read(dir: string, version: string): ModelCache | null {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(modelsFile(dir));
    } catch {
      return null;
    }
    return runToEnd(ModelCache.parseSteps(bytes, version));
  }

  /**
   * The cache held in `bytes` (a models file's, read on its own), checked one segment per step; null when it is not
   * one written by this `version`, or any byte of it changed.
   */
  static *parseSteps(bytes: Buffer, version: string): Steps<ModelCache | null> {
    const segments: Segment[] = [];
    try {
      for (let at = 0; at < bytes.length; ) {
        const segment = decodeSegment(bytes, at);
        if (segment.version !== version) return null;
        segments.push(segment);
        at = segment.end;
        yield;
      }
    } catch {
      return null;
    }
    return new ModelCache(segments);
  }

  /**
   * The stored analysis of `file` when its bytes had `digest` and its text is as long as then, its word ids those
   * `intern` gives the stored spellings (the caller's table); undefined otherwise. Each file is taken at most once.
   */
  take(file: string, digest: string, text: string, intern: (spellings: string[]) => Uint32Array): FileModel | undefined {
    const stored = this.index.get(file);
    if (stored === undefined) return undefined;
    this.index.delete(file);
    const { segment, at } = stored;
    try {
      if (segment.digests[at] !== digest || segment.packed.files[at].textLength !== text.length) return undefined;
      const model = unpackModel(segment.packed, at, text);
      this.translate ??= intern(this.spellings);
      const ids = model.words.ids;
      for (let k = 0; k < ids.length; k++) {
        // A stored id outside the stored spellings means a damaged cache: the file is analyzed instead.
        if (ids[k] >= this.translate.length) return undefined;
        ids[k] = this.translate[ids[k]];
      }
      return model;
    } catch {
      return undefined; // a damaged cache (an entry that is no file's, arrays outside the pack's buffer)
    }
  }
}

/** Where the analyses are kept in a cache folder. */
export function modelsFile(dir: string): string {
  return path.join(dir, MODELS_FILE);
}

/** An analysis to store: the file's path as the run names it, the digest of its content, its model. */
export interface StoredAnalysis {
  file: string;
  digest: string;
  model: FileModel;
}

/**
 * The bytes of a models file holding `files` (their word ids are those `spelling` names), made one segment per step.
 * Only the spellings the analyses use are stored, renumbered in the order they are met, so spellings of removed or
 * changed text do not pile up from run to run.
 */
export function* modelCacheSteps(version: string, files: StoredAnalysis[], spelling: (id: number) => string, spellingCount: number): Steps<Uint8Array[]> {
  const renumbered = new Int32Array(spellingCount).fill(-1);
  let numbered = 0;
  const pieces: Uint8Array[] = [];
  for (let first = 0; first < files.length; first += SEGMENT_FILES) {
    const part = files.slice(first, first + SEGMENT_FILES);
    const packed = packModels(part.map((f) => f.model));
    // Renumbered in the pack itself, in the order the ids are met.
    const spellings: string[] = [];
    for (let i = 0; i < part.length; i++) {
      const ids = packedIds(packed, i);
      for (let k = 0; k < ids.length; k++) {
        if (renumbered[ids[k]] < 0) {
          renumbered[ids[k]] = numbered++;
          spellings.push(spelling(ids[k]));
        }
        ids[k] = renumbered[ids[k]];
      }
    }
    pieces.push(...encodeSegment({ version, files: part.map((f) => f.file), digests: part.map((f) => f.digest), packed, spellings }));
    yield;
  }
  return pieces;
}

/**
 * Stores the analyses of a run (their word ids are those `spelling` names); a failure to write is returned as a
 * message and only costs the next run's speed.
 */
export function writeModelCache(dir: string, version: string, files: StoredAnalysis[], spelling: (id: number) => string, spellingCount: number): string | null {
  try {
    const pieces = runToEnd(modelCacheSteps(version, files, spelling, spellingCount));
    makeCacheFolder(dir);
    writeGeneratedFile(modelsFile(dir), pieces);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * Stores the analyses of `files` that `corpus` holds, each under its digest, when `worthRewriting` says the cache
 * needs it (`reused` and `stored`: what `reuseAnalyses` returned); a failure to write is returned as a message.
 */
export function storeAnalyses(
  dir: string,
  version: string,
  corpus: Corpus,
  digests: Map<string, string>,
  files: { file: string }[],
  { reused, stored }: { reused: number; stored: number },
): string | null {
  if (!worthRewriting(reused, stored, files.length)) return null;
  const analyses = files.flatMap(({ file }) => {
    const model = corpus.model(file);
    const digest = digests.get(file);
    return model && digest ? [{ file, digest, model }] : [];
  });
  return writeModelCache(dir, version, analyses, (id) => corpus.spelling(id), corpus.spellingCount());
}

/**
 * Gives the files whose bytes the cache in `dir` stored (`digests`: each file's digest) their stored analyses, their
 * word ids those of `intern`'s table; files that have an analysis already are left alone. Returns how many files it
 * gave one, and how many the cache held (0 without a usable cache).
 */
export function reuseAnalyses(
  dir: string,
  version: string,
  digests: Map<string, string>,
  files: { file: string; text: string; analysis?: FileModel }[],
  intern: (spellings: string[]) => Uint32Array,
): { reused: number; stored: number } {
  const cache = ModelCache.read(dir, version);
  if (!cache) return { reused: 0, stored: 0 };
  let reused = 0;
  for (const f of files) {
    const digest = digests.get(f.file);
    if (f.analysis || digest === undefined) continue;
    f.analysis = cache.take(f.file, digest, f.text, intern);
    if (f.analysis) reused++;
  }
  return { reused, stored: cache.size };
}

/** A segment's pieces: the header's length, the header with its padding, the pack's buffer (not copied). */
function encodeSegment(segment: Segment): Uint8Array[] {
  const { data, ...packed } = segment.packed;
  const header: SegmentHeader = { ...segment, packed, dataBytes: data.byteLength, dataSum: checksum(data, 0, data.byteLength) };
  const body = v8.serialize(header);
  const head = Buffer.alloc(align(4 + body.length));
  head.writeUInt32LE(body.length, 0);
  body.copy(head, 4);
  return [head, new Uint8Array(data)];
}

/** The segment at byte `start` of a models file's bytes, and where it ends; throws on bytes that are not one. */
function decodeSegment(file: Buffer, start: number): Segment & { end: number } {
  const length = file.readUInt32LE(start);
  const header = v8.deserialize(file.subarray(start + 4, start + 4 + length)) as SegmentHeader;
  const dataStart = start + align(4 + length);
  const end = dataStart + header?.dataBytes;
  const sound =
    header?.dataBytes >= 0 &&
    end <= file.length &&
    Array.isArray(header.files) &&
    Array.isArray(header.digests) &&
    Array.isArray(header.spellings) &&
    header.files.length === header.digests.length &&
    header.packed?.files?.length === header.files.length &&
    header.packed.directory instanceof Int32Array;
  if (!sound) throw new Error('not a models cache');
  // The pack's arrays are read in place when the bytes lie at a multiple of 8 in their buffer (they do in a file
  // read on its own), else from a copy.
  const at = file.byteOffset + dataStart;
  const data = at % 8 === 0 ? file.buffer : file.buffer.slice(at, at + header.dataBytes);
  const base = data === file.buffer ? at : 0;
  // Bytes changed on disk since (a bad sector, a hand edit) would make garbage analyses: such a cache is not used.
  if (checksum(data, base, header.dataBytes) !== header.dataSum) throw new Error('a damaged models cache');
  const directory = header.packed.directory;
  if (base) for (let k = 0; k < directory.length; k += 2) if (directory[k + 1] >= 0) directory[k] += base;
  const { dataBytes: _bytes, dataSum: _sum, ...rest } = header;
  return { ...rest, packed: { ...header.packed, data: data as ArrayBuffer, directory }, end };
}

/** A 32-bit checksum of `bytes` bytes (a multiple of 4) of `data` from `offset` (a multiple of 4). */
function checksum(data: ArrayBufferLike, offset: number, bytes: number): number {
  const words = new Int32Array(data, offset, bytes >> 2);
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < words.length; k++) h = Math.imul(h ^ words[k], 0x01000193);
  return h;
}

/**
 * Whether a run writes the analyses again: when no cache was read, or when more than a twentieth of the files were
 * not answered from it (changed or new) or it holds that many that were not used (changed or removed). Below that,
 * the few files edited since are analyzed again at each run, which costs less than writing every analysis again.
 */
export function worthRewriting(reused: number, stored: number, files: number): boolean {
  if (stored === 0) return files > 0;
  return (files - reused) * 20 > files || (stored - reused) * 20 > files;
}
