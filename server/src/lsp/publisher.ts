/**
 * Publishes diagnostics: computes a file's diagnostics from the corpus (the visible findings: without those the
 * ignore file or the baseline accepts), compares them with what the client last got and sends only the files whose
 * diagnostics changed. Also publishes the problems of config, ignore and baseline files and counts findings for the
 * status notification.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import { indexLines, rangeOf } from '../core/text/lines';
import { fromUtf16 } from './encoding';
import { SOURCE, tagOfAnalysis, toDiagnostic } from './diagnostics';
import type { PositionMapper } from './positions';
import type { Root } from './roots';
import { settledWithin, yieldToLoop } from './loop';
import { uriFromPath } from './uris';
import { visibleFindings } from './accepted';

export interface PublisherOptions {
  send: (uri: string, diagnostics: Diagnostic[]) => void;
  positions: PositionMapper;
  relatedInformation: () => boolean;
  log: (message: string) => void;
  /** Called when the queue of files to publish (see `enqueue`) was emptied. */
  onQueueDrained?: () => void;
  /** False for a root that is gone (after a re-index): its queued files are dropped. */
  isLive?: (root: Root) => boolean;
  /**
   * Settles once what was sent so far is written to the client. A full pass waits between steps for the step before,
   * so the connection never queues more than two steps' diagnostics ahead of the answers to requests.
   */
  written?: () => Promise<unknown>;
  /** Work per step of a full pass (ms), PASS_STEP_MS by default (tests set 0: one file per step). */
  passStepMs?: number;
}

/** Work per step of a full pass (ms); the pass yields to the message loop between steps. */
const PASS_STEP_MS = 10;
/** How long a pass waits at most for the client to take a step's diagnostics. */
const WRITTEN_WAIT_MS = 1000;
/** How long publishing after an edit waits at most for the client to take what was sent before. */
const BACKLOG_WAIT_MS = 10000;

export class DiagnosticsPublisher {
  /**
   * uri -> the diagnostics the client has (never empty). Kept as sent and compared value by value when a file is
   * published again: serializing every file's diagnostics for the comparison cost as much as the connection's own
   * serializing on a first pass, which has nothing to compare with.
   */
  private readonly sent = new Map<string, Diagnostic[]>();
  private readonly passes = new WeakMap<Root, number>();
  /**
   * uri -> the text whose analysis the file's diagnostics were last tagged with, and the tag (see `tagOfAnalysis`). A
   * file read again with the same text (a re-index) keeps its tag, so its unchanged diagnostics are not sent again;
   * the entry goes when the file's diagnostics do.
   */
  private readonly tags = new Map<string, { text: string; tag: string }>();
  private tagged = 0;
  private readonly configUris = new Set<string>();
  /** The diagnostics `sent` holds for files other than config files (kept as they change: the status asks after every change). */
  private shown = 0;
  /** Files waiting to be published, by root, in the order they are published. */
  private queue = new Map<Root, Set<string>>();
  private pumping = false;

  constructor(private readonly o: PublisherOptions) {}

  /**
   * Queues files of a root for publication: they are published in steps of a few milliseconds with the message
   * loop running between them, starting on a later turn of the loop (so the change that queued them is one step and
   * their diagnostics others). Files queued by the latest change go first. Each file's diagnostics are computed when
   * it is published, from the corpus as it is then: a file queued twice is published once, never from stale text.
   */
  enqueue(root: Root, files: Iterable<string>): void {
    const first = new Set(files);
    if (!first.size) return;
    const rest = new Map<Root, Set<string>>([[root, first]]);
    for (const [r, queued] of this.queue) {
      const set = rest.get(r) ?? new Set<string>();
      for (const f of queued) set.add(f);
      rest.set(r, set);
    }
    this.queue = rest;
    void this.pump();
  }

  /** True while files wait to be published. */
  hasQueued(): boolean {
    return this.queue.size > 0;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.size) {
        await yieldToLoop();
        // The client takes what was sent before more is computed: a file's diagnostics published after each keystroke
        // faster than the client reads them queued up in the connection (typing in a file of 5 MB, whose diagnostics
        // are a message of 27 MB, took the server past 4 GB). Files queued meanwhile are published once, as they are then.
        if (this.o.written) await settledWithin(this.o.written(), BACKLOG_WAIT_MS);
        const deadline = performance.now() + PASS_STEP_MS;
        do {
          const [root, files] = this.queue.entries().next().value!;
          const file = files.values().next().value!;
          files.delete(file);
          if (!files.size) this.queue.delete(root);
          if (this.o.isLive?.(root) ?? true) this.publish(root, [file]);
        } while (this.queue.size && performance.now() < deadline);
      }
    } finally {
      this.pumping = false;
    }
    this.o.onQueueDrained?.();
  }

  /** The diagnostics of a file; a failure of the analysis is logged and leaves the file's last diagnostics. */
  private tryDiagnostics(root: Root, file: string): Diagnostic[] | null {
    try {
      return this.diagnosticsOf(root, file);
    } catch (err) {
      this.o.log(`findings of ${root.describe(file)} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return null;
    }
  }

  /** Findings currently shown, over all files. */
  findingCount(): number {
    return this.shown;
  }

  /** The tag of the file's current analysis ('' for a file not in the corpus). */
  analysisTag(root: Root, file: string): string {
    const model = root.corpus.model(file);
    if (!model) return '';
    const known = this.tags.get(file);
    // The same string while the model lives; after a re-index, an equal one read again, which then takes the old
    // one's place (the old text is not kept alive, and the next comparison is by reference again).
    if (known && known.text === model.text) {
      known.text = model.text;
      return known.tag;
    }
    const tag = tagOfAnalysis(++this.tagged);
    this.tags.set(file, { text: model.text, tag });
    return tag;
  }

  /** The diagnostics of one corpus file, as they would be sent now. */
  diagnosticsOf(root: Root, file: string): Diagnostic[] {
    const findings = visibleFindings(root, file);
    if (!findings.length) return [];
    const analysis = this.analysisTag(root, file);
    const relatedInformation = this.o.relatedInformation();
    return findings.map((f) =>
      toDiagnostic(f, { positions: this.o.positions, relatedInformation, describe: (x) => root.describe(x), analysis }),
    );
  }

  /** Publishes the given files of a root (files no longer in the corpus get an empty list). */
  publish(root: Root, files: Iterable<string>): void {
    for (const file of files) {
      if (!root.corpus.has(file)) this.send(file, []);
      else {
        const d = this.tryDiagnostics(root, file);
        if (d) this.send(file, d);
      }
    }
  }

  private send(uri: string, diagnostics: Diagnostic[]): void {
    if (!diagnostics.length) this.tags.delete(uri);
    const before = this.sent.get(uri);
    if (before === undefined ? diagnostics.length === 0 : sameJson(before, diagnostics)) return;
    if (!this.configUris.has(uri)) this.shown += diagnostics.length - (before?.length ?? 0);
    if (diagnostics.length) this.sent.set(uri, diagnostics);
    else this.sent.delete(uri);
    this.o.send(uri, diagnostics);
  }

  /**
   * Publishes every file of a root, in chunks that yield to the event loop. A newer pass over the same root stops
   * an older one. Resolves true when the pass ran to the end.
   */
  async publishAll(root: Root, isCancelled: () => boolean = () => false): Promise<boolean> {
    const run = (this.passes.get(root) ?? 0) + 1;
    this.passes.set(root, run);
    const files = root.corpus.files().sort();
    let lastStep: Promise<unknown> | null = null;
    for (let i = 0; i < files.length; ) {
      if (this.passes.get(root) !== run || isCancelled()) return false;
      const deadline = performance.now() + (this.o.passStepMs ?? PASS_STEP_MS);
      do {
        const f = files[i++];
        const d = root.corpus.has(f) ? this.tryDiagnostics(root, f) : null;
        if (d) this.send(f, d);
      } while (i < files.length && performance.now() < deadline);
      await yieldToLoop();
      // Answers to requests queue behind the diagnostics written so far: a pass that sent every file at once held
      // them back by 150-200 ms on the news sample. A step waits for the step before it to be written, not for itself:
      // the client reads one step while the next is made (waiting for each step's own writes left the server idle for
      // 20-50 ms of the first publication of 10,000 files).
      if (this.o.written) {
        if (lastStep) await settledWithin(lastStep, WRITTEN_WAIT_MS);
        lastStep = this.o.written();
      }
    }
    return this.passes.get(root) === run;
  }

  /** Clears the diagnostics of files that are in no corpus any more (after a re-index), in steps. */
  async clearMissing(isKnown: (uri: string) => boolean): Promise<void> {
    const uris = [...this.sent.keys()];
    for (let i = 0; i < uris.length; ) {
      const deadline = performance.now() + PASS_STEP_MS;
      do {
        const uri = uris[i++];
        if (this.sent.has(uri) && !this.configUris.has(uri) && !isKnown(uri)) this.send(uri, []);
      } while (i < uris.length && performance.now() < deadline);
      if (i < uris.length) await yieldToLoop();
    }
  }

  /**
   * Publishes the problems of each root's config file, ignore file and baseline as diagnostics on those files (or
   * clears them).
   */
  publishConfigProblems(roots: Root[]): void {
    const now = new Map<string, Diagnostic[]>();
    const seen = new Set<string>();
    const add = (p: { file: string; text: string; offset: number; length: number; message: string }, code: string, message: string) => {
      const uri = uriFromPath(p.file);
      const list = now.get(uri) ?? [];
      now.set(uri, list);
      const key = JSON.stringify([uri, p.offset, p.length, message]);
      if (seen.has(key)) return; // one file accepting for several roots
      seen.add(key);
      list.push({ range: this.problemRange(p), severity: DiagnosticSeverity.Error, code, source: SOURCE, message });
    };
    for (const root of roots) {
      const file = root.rootConfig.configFile;
      if (file) now.set(uriFromPath(file), now.get(uriFromPath(file)) ?? []);
      const meanwhile = root.rootConfig.fromFile ? 'its last valid content is used' : 'the defaults are used';
      for (const p of root.rootConfig.problems) add(p, 'invalid-config', `${p.message} (${meanwhile} until this is fixed)`);
      if (root.accepted.ignorePath) now.set(uriFromPath(root.accepted.ignorePath), now.get(uriFromPath(root.accepted.ignorePath)) ?? []);
      if (root.accepted.baselinePath) now.set(uriFromPath(root.accepted.baselinePath), now.get(uriFromPath(root.accepted.baselinePath)) ?? []);
      for (const p of root.accepted.problems) add(p, p.code, p.message);
      if (root.registry.path) now.set(uriFromPath(root.registry.path), now.get(uriFromPath(root.registry.path)) ?? []);
      for (const p of root.registry.problems) add(p, 'invalid-registry', `${p.message} (the registry is not used until this is fixed)`);
    }
    const before = new Set(this.configUris);
    for (const uri of before) if (!now.has(uri)) this.send(uri, []);
    this.configUris.clear();
    for (const [uri, list] of now) {
      // A file that becomes a config file leaves the findings count with what it had.
      if (!before.has(uri)) this.shown -= this.sent.get(uri)?.length ?? 0;
      this.configUris.add(uri);
      this.send(uri, list);
    }
  }

  /** The range of a problem located by UTF-16 offsets in a file's text, in the client's encoding. */
  private problemRange(p: { text: string; offset: number; length: number }) {
    const lines = indexLines(p.text);
    const r = rangeOf(lines, p.offset, p.offset + p.length);
    const conv = (pos: { line: number; character: number }) => {
      const line = p.text.slice(lines.starts[pos.line] ?? 0, lines.ends[pos.line] ?? 0);
      return { line: pos.line, character: fromUtf16(line, pos.character, this.o.positions.encoding) };
    };
    return { start: conv(r.start), end: conv(r.end) };
  }
}

/**
 * True when two JSON values would serialize alike, key order aside (properties holding `undefined` are absent in
 * JSON, so they count as absent here).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    if (a.length !== bs.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], bs[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let defined = 0;
  for (const k in ao) {
    if (ao[k] === undefined) continue;
    defined++;
    if (!sameJson(ao[k], bo[k])) return false;
  }
  for (const k in bo) if (bo[k] !== undefined) defined--;
  return defined === 0;
}
