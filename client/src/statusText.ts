// The status item's text and its label for screen readers, from the server's `corpusLint/status` (no VS Code needed).

/** Params of the `corpusLint/status` notification sent by the server. */
export interface CorpusStatus {
  files: number;
  entries: number;
  findings: number;
  indexing: boolean;
}

export const STATUS_NOTIFICATION = 'corpusLint/status';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Text of the item, e.g. "$(book) 5 files · 16 entries · 23 findings". */
export function statusText(status: CorpusStatus): string {
  const icon = status.indexing ? '$(sync~spin)' : '$(book)';
  return `${icon} ${count(status.files, 'file', 'files')} · ${count(status.entries, 'entry', 'entries')} · ${count(status.findings, 'finding', 'findings')}`;
}

/** The plain sentence a screen reader reads for the item, e.g. "Corpus Lint: 5 files, 15 entries, 41 findings". */
export function statusLabel(status: CorpusStatus): string {
  const what = `${count(status.files, 'file', 'files')}, ${count(status.entries, 'entry', 'entries')}, ${count(status.findings, 'finding', 'findings')}`;
  return `Corpus Lint${status.indexing ? ' (indexing)' : ''}: ${what}. Activate to show the server's output.`;
}
