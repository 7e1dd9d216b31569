// The server's features seen through VS Code's own commands on the seed corpus: diagnostics, hover, definition,
// references and a quick fix.
import * as assert from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CorpusLintApi, activateExtension, askUntil, codeOf, findWord, hoverText, locationUri, openSeed, waitForDiagnostics, waitForTextChange,
} from './helpers';

const FILE_000 = '000_47cabcfadfbade24.txt'; // a Telegram channel whose posts report events that 001 reports too
const FILE_002 = '002_59ed37bba01cb0ba.txt'; // a Telegram post whose paragraphs repeat, with «بوتن» for بوتين
const FILE_003 = '003_9f36dc66b4847675.txt'; // a news article about Putin receiving al-Assad

/** Resolves once the server has indexed the whole seed corpus: its status says so, or a cross-file finding shows up. */
async function waitForCorpusIndexed(api: CorpusLintApi): Promise<void> {
  const indexed = (s: CorpusLintApi['status']) => !!s && !s.indexing && s.files >= 5;
  if (indexed(api.status)) return;
  const doc = await openSeed(FILE_002);
  let sub: vscode.Disposable | undefined;
  const byStatus = new Promise<void>((resolve) => {
    sub = api.onDidChangeStatus((s) => indexed(s) && resolve());
  });
  const byFinding = waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'name-variant'), 'name-variant finding (a sign of a complete index)');
  try {
    await Promise.race([byStatus, byFinding]);
  } finally {
    sub?.dispose();
  }
}

suite('Language features on the seed corpus', () => {
  let api: CorpusLintApi;

  suiteSetup(async () => {
    api = await activateExtension();
    // without a server every test below would only wait for its timeout
    assert.ok(api.client?.isRunning(), 'the language server is not running: no language feature can be tested');
  });

  test('002 has duplicate-paragraph findings', async () => {
    const doc = await openSeed(FILE_002);
    const diags = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'duplicate-paragraph'), 'duplicate-paragraph finding');
    const dups = diags.filter((d) => codeOf(d) === 'duplicate-paragraph');
    // the post repeats several paragraphs: both copies of each are flagged
    assert.ok(dups.length >= 2, `expected at least 2 duplicate-paragraph findings, got ${dups.length}`);
    for (const d of dups) assert.ok(!d.range.isEmpty, 'a duplicate-paragraph finding has an empty range');
    // «Rule documentation» opens the rules document shipped with the extension, at the rule's heading.
    const target = (dups[0].code as { target?: vscode.Uri }).target;
    assert.ok(target && target.scheme === 'file', `the rule link is ${target?.toString()}`);
    const line = Number(/^L(\d+)$/.exec(target.fragment)?.[1]);
    const rules = await vscode.workspace.openTextDocument(target.with({ fragment: '' }));
    assert.strictEqual(rules.lineAt(line - 1).text, '## duplicate-paragraph');
  });

  test('hover on «بوتين» in 003 shows a person card', async () => {
    await waitForCorpusIndexed(api);
    const doc = await openSeed(FILE_003);
    const word = findWord(doc, 'بوتين');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, word.start.translate(0, 2));
    const text = hoverText(hovers);
    assert.ok(text.includes('بوتين'), `hover text does not mention بوتين:\n${text || '(no hover)'}`);
  });

  test('go to definition on «بوتين» returns a location', async () => {
    await waitForCorpusIndexed(api);
    const doc = await openSeed(FILE_003);
    const word = findWord(doc, 'بوتين');
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', doc.uri, word.start.translate(0, 2),
    );
    assert.ok(defs && defs.length > 0, 'no definition');
  });

  test('find references on «بوتين» returns locations in more than one file', async () => {
    await waitForCorpusIndexed(api);
    const doc = await openSeed(FILE_003);
    const word = findWord(doc, 'بوتين');
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, word.start.translate(0, 2));
    const files = new Set((refs ?? []).map((r) => path.basename(locationUri(r).fsPath)));
    assert.ok(files.size > 1, `references in ${files.size} file(s): ${[...files].join(', ') || '(none)'}`);
  });

  test('the name-variant quick fix on «بوتن» in 002 changes the text', async () => {
    const doc = await openSeed(FILE_002);
    const word = findWord(doc, 'بوتن');
    const onWord = (d: vscode.Diagnostic) => codeOf(d) === 'name-variant' && !!d.range.intersection(word);
    await waitForDiagnostics(doc.uri, (ds) => ds.some(onWord), 'name-variant finding on «بوتن»');
    // About one run in twenty, just after an earlier test edited and reverted this seed, the first answer came back
    // empty although the server had found the finding and built its fix (the editor's side dropped it; not narrowed
    // further): the light bulb asks again on the next move, and so does this test, for up to 10 s.
    let titles = '(none)';
    const fix = await askUntil(async () => {
      const diag = vscode.languages.getDiagnostics(doc.uri).find(onWord);
      if (!diag) return undefined;
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value, 10,
      );
      titles = (actions ?? []).map((a) => a.title).join(' | ') || '(none)';
      const fixes = (actions ?? []).filter(
        (a): a is vscode.CodeAction => 'kind' in a && !!a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind) && !!(a.edit || a.command),
      );
      return fixes.find((a) => a.diagnostics?.some((d) => codeOf(d) === 'name-variant')) ?? fixes[0];
    }, 10000);
    assert.ok(fix, `no quick fix for the name-variant finding within 10 s; actions: ${titles}`);
    const before = doc.getText();
    try {
      if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit was not applied');
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
      await waitForTextChange(doc, before);
      const line = doc.lineAt(word.start.line).text;
      assert.ok(line.includes('فلاديمير بوتين'), `after the fix the line reads: ${line.slice(Math.max(0, word.start.character - 30), word.start.character + 30)}`);
    } finally {
      // leave the seed as it is on disk
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('the lens «other reports of this event» in 000 opens the peek view (its command runs)', async () => {
    await waitForCorpusIndexed(api);
    const doc = await openSeed(FILE_000);
    // The lenses come with the people index, built after the first diagnostics.
    const lens = await askUntil(async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return lenses?.find((l) => l.command?.command === 'editor.action.showReferences');
    }, 20000);
    assert.ok(lens?.command, 'no lens with the other reports of an event in 000');
    const [uri, position, locations] = lens.command.arguments ?? [];
    assert.ok(uri instanceof vscode.Uri, 'the lens names its file as a plain string, not a Uri');
    assert.ok(position instanceof vscode.Position, 'the lens gives its position as plain JSON');
    assert.ok(Array.isArray(locations) && locations.length > 0 && locations.every((l) => l instanceof vscode.Location), 'the reports are not Locations');
    // VS Code checks these types: with plain JSON the command failed («argument does not match one of these constraints»).
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
    await vscode.commands.executeCommand('closeReferenceSearch');
  });
});
