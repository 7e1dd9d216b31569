/** The result of a `check` run, in plain data that every output format renders. */
import type { Corpus } from '../core/corpus';
import type { EntryInfo, Finding, RuleCode, Severity } from '../core/types';
import { RULE_CODES } from '../core/rules/catalog';

export interface FileReport {
  path: string;
  entries: EntryInfo[];
  findings: Finding[];
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
  corpus: Corpus,
  files: string[],
  skipped: { path: string; reason: string }[],
  options: { quiet: boolean; accept?: (file: string, findings: Finding[]) => Finding[] },
): Report {
  const byRule = Object.fromEntries(RULE_CODES.map((c) => [c, 0])) as Record<RuleCode, number>;
  const count: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let entries = 0;
  const reports: FileReport[] = files.map((path) => {
    const all = options.accept ? options.accept(path, corpus.findings(path)) : corpus.findings(path);
    const findings = options.quiet ? all.filter((f) => f.severity === 'error') : all;
    for (const f of findings) {
      count[f.severity]++;
      byRule[f.code]++;
    }
    const e = corpus.entries(path);
    entries += e.length;
    return { path, entries: e, findings };
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
