/**
 * Loading the files that accept findings (shared by the CLI and the language server): the ignore file at the corpus
 * root and a baseline file. Matching itself is pure and lives in the core (`core/ignoreFile.ts`, `core/baseline.ts`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Baseline, BaselineIndex, indexBaseline, parseBaseline } from '../core/baseline';
import { IGNORE_FILE_NAME, IgnoreFileError, IgnoreRule, parseIgnoreFile } from '../core/ignoreFile';
import { readSettingsText } from './readText';

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

/** An ignore file as read, with the problems of its lines (0-based); null text when it cannot be read. */
export interface ReadIgnoreFile {
  file: string;
  text: string | null;
  rules: IgnoreRule[];
  errors: IgnoreFileError[];
}

/** The ignore file of a corpus root, or null when there is none. Never throws: problems come back as errors. */
export function readIgnoreFile(root: string): ReadIgnoreFile | null {
  const file = path.join(root, IGNORE_FILE_NAME);
  let text: string;
  try {
    text = readSettingsText(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { file, text: null, rules: [], errors: [{ line: 0, message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }] };
  }
  return { file, text, ...parseIgnoreFile(text) };
}

/** The ignore file of a corpus root, or null when there is none. Throws AcceptedFileError for a bad line. */
export function loadIgnoreFile(root: string): LoadedIgnoreFile | null {
  const read = readIgnoreFile(root);
  if (!read) return null;
  const { file, text, rules, errors } = read;
  if (text === null) throw new AcceptedFileError(`${file}: ${errors[0].message}`);
  if (errors.length) throw new AcceptedFileError(errors.map((e) => `${file}:${e.line + 1}: ${e.message}`).join('\n'));
  return { file, rules };
}

/** A baseline file as read: the baseline, or why there is none (`missing`: no such file). Never throws. */
export type ReadBaselineFile =
  | { file: string; text: string; baseline: Baseline; index: BaselineIndex }
  | { file: string; text: string | null; baseline: null; problem: 'missing' | 'unreadable' | 'invalid'; message: string; errors: string[] };

export function readBaselineFile(file: string): ReadBaselineFile {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = readSettingsText(absolute);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? { file: absolute, text: null, baseline: null, problem: 'missing', message: 'baseline file not found (write one with `corpus-lint baseline`)', errors: [] }
      : { file: absolute, text: null, baseline: null, problem: 'unreadable', message: `cannot be read (${code ?? (err as Error).message})`, errors: [] };
  }
  const { baseline, errors } = parseBaseline(text);
  if (!baseline) return { file: absolute, text, baseline: null, problem: 'invalid', message: `invalid baseline: ${errors.join('; ')}`, errors };
  return { file: absolute, text, baseline, index: indexBaseline(baseline) };
}

/** Reads and parses a baseline file. Throws AcceptedFileError when it is missing or invalid. */
export function loadBaselineFile(file: string): LoadedBaseline {
  const read = readBaselineFile(file);
  if (!read.baseline) throw new AcceptedFileError(`${file}: ${read.message}`);
  return { file: read.file, baseline: read.baseline, index: read.index };
}

/** A file's key in an ignore or baseline file: its path relative to that file's folder, `/`-separated. */
export function relativeKey(acceptingFile: string, absolute: string): string {
  return path.relative(path.dirname(acceptingFile), absolute).split(path.sep).join('/');
}
