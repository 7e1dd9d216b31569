/** `name-variant` findings of one file: every occurrence of a spelling that differs from the canonical one. */
import type { Finding } from '../types';
import type { NameIndex } from '../names/variants';
import { rangeOf } from '../text/lines';
import type { RuleContext } from './context';

export function nameVariantFindings(ctx: RuleContext, names: NameIndex): Finding[] {
  const severity = ctx.severity('name-variant');
  if (!severity) return [];
  return names.occurrencesIn(ctx.file, ctx.model.text).map((o) => {
    const d = o.decision;
    const range = rangeOf(ctx.model.lineIndex, o.start, o.end);
    const why =
      d.source === 'config'
        ? 'the spelling preferred by the config'
        : `used ${d.canonicalCount} times in the corpus; this spelling ${d.variantCount} time${d.variantCount > 1 ? 's' : ''}`;
    return {
      file: ctx.file,
      code: 'name-variant' as const,
      severity,
      message: `«${o.spelling}» is a variant spelling of «${d.canonical}» (${why})`,
      range,
      related: [],
      fixes: [
        {
          title: `Replace with «${d.canonical}»`,
          safe: d.source === 'config',
          changes: [{ file: ctx.file, edits: [{ range, newText: o.replacement }] }],
        },
      ],
      data: { variant: o.spelling, canonical: d.canonical, class: d.variantClass, source: d.source },
    };
  });
}
