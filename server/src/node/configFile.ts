/** Finding and loading the corpus config file on disk (shared by the CLI and the language server). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, ConfigError, CorpusConfig, defaultConfig, mergeConfig, parseConfigText } from '../core/config';
import { indexLines, positionAt } from '../core/text/lines';
import { readSettingsText } from './readText';

/** Walks up from `start` (a folder) to the file system root; returns the first config file found. */
export function findConfigFile(start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      // A pipe or a device there is found, and said to be unreadable, rather than passed over for the defaults.
      if (fs.existsSync(candidate) && !fs.statSync(candidate).isDirectory()) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export interface LoadedConfig {
  config: CorpusConfig;
  /** The config file, or null when defaults are used. */
  file: string | null;
  /** Folder the config's globs are relative to. */
  root: string;
}

export class ConfigFileError extends Error {
  constructor(
    readonly file: string,
    readonly errors: (ConfigError & { line: number; character: number })[],
  ) {
    super(
      `Invalid config ${file}:\n` + errors.map((e) => `  ${file}:${e.line + 1}:${e.character + 1}  ${e.message}`).join('\n'),
    );
  }
}

/** Reads and validates a config file; throws ConfigFileError with positions when it is invalid. */
export function loadConfigFile(file: string): LoadedConfig {
  let text: string;
  try {
    text = readSettingsText(file).replace(/^\uFEFF/, '');
  } catch (err) {
    throw new ConfigFileError(file, [
      { message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, offset: 0, length: 0, line: 0, character: 0 },
    ]);
  }
  const parsed = parseConfigText(text);
  if (!parsed.config) {
    throw new ConfigFileError(
      file,
      parsed.errors.map((e) => ({ ...e, ...positionAt(indexLines(text), e.offset) })),
    );
  }
  return { config: mergeConfig(defaultConfig(), parsed.config), file, root: path.dirname(file) };
}

/** The config for a set of paths: an explicit file, or the first one found walking up, or the defaults. */
export function resolveConfig(paths: string[], explicit?: string): LoadedConfig {
  if (explicit) {
    if (!fs.existsSync(explicit)) {
      throw new ConfigFileError(explicit, [{ message: 'config file not found', offset: 0, length: 0, line: 0, character: 0 }]);
    }
    return loadConfigFile(path.resolve(explicit));
  }
  const start = commonFolder(paths.map((p) => path.resolve(p)));
  const found = findConfigFile(start);
  if (found) return loadConfigFile(found);
  return { config: defaultConfig(), file: null, root: start };
}

function commonFolder(paths: string[]): string {
  const folders = paths.map((p) => (fs.existsSync(p) && fs.statSync(p).isDirectory() ? p : path.dirname(p)));
  let common = folders[0] ?? process.cwd();
  for (const f of folders.slice(1)) {
    while (!(f + path.sep).startsWith(common.endsWith(path.sep) ? common : common + path.sep) && f !== common) {
      const parent = path.dirname(common);
      if (parent === common) break;
      common = parent;
    }
  }
  return common;
}
