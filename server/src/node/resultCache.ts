/**
 * The CLI's result cache: when the tool version, the config and every checked file's content are unchanged since the
 * last run, the findings and entries are read back instead of analyzing the corpus again. The key covers the whole
 * corpus because findings are cross-file (a duplicate in one file changes another file's findings).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { EntryInfo, Finding } from '../core/types';
import { makeFolders, writeGeneratedFile } from './atomicWrite';

export const CACHE_DIR_NAME = '.corpus-lint-cache';
/** The key (64 hexadecimal characters) first, then the results: a stale cache is told by its first bytes alone. */
const CACHE_FILE = 'check-v2.bin';
const KEY_BYTES = 64;

export interface CachedCheck {
  key: string;
  findings: Record<string, Finding[]>;
  entries: Record<string, EntryInfo[]>;
  /** Baseline fingerprints of each file's findings, in order (so a cached run does not compute them again). */
  fingerprints?: Record<string, string[]>;
}

/** The cache key of a run: version, config, and every file (checked or context) with its content's digest. */
export function cacheKey(version: string, config: unknown, files: { file: string; digest: string }[], checked: string[]): string {
  const h = createHash('sha256');
  h.update(version).update('\0').update(JSON.stringify(config)).update('\0');
  for (const f of [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    h.update(f.file).update('\0').update(f.digest).update('\0');
  }
  h.update(JSON.stringify([...checked].sort()));
  return h.digest('hex');
}

/**
 * Makes the cache's folder when it is missing; a folder the cache made for itself keeps itself out of version control
 * (a `.gitignore` of `*`), a folder the user named that was there before gets nothing but the cache. Throws as
 * `makeFolders` does.
 */
export function makeCacheFolder(dir: string): void {
  if (fs.existsSync(dir)) return;
  makeFolders(dir);
  fs.writeFileSync(path.join(dir, '.gitignore'), '# corpus-lint cache: never committed\n*\n');
}

/** The cached results for `key`, or null (missing, stale or unreadable cache: never an error). */
export function readCachedCheck(dir: string, key: string): CachedCheck | null {
  const file = path.join(dir, CACHE_FILE);
  try {
    // Reading and decoding the whole of a stale cache took 140 ms of a check of 10,000 files that changed.
    if (keyOf(file) !== key) return null;
    const data = v8.deserialize(fs.readFileSync(file).subarray(KEY_BYTES)) as CachedCheck;
    return data && data.key === key ? data : null;
  } catch {
    return null;
  }
}

/** The key a results file begins with. */
function keyOf(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(KEY_BYTES);
    return head.toString('latin1', 0, fs.readSync(fd, head, 0, KEY_BYTES, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** Stores results atomically (temp file + rename); a failure to write only costs the next run's speed. */
export function writeCachedCheck(dir: string, data: CachedCheck): string | null {
  try {
    if (data.key.length !== KEY_BYTES) throw new Error(`a cache key of ${data.key.length} characters`);
    makeCacheFolder(dir);
    writeGeneratedFile(path.join(dir, CACHE_FILE), [Buffer.from(data.key, 'latin1'), v8.serialize(data)]);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}
