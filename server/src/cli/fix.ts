/**
 * `check --fix` and `--fix-dry-run`: applies the safe fixes of the reported findings in memory, pass after pass until
 * none is left, then writes each changed file atomically (keeping its BOM and line endings) or prints a unified diff.
 * Only the checked files are ever changed; context files and findings accepted by the ignore file or the baseline
 * are left alone. A file that changed on disk since it was read is not written.
 */
import * as fs from 'node:fs';
import type { Corpus } from '../core/corpus';
import type { Finding, TextEdit } from '../core/types';
import { indexLines, offsetAt } from '../core/text/lines';
import { writeFileAtomic } from '../node/atomicWrite';
import { unifiedDiff } from './diff';
import { quotePath } from './format/quotePath';

/** More passes than any real file needs: a fix can only reveal another (a replacement making two copies equal). */
const MAX_PASSES = 10;

export interface FixedFile {
  file: string;
  before: string;
  after: string;
  /** Number of fixes applied. */
  fixes: number;
}

/**
 * Applies the safe fixes of `files` in memory and updates the corpus with the results. `shown` filters a file's
 * findings to the ones reported (without accepted findings). Returns the files whose text changed.
 */
export function planFixes(corpus: Corpus, files: string[], shown: (file: string, findings: Finding[]) => Finding[]): FixedFile[] {
  const writable = new Set(files);
  const results = new Map<string, FixedFile>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const changed: { file: string; text: string }[] = [];
    for (const file of files) {
      const text = corpus.text(file);
      if (text === undefined) continue;
      const edits: TextEdit[][] = [];
      for (const f of shown(file, corpus.findings(file))) {
        const fix = f.fixes.find((x) => x.safe);
        if (!fix) continue;
        // Fixes are offered per finding in its own file; never reach into another file from here.
        if (fix.changes.some((c) => c.file !== file || !writable.has(c.file))) continue;
        edits.push(fix.changes.flatMap((c) => c.edits));
      }
      if (!edits.length) continue;
      const { text: after, applied } = applyFixEdits(text, edits);
      if (!applied || after === text) continue;
      changed.push({ file, text: after });
      const r = results.get(file) ?? { file, before: text, after, fixes: 0 };
      r.after = after;
      r.fixes += applied;
      results.set(file, r);
    }
    if (!changed.length) break;
    corpus.applyChange({ changed });
  }
  return files.map((f) => results.get(f)).filter((r): r is FixedFile => !!r && r.after !== r.before);
}

/**
 * Applies groups of edits (one group per fix) to a text. A group overlapping an earlier one is left for the next
 * pass, so every applied fix sees exactly the text it was computed on.
 */
export function applyFixEdits(text: string, groups: TextEdit[][]): { text: string; applied: number } {
  const lines = indexLines(text);
  const eol = /\r\n|\n|\r/.exec(text)?.[0] ?? '\n';
  const taken: { start: number; end: number; newText: string }[] = [];
  let applied = 0;
  for (const group of groups) {
    const spans = group.map((e) => ({
      start: offsetAt(lines, e.range.start),
      end: offsetAt(lines, e.range.end),
      // Inserted line breaks follow the file's own.
      newText: e.newText.replace(/\r\n|\n|\r/g, eol),
    }));
    const clash = spans.some((s) => taken.some((t) => s.start < t.end && t.start < s.end) || taken.some((t) => s.start === t.start));
    if (clash) continue;
    taken.push(...spans);
    applied++;
  }
  taken.sort((a, b) => b.start - a.start);
  let out = text;
  for (const t of taken) out = out.slice(0, t.start) + t.newText + out.slice(t.end);
  return { text: out, applied };
}

export interface WriteResult {
  written: FixedFile[];
  /** Files left alone because they changed on disk since they were read; the corpus holds their current text. */
  skipped: { file: string; reason: string }[];
}

const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

/** Writes the fixed files. `absoluteOf` maps a file key to its path on disk. */
export function writeFixes(corpus: Corpus, fixed: FixedFile[], absoluteOf: (file: string) => string): WriteResult {
  const result: WriteResult = { written: [], skipped: [] };
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  for (const f of fixed) {
    const abs = absoluteOf(f.file);
    let current: Buffer;
    let currentText: string | null;
    try {
      current = fs.readFileSync(abs);
      try {
        currentText = decoder.decode(current);
      } catch {
        currentText = null;
      }
    } catch (err) {
      result.skipped.push({ file: f.file, reason: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
      revert(corpus, f, null);
      continue;
    }
    const bom = currentText !== null && currentText.charCodeAt(0) === 0xfeff;
    const onDisk = currentText !== null && bom ? currentText.slice(1) : currentText;
    if (onDisk !== f.before) {
      result.skipped.push({ file: f.file, reason: 'changed on disk since it was read; not fixed' });
      revert(corpus, f, onDisk);
      continue;
    }
    const body = Buffer.from(f.after, 'utf8');
    const bytes = bom ? Buffer.concat([UTF8_BOM, body]) : body;
    let outcome;
    try {
      outcome = writeFileAtomic(abs, bytes, { expected: current });
    } catch (err) {
      result.skipped.push({ file: f.file, reason: `cannot be written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); not fixed` });
      revert(corpus, f, f.before);
      continue;
    }
    if (outcome === 'written') result.written.push(f);
    else {
      result.skipped.push({ file: f.file, reason: 'changed on disk while it was being fixed; not fixed' });
      revert(corpus, f, readText(abs));
    }
  }
  return result;
}

/** The unified diff of every fixed file (`--fix-dry-run`). */
export function fixesDiff(fixed: FixedFile[]): string {
  return fixed.map((f) => unifiedDiff(f.file, f.before, f.after)).join('');
}

function readText(abs: string): string | null {
  try {
    return fs.readFileSync(abs, 'utf8').replace(/^\ufeff/, '');
  } catch {
    return null;
  }
}

/** After a file was not written, the corpus goes back to what the file holds (its text on disk, or the original). */
function revert(corpus: Corpus, f: FixedFile, onDisk: string | null): void {
  corpus.applyChange({ changed: [{ file: f.file, text: onDisk ?? f.before }] });
}

/**
 * Runs `--fix` (write, returns 0: the report that follows decides the exit code) or `--fix-dry-run` (prints the
 * diff, returns 1 when there is something to fix, else 0).
 */
export function runFixes(
  corpus: Corpus,
  files: string[],
  shown: (file: string, findings: Finding[]) => Finding[],
  absoluteOf: (file: string) => string,
  mode: 'write' | 'dry-run',
  io: { stdout: (s: string) => void; stderr: (s: string) => void },
): number {
  const fixed = planFixes(corpus, files, shown);
  const count = fixed.reduce((n, f) => n + f.fixes, 0);
  const summary = `${count} fix${count === 1 ? '' : 'es'} in ${fixed.length} file${fixed.length === 1 ? '' : 's'}`;
  if (mode === 'dry-run') {
    io.stdout(fixesDiff(fixed));
    io.stderr(`corpus-lint: ${fixed.length ? `would apply ${summary}` : 'nothing to fix'} (dry run, no file changed)\n`);
    return fixed.length ? 1 : 0;
  }
  const r = writeFixes(corpus, fixed, absoluteOf);
  for (const s of r.skipped) io.stderr(`corpus-lint: ${quotePath(s.file)}: ${s.reason}\n`);
  if (fixed.length) {
    const n = r.written.reduce((k, f) => k + f.fixes, 0);
    io.stderr(`corpus-lint: applied ${n} fix${n === 1 ? '' : 'es'} in ${r.written.length} file${r.written.length === 1 ? '' : 's'}\n`);
  }
  return 0;
}
