/**
 * Human text output: `file:line:col  severity  message  code`, related locations indented, a summary line. One finding
 * is one line whatever the file names: paths are quoted as git quotes them, control characters in messages escaped.
 */
import type { Report } from '../report';
import { escapeControls, quotePath } from './quotePath';

export function formatText(report: Report): string {
  return [...textChunks(report)].join('');
}

/** The text output a file at a time (the whole string is never built). */
export function* textChunks(report: Report): Generator<string> {
  for (const f of report.files) {
    if (!f.findings.length) continue;
    const out: string[] = [];
    const file = quotePath(f.path);
    for (const d of f.findings) {
      out.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${d.severity}  ${escapeControls(d.message)}  ${d.code}\n`);
      for (const r of d.related) out.push(`    ${quotePath(r.file)}:${r.range.start.line + 1}:${r.range.start.character + 1}  ${escapeControls(r.message)}\n`);
    }
    yield out.join('');
  }
  const out: string[] = [];
  for (const s of report.summary.skipped) out.push(`${quotePath(s.path)}  skipped: ${escapeControls(s.reason)}\n`);
  const s = report.summary;
  const parts = [
    plural(s.errors, 'error'),
    plural(s.warnings, 'warning'),
    `${s.information} information`,
    plural(s.hints, 'hint'),
  ];
  out.push(
    `${plural(s.files, 'file')}, ${plural(s.entries, 'entry', 'entries')}: ${parts.join(', ')}` +
      (s.skipped.length ? ` (${s.skipped.length} skipped)` : '') +
      '\n',
  );
  yield out.join('');
}

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}
