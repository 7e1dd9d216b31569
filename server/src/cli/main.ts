/** `corpus-lint`: the headless CLI. Reads files, runs the shared analysis core, prints a report, sets the exit code. */
import * as fs from 'node:fs';
import { Corpus } from '../core/corpus';
import type { FileModel } from '../core/file';
import { explainRule, isRuleCode, RULE_CODES } from '../core/rules/catalog';
import { ConfigFileError, resolveConfig } from '../node/configFile';
import { Args, CheckArgs, parseCommandLine, USAGE, UsageError } from './args';
import { discoverFiles, MAX_FILE_BYTES, MissingPathError, readCorpusBytes, readCorpusFile } from './files';
import { bytesToText, contentDigest } from '../node/readText';
import { buildReport, Report } from './report';
import { textChunks } from './format/text';
import { jsonChunks } from './format/json';
import { writeChunks } from './output';
import { formatSarif } from './format/sarif';
import { formatGithub } from './format/github';
import { loadAcceptance } from './accept';
import { runBaseline } from './baseline';
import { absoluteLookup, discoverContext } from './context';
import { runFixes } from './fix';
import { printSkipped, readWhileAnalyzing, usageProblem } from './loadCorpus';
import { quotePath } from './format/quotePath';
import { runReport } from './reportCommand';
import { CACHE_DIR_NAME, CachedCheck, cacheKey, readCachedCheck, writeCachedCheck } from '../node/resultCache';
import { reuseAnalyses, storeAnalyses } from '../node/modelCache';
import type { FindingSource } from './report';
import { readShards, shareOf, ShardError, writeShard } from '../node/shards';
import { defaultThreads, isAnalysisWorker, runAnalysisWorker, startParallelAnalysis } from '../node/parallelAnalyze';
import * as path from 'node:path';
import { preferMainThread } from '../node/threadPriority';
import { runEntities, runRegistry } from './entities';

import { CACHE_VERSION, VERSION } from '../node/version';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Runs the CLI and returns its exit code. Never throws. */
export function run(argv: string[], io: Io): number {
  let args: Args;
  try {
    args = parseCommandLine(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`corpus-lint: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  switch (args.command) {
    case 'help':
      io.stdout(USAGE + '\n');
      return 0;
    case 'version':
      io.stdout(VERSION + '\n');
      return 0;
    case 'explain':
      if (!args.code || !isRuleCode(args.code)) {
        io.stderr(`corpus-lint: ${args.code ? `unknown rule «${args.code}»` : 'explain needs a rule code'}; rules: ${RULE_CODES.join(', ')}\n`);
        return 2;
      }
      io.stdout(explainRule(args.code) + '\n');
      return 0;
    case 'check':
      return check(args, io);
    case 'baseline':
      return runBaseline(args, io);
    case 'report':
      return runReport(args, io, VERSION);
    case 'entities':
      return runEntities(args, io);
    case 'registry':
      return runRegistry(args, io);
  }
}

function check(args: CheckArgs, io: Io): number {
  let loaded;
  try {
    loaded = resolveConfig(args.paths, args.config);
  } catch (err) {
    if (err instanceof ConfigFileError) {
      io.stderr(`corpus-lint: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  let discovered;
  let context;
  // Entries the walk met but does not read (links, pipes, folders that cannot be listed): reported with the rest.
  let unusable;
  try {
    const d = { root: loaded.root, include: loaded.config.include, exclude: loaded.config.exclude };
    const split = discoverContext(args.context, discoverFiles(args.paths, d), d);
    for (const f of split.outside) io.stderr(`corpus-lint: ${quotePath(f.display)} is not part of the corpus (config include/exclude); not checked\n`);
    discovered = { files: split.checked };
    context = split.context;
    unusable = split.skipped;
  } catch (err) {
    if (err instanceof MissingPathError) {
      io.stderr(`corpus-lint: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const corpus = new Corpus({ config: loaded.config, incremental: false });
  const skipped = unusable.map((s) => ({ path: s.display, reason: s.reason }));
  const changed: { file: string; text: string; analysis?: FileModel }[] = [];
  const checked = new Set(discovered.files.map((f) => f.display));
  const everyFile = [...discovered.files, ...context];
  // The cache answers only a plain check of an unchanged corpus; a fix run always analyzes.
  const cacheDir = args.cache && args.fix === 'off' ? path.resolve(args.cacheLocation ?? path.join(loaded.root, CACHE_DIR_NAME)) : null;
  // Worker threads start reading and analyzing now. A shard job analyzes its own share only, and a merge reads
  // analyses: neither needs them.
  let parallel =
    args.shard || args.mergeShards
      ? null
      : startParallelAnalysis(
          everyFile.map((f) => ({ file: f.display, absolute: f.absolute })),
          __filename,
          MAX_FILE_BYTES,
          defaultThreads(everyFile.length, CLI_MIN_FILES_FOR_THREADS),
          cacheDir === null,
        );
  // This thread reads every file first when it needs all the texts before any analysis (the cache key, a shard, a
  // merge) or works alone; otherwise every thread reads the files it claims.
  const readFirst = !parallel || cacheDir !== null;
  // With the cache, a plain check reads the files as checked bytes: the key is made of them, and an answer from the
  // cache decodes only the texts it needs (decoding every file was a third of a cached run).
  const asBytes = cacheDir !== null && !args.shard && !args.mergeShards;
  const bytes: { file: string; bytes: Uint8Array }[] = [];
  // Alone, without the cache, shards or a merge, this thread reads as it analyzes (a helper thread reading ahead).
  const readAlong = readFirst && !parallel && cacheDir === null && !args.shard && !args.mergeShards;
  if (readAlong) {
    readWhileAnalyzing(everyFile, corpus, changed, skipped);
    printSkipped(skipped, io);
  } else if (readFirst) {
    for (const f of everyFile) {
      const read = asBytes ? readCorpusBytes(f.absolute) : readCorpusFile(f.absolute);
      if ('reason' in read) skipped.push({ path: f.display, reason: read.reason });
      else if ('bytes' in read) bytes.push({ file: f.display, bytes: read.bytes });
      else changed.push({ file: f.display, text: read.text });
    }
    printSkipped(skipped, io);
  }
  if (args.shard) {
    const { index, count, dir } = args.shard;
    const share = shareOf(changed, index, count);
    let written: string;
    try {
      written = writeShard(dir, CACHE_VERSION, index, count, share);
    } catch (err) {
      io.stderr(`corpus-lint: cannot write the shard into ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return 2;
    }
    io.stderr(`corpus-lint: shard ${index}/${count}: analyzed ${share.length} of ${changed.length} files into ${written}\n`);
    return 0;
  }
  if (args.mergeShards) {
    let analyses;
    try {
      analyses = readShards(args.mergeShards, CACHE_VERSION);
    } catch (err) {
      if (!(err instanceof ShardError)) throw err;
      io.stderr(`corpus-lint: ${err.message}\n`);
      return 2;
    }
    for (const c of changed) c.analysis = analyses.get(c.file);
  }
  let key = '';
  // A plain check's digest of each file's bytes: the result cache's key is made of them, and the analysis cache
  // reuses the analysis of a file whose digest it stored.
  let digests: Map<string, string> | null = null;
  if (cacheDir) {
    const contents = asBytes ? bytes.map((b) => ({ file: b.file, digest: contentDigest(b.bytes) })) : changed.map((c) => ({ file: c.file, digest: contentDigest(c.text) }));
    key = cacheKey(CACHE_VERSION, loaded.config, contents, contents.map((c) => c.file).filter((f) => checked.has(f)));
    if (asBytes) digests = new Map(contents.map((c) => [c.file, c.digest]));
  }
  const cached = cacheDir ? readCachedCheck(cacheDir, key) : null;
  let source: FindingSource = corpus;
  // Analyses read back from the cache (see node/modelCache), and how many it held.
  let reuse = { reused: 0, stored: 0 };
  if (cached) {
    parallel?.cancel();
    source = cachedSource(cached, bytes, changed);
  } else if (!readAlong) {
    for (const b of bytes) changed.push({ file: b.file, text: bytesToText(b.bytes) });
    if (cacheDir && digests) reuse = reuseAnalyses(cacheDir, CACHE_VERSION, digests, changed, (s) => corpus.internSpellings(s));
    // Workers started on every file: with half of them or more read back, this thread analyzes the rest alone. (Without
    // the cache, workers that read the files themselves have left `changed` empty so far.)
    if (parallel && reuse.reused > 0 && reuse.reused * 2 >= changed.length) {
      parallel.cancel();
      parallel = null;
    }
    // Per-file analysis on every core (the bundled CLI is its own worker script); analyses read back (a shard's, the
    // cache's) come first.
    const ready = changed.filter((c) => c.analysis);
    const todo = changed.filter((c) => !c.analysis);
    corpus.applyChange({ changed: ready }, { bulk: true });
    const sink = {
      intern: (spellings: string[]) => corpus.internSpellings(spellings),
      add: (share: { file: string; text: string; analysis?: FileModel }[]) => {
        if (!readFirst) for (const c of share) changed.push({ file: c.file, text: c.text });
        corpus.applyChange({ changed: share }, { bulk: true });
      },
      skip: (file: string, reason: string) => skipped.push({ path: file, reason }),
    };
    if (!parallel) sink.add(todo);
    else if (readFirst) parallel.finish(sink, readCorpusFile, new Map(todo.map((c) => [c.file, c.text])));
    else {
      parallel.finish(sink, readCorpusFile);
      // Threads deliver files in any order: reports and messages keep the order of discovery.
      const order = new Map(everyFile.map((f, i) => [f.display, i]));
      changed.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
      // The walk's own skipped entries (not in the order) stay first, as in the other paths.
      skipped.sort((a, b) => (order.get(a.path) ?? -1) - (order.get(b.path) ?? -1));
      printSkipped(skipped, io);
    }
  }
  const files = (cached && asBytes ? bytes : changed).map((c) => c.file).filter((f) => checked.has(f));
  const absoluteOf = absoluteLookup([...discovered.files, ...context]);
  let acceptance;
  try {
    acceptance = loadAcceptance(loaded, args.baseline, source, absoluteOf);
  } catch (err) {
    return usageProblem(err, io);
  }
  if (args.fix !== 'off') {
    const code = runFixes(corpus, files, acceptance.shown, absoluteOf, args.fix, io);
    if (args.fix === 'dry-run') return code;
  }
  const fingerprints: Record<string, string[]> = {};
  const report = buildReport(source, files, skipped, {
    quiet: args.quiet,
    // SARIF prints them, and a cache written now keeps them for a later SARIF run.
    fingerprints: args.format === 'sarif' || (cacheDir !== null && !cached),
    accept: acceptance.filter,
    fingerprinted: (file, prints) => (fingerprints[file] = prints),
  });
  if (cacheDir && !cached) {
    const problem = writeCachedCheck(cacheDir, {
      key,
      findings: Object.fromEntries(files.map((f) => [f, corpus.findings(f)])),
      entries: Object.fromEntries(files.map((f) => [f, corpus.entries(f)])),
      fingerprints,
    });
    if (problem) io.stderr(`corpus-lint: cache not written: ${problem}\n`);
    // The analyses too (where the results could be written), unless nearly all were read back from them.
    const failed = !problem && digests ? storeAnalyses(cacheDir, CACHE_VERSION, corpus, digests, changed, reuse) : null;
    if (failed) io.stderr(`corpus-lint: cache not written: ${failed}\n`);
  }
  writeChunks(io, render(report, args));
  const baselineNote = acceptance.summary();
  if (baselineNote) io.stderr(`corpus-lint: ${baselineNote}\n`);
  const { errors, warnings } = report.summary;
  if (errors > 0) return 1;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr(`corpus-lint: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** The report in the chosen format, in pieces (JSON and text a file at a time; the others at once). */
function* render(report: Report, args: CheckArgs): Generator<string> {
  switch (args.format) {
    case 'json':
      return yield* jsonChunks(report);
    case 'sarif':
      return yield formatSarif(report, VERSION);
    case 'github':
      return yield formatGithub(report);
    default:
      return yield* textChunks(report);
  }
}

/**
 * A check uses worker threads (unless `CORPUS_LINT_THREADS` says otherwise) from this many files on, with idle cores
 * beyond the two `defaultThreads` leaves to this thread and the engine's helpers: on 2 idle cores the worker's warm-up
 * was once repaid on 10,000 files (49 MB: 10-15% faster) but not on 3,860 (8.8 MB: 20% slower); since the read-ahead
 * it is not repaid on 2 cores at all (10,000 files 3-7% slower).
 */
const CLI_MIN_FILES_FOR_THREADS = 8000;

/** Results read back from the cache, answering as the corpus would; texts read as bytes are decoded when asked for. */
function cachedSource(cached: CachedCheck, bytes: { file: string; bytes: Uint8Array }[], texts: { file: string; text: string }[]): FindingSource {
  const text = new Map(texts.map((t) => [t.file, t.text]));
  const raw = new Map(bytes.map((b) => [b.file, b.bytes]));
  return {
    findings: (file) => cached.findings[file] ?? [],
    entries: (file) => cached.entries[file] ?? [],
    text: (file) => {
      let t = text.get(file);
      const b = t === undefined ? raw.get(file) : undefined;
      if (b) text.set(file, (t = bytesToText(b)));
      return t;
    },
    fingerprints: (file) => cached.fingerprints?.[file],
  };
}

/**
 * A reader that stops early (`corpus-lint check . | head`) closes the pipe: the rest of the output has nowhere to go,
 * which is no failure of the run. Exit with the run's code instead of an unhandled 'error' event and a stack trace;
 * any other failure to write (a full disk) exits 2 with one line.
 */
function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      // Output that cannot be written (a full disk: ENOSPC) is a failure of the run, said in one line.
      if (stream !== process.stderr) fs.writeSync(2, `corpus-lint: cannot write the output: ${err.code ?? err.message}\n`);
      process.exit(2);
    });
  }
}

// The entry point stays last: it runs while the module loads, so every declaration it uses must come before it (in
// the bundle a constant declared below it would still be undefined).
if (isAnalysisWorker()) {
  runAnalysisWorker();
} else if (require.main === module) {
  preferMainThread();
  exitQuietlyOnClosedPipe();
  let code: number;
  try {
    code = run(process.argv.slice(2), {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    });
  } catch (err) {
    process.stderr.write(`corpus-lint: internal error: ${(err as Error).message}\n`);
    code = 2;
  }
  process.exitCode = code;
}
