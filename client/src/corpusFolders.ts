// Finds the corpus roots (folders holding a corpus-lint config file) and decides which documents are corpus files.
import * as path from 'node:path';
import * as vscode from 'vscode';

/** Names of the project config file, in the order the core looks for them. */
export const CONFIG_FILE_NAMES = ['corpus-lint.json', '.corpus-lint.json'] as const;
export const CONFIG_FILE_GLOB = `**/{${CONFIG_FILE_NAMES.join(',')}}`;

/** Language id contributed by this extension for corpus files. */
export const CORPUS_LANGUAGE = 'corpus';

/** A folder with a config file, and the globs (relative to it) that select its corpus files. */
export interface CorpusRoot {
  uri: vscode.Uri;
  files: string[];
  exclude: string[];
}

/** Folders that hold a config file, outermost first; nested roots inside another root are dropped. */
export async function findCorpusRoots(): Promise<CorpusRoot[]> {
  const configs = await vscode.workspace.findFiles(CONFIG_FILE_GLOB, '**/node_modules/**', 50);
  const dirs = [...new Set(configs.map((u) => vscode.Uri.joinPath(u, '..').toString()))]
    .map((s) => vscode.Uri.parse(s))
    .sort((a, b) => a.path.length - b.path.length);
  const roots: vscode.Uri[] = [];
  for (const dir of dirs) {
    if (!roots.some((r) => isInsideFolder(dir, r))) roots.push(dir);
  }
  return roots.map((uri) => {
    const settings = vscode.workspace.getConfiguration('corpusLint', uri);
    return { uri, files: settings.get<string[]>('files', ['**/*.txt']), exclude: settings.get<string[]>('exclude', []) };
  });
}

/** True when `inner` is the folder `outer` or lies under it. */
export function isInsideFolder(inner: vscode.Uri, outer: vscode.Uri): boolean {
  return inner.scheme === outer.scheme && (inner.path === outer.path || inner.path.startsWith(outer.path.replace(/\/$/, '') + '/'));
}

/** Document filters for the language client: the corpus language anywhere, plain text files under the roots' globs. */
export function documentSelectorFor(roots: CorpusRoot[]): vscode.DocumentFilter[] {
  const selector: vscode.DocumentFilter[] = [
    { scheme: 'file', language: CORPUS_LANGUAGE },
    { scheme: 'untitled', language: CORPUS_LANGUAGE },
  ];
  for (const root of roots) {
    for (const glob of root.files) {
      selector.push({ scheme: 'file', language: 'plaintext', pattern: new vscode.RelativePattern(root.uri, glob) });
    }
  }
  return selector;
}

/** True when `doc` is a plain file under one of the roots, matched by its globs and not excluded. */
export function isCorpusFile(doc: vscode.TextDocument, roots: CorpusRoot[]): boolean {
  if (doc.uri.scheme !== 'file') return false;
  return roots.some((root) => {
    const rel = path.posix.relative(root.uri.path, doc.uri.path);
    if (rel.startsWith('..') || path.posix.isAbsolute(rel)) return false;
    const matches = (glob: string) => vscode.languages.match({ pattern: new vscode.RelativePattern(root.uri, glob) }, doc) > 0;
    return root.files.some(matches) && !root.exclude.some(matches);
  });
}

/**
 * Workspace folders whose `files.associations` give some files the corpus language: the user opted them in, so the
 * server lints them as corpora even without a config file. Other folders without one are not linted.
 */
export function optedInFolders(): vscode.Uri[] {
  return (vscode.workspace.workspaceFolders ?? [])
    .filter((f) => Object.values(vscode.workspace.getConfiguration('files', f.uri).get<Record<string, string>>('associations') ?? {}).includes(CORPUS_LANGUAGE))
    .map((f) => f.uri);
}
