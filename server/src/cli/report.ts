/** The result of a `check` run, in plain data that every output format renders. */
import type { Corpus } from '../core/corpus';

/**
 * What a report reads: a corpus, or results read back from the cache (which may also know the baseline fingerprints
 * of each file's findings, in the order of `findings(file)`).
 */
export type FindingSource = Pick<Corpus, 'findings' | 'entries' | 'text'> & { fingerprints?(file: string): string[] | undefined };
import type { EntryInfo, Finding, RuleCode, Severity } from '../core/types';
import { RULE_CODES } from '../core/rules/catalog';
import { fingerprintFindings } from '../core/baseline';

export interface FileReport {
  path: string;
  entries: EntryInfo[];
  findings: Finding[];
  /**
   * Line-independent fingerprints of `findings` (one each, same order): the baseline's, keyed on `path` and computed
   * over all the file's findings, so accepting or filtering some never changes the others'. Empty when the report
   * was built without them (`fingerprints: false`: no output or cache reads them).
   */
  fingerprints: string[];
}

export interface Summary {
  files: number;
  entries: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
  byRule: Record<RuleCode, number>;
  skipped: { path: string; reason: string }[];
}

export interface Report {
  files: FileReport[];
  summary: Summary;
}

export function buildReport(
  corpus: FindingSource,
  files: string[],
  skipped: { path: string; reason: string }[],
  options: {
    quiet: boolean;
    accept?: (file: string, findings: Finding[]) => Finding[];
    /** Called with the fingerprints of every file's findings (all of them, in order), e.g. to cache them. */
    fingerprinted?: (file: string, prints: string[]) => void;
    /** False: no fingerprints are computed (they cost a tenth of the report on 10,000 files). Default true. */
    fingerprints?: boolean;
  },
): Report {
  const byRule = Object.fromEntries(RULE_CODES.map((c) => [c, 0])) as Record<RuleCode, number>;
  const count: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let entries = 0;
  const reports: FileReport[] = files.map((path) => {
    const every = corpus.findings(path);
    const all = options.accept ? options.accept(path, every) : every;
    const findings = options.quiet ? all.filter((f) => f.severity === 'error') : all;
    const prints = new Map<Finding, string>();
    if (options.fingerprints !== false) {
      const everyPrint = every.length ? (corpus.fingerprints?.(path) ?? fingerprintFindings(path, corpus.text(path) ?? '', every)) : [];
      everyPrint.forEach((p, i) => prints.set(every[i], p));
      options.fingerprinted?.(path, everyPrint);
    }
    for (const f of findings) {
      count[f.severity]++;
      byRule[f.code]++;
    }
    const e = corpus.entries(path);
    entries += e.length;
    return { path, entries: e, findings, fingerprints: prints.size ? findings.map((f) => prints.get(f) ?? '') : [] };
  });
  return {
    files: reports,
    summary: {
      files: files.length,
      entries,
      errors: count.error,
      warnings: count.warning,
      information: count.information,
      hints: count.hint,
      byRule,
      skipped,
    },
  };
}
