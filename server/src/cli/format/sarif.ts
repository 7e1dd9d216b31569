/** SARIF 2.1.0 output for GitHub code scanning: rules with help text, results with (related) locations. */
import type { Log, ReportingDescriptor, Result } from 'sarif';
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
    for (const d of f.findings) {
      results.push({
        ruleId: d.code,
        ruleIndex: RULE_CODES.indexOf(d.code),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [location(f.path, d.range)],
        relatedLocations: d.related.map((r, i) => ({ id: i + 1, ...location(r.file, r.range), message: { text: r.message } })),
        partialFingerprints: { 'corpusLint/v1': fingerprint(d.code, d.message, f.path) },
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
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
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

/** A line-independent fingerprint so code scanning tracks a finding across inserted lines. */
function fingerprint(code: string, message: string, path: string): string {
  let h = 0x811c9dc5;
  const s = `${code}\u0000${path}\u0000${message.replace(/:\d+/g, '')}`;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
