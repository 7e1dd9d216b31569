// The status bar item that shows the size of the indexed corpus and its findings (`corpusLint/status`).
import * as vscode from 'vscode';
import { CorpusStatus, statusLabel, statusText } from './statusText';

export { CorpusStatus, STATUS_NOTIFICATION } from './statusText';

export function createStatusBarItem(): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('corpusLint.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Corpus Lint';
  item.text = '$(sync~spin) Corpus Lint';
  item.tooltip = 'Corpus Lint: starting';
  item.accessibilityInformation = { label: 'Corpus Lint: starting' };
  item.command = 'corpusLint.showOutput';
  return item;
}

export function showStatus(item: vscode.StatusBarItem, status: CorpusStatus): void {
  item.text = statusText(status);
  // A screen reader reads this, not the Markdown tooltip's source («**Corpus Lint**»).
  item.accessibilityInformation = { label: statusLabel(status) };
  item.tooltip = new vscode.MarkdownString(
    `**Corpus Lint**${status.indexing ? ' (indexing…)' : ''}\n\n` +
      `${status.files} files, ${status.entries} entries, ${status.findings} findings.\n\nClick to show the server's output.`,
  );
  item.show();
}
