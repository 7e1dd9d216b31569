/**
 * Finding and reading corpus files for the CLI: expands folders with the config's include/exclude globs, decodes
 * UTF-8 strictly, and turns unreadable, binary or badly encoded files into skipped-file notes instead of crashes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import picomatch from 'picomatch';

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
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

export class MissingPathError extends Error {}

export interface Discovery {
  root: string;
  include: string[];
  exclude: string[];
}

/** Expands the command-line paths into corpus files. Throws MissingPathError for a path that does not exist. */
export function discoverFiles(paths: string[], d: Discovery): { files: { display: string; absolute: string }[] } {
  const out = new Map<string, { display: string; absolute: string }>();
  const excluded = picomatch(d.exclude.length ? d.exclude : ['\u0000'], { dot: true });
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
        if (excluded(relToRoot(abs))) continue;
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

/** Reads a file as UTF-8 text; returns a reason instead when it cannot be used. */
export function readCorpusFile(absolute: string): { text: string } | { reason: string } {
  let buf: Buffer;
  try {
    const size = fs.statSync(absolute).size;
    if (size > MAX_FILE_BYTES) return { reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    buf = fs.readFileSync(absolute);
  } catch (err) {
    return { reason: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
  if (looksBinary(buf)) return { reason: 'binary file (contains NUL bytes)' };
  try {
    let text = decoder.decode(buf);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    return { reason: `invalid UTF-8 at byte ${firstInvalidUtf8(buf)}` };
  }
}

function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

/** Byte offset of the first invalid UTF-8 sequence: decode leniently and find the first replacement character. */
function firstInvalidUtf8(buf: Buffer): number {
  const lenient = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  let i = lenient.indexOf('\ufffd');
  // A genuine U+FFFD in the file encodes as EF BF BD: skip those.
  while (i >= 0) {
    const at = Buffer.byteLength(lenient.slice(0, i), 'utf8');
    if (!(buf[at] === 0xef && buf[at + 1] === 0xbf && buf[at + 2] === 0xbd)) return at;
    i = lenient.indexOf('\ufffd', i + 1);
  }
  return 0;
}
