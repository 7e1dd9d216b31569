/** JSON output, version 1 (documented in the README; its shape never changes within a version). */
import type { Report } from '../report';

export function formatJson(report: Report): string {
  return (
    JSON.stringify({
      version: 1,
      files: report.files.map((f) => ({
        path: f.path,
        entries: f.entries.map((e) => ({ range: e.range, title: e.title, date: e.date, dateText: e.dateText })),
        diagnostics: f.findings.map((d) => ({
          code: d.code,
          severity: d.severity,
          message: d.message,
          range: d.range,
          related: d.related.map((r) => ({ path: r.file, range: r.range, message: r.message })),
        })),
      })),
      summary: report.summary,
    }) + '\n'
  );
}
