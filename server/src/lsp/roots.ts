/**
 * Corpus roots of the workspace: a workspace folder, or a folder inside one that holds its own config file. Each
 * root has its config (the config file merged with the editor's `corpusLint` settings), its globs and its own corpus.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { globCorpus } from '../node/corpusGlob';
import { Corpus } from '../core/corpus';
import { CONFIG_FILE_NAMES, ConfigError, CorpusConfig, defaultConfig, mergeConfig, parseConfigText, PartialConfig } from '../core/config';
import { isRuleCode } from '../core/rules/catalog';
import type { RuleCode, SeveritySetting } from '../core/types';
import { isInside, pathFromUri, relativePath, uriFromPath } from './uris';
import { AcceptedFiles, loadAcceptedFiles, noAcceptedFiles } from './accepted';
import { readRegistryFile, registryPath } from '../node/registryFile';
import { Slices } from './loop';
import { readSettingsText } from '../node/readText';

/** The `corpusLint` settings of the editor that matter to the server. */
export interface Settings {
  files?: string[];
  exclude?: string[];
  rules?: Partial<Record<RuleCode, SeveritySetting>>;
  maxFileSizeMB?: number;
  /** `corpusLint.codeLens.enabled` (default true). */
  codeLens?: boolean;
  /** `corpusLint.cache.enabled` (default true): keep the analyses between sessions (see lsp/analysisCache). */
  cache?: boolean;
}

const SEVERITIES = new Set(['off', 'hint', 'information', 'warning', 'error']);

/** Reads settings from any value a client sends, keeping only well-formed parts. */
export function parseSettings(raw: unknown): Settings {
  const out: Settings = {};
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  const strings = (v: unknown): string[] | undefined =>
    Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0) ? (v as string[]) : undefined;
  out.files = strings(r.files);
  out.exclude = strings(r.exclude);
  if (r.rules && typeof r.rules === 'object') {
    const rules: Partial<Record<RuleCode, SeveritySetting>> = {};
    for (const [code, severity] of Object.entries(r.rules as Record<string, unknown>)) {
      if (isRuleCode(code) && typeof severity === 'string' && SEVERITIES.has(severity)) rules[code] = severity as SeveritySetting;
    }
    out.rules = rules;
  }
  if (typeof r.maxFileSizeMB === 'number' && r.maxFileSizeMB >= 0) out.maxFileSizeMB = r.maxFileSizeMB;
  const lens = r.codeLens && typeof r.codeLens === 'object' ? (r.codeLens as Record<string, unknown>).enabled : r['codeLens.enabled'];
  if (typeof lens === 'boolean') out.codeLens = lens;
  const cache = r.cache && typeof r.cache === 'object' ? (r.cache as Record<string, unknown>).enabled : r['cache.enabled'];
  if (typeof cache === 'boolean') out.cache = cache;
  return out;
}

/** A problem of a config file, located in its text (UTF-16 offsets). */
export interface ConfigProblem extends ConfigError {
  file: string;
  text: string;
}

export interface RootConfig {
  config: CorpusConfig;
  /** The config file in the root folder, or null when there is none. */
  configFile: string | null;
  /**
   * Problems of the config file; when there are any, the file's last valid content is used (`fromFile`), or the
   * defaults (with the settings) when it never had one.
   */
  problems: ConfigProblem[];
  /** What the config file says, as last read without problems (undefined: no file, or never valid). */
  fromFile?: PartialConfig;
  /** Files above this size are skipped. */
  maxBytes: number;
}

/** The config file of a folder, looked for in the folder itself (not above it). */
export function configFileIn(folder: string): string | null {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(folder, name);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not there
    }
  }
  return null;
}

/** Loads a root's config: its config file (never throwing: problems are returned) merged with the settings. */
export function loadRootConfig(folder: string | null, settings: Settings, lastValid?: PartialConfig): RootConfig {
  const configFile = folder ? configFileIn(folder) : null;
  let fromFile: PartialConfig | undefined;
  const problems: ConfigProblem[] = [];
  if (configFile) {
    let text = '';
    try {
      text = readSettingsText(configFile).replace(/^\uFEFF/, '');
      const parsed = parseConfigText(text);
      if (parsed.config) fromFile = parsed.config;
      else for (const e of parsed.errors) problems.push({ ...e, file: configFile, text });
    } catch (err) {
      problems.push({ message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, offset: 0, length: 0, file: configFile, text });
    }
    // A config being edited is often invalid for a moment: the rules it turned off stay off meanwhile.
    if (problems.length) fromFile = lastValid;
  }
  let config = mergeConfig(defaultConfig(), fromFile);
  config = mergeConfig(config, {
    include: fromFile?.include ? undefined : settings.files,
    exclude: [...config.exclude, ...(settings.exclude ?? [])],
    rules: settings.rules,
  });
  const mb = settings.maxFileSizeMB ?? 10;
  return { config, configFile, problems, fromFile, maxBytes: mb > 0 ? mb * 1024 * 1024 : Number.POSITIVE_INFINITY };
}

export interface RootRegistry {
  /** The registry file the config names (absolute), or null. */
  path: string | null;
  problems: ConfigProblem[];
  /** What was loaded (to tell whether a reload changed anything). */
  signature: string;
}

/** The UTF-16 offset of a line and character of a text. */
function offsetOf(text: string, line: number, character: number): number {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + character);
}

/** One corpus root. */
export class Root {
  readonly corpus: Corpus;
  /** URI of the folder ('' for the loose root that holds documents outside every folder). */
  readonly uri: string;
  private excluded: (rel: string) => boolean = () => false;
  private included: (rel: string) => boolean = () => true;
  rootConfig!: RootConfig;
  /** The root's ignore file and baseline (see accepted.ts). */
  accepted: AcceptedFiles = noAcceptedFiles();
  /** Folders of roots nested inside this one: their files belong to them. */
  nested: string[] = [];
  /** The registry of people and places the config names (path, problems); the corpus uses it when it is valid. */
  registry: RootRegistry = { path: null, problems: [], signature: '' };
  /** `corpusLint.codeLens.enabled` for this root. */
  codeLensEnabled = true;
  /** `corpusLint.cache.enabled` for this root (read when it is indexed). */
  cacheEnabled = true;

  constructor(
    /** The folder, or null for the loose root. */
    readonly folder: string | null,
    /** Prefix of paths in messages (the workspace folder's name when there are several), may be empty. */
    readonly label: string,
    settings: Settings,
  ) {
    this.uri = folder ? uriFromPath(folder) : '';
    this.corpus = new Corpus({ describe: (file) => this.describe(file) });
    this.configure(settings);
  }

  /** (Re)loads the config, the ignore file and the baseline; returns true when any of them changed. */
  configure(settings: Settings): boolean {
    const before = this.rootConfig ? JSON.stringify(this.rootConfig.config) : '';
    this.rootConfig = loadRootConfig(this.folder, settings, this.rootConfig?.fromFile);
    this.codeLensEnabled = settings.codeLens ?? true;
    this.cacheEnabled = settings.cache ?? true;
    const { config } = this.rootConfig;
    this.included = config.include.length ? picomatch(config.include, { dot: false }) : () => false;
    this.excluded = config.exclude.length ? picomatch(config.exclude, { dot: true }) : () => false;
    const changed = JSON.stringify(config) !== before;
    if (changed) this.corpus.setConfig(config);
    const acceptedChanged = this.reloadAccepted();
    const registryChanged = this.reloadRegistry();
    return changed || acceptedChanged || registryChanged;
  }

  /**
   * (Re)reads the registry file the config names (relative to the root folder) and hands it to the corpus; returns
   * true when its text or problems changed. A missing or invalid registry is a problem on the registry file.
   */
  reloadRegistry(): boolean {
    const configured = this.folder ? this.config.registry : undefined;
    const file = configured && this.folder ? registryPath(this.folder, configured) : null;
    const problems: ConfigProblem[] = [];
    let text: string | null = null;
    if (file) {
      const read = readRegistryFile(file);
      text = read.text;
      for (const e of read.errors) {
        const t = read.text ?? '';
        problems.push({ message: e.message, offset: offsetOf(t, e.line, e.character), length: 0, file, text: t });
      }
    }
    const signature = JSON.stringify([file, text, problems.map((p) => [p.offset, p.message])]);
    if (signature === this.registry.signature) return false;
    this.registry = { path: file, problems, signature };
    this.corpus.setRegistry(file && text !== null && !problems.length ? { file: uriFromPath(file), text } : null);
    return true;
  }

  /** (Re)loads the ignore file and the configured baseline; returns true when what they accept (or their problems) changed. */
  reloadAccepted(): boolean {
    const next = loadAcceptedFiles(this.folder, this.config, this.rootConfig.configFile);
    if (next.signature === this.accepted.signature) return false;
    this.accepted = next;
    return true;
  }

  get config(): CorpusConfig {
    return this.rootConfig.config;
  }

  /** A file as shown in messages: its path relative to the root folder. */
  describe(file: string): string {
    const p = this.folder ? pathFromUri(file) : null;
    const rel = p && this.folder && isInside(this.folder, p) ? relativePath(this.folder, p) : decodeURIComponent(file.replace(/^[a-z]+:\/\/\/?/i, ''));
    return this.label ? `${this.label}/${rel}` : rel;
  }

  /** An entry on disk as shown in messages; the root folder itself by its path (relative to itself it is empty). */
  describePath(fsPath: string): string {
    return fsPath === this.folder ? fsPath : this.describe(uriFromPath(fsPath));
  }

  /** True when a file on disk is a corpus file of this root by its globs. */
  matches(fsPath: string): boolean {
    if (!this.folder || !isInside(this.folder, fsPath)) return false;
    return this.matchesInside(relativePath(this.folder, fsPath), fsPath);
  }

  /** `matches` for a path inside the folder, given relative to it (`/`-separated) and absolute. */
  private matchesInside(rel: string, fsPath: string): boolean {
    return this.included(rel) && this.keeps(rel, fsPath);
  }

  /** Whether a path inside the folder that the include globs select stays: not excluded, not a nested root's. */
  private keeps(rel: string, fsPath: string): boolean {
    return !this.excluded(rel) && !this.nested.some((n) => isInside(n, fsPath));
  }

  /**
   * The corpus files of this root on disk (absolute paths, sorted), and the entries the globs met that are not read
   * (links, pipes, devices, folders that cannot be listed: see node/corpusGlob.ts), for the server to say so.
   */
  async findFiles(): Promise<{ files: string[]; unusable: { absolute: string; reason: string }[] }> {
    if (!this.folder) return { files: [], unusable: [] };
    const { files: found, unusable: met } = await globCorpus(this.folder, this.config.include);
    // Matched in slices: tens of thousands of paths take a while, and the message loop runs meanwhile. A path the glob
    // found is already relative to the folder, inside it and included (the CLI takes it so too): only the exclude globs
    // and nested roots are asked.
    const files: string[] = [];
    const slices = new Slices();
    for (let i = 0; i < found.length; i += PATHS_PER_PAUSE) {
      await slices.pause();
      for (const rel of found.slice(i, i + PATHS_PER_PAUSE)) {
        const abs = path.join(this.folder, rel);
        const plain = !rel.startsWith('..') && !path.isAbsolute(rel) && !rel.includes('\\');
        if (plain ? this.keeps(rel, abs) : this.matches(abs)) files.push(abs);
      }
    }
    await slices.pause();
    // A file the globs matched, or a folder they would have walked, unless excluded or a nested root's.
    const unusable = met.filter((u) => this.keeps(u.rel, u.absolute));
    return { files: files.sort(), unusable: unusable.map((u) => ({ absolute: u.absolute, reason: u.reason })) };
  }
}

/** Paths matched against the globs between two checks of the time. */
const PATHS_PER_PAUSE = 256;

/** Folders inside `folder` that hold a config file (outermost first), for nested roots. */
export async function findNestedConfigFolders(folder: string): Promise<string[]> {
  const found = await glob(
    CONFIG_FILE_NAMES.map((n) => `**/${n}`),
    { cwd: folder, ignore: ['**/node_modules/**', '**/.git/**'], dot: true, onlyFiles: true, followSymbolicLinks: false },
  );
  const dirs = [...new Set(found.map((rel) => path.join(folder, path.dirname(rel))))].filter((d) => d !== folder);
  return dirs.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
}
