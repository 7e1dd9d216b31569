/**
 * Finding and reading corpus files for the CLI: expands folders with the config's include/exclude globs, decodes
 * UTF-8 strictly, and turns unreadable, binary or badly encoded files into skipped-file notes instead of crashes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import picomatch from 'picomatch';
import { BytesResult, DEFAULT_MAX_FILE_BYTES, readTextBytesSync, readTextFileSync } from '../node/readText';

export interface CorpusFile {
  /** Path as shown to the user: the given path joined with the file's path inside it. */
  display: string;
  absolute: string;
  text: string;
}

export interface SkippedFile {
  display: string;
  reason: string;
}

/** Files larger than this are skipped with a note (a corpus file is text, not a data dump). */
export const MAX_FILE_BYTES = DEFAULT_MAX_FILE_BYTES;

export class MissingPathError extends Error {}

export interface Discovery {
  root: string;
  include: string[];
  exclude: string[];
}

/** Expands the command-line paths into corpus files. Throws MissingPathError for a path that does not exist. */
export function discoverFiles(paths: string[], d: Discovery): { files: { display: string; absolute: string }[] } {
  const out = new Map<string, { display: string; absolute: string }>();
  // Without exclude globs nothing is matched (and no path is made relative to the root for it).
  const excluded = d.exclude.length ? picomatch(d.exclude, { dot: true }) : null;
  const relToRoot = (abs: string): string => path.relative(d.root, abs).split(path.sep).join('/');
  for (const given of paths) {
    const absolute = path.resolve(given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      throw new MissingPathError(`No such file or folder: ${given}`);
    }
    if (stat.isDirectory()) {
      const found = globSync(d.include, {
        cwd: absolute,
        ignore: ['**/node_modules/**', '**/.git/**'],
        dot: false,
        onlyFiles: true,
        followSymbolicLinks: false,
      }).sort();
      for (const rel of found) {
        const abs = path.join(absolute, rel);
        if (excluded?.(relToRoot(abs))) continue;
        const display = given === '.' ? rel : path.join(given, rel).split(path.sep).join('/');
        out.set(abs, { display, absolute: abs });
      }
    } else {
      // A file named explicitly is checked even when the globs would not pick it.
      out.set(absolute, { display: given, absolute });
    }
  }
  return { files: [...out.values()] };
}

/** Reads a file as UTF-8 text; returns a reason instead when it cannot be used (shared with the language server). */
export function readCorpusFile(absolute: string): { text: string } | { reason: string } {
  return readTextFileSync(absolute, { maxBytes: MAX_FILE_BYTES });
}

/** A corpus file's bytes, checked to be text but not decoded (see `readTextBytesSync`). */
export function readCorpusBytes(absolute: string): BytesResult {
  return readTextBytesSync(absolute, { maxBytes: MAX_FILE_BYTES });
}
