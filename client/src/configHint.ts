/**
 * A workspace folder without a config file is not linted: a folder of text files is not always a corpus, and linting
 * every one an editor opens would be noise. So that a user who opens a corpus for the first time is not left with
 * nothing and no sign why, the extension offers once per folder (when it holds a few text files) to make it one, and
 * the command «Corpus Lint: Lint This Folder as a Corpus» does it at any time: it writes `corpus-lint.json` holding
 * `{}` (the defaults) at the folder's root, which the extension then finds as it finds any config file.
 */
import * as vscode from 'vscode';
import { CorpusRoot, isInsideFolder } from './corpusFolders';

export const CREATE_CONFIG_COMMAND = 'corpusLint.createConfig';
/** Folders whose offer was answered «Don't ask again» (workspace state). */
const DECLINED_KEY = 'corpusLint.configOfferDeclined';
/** A folder is offered when it holds at least this many text files. */
const MIN_TEXT_FILES = 3;
const CREATE = 'Create corpus-lint.json';
const NEVER = "Don't Ask Again";

/** Writes `corpus-lint.json` (`{}`) at the folder's root unless a config is there, and opens it. */
export async function createConfig(folder: vscode.Uri): Promise<vscode.Uri> {
  const file = vscode.Uri.joinPath(folder, 'corpus-lint.json');
  const exists = await vscode.workspace.fs.stat(file).then(
    () => true,
    () => false,
  );
  if (!exists) await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('{}\n'));
  await vscode.window.showTextDocument(file, { preview: false });
  return file;
}

/** The command: the folder given, else the only workspace folder, else the one the user picks. */
export async function createConfigCommand(folder?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const target = folder ?? (vscode.workspace.workspaceFolders?.length === 1 ? vscode.workspace.workspaceFolders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to lint as a corpus' }))?.uri;
  return target ? createConfig(target) : undefined;
}

/** Offers, once per folder and per session, to lint a workspace folder that holds text files but no config. */
export async function offerConfig(state: vscode.Memento, roots: readonly CorpusRoot[], optedIn: readonly vscode.Uri[]): Promise<void> {
  const declined = state.get<string[]>(DECLINED_KEY, []);
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const key = folder.uri.toString();
    if (declined.includes(key) || optedIn.some((u) => u.toString() === key)) continue;
    if (roots.some((r) => isInsideFolder(r.uri, folder.uri) || isInsideFolder(folder.uri, r.uri))) continue;
    const texts = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.txt'), '**/node_modules/**', MIN_TEXT_FILES);
    if (texts.length < MIN_TEXT_FILES) continue;
    const choice = await vscode.window.showInformationMessage(
      `Corpus Lint: «${folder.name}» holds text files but no corpus-lint.json, so it is not linted. Lint it as a corpus?`,
      CREATE,
      NEVER,
    );
    if (choice === CREATE) await createConfig(folder.uri);
    else if (choice === NEVER) await state.update(DECLINED_KEY, [...declined, key]);
    return; // one offer at a time
  }
}
