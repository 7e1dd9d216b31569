// The extension's commands: each one forwards to the language server or to VS Code; none does analysis itself.
import * as vscode from 'vscode';
import { ErrorCodes, LanguageClient, ResponseError, WorkspaceEdit } from 'vscode-languageclient/node';
import { FixAllTextEdit, fixAllSummary } from './fixAllSummary';

/** Custom requests understood by the Corpus Lint server. All are sent with an object as params, `{}` at least. */
export const REQUESTS = {
  reindex: 'corpusLint/reindex',
  fixAll: 'corpusLint/fixAll',
  writeRegistry: 'corpusLint/writeRegistry',
} as const;

/** Code action kind of the server's "fix all" action. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('corpusLint');

/** Registers the commands; `getClient` returns the running client (it changes when the server restarts). */
export function registerCommands(getClient: () => LanguageClient | undefined, output: vscode.OutputChannel): vscode.Disposable[] {
  const withClient = (run: (client: LanguageClient) => Promise<unknown>) => async () => {
    const client = getClient();
    if (!client || !client.isRunning()) {
      void vscode.window.showWarningMessage('Corpus Lint: the language server is not running. See the output for details.');
      output.show(true);
      return;
    }
    try {
      return await run(client);
    } catch (err) {
      reportRequestError(err, output);
    }
  };
  return [
    vscode.commands.registerCommand('corpusLint.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('corpusLint.reindex', withClient((client) => reindex(client))),
    vscode.commands.registerCommand('corpusLint.fixAll', withClient((client) => fixAll(client))),
    vscode.commands.registerCommand('corpusLint.writeRegistry', withClient((client) => writeRegistry(client))),
  ];
}

async function reindex(client: LanguageClient): Promise<unknown> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Corpus Lint: re-indexing' },
    () => client.sendRequest(REQUESTS.reindex, {}),
  );
}

/** What «Fix All» answers (and tests read): whether it changed anything, and the sentence it showed. */
export interface FixAllResult {
  fixed: boolean;
  message: string;
}

/**
 * Applies the server's `source.fixAll.corpusLint` action to the active file (falling back to the `corpusLint/fixAll`
 * request), then says what it did, as linters do: the change may already be on disk with no other sign of it.
 */
async function fixAll(client: LanguageClient): Promise<FixAllResult> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    const message = 'Corpus Lint: open a corpus file to fix.';
    void vscode.window.showInformationMessage(message);
    return { fixed: false, message };
  }
  const doc = editor.document;
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', doc.uri, whole, FIX_ALL_KIND.value, 10,
    )) ?? [];
  const ours = actions.filter((a): a is vscode.CodeAction => 'kind' in a && !!a.kind && FIX_ALL_KIND.contains(a.kind));
  const done: FixAllTextEdit[] = [];
  if (ours.length > 0) {
    for (const action of ours) {
      if (action.edit && (await vscode.workspace.applyEdit(action.edit))) {
        for (const [uri, edits] of action.edit.entries()) for (const e of edits) done.push({ file: uri.toString(), newText: e.newText });
      }
      if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    }
  } else {
    // No fix-all action offered (nothing to fix, or a client-side filter hid it): ask the server directly.
    // The server applies the edit itself (workspace/applyEdit) and answers with it, or with null when nothing is fixable.
    const result = await client.sendRequest<WorkspaceEdit | null>(REQUESTS.fixAll, { uri: client.code2ProtocolConverter.asUri(doc.uri) });
    for (const [file, edits] of Object.entries(result?.changes ?? {})) for (const e of edits) done.push({ file, newText: e.newText });
  }
  const message = fixAllSummary(done);
  void vscode.window.showInformationMessage(message);
  return { fixed: done.length > 0, message };
}

async function writeRegistry(client: LanguageClient): Promise<unknown> {
  const result = await client.sendRequest<{ uri?: string; path?: string; people?: number } | null>(REQUESTS.writeRegistry, {});
  const where = result?.uri ?? result?.path;
  if (where) {
    const uri = result?.uri ? vscode.Uri.parse(result.uri) : vscode.Uri.file(where);
    const open = 'Open';
    const count = typeof result?.people === 'number' ? ` (${result.people} people)` : '';
    void vscode.window.showInformationMessage(`Corpus Lint: wrote ${vscode.workspace.asRelativePath(uri)}${count}.`, open).then((choice) => {
      if (choice === open) void vscode.window.showTextDocument(uri);
    });
  } else {
    void vscode.window.showInformationMessage('Corpus Lint: registry written.');
  }
  return result;
}

function reportRequestError(err: unknown, output: vscode.OutputChannel): void {
  if (err instanceof ResponseError && err.code === ErrorCodes.MethodNotFound) {
    void vscode.window.showWarningMessage(`Corpus Lint: this server does not support that command (${err.message}).`);
    return;
  }
  const message = err instanceof Error ? err.message : String(err);
  output.appendLine(`[client] command failed: ${message}`);
  void vscode.window.showErrorMessage(`Corpus Lint: ${message}`);
}
