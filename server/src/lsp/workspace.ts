/**
 * The server's view of the workspace: the corpus roots, the open documents (which override the disk) and the queue
 * of changes not yet pushed into the corpora. Changes are applied in one synchronous `flush`, which every request
 * runs first, so no answer is computed from stale text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { VariantDecision } from '../core/names/variants';
import { CONFIG_FILE_NAMES } from '../core/config';
import { ReadResult, readTextFileSync, textLooksBinary } from '../node/readText';
import { findNestedConfigFolders, Root, Settings } from './roots';
import { isSymbolicLink, LINK_NOT_FOLLOWED } from '../node/corpusGlob';
import { canonicalUri, isInside, pathFromUri, uriFromPath } from './uris';
import { inSlices, stepsInSlices, yieldToLoop } from './loop';
import type { FileModel } from '../core/file';
import { prepareDates } from '../core/dates';
import { analyzeInBackground, defaultThreads, workerScript } from '../node/parallelAnalyze';
import { ReadAhead, readAheadScript, readAheadWanted, startReadAhead } from '../node/readAhead';
import { contentDigest } from '../node/readText';
import { RootAnalysisCache, rootCacheFolder } from './analysisCache';

export interface WorkspaceFolderInfo {
  uri: string;
  name: string;
}

/** What one flush changed in one root. */
export interface FlushResult {
  root: Root;
  /** Files whose text changed or that were added. */
  changed: string[];
  removed: string[];
  /** Other files whose findings may have changed (duplicates). */
  affected: Set<string>;
  /** The corpus-wide name decisions changed: any file's name-variant findings may differ. */
  decisionsChanged: boolean;
}

export interface IndexProgress {
  report(done: number, total: number, message: string): void;
}

export type Logger = (message: string) => void;

/** Files between two progress reports of the initial index (they are read and analyzed in steps of STEP_MS). */
const PROGRESS_FILES = 48;
/** Work per step of the initial index (ms): files are analyzed in groups sized to it, the server answers between. */
const STEP_MS = 12;

export class CorpusWorkspace {
  folders: WorkspaceFolderInfo[] = [];
  /**
   * When set (by the VS Code extension), a workspace folder is indexed only when it holds a config file or is listed
   * here (its `files.associations` give files the `corpus` language); nested config folders are indexed either way.
   * There a folder of .txt files is no corpus until the user opts in. Other clients get every folder linted.
   */
  lintFolders: Set<string> | null = null;
  /** Roots, deepest folder first (so the first root containing a file is its own). */
  roots: Root[] = [];
  /** Documents outside every root folder (untitled ones, files elsewhere). */
  loose: Root;
  readonly documents = new Map<string, TextDocument>();
  /** uri -> new text, or null for a removal. */
  private readonly pending = new Map<string, string | null>();
  /** Bumped by every flush that changed a corpus: long handlers compare it to detect a stale answer. */
  generation = 0;
  private indexRun = 0;
  private indexing: Promise<void> | null = null;
  /**
   * The indexing run whose roots are loading (from when they take over until their corpus-wide work is done), or 0.
   * Changes meanwhile are applied in bulk: every file is published once the run is over, so tracking the files a
   * change affects would only make the indexes do at once what the load leaves to its end (sorting every posting,
   * deciding every name).
   */
  private loadingRun = 0;
  private lastDecisions = new WeakMap<Root, Map<string, VariantDecision>>();
  /**
   * Where the caches of analyses go (a folder per root under it), null for none: set by the server from the client's
   * initialization options or its own default (see lsp/analysisCache).
   */
  cacheBase: string | null = null;
  /** The cache of analyses of each root folder indexed with one. */
  private readonly analysisCaches = new WeakMap<Root, RootAnalysisCache>();

  constructor(
    private settingsFor: (scopeUri: string | null) => Promise<Settings>,
    private readonly log: Logger,
  ) {
    this.loose = new Root(null, '', {});
  }

  allRoots(): Root[] {
    return [...this.roots, this.loose];
  }

  /** The root a file belongs to: the deepest root folder holding it, else the loose root. */
  rootOf(uri: string): Root {
    const p = pathFromUri(uri);
    if (p) for (const r of this.roots) if (r.folder && isInside(r.folder, p) && !r.nested.some((n) => isInside(n, p))) return r;
    return this.loose;
  }

  /**
   * Whether some root's corpus holds a file. A file only ever enters the corpus of the root it belongs to (`rootOf`),
   * so this asks the corpora instead of comparing the file's path with every root folder (clearing stale
   * diagnostics after an index asks it for every published file).
   */
  holds(uri: string): boolean {
    if (this.loose.corpus.has(uri)) return true;
    for (const r of this.roots) if (r.corpus.has(uri)) return true;
    return false;
  }

  isIndexing(): boolean {
    return this.indexing !== null;
  }

  /** Resolves when no indexing is running (at once when none is). */
  async whenIndexed(): Promise<void> {
    while (this.indexing) await this.indexing;
  }

  // ---- documents and queued changes -------------------------------------------------------------------------

  open(uri: string, languageId: string, version: number, text: string): TextDocument {
    const key = canonicalUri(uri);
    const doc = TextDocument.create(key, languageId, version, text);
    this.documents.set(key, doc);
    this.pending.set(key, this.lintable(doc) ? text : null);
    return doc;
  }

  /** Records a change of an open document's text. */
  changed(doc: TextDocument): void {
    this.pending.set(doc.uri, this.lintable(doc) ? doc.getText() : null);
  }

  /**
   * Whether an open document is read as corpus text, as `check` would read it: in a root folder, a file its globs
   * include (not the config, a note in Markdown or a script that an editor sends too); outside every folder, a
   * document of plain text or a .txt file; never a text with a NUL character in its first 8 KB (a binary file, which
   * `check` skips).
   */
  private lintable(doc: TextDocument): boolean {
    const p = pathFromUri(doc.uri);
    const root = this.rootOf(doc.uri);
    const inFolder = p !== null && root.folder !== null;
    if (inFolder ? !root.matches(p) : !(doc.languageId === 'plaintext' || doc.languageId === 'corpus' || /\.txt$/i.test(doc.uri))) return false;
    if (textLooksBinary(doc.getText())) {
      this.log(`skipped ${root.describe(doc.uri)}: binary text (contains NUL characters)`);
      return false;
    }
    return true;
  }

  /** A closed document goes back to its disk content, or leaves the corpus when it is not a corpus file on disk. */
  close(uri: string): void {
    const key = canonicalUri(uri);
    this.documents.delete(key);
    this.pending.set(key, this.diskText(key));
  }

  /** A file changed, appeared or disappeared on disk. Open documents keep their editor text. */
  fileChangedOnDisk(uri: string, deleted: boolean): void {
    const key = canonicalUri(uri);
    if (this.documents.has(key)) return;
    if (deleted) {
      const root = this.rootOf(key);
      if (root.corpus.has(key)) this.pending.set(key, null);
      // A deleted folder: everything known under it goes.
      for (const r of this.allRoots()) for (const f of r.corpus.files()) if (f.startsWith(key + '/') && !this.documents.has(f)) this.pending.set(f, null);
      return;
    }
    this.pending.set(key, this.diskText(key));
  }

  hasPending(): boolean {
    return this.pending.size > 0;
  }

  /** The text of a corpus file on disk, or null when it is not one (no root matches it, or it cannot be read). */
  private diskText(uri: string): string | null {
    const p = pathFromUri(uri);
    if (!p) return null;
    const root = this.rootOf(uri);
    if (!root.matches(p)) return null;
    // As the walk of the folder: a link is not followed, whether a watcher reports it or a document is closed.
    if (isSymbolicLink(p)) {
      this.log(`skipped ${root.describe(uri)}: ${LINK_NOT_FOLLOWED}`);
      return null;
    }
    const read = readTextFileSync(p, { maxBytes: root.rootConfig.maxBytes });
    if ('reason' in read) {
      this.log(`skipped ${root.describe(uri)}: ${read.reason}`);
      return null;
    }
    return read.text;
  }

  /** Pushes all queued changes into the corpora. Synchronous: nothing can interleave. */
  flush(): FlushResult[] {
    if (!this.pending.size) return [];
    const byRoot = new Map<Root, { changed: { file: string; text: string }[]; removed: string[] }>();
    for (const [uri, text] of this.pending) {
      const root = this.rootOf(uri);
      let batch = byRoot.get(root);
      if (!batch) byRoot.set(root, (batch = { changed: [], removed: [] }));
      if (text === null) batch.removed.push(uri);
      else batch.changed.push({ file: uri, text });
    }
    this.pending.clear();
    const results: FlushResult[] = [];
    for (const [root, batch] of byRoot) {
      const removed = batch.removed.filter((f) => root.corpus.has(f));
      const changed = batch.changed.filter((c) => root.corpus.text(c.file) !== c.text);
      if (!changed.length && !removed.length) continue;
      let r;
      try {
        r = root.corpus.applyChange({ changed, removed }, { bulk: this.loadingRun !== 0 });
      } catch (err) {
        this.log(`analysis failed for ${[...changed.map((c) => c.file), ...removed].map((f) => root.describe(f)).join(', ')}: ${errorText(err)}`);
        continue;
      }
      this.generation++;
      results.push({
        root,
        changed: changed.map((c) => c.file),
        removed,
        affected: r.affected,
        decisionsChanged: r.namesChanged && this.safeDecisionsChanged(root),
      });
    }
    return results;
  }

  /** Remembers the name decisions as last published, for `decisionsChanged`. */
  rememberDecisions(root: Root): void {
    if (root.config.rules['name-variant'] === 'off') return;
    this.lastDecisions.set(root, root.corpus.nameIndex().variants());
  }

  private safeDecisionsChanged(root: Root): boolean {
    try {
      return this.decisionsChanged(root);
    } catch (err) {
      this.log(`name decisions failed: ${errorText(err)}`);
      return false;
    }
  }

  /** True when the corpus-wide name decisions differ from the last remembered ones (then remembers the new ones). */
  private decisionsChanged(root: Root): boolean {
    if (root.config.rules['name-variant'] === 'off') return false;
    const before = this.lastDecisions.get(root);
    // Not published yet (indexing): the pass that publishes everything comes anyway; no need to decide now.
    if (!before) return true;
    const after = root.corpus.nameIndex().variants();
    this.lastDecisions.set(root, after);
    if (before.size !== after.size) return true;
    for (const [spelling, d] of after) {
      const b = before.get(spelling);
      if (
        !b ||
        b.canonical !== d.canonical ||
        b.canonicalCount !== d.canonicalCount ||
        b.variantCount !== d.variantCount ||
        b.variantClass !== d.variantClass ||
        b.source !== d.source
      ) {
        return true;
      }
    }
    return false;
  }

  // ---- indexing -----------------------------------------------------------------------------------------------

  /**
   * Finds the roots and reads every corpus file of the workspace into the corpora, in batches that yield to the
   * event loop. A newer call supersedes a running one.
   */
  index(progress: IndexProgress): Promise<void> {
    const run = ++this.indexRun;
    const job = this.runIndex(run, progress).finally(() => {
      if (this.indexing === job) this.indexing = null;
      if (this.loadingRun === run) this.loadingRun = 0;
    });
    this.indexing = job;
    return job;
  }

  /** Stops a running indexing at its next step (at shutdown). */
  stopIndexing(): void {
    this.indexRun++;
  }

  private async runIndex(run: number, progress: IndexProgress): Promise<void> {
    const superseded = () => run !== this.indexRun;
    progress.report(0, 0, 'finding corpus files');
    // The first analysis on this thread would compile the date finder's patterns at once (about 60 ms): done in steps,
    // started at once (the client's answers about settings and the walks of the folders leave the thread waiting) and
    // awaited before the first file or open document is analyzed.
    let datesPrepared: Promise<boolean> | null = null;
    const prepareDatesOnce = (): Promise<boolean> => {
      if (!datesPrepared) {
        const dates = prepareDates();
        datesPrepared = stepsInSlices(dates, superseded, STEP_MS).then((done) => done !== undefined);
      }
      return datesPrepared;
    };
    void prepareDatesOnce();
    const found: { folder: string; label: string; scope: string }[] = [];
    for (const f of this.folders) {
      const folder = pathFromUri(f.uri);
      if (!folder) continue;
      const label = this.folders.length > 1 ? f.name : '';
      if (!this.lintFolders || this.lintFolders.has(f.uri) || hasConfigFile(folder)) found.push({ folder, label, scope: f.uri });
      for (const nested of await findNestedConfigFolders(folder)) {
        const nestedLabel = (label ? label + '/' : '') + path.relative(folder, nested).split(path.sep).join('/');
        found.push({ folder: nested, label: nestedLabel, scope: uriFromPath(nested) });
      }
      if (superseded()) return;
    }
    // Every root's settings asked at once: one round trip to the client, not one per root.
    const [looseSettings, ...settings] = await Promise.all([this.settingsFor(null), ...found.map((r) => this.settingsFor(r.scope))]);
    if (superseded()) return;
    const roots = found.map((r, i) => new Root(r.folder, r.label, settings[i]));
    roots.sort((a, b) => b.folder!.length - a.folder!.length);
    for (const r of roots) r.nested = roots.filter((o) => o !== r && o.folder !== r.folder && isInside(r.folder!, o.folder!)).map((o) => o.folder!);
    const loose = new Root(null, '', looseSettings);

    // The new roots take over now: changes from here on go to them. Open documents enter first.
    this.roots = roots;
    this.loose = loose;
    this.loadingRun = run;
    this.pending.clear();
    for (const [uri, doc] of this.documents) this.pending.set(uri, doc.getText());
    if (this.pending.size && !(await prepareDatesOnce())) return;
    this.flush();

    let skipped = 0;
    const skip = (root: Root, file: string, reason: string): void => {
      skipped++;
      this.log(`skipped ${root.describePath(file)}: ${reason}`);
    };
    // Analyses kept from the last session, read while the folders are walked.
    const loading = Promise.all(
      roots.map(async (root) => {
        if (!this.cacheBase || !root.folder || !root.cacheEnabled) return true;
        const cache = new RootAnalysisCache(rootCacheFolder(this.cacheBase, root.folder));
        if (!(await cache.load(superseded))) return false;
        this.analysisCaches.set(root, cache);
        if (cache.holdsAnalyses) this.log(`read the analyses of ${cache.counts().stored} files kept from the last session`);
        return true;
      }),
    );
    const work: { root: Root; file: string }[] = [];
    const unusable: { root: Root; file: string; reason: string }[] = [];
    for (const root of roots) {
      const found = await root.findFiles();
      for (const file of found.files) work.push({ root, file });
      for (const u of found.unusable) unusable.push({ root, file: u.absolute, reason: u.reason });
    }
    if (superseded()) return;
    for (const root of roots) for (const p of root.rootConfig.problems) this.log(`config ${p.file}: ${p.message}`);
    for (const u of unusable) skip(u.root, u.file, u.reason);

    for (const root of roots) root.corpus.beginLoad();
    if (!(await loading).every(Boolean)) return;
    // Worker threads read and analyze a large root's files while this thread indexes what they deliver and keeps
    // answering; what they do not deliver is read and analyzed here, as without them.
    const delivered = new Set<string>();
    const analyzed = new StepSizer();
    const inPlace = new StepSizer();
    let done = 0;
    for (const root of roots) {
      const mine = work.filter((w) => w.root === root).map((w) => ({ file: w.file, absolute: w.file }));
      const cache = this.analysisCaches.get(root);
      // Analyses kept from the last session are taken on this thread: workers would analyze those files again.
      const background = workerScript() && !cache?.holdsAnalyses ? analyzeInBackground(mine, workerScript()!, root.rootConfig.maxBytes, defaultThreads(mine.length, SERVER_MIN_FILES_FOR_THREADS)) : null;
      if (!background) continue;
      this.log(`reading and analyzing ${mine.length} files with ${background.threads} worker thread${background.threads === 1 ? '' : 's'}`);
      try {
        // While the workers start.
        if (!(await prepareDatesOnce())) return;
        const intern = (spellings: string[]) => root.corpus.internSpellings(spellings);
        for (;;) {
          let d = background.ready(intern);
          if (d === undefined) {
            // Nothing delivered yet: this thread reads and analyzes a few files itself rather than wait.
            const own = background.claim();
            if (own.length) {
              for (const f of own) delivered.add(f.file);
              if (!(await this.readAndAdd(own.map((f) => ({ root, file: f.file })), inPlace, superseded, skip))) return;
              done += own.length;
              progress.report(done, work.length, `${done}/${work.length} files`);
              continue;
            }
            d = await background.next(intern);
          }
          if (d === null) break;
          // Taking a delivery (its new spellings interned, its analyses unpacked) is a step of its own.
          await yieldToLoop();
          if (superseded()) return;
          for (const s of d.skipped) {
            delivered.add(s.file);
            skip(root, s.file, s.reason);
          }
          const changed: { file: string; text: string; analysis: FileModel }[] = [];
          for (const f of d.files) {
            delivered.add(f.file);
            const uri = uriFromPath(f.file);
            cache?.read(uri, f.text, contentDigest(f.text));
            changed.push({ file: uri, text: f.text, analysis: f.analysis });
          }
          if (!(await this.addInSteps(root, changed, analyzed, superseded))) return;
          done += d.files.length + d.skipped.length;
          progress.report(done, work.length, `${done}/${work.length} files`);
        }
      } finally {
        background.cancel();
      }
    }
    const rest = delivered.size ? work.filter((w) => !delivered.has(w.file)) : work;
    for (const root of roots) {
      const mine = rest.filter((w) => w.root === root);
      // Analyzed here: a helper thread reads ahead (the reads and the UTF-8 decoding were a tenth of this thread's work).
      const script = readAheadScript(workerScript());
      const digests = this.analysisCaches.has(root);
      const ahead =
        script && readAheadWanted(mine.length) ? startReadAhead(mine.map((w) => w.file), script, root.rootConfig.maxBytes, { digests }) : null;
      try {
        // While the helper reads the first files.
        if (mine.length && !(await prepareDatesOnce())) return;
        for (let i = 0; i < mine.length; i += PROGRESS_FILES) {
          const batch = mine.slice(i, i + PROGRESS_FILES);
          if (!(await this.readAndAdd(batch, inPlace, superseded, skip, ahead ? { ahead, first: i } : undefined))) return;
          done += batch.length;
          progress.report(done, work.length, `${done}/${work.length} files`);
        }
      } finally {
        if (ahead) {
          const { worker } = ahead.counts();
          this.log(`read ${worker} of ${mine.length} files on a helper thread (reading ahead)`);
          ahead.close();
        }
      }
    }
    // The corpus-wide work the first publication needs (the name decisions, all near-duplicates at once), in steps:
    // done at once, it held the message loop for over half a second on the news sample.
    for (const root of roots) {
      try {
        if (!(await inSlices((stop) => root.corpus.prepare(stop), superseded, STEP_MS))) return;
      } catch (err) {
        this.log(`preparing the corpus-wide findings${root.label ? ` of ${root.label}` : ''} failed: ${errorText(err)}`);
      }
    }
    this.log(`indexed ${work.length + unusable.length - skipped} files in ${roots.length} root${roots.length === 1 ? '' : 's'}${skipped ? `, skipped ${skipped}` : ''}`);
    for (const root of roots) {
      const counts = this.analysisCaches.get(root)?.counts();
      if (counts?.stored) this.log(`${counts.reused} of the ${counts.stored} analyses kept from the last session were still valid`);
    }
  }

  /**
   * Stores the analyses of each root indexed with a cache, when it is due (see RootAnalysisCache.store); after the
   * first publication of the diagnostics, so that it never delays them. Each root's cache is stored once per index.
   */
  async storeAnalyses(shouldStop: () => boolean): Promise<void> {
    for (const root of this.roots) {
      const cache = this.analysisCaches.get(root);
      if (!cache) continue;
      this.analysisCaches.delete(root);
      const done = await cache.store(root.corpus, root.corpus.files(), () => shouldStop() || !this.roots.includes(root));
      if (done) this.log(done);
    }
  }

  /**
   * Reads files and adds them (analyzed here) in steps of about STEP_MS, reading and analyzing within a step. The texts
   * come from `reader` (a helper thread reading ahead: the batch's files are its files `first`, `first + 1`, …) or
   * are read here synchronously: the promise-based reads took 2–3 times the main thread's time of synchronous ones (the
   * open, stat, read and close callbacks). False when the indexing was superseded meanwhile.
   */
  private async readAndAdd(
    batch: { root: Root; file: string }[],
    sizer: StepSizer,
    superseded: () => boolean,
    skip: (root: Root, file: string, reason: string) => void,
    reader?: { ahead: ReadAhead; first: number },
  ): Promise<boolean> {
    for (let k = 0; k < batch.length; ) {
      if (superseded()) return false;
      const root = batch[k].root;
      const started = performance.now();
      // Time spent waiting for the reader is not the step's work (the sizer learns how long analysis takes).
      let waited = 0;
      const part: { file: string; text: string; analysis?: FileModel }[] = [];
      const cache = this.analysisCaches.get(root);
      const intern = (spellings: string[]) => root.corpus.internSpellings(spellings);
      let chars = 0;
      // Files of one root until the step's text is as long as a step analyzes (at least one file).
      while (k < batch.length && batch[k].root === root && (chars === 0 || chars * sizer.msPerChar < STEP_MS)) {
        const index = k++;
        const w = batch[index];
        const uri = uriFromPath(w.file);
        // Read ahead in order, whether needed or not (an open document's text comes from the editor).
        let read: ReadResult | undefined;
        if (reader) {
          const before = performance.now();
          read = await reader.ahead.readAsync(reader.first + index);
          waited += performance.now() - before;
        }
        if (this.documents.has(uri)) continue;
        read ??= readTextFileSync(w.file, { maxBytes: root.rootConfig.maxBytes });
        if ('reason' in read) {
          skip(root, w.file, read.reason);
          continue;
        }
        const analysis = cache?.analysisOf(uri, read.text, read.digest ?? contentDigest(read.text), intern);
        part.push({ file: uri, text: read.text, analysis });
        chars += read.text.length;
      }
      // Waiting for the reader let other messages in: a new indexing may have started meanwhile.
      if (reader && superseded()) return false;
      if (part.length) {
        this.addFiles(root, part);
        this.generation++;
        sizer.learn(performance.now() - started - waited, chars);
      }
      await yieldToLoop();
    }
    return !superseded();
  }

  /**
   * Adds files in steps of about STEP_MS (sized by the time per character the last steps took), letting the server
   * answer between them. False when the indexing was superseded meanwhile.
   */
  private async addInSteps(
    root: Root,
    changed: { file: string; text: string; analysis?: FileModel }[],
    sizer: StepSizer,
    superseded: () => boolean,
  ): Promise<boolean> {
    for (let k = 0; k < changed.length; ) {
      // As many files as fit in a step by their length (at least one).
      let chars = changed[k].text.length;
      let end = k + 1;
      while (end < changed.length && (chars + changed[end].text.length) * sizer.msPerChar <= STEP_MS) chars += changed[end++].text.length;
      const part = changed.slice(k, end);
      k = end;
      const started = performance.now();
      this.addFiles(root, part);
      this.generation++;
      sizer.learn(performance.now() - started, chars);
      await yieldToLoop();
      if (superseded()) return false;
    }
    return true;
  }

  /** Adds files to a root's corpus; a file the analysis fails on is logged and left out, the others go in. */
  private addFiles(root: Root, files: { file: string; text: string; analysis?: FileModel }[]): void {
    // A step may have waited (for a worker's delivery, for the reader, between steps): a document opened meanwhile
    // keeps its editor's text.
    const changed = files.filter((f) => !this.documents.has(f.file));
    if (!changed.length) return;
    try {
      // A step of the initial index: everything is published afterwards, so affected files need no tracking.
      root.corpus.applyChange({ changed }, { bulk: true });
    } catch {
      for (const c of changed) {
        try {
          root.corpus.applyChange({ changed: [{ file: c.file, text: c.text }] });
        } catch (err) {
          this.log(`analysis failed for ${root.describe(c.file)}, left out: ${errorText(err)}`);
          try {
            root.corpus.applyChange({ removed: [c.file] });
          } catch {
            // nothing more to undo
          }
        }
      }
    }
  }

  /**
   * After a config or settings change: reloads each root's config and brings its file set in line with the globs.
   * Returns the roots whose config or files changed.
   */
  async reconfigure(onlyRoot?: Root): Promise<Root[]> {
    const changedRoots: Root[] = [];
    for (const root of onlyRoot ? [onlyRoot] : this.allRoots()) {
      const settings = await this.settingsFor(root.folder ? root.uri : null);
      const configChanged = root.configure(settings);
      let filesChanged = false;
      if (root.folder) {
        const found = await root.findFiles();
        for (const u of found.unusable) this.log(`skipped ${root.describePath(u.absolute)}: ${u.reason}`);
        const wanted = new Set(found.files.map(uriFromPath));
        for (const f of root.corpus.files()) {
          if (!wanted.has(f) && !this.documents.has(f)) {
            this.pending.set(f, null);
            filesChanged = true;
          }
        }
        for (const f of wanted) {
          if (!root.corpus.has(f) && !this.documents.has(f)) {
            this.pending.set(f, this.diskText(f));
            filesChanged = true;
          }
        }
      }
      if (configChanged || filesChanged) changedRoots.push(root);
    }
    if (changedRoots.length) this.generation++;
    return changedRoots;
  }

  /** True for a config file name the server watches. */
  static isConfigFile(uri: string): boolean {
    const p = pathFromUri(uri);
    return !!p && (CONFIG_FILE_NAMES as string[]).includes(path.basename(p));
  }

  /** The root whose config file this is, if any. */
  rootOfConfig(uri: string): Root | undefined {
    const p = pathFromUri(uri);
    if (!p) return undefined;
    return this.roots.find((r) => r.folder === path.dirname(p));
  }

  /** Totals for the status notification (sent after every change: constant time per root). */
  sizes(): { files: number; entries: number } {
    let files = 0;
    let entries = 0;
    for (const r of this.allRoots()) {
      const size = r.corpus.size();
      files += size.files;
      entries += size.entries;
    }
    return { files, entries };
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

/**
 * The initial index uses worker threads (unless `CORPUS_LINT_THREADS` says otherwise) from this many files of a root
 * on, with idle cores beyond the two `defaultThreads` leaves to this thread and the engine's helpers. Measured on 2 idle
 * cores, first full diagnostics: 3,860 news files 2.4 s on this thread alone against 2.6-2.75 s with a worker; 6,000
 * generated files 3.8-4.5 against 3.8-3.9 s; 10,000 files 6.5-7.8 against 5.1-5.5 s. Since the read-ahead and the
 * faster analysis, 10,000 files take 2.6-2.7 s alone and 2.8-2.9 s with a worker (medians of 5, alternated): no longer
 * a gain on 2 cores, which start none now; kept for machines with more idle cores.
 */
const SERVER_MIN_FILES_FOR_THREADS = 5000;

/** The time a step of the initial index takes per character of text, learned from the last steps (ms). */
class StepSizer {
  // Cautious at first: the first steps run code the engine has not optimized yet.
  msPerChar = 0.003;

  learn(ms: number, chars: number): void {
    this.msPerChar = 0.7 * this.msPerChar + 0.3 * (ms / Math.max(1, chars));
  }
}

/** True when the folder itself holds a Corpus Lint config file. */
function hasConfigFile(folder: string): boolean {
  return CONFIG_FILE_NAMES.some((name) => fs.existsSync(path.join(folder, name)));
}
