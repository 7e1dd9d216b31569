// The extension's commands and status against the real server: re-index, fix all, the status notification.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { CorpusLintApi, activateExtension, codeOf, openSeed, waitForDiagnostics, waitForTextChange } from './helpers';

const FILE_002 = '002_59ed37bba01cb0ba.txt';

suite('Commands and status', () => {
  let api: CorpusLintApi;

  suiteSetup(async () => {
    api = await activateExtension();
    assert.ok(api.client?.isRunning(), 'the language server is not running: no command can be tested');
  });

  test('the server reports the corpus size (corpusLint/status)', async () => {
    const done = (s: CorpusLintApi['status']) => !!s && !s.indexing && s.files >= 5;
    if (!done(api.status)) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          sub.dispose();
          reject(new Error(`no complete status after 45 s; last: ${JSON.stringify(api.status)}`));
        }, 45000);
        const sub = api.onDidChangeStatus((s) => {
          if (!done(s)) return;
          clearTimeout(timer);
          sub.dispose();
          resolve();
        });
      });
    }
    const s = api.status!;
    assert.strictEqual(s.files, 5, `status: ${JSON.stringify(s)}`);
    assert.ok(s.entries >= 5 && s.findings > 0, `status: ${JSON.stringify(s)}`);
  });

  test('Re-index the Corpus answers with the corpus size', async () => {
    const result = await vscode.commands.executeCommand<{ files: number } | undefined>('corpusLint.reindex');
    assert.ok(result && result.files === 5, `reindex answered ${JSON.stringify(result)}`);
  });

  test('Fix All removes the later copies of the repeated paragraphs of 002 and says how many', async () => {
    const doc = await openSeed(FILE_002);
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'duplicate-paragraph'), 'duplicate-paragraph finding');
    const before = doc.getText();
    try {
      const result = await vscode.commands.executeCommand<{ fixed: boolean; message: string }>('corpusLint.fixAll');
      assert.ok(result?.fixed, `Fix All found nothing to fix: ${JSON.stringify(result)}`);
      // It says what it did: the change may already be on disk with no other sign of it.
      assert.strictEqual(result.message, 'Corpus Lint: removed 10 repeated paragraphs in this file.');
      await waitForTextChange(doc, before);
      assert.ok(doc.getText().length < before.length, 'Fix All did not shorten 002');
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
