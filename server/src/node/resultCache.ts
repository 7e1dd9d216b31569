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
import { writeGeneratedFile } from './atomicWrite';

export const CACHE_DIR_NAME = '.corpus-lint-cache';
const CACHE_FILE = 'check-v1.bin';

export interface CachedCheck {
  key: string;
  findings: Record<string, Finding[]>;
  entries: Record<string, EntryInfo[]>;
  /** Baseline fingerprints of each file's findings, in order (so a cached run does not compute them again). */
  fingerprints?: Record<string, string[]>;
}

/** The cache key of a run: version, config, and every file (checked or context) with its content. */
export function cacheKey(version: string, config: unknown, files: { file: string; content: string | Uint8Array }[], checked: string[]): string {
  const h = createHash('sha256');
  h.update(version).update('\0').update(JSON.stringify(config)).update('\0');
  for (const f of [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    // The bytes as read (a plain check) or the texts (a shard or merge run): either changes with any edit.
    h.update(f.file).update(typeof f.content === 'string' ? '\0t' : '\0b').update(createHash('sha1').update(f.content).digest()).update('\0');
  }
  h.update(JSON.stringify([...checked].sort()));
  return h.digest('hex');
}

/** The cached results for `key`, or null (missing, stale or unreadable cache: never an error). */
export function readCachedCheck(dir: string, key: string): CachedCheck | null {
  try {
    const data = v8.deserialize(fs.readFileSync(path.join(dir, CACHE_FILE))) as CachedCheck;
    return data && data.key === key ? data : null;
  } catch {
    return null;
  }
}

/** Stores results atomically (temp file + rename); a failure to write only costs the next run's speed. */
export function writeCachedCheck(dir: string, data: CachedCheck): string | null {
  try {
    writeGeneratedFile(path.join(dir, CACHE_FILE), v8.serialize(data));
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}
