/**
 * Loading the files that accept findings (shared by the CLI and the language server): the ignore file at the corpus
 * root and a baseline file. Matching itself is pure and lives in the core (`core/ignoreFile.ts`, `core/baseline.ts`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Baseline, BaselineIndex, indexBaseline, parseBaseline } from '../core/baseline';
import { IGNORE_FILE_NAME, IgnoreRule, parseIgnoreFile } from '../core/ignoreFile';

export class AcceptedFileError extends Error {}

export interface LoadedIgnoreFile {
  /** Absolute path of the ignore file; its globs are relative to its folder. */
  file: string;
  rules: IgnoreRule[];
}

export interface LoadedBaseline {
  /** Absolute path of the baseline file; its paths are relative to its folder. */
  file: string;
  baseline: Baseline;
  index: BaselineIndex;
}

/** The ignore file of a corpus root, or null when there is none. Throws AcceptedFileError for a bad line. */
export function loadIgnoreFile(root: string): LoadedIgnoreFile | null {
  const file = path.join(root, IGNORE_FILE_NAME);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AcceptedFileError(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const { rules, errors } = parseIgnoreFile(text);
  if (errors.length) throw new AcceptedFileError(errors.map((e) => `${file}:${e.line + 1}: ${e.message}`).join('\n'));
  return { file, rules };
}

/** Reads and parses a baseline file. Throws AcceptedFileError when it is missing or invalid. */
export function loadBaselineFile(file: string): LoadedBaseline {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AcceptedFileError(`${file}: ${code === 'ENOENT' ? 'baseline file not found (write one with `corpus-lint baseline`)' : `cannot be read (${code})`}`);
  }
  const { baseline, errors } = parseBaseline(text);
  if (!baseline) throw new AcceptedFileError(`${file}: invalid baseline: ${errors.join('; ')}`);
  return { file: absolute, baseline, index: indexBaseline(baseline) };
}

/** A file's key in an ignore or baseline file: its path relative to that file's folder, `/`-separated. */
export function relativeKey(acceptingFile: string, absolute: string): string {
  return path.relative(path.dirname(acceptingFile), absolute).split(path.sep).join('/');
}
