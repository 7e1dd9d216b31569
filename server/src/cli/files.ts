/**
 * Finding and reading corpus files for the CLI: expands folders with the config's include/exclude globs, decodes
 * UTF-8 strictly, and turns unreadable, binary or badly encoded files, links, pipes and unlistable folders into
 * skipped-file notes instead of crashes or silence.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { errorWords, globCorpusSync } from '../node/corpusGlob';
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

/** A path given on the command line that does not exist or cannot be used (exit 2). */
export class MissingPathError extends Error {}

export interface Discovery {
  root: string;
  include: string[];
  exclude: string[];
}

/** A path found in a folder that is not read, with the reason (a link, a pipe, a folder that cannot be listed). */
export interface SkippedEntry extends SkippedFile {
  absolute: string;
}

export interface Discovered {
  files: { display: string; absolute: string }[];
  /** What the walk met and does not read, in path order: reported as skipped, never dropped in silence. */
  skipped: SkippedEntry[];
}

/**
 * Expands the command-line paths into corpus files. Throws MissingPathError for a path that does not exist or
 * cannot be used. Symbolic links inside a folder are not followed (a path named on the command line is).
 */
export function discoverFiles(paths: string[], d: Discovery): Discovered {
  const out = new Map<string, { display: string; absolute: string }>();
  const skipped = new Map<string, SkippedEntry>();
  // Without exclude globs nothing is matched (and no path is made relative to the root for it).
  const excluded = d.exclude.length ? picomatch(d.exclude, { dot: true }) : null;
  const relToRoot = (abs: string): string => path.relative(d.root, abs).split(path.sep).join('/');
  for (const given of paths) {
    const absolute = path.resolve(given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new MissingPathError(`No such file or folder: ${given}`);
      throw new MissingPathError(`${given}: cannot be accessed: ${errorWords(err as NodeJS.ErrnoException)}`);
    }
    if (stat.isDirectory()) {
      const displayOf = (rel: string) => (given === '.' ? rel : path.join(given, rel).split(path.sep).join('/'));
      const found = globCorpusSync(absolute, d.include);
      for (const rel of found.files.sort()) {
        const abs = path.join(absolute, rel);
        if (excluded?.(relToRoot(abs))) continue;
        out.set(abs, { display: displayOf(rel), absolute: abs });
      }
      for (const u of found.unusable) {
        // The folder named on the command line itself cannot be listed: that path cannot be used at all.
        if (u.rel === '') throw new MissingPathError(`${given}: ${u.reason}`);
        if (excluded?.(relToRoot(u.absolute))) continue;
        skipped.set(u.absolute, { display: displayOf(u.rel), absolute: u.absolute, reason: u.reason });
      }
    } else {
      // A file named explicitly is checked even when the globs would not pick it.
      out.set(absolute, { display: given, absolute });
    }
  }
  // A link named on the command line is read through: the walk that met it does not report it too.
  return { files: [...out.values()], skipped: [...skipped.values()].filter((s) => !out.has(s.absolute)) };
}

/** Reads a file as UTF-8 text; returns a reason instead when it cannot be used (shared with the language server). */
export function readCorpusFile(absolute: string): { text: string } | { reason: string } {
  return readTextFileSync(absolute, { maxBytes: MAX_FILE_BYTES });
}

/** A corpus file's bytes, checked to be text but not decoded (see `readTextBytesSync`). */
export function readCorpusBytes(absolute: string): BytesResult {
  return readTextBytesSync(absolute, { maxBytes: MAX_FILE_BYTES });
}
