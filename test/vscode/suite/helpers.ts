// Helpers of the in-editor suite: open seed files, find words, wait for events (never for a fixed time).
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'corpus-lint.corpus-lint';

/** What the extension's `activate` returns (see client/src/extension.ts). */
export interface CorpusLintApi {
  readonly client: { isRunning(): boolean } | undefined;
  readonly ready: Promise<void>;
  readonly status: { files: number; entries: number; findings: number; indexing: boolean } | undefined;
  readonly onDidChangeStatus: vscode.Event<{ files: number; entries: number; findings: number; indexing: boolean }>;
}

export async function activateExtension(): Promise<CorpusLintApi> {
  const ext = vscode.extensions.getExtension<CorpusLintApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  await api.ready;
  return api;
}

export function seedUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openSeed(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(seedUri(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

const ARABIC_LETTER = /[\p{L}\p{M}]/u;

/** Position of the nth whole-word occurrence of `word` (a letter on neither side), or throws. */
export function findWord(doc: vscode.TextDocument, word: string, nth = 0): vscode.Range {
  const text = doc.getText();
  let seen = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + word.length] ?? ' ';
    if (ARABIC_LETTER.test(before) || ARABIC_LETTER.test(after)) continue;
    if (seen++ === nth) return new vscode.Range(doc.positionAt(at), doc.positionAt(at + word.length));
  }
  throw new Error(`«${word}» (#${nth}) not found as a word in ${path.basename(doc.uri.fsPath)}`);
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

function describe(diags: readonly vscode.Diagnostic[]): string {
  if (!diags.length) return '(none)';
  return diags.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${d.message.slice(0, 80)}`).join('\n  ');
}

/** Resolves with the file's diagnostics as soon as `accept` holds for them; rejects after `timeoutMs`. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diags: readonly vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 45000,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const check = () => {
      const diags = vscode.languages.getDiagnostics(uri);
      if (!accept(diags)) return;
      done();
      resolve(diags);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no ${what} in ${path.basename(uri.fsPath)} after ${timeoutMs / 1000} s; diagnostics:\n  ${describe(vscode.languages.getDiagnostics(uri))}`));
    }, timeoutMs);
    const done = () => {
      sub.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

/** Resolves when the document's text changes (or has already changed from `before`). */
export function waitForTextChange(doc: vscode.TextDocument, before: string, timeoutMs = 10000): Promise<void> {
  if (doc.getText() !== before) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && doc.getText() !== before) {
        sub.dispose();
        clearTimeout(timer);
        resolve();
      }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`${path.basename(doc.uri.fsPath)} did not change within ${timeoutMs / 1000} s`));
    }, timeoutMs);
  });
}

/**
 * Asks again every 250 ms until `ask` gives a value or `timeoutMs` has passed, and returns the last answer: for what
 * the editor itself asks for again on the next move (code actions, code lenses), not for a fixed wait. A request the
 * editor cancelled (it does when the document or its diagnostics change under it) is no answer yet; any other error
 * fails at once.
 */
export async function askUntil<T>(ask: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  for (const deadline = Date.now() + timeoutMs; ; await new Promise((resolve) => setTimeout(resolve, 250))) {
    let value: T | undefined;
    try {
      value = await ask();
    } catch (err) {
      if (!isCancellation(err) || Date.now() >= deadline) throw err;
      continue;
    }
    if (value !== undefined || Date.now() >= deadline) return value;
  }
}

/** The error VS Code rejects a cancelled request with (`vscode.CancellationError`, or «Canceled» across the API). */
function isCancellation(err: unknown): boolean {
  return err instanceof vscode.CancellationError || (err instanceof Error && (err.name === 'Canceled' || err.message === 'Canceled'));
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n');
}

export function locationUri(loc: vscode.Location | vscode.LocationLink): vscode.Uri {
  return 'targetUri' in loc ? loc.targetUri : loc.uri;
}
