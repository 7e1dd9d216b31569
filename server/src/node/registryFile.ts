/**
 * The registry of people and places on disk (shared by the CLI and the language server): where the config says it
 * is, reading it into the core with positions for its errors, and writing a starter registry.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseRegistryText, Registry, registryText, RegistryTeacher, starterRegistry } from '../core/people/registry';
import { indexLines, positionAt } from '../core/text/lines';
import { writeGeneratedFile } from './atomicWrite';
import { readSettingsText } from './readText';

/** The file name used when the config names no registry. */
export const DEFAULT_REGISTRY_FILE = 'corpus-registry.json';

export interface RegistryFileError {
  file: string;
  line: number;
  character: number;
  message: string;
}

/** Where the registry is: the config's `registry` (relative to the config's folder), or the default name there. */
export function registryPath(root: string, configured: string | undefined): string {
  return path.resolve(root, configured ?? DEFAULT_REGISTRY_FILE);
}

/**
 * Reads the registry file for the core (`corpus.setRegistry`). Returns null text when the file does not exist;
 * errors (unreadable, invalid JSON, schema violations) come with line and column.
 */
export function readRegistryFile(file: string): { text: string | null; errors: RegistryFileError[] } {
  let text: string;
  try {
    text = readSettingsText(file).replace(/^\uFEFF/, '');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { text: null, errors: [{ file, line: 0, character: 0, message: 'registry file not found' }] };
    return { text: null, errors: [{ file, line: 0, character: 0, message: `cannot be read (${code ?? 'error'})` }] };
  }
  const parsed = parseRegistryText(text);
  return { text, errors: parsed.errors.map((e) => ({ file, ...positionAt(indexLines(text), e.offset), message: e.message })) };
}

export interface WriteStarterOptions {
  /** People and places mentioned fewer times are left out (default 3). */
  minMentions?: number;
  /** Replace an existing file (its valid entries are kept, learned ones added); without it an existing file is an error. */
  force?: boolean;
}

export interface WriteStarterResult {
  file: string;
  people: number;
  places: number;
  /** Entries kept from the registry that was there. */
  kept: number;
}

/**
 * Writes a starter registry learned from the corpus (a people snapshot). Refuses to replace an existing file unless
 * `force`; then keeps that file's entries. Throws an Error with a readable message on failure.
 */
export function writeStarterRegistry(file: string, teacher: RegistryTeacher, options: WriteStarterOptions = {}): WriteStarterResult {
  let existing: Registry | null = null;
  if (fs.existsSync(file)) {
    if (!options.force) throw new Error(`${file} exists; use --force to add what the corpus taught to it`);
    const parsed = parseRegistryText(readSettingsText(file).replace(/^\uFEFF/, ''));
    if (!parsed.registry) throw new Error(`${file} is not a valid registry: ${parsed.errors[0]?.message ?? 'invalid'}`);
    existing = parsed.registry;
  }
  const registry = starterRegistry(teacher, { minMentions: options.minMentions, existing });
  writeGeneratedFile(file, registryText(registry));
  const kept = existing ? existing.people.length + existing.places.length : 0;
  return { file, people: registry.people.length, places: registry.places.length, kept };
}

