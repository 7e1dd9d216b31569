// The status bar item that shows the size of the indexed corpus and its findings (`corpusLint/status`).
import * as vscode from 'vscode';

/** Params of the `corpusLint/status` notification sent by the server. */
export interface CorpusStatus {
  files: number;
  entries: number;
  findings: number;
  indexing: boolean;
}

export const STATUS_NOTIFICATION = 'corpusLint/status';

/** Text of the item, e.g. "$(book) 5 files · 16 entries · 23 findings". */
export function statusText(status: CorpusStatus): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const icon = status.indexing ? '$(sync~spin)' : '$(book)';
  return `${icon} ${count(status.files, 'file', 'files')} · ${count(status.entries, 'entry', 'entries')} · ${count(status.findings, 'finding', 'findings')}`;
}

export function createStatusBarItem(): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('corpusLint.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Corpus Lint';
  item.text = '$(sync~spin) Corpus Lint';
  item.tooltip = 'Corpus Lint: starting';
  item.command = 'corpusLint.showOutput';
  return item;
}

export function showStatus(item: vscode.StatusBarItem, status: CorpusStatus): void {
  item.text = statusText(status);
  item.tooltip = new vscode.MarkdownString(
    `**Corpus Lint**${status.indexing ? ' (indexing…)' : ''}\n\n` +
      `${status.files} files, ${status.entries} entries, ${status.findings} findings.\n\nClick to show the server's output.`,
  );
  item.show();
}
