/**
 * Loading a corpus for the CLI's `baseline`, `report` and `entities` commands: the config, the files under the given
 * paths (read strictly as UTF-8, unusable files skipped with a note) and the accepted findings. With `--cache`, the
 * analyses of the files that did not change since they were stored are read back (see node/modelCache).
 */
import * as path from 'node:path';
import { Corpus } from '../core/corpus';
import { ConfigFileError, LoadedConfig, resolveConfig } from '../node/configFile';
import { AcceptedFileError } from '../node/acceptedFindings';
import { discoverFiles, MAX_FILE_BYTES, MissingPathError, readCorpusBytes, readCorpusFile } from './files';
import { bytesToText, contentDigest } from '../node/readText';
import { CACHE_DIR_NAME } from '../node/resultCache';
import { reuseAnalyses, storeAnalyses } from '../node/modelCache';
import type { CacheArgs } from './args';
import { CACHE_VERSION } from '../node/version';
import { readAheadScript, readAheadWanted, startReadAhead } from '../node/readAhead';
import { discoverContext } from './context';
import type { Io } from './main';
import type { FileModel } from '../core/file';
import { escapeControls, quotePath } from './format/quotePath';

export interface LoadedCorpus {
  loaded: LoadedConfig;
  corpus: Corpus;
  /** File keys (display paths) of the checked files, in discovery order (context files are loaded, not listed). */
  files: string[];
  absoluteOf: (file: string) => string;
  skipped: { path: string; reason: string }[];
}

/** Loads the corpus, or prints the usage problem and returns exit code 2. */
export function loadCorpus(paths: string[], options: { config?: string; context: string[] } & Partial<CacheArgs>, io: Io): LoadedCorpus | 2 {
  try {
    const loaded = resolveConfig(paths, options.config);
    const d = { root: loaded.root, include: loaded.config.include, exclude: loaded.config.exclude };
    const split = discoverContext(options.context, discoverFiles(paths, d), d);
    for (const f of split.outside) io.stderr(`corpus-lint: ${quotePath(f.display)} is not part of the corpus (config include/exclude); left out\n`);
    const checked = new Set(split.checked.map((f) => f.display));
    const corpus = new Corpus({ config: loaded.config, incremental: false });
    const absolute = new Map<string, string>();
    const skipped = split.skipped.map((s) => ({ path: s.display, reason: s.reason }));
    const changed: { file: string; text: string }[] = [];
    const every = [...split.checked, ...split.context];
    if (options.cache) {
      const cacheDir = path.resolve(options.cacheLocation ?? path.join(loaded.root, CACHE_DIR_NAME));
      loadWithCache(every, corpus, changed, skipped, cacheDir, io);
    } else {
      readWhileAnalyzing(every, corpus, changed, skipped);
    }
    for (const f of every) absolute.set(f.display, f.absolute);
    printSkipped(skipped, io);
    const files = changed.map((c) => c.file).filter((f) => checked.has(f));
    return { loaded, corpus, files, absoluteOf: (f) => absolute.get(f) ?? f, skipped };
  } catch (err) {
    return usageProblem(err, io);
  }
}

/** Files handed to the analysis at a time while reading. */
const READ_CHUNK = 64;

/**
 * Reads every file (in order; a helper thread reads ahead when there are enough files and the bundle has its worker)
 * and analyzes them in chunks as they come: the texts go to `changed`, the unusable files to `skipped`, both in
 * discovery order. A bulk load in chunks gives the findings of one load.
 */
export function readWhileAnalyzing(
  files: { display: string; absolute: string }[],
  corpus: Corpus,
  changed: { file: string; text: string }[],
  skipped: { path: string; reason: string }[],
): void {
  const script = readAheadScript(__filename);
  const reader = script && readAheadWanted(files.length) ? startReadAhead(files.map((f) => f.absolute), script, MAX_FILE_BYTES) : null;
  try {
    for (let i = 0; i < files.length; i += READ_CHUNK) {
      const share: { file: string; text: string }[] = [];
      for (let k = i; k < Math.min(files.length, i + READ_CHUNK); k++) {
        const read = reader ? reader.read(k) : readCorpusFile(files[k].absolute);
        if ('reason' in read) skipped.push({ path: files[k].display, reason: read.reason });
        else share.push({ file: files[k].display, text: read.text });
      }
      changed.push(...share);
      corpus.applyChange({ changed: share }, { bulk: true });
    }
  } finally {
    reader?.close();
  }
}

/**
 * Reads every file's bytes, reads back the stored analyses of those that did not change, analyzes the others, and
 * stores the analyses again when enough of them were not stored (as `check --cache` does; the results of a check are
 * not stored here: these commands do not check).
 */
function loadWithCache(
  files: { display: string; absolute: string }[],
  corpus: Corpus,
  changed: { file: string; text: string }[],
  skipped: { path: string; reason: string }[],
  cacheDir: string,
  io: Io,
): void {
  const digests = new Map<string, string>();
  const texts: { file: string; text: string; analysis?: FileModel }[] = [];
  for (const f of files) {
    const read = readCorpusBytes(f.absolute);
    if ('reason' in read) {
      skipped.push({ path: f.display, reason: read.reason });
      continue;
    }
    digests.set(f.display, contentDigest(read.bytes));
    texts.push({ file: f.display, text: bytesToText(read.bytes) });
  }
  const reuse = reuseAnalyses(cacheDir, CACHE_VERSION, digests, texts, (s) => corpus.internSpellings(s));
  corpus.applyChange({ changed: texts }, { bulk: true });
  for (const t of texts) changed.push({ file: t.file, text: t.text });
  const failed = storeAnalyses(cacheDir, CACHE_VERSION, corpus, digests, texts, reuse);
  if (failed) io.stderr(`corpus-lint: cache not written: ${failed}\n`);
}

/** The notes on stderr of the files skipped, one line each whatever their names. */
export function printSkipped(skipped: { path: string; reason: string }[], io: Io): void {
  for (const s of skipped) io.stderr(`corpus-lint: skipped ${quotePath(s.path)}: ${escapeControls(s.reason)}\n`);
}

/** Prints a config, path or accepted-findings problem (exit code 2); rethrows anything else. */
export function usageProblem(err: unknown, io: Io): 2 {
  if (err instanceof ConfigFileError || err instanceof MissingPathError || err instanceof AcceptedFileError) {
    io.stderr(`corpus-lint: ${err.message}\n`);
    return 2;
  }
  throw err;
}
