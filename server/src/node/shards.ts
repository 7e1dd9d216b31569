/**
 * Sharded checks for CI: `check --shard i/n --shard-dir DIR` analyzes every n-th file (the per-file work) and writes
 * the analyses to DIR; `check --merge-shards DIR` reads them all back instead of analyzing, and builds the cross-file
 * indexes and findings exactly as one run would. Shards are plain v8-serialized data, tied to the tool's version.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { analyzeFile, FileModel } from '../core/file';
import { writeGeneratedFile } from './atomicWrite';

interface ShardFile {
  version: string;
  index: number;
  count: number;
  files: { file: string; analysis: FileModel }[];
}

export class ShardError extends Error {}

/** The files of shard `index` of `count`: every count-th file in path order. */
export function shareOf<T extends { file: string }>(files: T[], index: number, count: number): T[] {
  return [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).filter((_, k) => k % count === index - 1);
}

/** Analyzes a share of the files and writes it; returns the shard file's path. */
export function writeShard(dir: string, version: string, index: number, count: number, files: { file: string; text: string }[]): string {
  const data: ShardFile = { version, index, count, files: files.map((f) => ({ file: f.file, analysis: analyzeFile(f.text) })) };
  const target = path.join(dir, `shard-${index}-of-${count}.bin`);
  writeGeneratedFile(target, v8.serialize(data));
  return target;
}

/** Reads every shard of DIR; throws ShardError when one is missing, unreadable, or from another version or split. */
export function readShards(dir: string, version: string): Map<string, FileModel> {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => /^shard-\d+-of-\d+\.bin$/.test(n));
  } catch {
    throw new ShardError(`no shard folder ${dir}`);
  }
  if (!names.length) throw new ShardError(`no shards in ${dir}`);
  const out = new Map<string, FileModel>();
  const seen = new Set<number>();
  let count = -1;
  for (const name of names) {
    let data: ShardFile;
    try {
      data = v8.deserialize(fs.readFileSync(path.join(dir, name))) as ShardFile;
    } catch (err) {
      throw new ShardError(`${name}: unreadable shard (${(err as Error).message})`);
    }
    if (data.version !== version) throw new ShardError(`${name} was written by corpus-lint ${data.version}, not ${version}`);
    if (count >= 0 && data.count !== count) throw new ShardError(`${name} belongs to a split into ${data.count}, others to ${count}`);
    count = data.count;
    seen.add(data.index);
    for (const f of data.files) out.set(f.file, f.analysis);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((k) => !seen.has(k));
  if (missing.length) throw new ShardError(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${count}`).join(', ')} in ${dir}`);
  return out;
}
