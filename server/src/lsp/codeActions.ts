/**
 * Code actions: the quick fixes a finding carries (remove a repeated paragraph, write the canonical spelling),
 * "replace all occurrences in the corpus", "insert a date line", "suppress this finding", "accept in
 * .corpus-lint-ignore", and the file's `source.fixAll.corpusLint` (every safe fix at once). Only visible findings
 * (not accepted by the ignore file or the baseline) get actions or are fixed.
 */
import {
  CodeAction,
  CodeActionKind,
  CodeActionParams,
  Diagnostic,
  TextEdit as LspTextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { Finding, Fix, Range, RuleCode, TextEdit } from '../core/types';
import { isRuleCode } from '../core/rules/catalog';
import { isolateRtl, withoutIsolates } from '../core/text/bidi';
import { diagnosticData } from './diagnostics';
import { mentionsOf } from './people';
import type { PositionMapper } from './positions';
import type { Root } from './roots';
import { acceptInIgnoreFileEdit, visibleFindings } from './accepted';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.corpusLint`;

export interface ActionContext {
  root: Root;
  uri: string;
  positions: PositionMapper;
  /** The tag of the analysis of a file's current text (as the publisher tags it; see diagnostics.ts). */
  analysisTag: (root: Root, file: string) => string;
  /** Today's date, `YYYY-MM-DD`. */
  today: () => string;
  /** The client applies `CreateFile` operations in workspace edits (to create the ignore file). */
  canCreateFiles?: boolean;
}

/** A finding as far as actions need it, recovered from a diagnostic. */
interface ActionableFinding {
  code: RuleCode;
  range: Range;
  fixes: Fix[];
  facts: Record<string, unknown>;
}

function kindMatches(kind: string, only: string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

/**
 * The current finding behind a diagnostic: while the file's text is the one the diagnostic was computed on, the
 * finding of the same code at its range (none when it has been accepted since); after an edit, the one with the same
 * code at the diagnostic's place (or none: no stale edit).
 */
function findingOf(ctx: ActionContext, d: Diagnostic): ActionableFinding | null {
  const code = typeof d.code === 'string' && isRuleCode(d.code) ? d.code : null;
  if (!code) return null;
  const data = diagnosticData(d);
  const candidates = visibleFindings(ctx.root, ctx.uri).filter((f) => f.code === code);
  const r = ctx.positions.fromClientRange(ctx.uri, d.range);
  let f: Finding | undefined;
  if (data && data.analysis === ctx.analysisTag(ctx.root, ctx.uri)) {
    const at = data.range ?? r;
    f = candidates.find((c) => sameRange(c.range, at));
  } else {
    f =
      candidates.find((c) => sameRange(c.range, r)) ??
      candidates.find((c) => c.range.start.line === r.start.line && typeof d.message === 'string' && c.message === withoutIsolates(d.message));
  }
  return f ? { code, range: f.range, fixes: f.fixes, facts: f.data ?? {} } : null;
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character
  );
}

/** Core edits grouped by file to an LSP workspace edit (ranges in the client's encoding). */
export function toWorkspaceEdit(positions: PositionMapper, changes: { file: string; edits: TextEdit[] }[]): WorkspaceEdit {
  const out: Record<string, LspTextEdit[]> = {};
  for (const c of changes) {
    const list = (out[c.file] ??= []);
    for (const e of c.edits) list.push({ range: positions.toClientRange(c.file, e.range), newText: e.newText });
  }
  return { changes: out };
}

function lineBreakOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : i < 0 && text.includes('\r') ? '\r' : '\n';
}

export function codeActions(ctx: ActionContext, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const model = ctx.root.corpus.model(ctx.uri);
  if (!model) return actions;
  const eol = lineBreakOf(model.text);
  const replaceAllDone = new Set<string>();

  if (kindMatches(CodeActionKind.QuickFix, only)) {
    for (const d of params.context.diagnostics) {
      const f = findingOf(ctx, d);
      if (!f) continue;
      f.fixes.forEach((fix, i) => {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: i === 0 && (fix.safe || f.code === 'name-variant'),
          edit: toWorkspaceEdit(ctx.positions, fix.changes),
        });
      });
      if (f.code === 'name-variant' && typeof f.facts.variant === 'string' && typeof f.facts.canonical === 'string') {
        const key = f.facts.variant;
        if (!replaceAllDone.has(key)) {
          replaceAllDone.add(key);
          const all = replaceAllAction(ctx, f.facts.variant, f.facts.canonical, d);
          if (all) actions.push(all);
        }
      }
      if (f.code === 'undated-entry' && typeof f.facts.insertDateAfterLine === 'number') {
        const line = f.facts.insertDateAfterLine;
        const today = ctx.today();
        const dateLine = `تاريخ النشر: ${today}`;
        const last = model.lineIndex.starts.length - 1;
        const edit: TextEdit =
          line < last
            ? { range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 0 } }, newText: dateLine + eol }
            : { range: atLineEnd(model.lineIndex, line), newText: eol + dateLine };
        actions.push({
          title: `Insert a date line after the title (today, ${today}, as a placeholder: correct it)`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: toWorkspaceEdit(ctx.positions, [{ file: ctx.uri, edits: [edit] }]),
        });
      }
      const line = f.range.start.line;
      actions.push({
        title: `Suppress this finding (${f.code}) with a comment on the line above`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: toWorkspaceEdit(ctx.positions, [
          {
            file: ctx.uri,
            edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `<!-- corpus-lint-disable-next-line ${f.code} -->${eol}` }],
          },
        ]),
      });
      const accept = acceptInIgnoreFileEdit(ctx.root, ctx.uri, model.text, f, {
        encoding: ctx.positions.encoding,
        canCreateFiles: ctx.canCreateFiles === true,
      });
      if (accept) {
        actions.push({ title: `Accept in .corpus-lint-ignore (${f.code})`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: accept });
      }
    }
  }

  if (only && kindMatches(FIX_ALL_KIND, only)) {
    const edit = fixAllEdit(ctx.root, ctx.uri, ctx.positions);
    if (edit) actions.push({ title: 'Fix all auto-fixable Corpus Lint problems', kind: FIX_ALL_KIND, edit });
  }
  // Titles quote Arabic spellings inside English: each fragment isolated (core/text/bidi.ts).
  for (const a of actions) a.title = isolateRtl(a.title);
  return actions;
}

function atLineEnd(index: { starts: number[]; ends: number[] }, line: number): Range {
  const character = index.ends[line] - index.starts[line];
  return { start: { line, character }, end: { line, character } };
}

/** One edit across the corpus: every reported occurrence of the variant spelling gets the canonical spelling. */
function replaceAllAction(ctx: ActionContext, variant: string, canonical: string, d: Diagnostic): CodeAction | null {
  const corpus = ctx.root.corpus;
  const files = [...new Set(mentionsOf(corpus, [variant]).map((m) => m.file))];
  const changes: { file: string; edits: TextEdit[] }[] = [];
  let count = 0;
  for (const file of files) {
    const edits: TextEdit[] = [];
    for (const f of visibleFindings(ctx.root, file)) {
      if (f.code !== 'name-variant' || f.data?.variant !== variant) continue;
      for (const fix of f.fixes.slice(0, 1)) for (const c of fix.changes) if (c.file === file) edits.push(...c.edits);
    }
    if (edits.length) {
      changes.push({ file, edits });
      count += edits.length;
    }
  }
  if (!count) return null;
  return {
    title: `Replace all occurrences of «${variant}» with «${canonical}» in the corpus (${count} in ${changes.length} file${changes.length === 1 ? '' : 's'})`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: toWorkspaceEdit(ctx.positions, changes),
  };
}

/** Every safe fix of a file as one edit (overlapping edits after the first are left for the next run), or null. */
export function fixAllEdit(root: Root, uri: string, positions: PositionMapper): WorkspaceEdit | null {
  const byFile = new Map<string, TextEdit[]>();
  for (const f of visibleFindings(root, uri)) {
    const fix = f.fixes.find((x) => x.safe);
    if (!fix) continue;
    for (const c of fix.changes) {
      let list = byFile.get(c.file);
      if (!list) byFile.set(c.file, (list = []));
      list.push(...c.edits);
    }
  }
  if (!byFile.size) return null;
  const changes: { file: string; edits: TextEdit[] }[] = [];
  for (const [file, edits] of byFile) {
    edits.sort((a, b) => cmp(a.range.start, b.range.start) || cmp(a.range.end, b.range.end));
    const kept: TextEdit[] = [];
    for (const e of edits) {
      const prev = kept[kept.length - 1];
      if (prev && cmp(e.range.start, prev.range.end) < 0) continue;
      if (prev && sameRange(prev.range, e.range) && prev.newText === e.newText) continue;
      kept.push(e);
    }
    changes.push({ file, edits: kept });
  }
  return toWorkspaceEdit(positions, changes);
}

function cmp(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}
