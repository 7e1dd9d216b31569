/**
 * The language server's cache of analyses: when a workspace is opened again, the files whose text did not change since
 * the last index are not analyzed again. Their analyses are read back (node/modelCache, the format `check --cache`
 * uses) and only the cross-file work runs, so the diagnostics are those of a cold index.
 *
 * Each root folder has a cache folder of its own under a base folder: the one the client names (the VS Code extension
 * names its workspace storage), else the user's cache folder (`defaultCacheBase`). Nothing is written into the corpus.
 * The analyses are stored after the first publication of a root's diagnostics, when a twentieth of its files or more
 * were not read back; reading and storing run in steps of a few milliseconds, the file itself is read and written
 * off the message loop. A file is reused only under the same build and the same text (a SHA-1 of it); a missing,
 * stale, damaged or unwritable cache is no error: it costs one cold index.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Corpus } from '../core/corpus';
import type { FileModel } from '../core/file';
import { ModelCache, modelCacheSteps, modelsFile, StoredAnalysis, worthRewriting } from '../node/modelCache';
import { writeGeneratedFileAsync } from '../node/atomicWrite';
import { makeCacheFolder } from '../node/resultCache';
import { CACHE_VERSION } from '../node/version';
import { stepsInSlices } from './loop';

/** Work per step of reading or storing the cache (ms). */
const STEP_MS = 10;

/**
 * The user's cache folder for Corpus Lint, as each system names it (XDG_CACHE_HOME or ~/.cache on Linux and other
 * Unix systems, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows); null when there is no home to put it in.
 */
export function defaultCacheBase(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = safeHomedir()): string | null {
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA;
    return local && path.isAbsolute(local) ? path.join(local, 'corpus-lint', 'Cache') : home ? path.join(home, 'AppData', 'Local', 'corpus-lint', 'Cache') : null;
  }
  if (platform === 'darwin') return home ? path.join(home, 'Library', 'Caches', 'corpus-lint') : null;
  // The XDG specification: a relative value is invalid and ignored.
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'corpus-lint');
  return home ? path.join(home, '.cache', 'corpus-lint') : null;
}

/**
 * The server process' cache options from its environment: `CORPUS_LINT_CACHE=off` turns the cache off whatever the
 * client asks, an absolute path is the base folder when the client names none; otherwise the user's cache folder.
 */
export function cacheOptions(env: NodeJS.ProcessEnv): { cacheFolder: string | null; noCache: boolean } {
  const value = env.CORPUS_LINT_CACHE ?? '';
  if (value === 'off') return { cacheFolder: null, noCache: true };
  return { cacheFolder: path.isAbsolute(value) ? value : defaultCacheBase(env), noCache: false };
}

/**
 * The base folder of the caches for a session: none when the server's environment turned them off (`noCache`), else
 * the absolute folder the client names in `initializationOptions.cacheFolder` (null: none), else the server's default.
 */
export function cacheBaseOf(requested: unknown, options: { cacheFolder?: string | null; noCache?: boolean }): string | null {
  if (options.noCache || requested === null) return null;
  if (typeof requested === 'string' && path.isAbsolute(requested)) return requested;
  return options.cacheFolder ?? null;
}

function safeHomedir(): string {
  try {
    return os.homedir();
  } catch {
    return '';
  }
}

/** The cache folder of a root folder under `base`: named by a digest of the root's path. */
export function rootCacheFolder(base: string, rootFolder: string): string {
  return path.join(base, 'analyses', createHash('sha256').update(rootFolder).digest('hex').slice(0, 16));
}

/** One root's cache: the analyses read back, and the texts read from disk during the index with their digests. */
export class RootAnalysisCache {
  private stored: ModelCache | null = null;
  private storedCount = 0;
  private reused = 0;
  /** Per file read from disk: its text as read and that text's digest. */
  private readonly digested = new Map<string, { text: string; digest: string }>();

  constructor(readonly dir: string) {}

  /** Reads the stored analyses, off the message loop and in steps; false when the index was superseded meanwhile. */
  async load(superseded: () => boolean): Promise<boolean> {
    let bytes: Buffer;
    try {
      bytes = await fs.promises.readFile(modelsFile(this.dir));
    } catch {
      return !superseded(); // none yet, or unreadable: a cold index
    }
    if (superseded()) return false;
    const parsed = await stepsInSlices(ModelCache.parseSteps(bytes, CACHE_VERSION), superseded, STEP_MS);
    if (parsed === undefined) return false;
    this.stored = parsed.value;
    this.storedCount = this.stored?.size ?? 0;
    return true;
  }

  /** Whether analyses were read back (a root with them is analyzed on this thread, where they are taken). */
  get holdsAnalyses(): boolean {
    return this.storedCount > 0;
  }

  /**
   * The stored analysis of a file read from disk, when its text is the one stored (its word ids those of `intern`'s
   * table); remembers the text's digest either way, for `store`.
   */
  analysisOf(file: string, text: string, digest: string, intern: (spellings: string[]) => Uint32Array): FileModel | undefined {
    this.digested.set(file, { text, digest });
    const analysis = this.stored?.take(file, digest, text, intern);
    if (analysis) this.reused++;
    return analysis;
  }

  /** Remembers the digest of a file read from disk whose analysis was made elsewhere (a worker thread). */
  read(file: string, text: string, digest: string): void {
    this.digested.set(file, { text, digest });
  }

  /** How many files the index took from the cache, and how many it held. */
  counts(): { reused: number; stored: number } {
    return { reused: this.reused, stored: this.storedCount };
  }

  /**
   * Stores the analyses of the corpus' files whose text is still the one read from disk (not an open document's, nor
   * one changed since), when `worthRewriting` says the cache needs it: packed in steps, written off the message loop
   * into a temporary file renamed over the old one. Returns what it did, for the log; null when nothing was due or the
   * work was stopped.
   */
  async store(corpus: Corpus, files: string[], shouldStop: () => boolean): Promise<string | null> {
    // What was not taken is not needed any more, nor the texts as read once they are stored (the corpus may let go of
    // them with the next edit).
    this.stored = null;
    const due = worthRewriting(this.reused, this.storedCount, files.length);
    const analyses: StoredAnalysis[] = [];
    for (const file of due ? files : []) {
      const read = this.digested.get(file);
      const model = read && corpus.model(file);
      if (read && model && model.text === read.text) analyses.push({ file, digest: read.digest, model });
    }
    this.digested.clear();
    if (!due) return null;
    const made = await stepsInSlices(modelCacheSteps(CACHE_VERSION, analyses, (id) => corpus.spelling(id), corpus.spellingCount()), shouldStop, STEP_MS);
    if (!made) return null;
    try {
      makeCacheFolder(this.dir);
      await writeGeneratedFileAsync(modelsFile(this.dir), made.value);
    } catch (err) {
      return `the cache of analyses was not written: ${(err as Error).message}`;
    }
    return `stored the analyses of ${analyses.length} files in the cache`;
  }
}
