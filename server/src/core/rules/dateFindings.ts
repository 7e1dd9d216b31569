/** `undated-entry` and `incomplete-date` findings of one file. */
import type { Finding } from '../types';
import type { RuleContext } from './context';

export function dateFindings(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const undated = ctx.severity('undated-entry');
  const incomplete = ctx.severity('incomplete-date');
  for (const e of ctx.model.entries) {
    if (e.dateKind === 'none' && undated) {
      out.push({
        file: ctx.file,
        code: 'undated-entry',
        severity: undated,
        message: `Entry has no date: «${shorten(e.title)}»`,
        range: e.titleRange,
        related: [],
        fixes: [],
        data: { insertDateAfterLine: e.titleRange.start.line, title: e.title },
      });
    } else if (e.dateKind === 'partial' && incomplete && e.dateRange) {
      out.push({
        file: ctx.file,
        code: 'incomplete-date',
        severity: incomplete,
        message: `Date «${e.dateText}» has no year`,
        range: e.dateRange,
        related: [],
        fixes: [],
        data: { dateText: e.dateText },
      });
    }
  }
  return out;
}

function shorten(s: string): string {
  return s.length > 60 ? s.slice(0, s.lastIndexOf(' ', 57) > 30 ? s.lastIndexOf(' ', 57) : 57) + '…' : s;
}
