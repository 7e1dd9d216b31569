/**
 * `corpus-lint report --format html`: loads the corpus like `check`, keeps the findings the ignore file does not
 * accept (marking the baselined ones), gathers the people and timeline sections and writes one HTML page.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixedEntries, applyBaseline } from '../core/baseline';
import { applyIgnoreFile } from '../core/ignoreFile';
import { loadBaselineFile, loadIgnoreFile, relativeKey } from '../node/acceptedFindings';
import { makeFolders } from '../node/atomicWrite';
import type { ReportArgs } from './args';
import { loadCorpus, usageProblem } from './loadCorpus';
import type { Io } from './main';
import { HtmlFile, renderHtml } from './reportHtml';
import { peopleRows, timeline } from './reportSections';

export function runReport(args: ReportArgs, io: Io, version: string): number {
  const c = loadCorpus(args.paths, args, io);
  if (c === 2) return 2;
  const { loaded, corpus } = c;
  let ignore;
  let baseline;
  try {
    ignore = loadIgnoreFile(loaded.root);
    const baselinePath =
      args.baseline === null ? null : args.baseline ?? (loaded.config.baseline ? path.resolve(loaded.root, loaded.config.baseline) : null);
    baseline = baselinePath ? loadBaselineFile(baselinePath) : null;
  } catch (err) {
    return usageProblem(err, io);
  }
  let baselineFixed = 0;
  const files: HtmlFile[] = c.files.map((file) => {
    const abs = c.absoluteOf(file);
    const text = corpus.text(file) ?? '';
    let findings = corpus.findings(file);
    if (ignore) findings = applyIgnoreFile(ignore.rules, relativeKey(ignore.file, abs), text, findings).kept;
    let known = new Set<unknown>();
    if (baseline) {
      const key = relativeKey(baseline.file, abs);
      const split = applyBaseline(baseline.index, key, text, findings);
      known = new Set(split.baselined);
      baselineFixed += fixedEntries(baseline.index, key, split.matched).length;
    }
    const entries = corpus.entries(file);
    return {
      path: file,
      entries: entries.length,
      dated: entries.filter((e) => e.date).length,
      findings: findings.map((f) => ({
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        code: f.code,
        severity: f.severity,
        message: f.message,
        baselined: known.has(f),
      })),
    };
  });
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const html = renderHtml({
    title: `Corpus Lint report: ${path.basename(loaded.root) || loaded.root}`,
    generated: new Date(Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? epoch * 1000 : Date.now()).toISOString(),
    version,
    files,
    skipped: c.skipped,
    baseline: baseline ? path.relative(process.cwd(), baseline.file) || baseline.file : null,
    baselineFixed,
    people: peopleRows(corpus, c.files),
    timeline: timeline(corpus, c.files),
  });
  if (!args.output) {
    io.stdout(html);
    return 0;
  }
  try {
    makeFolders(path.dirname(path.resolve(args.output)));
    fs.writeFileSync(args.output, html);
  } catch (err) {
    io.stderr(`corpus-lint: cannot write ${args.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return 2;
  }
  const findings = files.reduce((n, f) => n + f.findings.length, 0);
  io.stderr(`corpus-lint: wrote ${args.output} (${files.length} files, ${findings} findings)\n`);
  return 0;
}
