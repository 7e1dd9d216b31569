// What «Fix All» did, in one sentence for a notification. Plain data in, so it runs (and is tested) without VS Code.

/** One text edit of a fix-all edit: the safe fixes either remove a repeated paragraph or rewrite a spelling. */
export interface FixAllTextEdit {
  file: string;
  newText: string;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * «Corpus Lint: removed 10 repeated paragraphs in 3 files», «… and rewrote 2 spellings …», or «nothing to fix».
 * A safe fix that removes text is a repeated paragraph; one that writes text is a spelling the config prefers.
 */
export function fixAllSummary(edits: FixAllTextEdit[]): string {
  if (!edits.length) return 'Corpus Lint: nothing to fix automatically in this file.';
  const removed = edits.filter((e) => e.newText === '').length;
  const rewritten = edits.length - removed;
  const files = new Set(edits.map((e) => e.file)).size;
  const did = [
    removed ? `removed ${count(removed, 'repeated paragraph', 'repeated paragraphs')}` : '',
    rewritten ? `rewrote ${count(rewritten, 'spelling', 'spellings')}` : '',
  ].filter(Boolean);
  return `Corpus Lint: ${did.join(' and ')} in ${files === 1 ? 'this file' : count(files, 'file', 'files')}.`;
}
