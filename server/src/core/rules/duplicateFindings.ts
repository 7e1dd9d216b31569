/** `duplicate-paragraph` and `near-duplicate-paragraph` findings of one file, from the cross-file duplicate index. */
import type { Finding, Range, RelatedLocation, TextEdit } from '../types';
import type { FileModel, ParagraphModel } from '../file';
import type { DuplicateIndex, NearMatch, ParagraphRef } from '../duplicates/index';
import { lineRange, rangeOf } from '../text/lines';
import { RuleContext, where } from './context';
import { lowerBound } from '../text/sorted';

/** At most this many other places are listed as related locations of one finding. */
const MAX_RELATED = 20;

export function duplicateFindings(ctx: RuleContext, index: DuplicateIndex, models: Map<string, FileModel>): Finding[] {
  const out: Finding[] = [];
  const exactSeverity = ctx.severity('duplicate-paragraph');
  const nearSeverity = ctx.severity('near-duplicate-paragraph');
  if (!exactSeverity && !nearSeverity) return out;
  const { model, file } = ctx;
  // A group is sorted once for all its members in the file (a line repeated 50,000 times in one file has 50,000).
  const sorted = new Map<ParagraphRef[], ParagraphRef[]>();
  const visit = (p: ParagraphModel, i: number): void => {
    if (exactSeverity) {
      const group = index.exactGroup(file, i);
      if (group) {
        let inOrder = sorted.get(group);
        if (!inOrder) sorted.set(group, (inOrder = [...group].sort(order)));
        out.push(exactFinding(ctx, p, i, inOrder, models, exactSeverity));
      }
    }
    if (nearSeverity) {
      const matches = index.nearMatches(file, i);
      if (matches.length) out.push(nearFinding(ctx, p, matches, models, nearSeverity));
    }
  };
  // The index may know which paragraphs have a group or matches at all: only those are asked.
  const matched = index.matchedParagraphs(file);
  if (matched) for (const i of matched) visit(model.paragraphs[i], i);
  else model.paragraphs.forEach(visit);
  return out;
}

function paragraphRange(model: FileModel, p: ParagraphModel): Range {
  return rangeOf(model.lineIndex, p.start, p.end);
}

function refRange(models: Map<string, FileModel>, ref: ParagraphRef): Range {
  const m = models.get(ref.file)!;
  return paragraphRange(m, m.paragraphs[ref.index]);
}

function order(a: ParagraphRef, b: ParagraphRef): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.index - b.index;
}

/** The finding of paragraph `index` of the file, a member of the exact group `group` (sorted by `order`). */
function exactFinding(
  ctx: RuleContext,
  p: ParagraphModel,
  index: number,
  group: ParagraphRef[],
  models: Map<string, FileModel>,
  severity: Finding['severity'],
): Finding {
  const self = { file: ctx.file, index };
  const others: ParagraphRef[] = [];
  for (const r of group) {
    if (others.length === MAX_RELATED) break;
    if (order(r, self) !== 0) others.push(r);
  }
  const related: RelatedLocation[] = others.map((r) => ({
    file: r.file,
    range: refRange(models, r),
    message: 'Same paragraph',
  }));
  const first = others[0];
  const firstLine = models.get(first.file)!.paragraphs[first.index].firstLine;
  const otherCount = group.length - 1;
  const more = otherCount > 1 ? ` and ${otherCount - 1} more place${otherCount > 2 ? 's' : ''}` : '';
  // The group is in file order: the file's first member tells whether an earlier copy is in the same file.
  const firstInFile = group[lowerBound(group.length, (i) => group[i].file < ctx.file)];
  const earlierInFile = firstInFile.file === ctx.file && firstInFile.index < index;
  const fixes: Finding['fixes'] = [];
  // Only the later copy inside one file is removed: that loses nothing. A copy in another file is that file's own
  // text (an article a channel quotes, a story two outlets carry), and which copy is the quotation cannot be told
  // from paths or dates: the finding points at the other copy and the editor decides.
  if (earlierInFile) {
    fixes.push({
      title: 'Remove this repeated paragraph',
      safe: true,
      changes: [{ file: ctx.file, edits: [removeParagraphEdit(ctx.model, p)] }],
    });
  }
  return {
    file: ctx.file,
    code: 'duplicate-paragraph',
    severity,
    message: `Duplicated paragraph: the same text is at ${where(ctx, first.file, firstLine)}${more}`,
    range: paragraphRange(ctx.model, p),
    related,
    fixes,
    data: { copies: group.length, words: p.words },
  };
}

function nearFinding(
  ctx: RuleContext,
  p: ParagraphModel,
  matches: NearMatch[],
  models: Map<string, FileModel>,
  severity: Finding['severity'],
): Finding {
  const best = matches[0];
  const bestLine = models.get(best.other.file)!.paragraphs[best.other.index].firstLine;
  const at = where(ctx, best.other.file, bestLine);
  const pct = Math.round(best.similarity * 100);
  const more = matches.length > 1 ? ` (and ${matches.length - 1} more)` : '';
  const message =
    best.relation === 'near'
      ? `Near-duplicate of the paragraph at ${at} (similarity ${best.similarity.toFixed(2)})${more}`
      : best.relation === 'copied-into'
        ? `Copied into a longer paragraph at ${at} (${pct}% of this text is there)${more}`
        : `Contains a copy of the paragraph at ${at} (${pct}% of that text is here)${more}`;
  const related: RelatedLocation[] = matches.slice(0, MAX_RELATED).map((m) => ({
    file: m.other.file,
    range: refRange(models, m.other),
    message:
      m.relation === 'near'
        ? `Near-duplicate (similarity ${m.similarity.toFixed(2)})`
        : m.relation === 'copied-into'
          ? `Longer paragraph holding this text (${Math.round(m.similarity * 100)}%)`
          : `Paragraph copied here (${Math.round(m.similarity * 100)}%)`,
  }));
  return {
    file: ctx.file,
    code: 'near-duplicate-paragraph',
    severity,
    message,
    range: paragraphRange(ctx.model, p),
    related,
    fixes: [],
    data: { relation: best.relation, similarity: Number(best.similarity.toFixed(3)) },
  };
}

/** Removes a paragraph's line with its line break, and one adjacent blank line when blank lines separate paragraphs. */
function removeParagraphEdit(model: FileModel, p: ParagraphModel): TextEdit {
  const idx = model.lineIndex;
  const lastLine = idx.starts.length - 1;
  let from = p.firstLine;
  let to = p.lastLine + 1; // exclusive line
  const blank = (l: number): boolean => l >= 0 && l <= lastLine && model.lines[l].kind === 'blank';
  if (blank(to) && (blank(from - 1) || from === 0)) to++;
  if (to > lastLine) {
    // Last line of the file: remove the preceding line break instead.
    const end = lineRange(idx, lastLine).end;
    if (from === 0) return { range: { start: { line: 0, character: 0 }, end }, newText: '' };
    const prev = from - 1;
    return { range: { start: lineRange(idx, prev).end, end }, newText: '' };
  }
  return { range: { start: { line: from, character: 0 }, end: { line: to, character: 0 } }, newText: '' };
}
