/**
 * SARIF 2.1.0 output for GitHub code scanning: rules with help text, results with (related) locations, and the
 * baseline's line-independent fingerprint of each finding (rule, file, normalized flagged text, occurrence) as its
 * partial fingerprint, so code scanning tracks a finding across inserted lines and reworded messages.
 */
import type { Invocation, Log, ReportingDescriptor, Result } from 'sarif';
import type { Report } from '../report';
import type { Range, Severity } from '../../core/types';
import { RULES, RULE_CODES, ruleDocUrl } from '../../core/rules/catalog';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(report: Report, version: string): string {
  const rules: ReportingDescriptor[] = RULE_CODES.map((code) => ({
    id: code,
    name: code.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: RULES[code].summary },
    fullDescription: { text: RULES[code].why },
    help: { text: `${RULES[code].summary}\n\n${RULES[code].why}\n\nConfigure: ${RULES[code].configure}` },
    helpUri: ruleDocUrl(code),
    defaultConfiguration: { level: LEVEL[RULES[code].defaultSeverity] },
  }));
  const results: Result[] = [];
  for (const f of report.files) {
    for (const [i, d] of f.findings.entries()) {
      results.push({
        ruleId: d.code,
        ruleIndex: RULE_CODES.indexOf(d.code),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [location(f.path, d.range)],
        relatedLocations: d.related.map((r, i) => ({ id: i + 1, ...location(r.file, r.range), message: { text: r.message } })),
        partialFingerprints: { 'corpusLint/v2': f.fingerprints[i] },
      });
    }
  }
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'corpus-lint', version, informationUri: ruleDocUrl('duplicate-paragraph').split('#')[0], rules } },
        results,
        columnKind: 'utf16CodeUnits',
        // Files not checked (binary, a link, a pipe, a folder that cannot be listed) as the run's notifications: a
        // code-scanning upload says what it did not see. Left out when there are none.
        ...(report.summary.skipped.length ? { invocations: [skippedNotifications(report)] } : {}),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function skippedNotifications(report: Report): Invocation {
  return {
    executionSuccessful: true,
    toolExecutionNotifications: report.summary.skipped.map((s) => ({
      level: 'warning',
      message: { text: `skipped: ${s.reason}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(s.path) } } }],
    })),
  };
}

function location(path: string, r: Range) {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(path) },
      region: {
        startLine: r.start.line + 1,
        startColumn: r.start.character + 1,
        endLine: r.end.line + 1,
        endColumn: r.end.character + 1,
      },
    },
  };
}
