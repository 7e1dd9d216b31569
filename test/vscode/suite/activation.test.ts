// The extension in a real VS Code: it activates, contributes the corpus language and its commands, starts the server.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, openSeed } from './helpers';

suite('Activation', () => {
  test('the corpus language is registered', async () => {
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes('corpus'), `languages: ${languages.join(', ')}`);
  });

  test('a seed file opens as a corpus file', async () => {
    const doc = await openSeed('002_59ed37bba01cb0ba.txt');
    assert.strictEqual(doc.languageId, 'corpus');
  });

  test('corpus files wrap their long lines and do not box Arabic characters as ambiguous or invisible', async () => {
    const doc = await openSeed('002_59ed37bba01cb0ba.txt');
    const editor = vscode.workspace.getConfiguration('editor', doc);
    assert.strictEqual(editor.get('wordWrap'), 'on');
    assert.strictEqual(editor.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.strictEqual(editor.get('unicodeHighlight.invisibleCharacters'), false);
  });

  test('the extension activates and registers its commands', async () => {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['corpusLint.reindex', 'corpusLint.showOutput', 'corpusLint.fixAll', 'corpusLint.writeRegistry', 'corpusLint.createConfig']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });

  test('«Lint This Folder as a Corpus» writes corpus-lint.json with the defaults, opens it, and never overwrites one', async () => {
    await activateExtension();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lint-config-'));
    const file = path.join(dir, 'corpus-lint.json');
    try {
      await vscode.commands.executeCommand('corpusLint.createConfig', vscode.Uri.file(dir));
      assert.strictEqual(fs.readFileSync(file, 'utf8'), '{}\n');
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, file);
      fs.writeFileSync(file, '{ "rules": { "undated-entry": "off" } }\n');
      await vscode.commands.executeCommand('corpusLint.createConfig', vscode.Uri.file(dir));
      assert.strictEqual(fs.readFileSync(file, 'utf8'), '{ "rules": { "undated-entry": "off" } }\n');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the language server is running', async () => {
    const api = await activateExtension();
    assert.ok(api.client, 'no language client');
    assert.ok(api.client.isRunning(), 'the language client is not running (did dist/server.js start?)');
  });
});
