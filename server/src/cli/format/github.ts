/** GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…,col=…::message` per finding. */
import type { Report } from '../report';
import type { Severity } from '../../core/types';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function formatGithub(report: Report): string {
  const out: string[] = [];
  for (const f of report.files) {
    for (const d of f.findings) {
      const related = d.related.slice(0, 3).map((r) => `${r.file}:${r.range.start.line + 1}`);
      const message = d.message + (related.length ? ` [also: ${related.join(', ')}]` : '');
      out.push(
        `::${COMMAND[d.severity]} file=${escapeProperty(f.path)},line=${d.range.start.line + 1},col=${d.range.start.character + 1},` +
          `endLine=${d.range.end.line + 1},endColumn=${d.range.end.character + 1},title=${escapeProperty(d.code)}::${escapeData(message)}`,
      );
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
