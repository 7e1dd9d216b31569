// The VS Code client of Corpus Lint: starts the language server (dist/server.js) and connects the editor to it.
// It holds no analysis: it decides which documents are corpus files, forwards settings and commands, and shows status.
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  Middleware,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { withEditorArguments } from './lensCommands';
import { CREATE_CONFIG_COMMAND, createConfigCommand, offerConfig } from './configHint';
import { CONFIG_FILE_GLOB, CORPUS_LANGUAGE, CorpusRoot, documentSelectorFor, findCorpusRoots, isCorpusFile, optedInFolders } from './corpusFolders';
import { CorpusStatus, STATUS_NOTIFICATION, createStatusBarItem, showStatus } from './statusBar';

const CLIENT_ID = 'corpusLint'; // also the prefix of the `corpusLint.trace.server` setting read by the client library
const CLIENT_NAME = 'Corpus Lint';

let client: LanguageClient | undefined;
let roots: CorpusRoot[] = [];
/** Documents this session already switched to the corpus language: a user who switches one back is not overruled. */
const switchedToCorpus = new Set<string>();

/** Public API, for tests and other extensions. */
export interface CorpusLintApi {
  /** The running language client, if any. */
  readonly client: LanguageClient | undefined;
  /** Folders that hold a config file. */
  readonly corpusRoots: readonly vscode.Uri[];
  /** Resolves when the current client is running (or has failed to start). */
  readonly ready: Promise<void>;
  /** The last `corpusLint/status` the server sent. */
  readonly status: CorpusStatus | undefined;
  readonly onDidChangeStatus: vscode.Event<CorpusStatus>;
}

let lastStatus: CorpusStatus | undefined;
let statusChanged = new vscode.EventEmitter<CorpusStatus>();

export async function activate(context: vscode.ExtensionContext): Promise<CorpusLintApi> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  statusChanged = new vscode.EventEmitter<CorpusStatus>();
  const statusItem = createStatusBarItem();
  context.subscriptions.push(output, statusItem, statusChanged);
  context.subscriptions.push(...registerCommands(() => client, output));

  let ready = Promise.resolve();
  const start = async () => {
    roots = await findCorpusRoots();
    for (const doc of vscode.workspace.textDocuments) await assignCorpusLanguage(doc);
    client = createClient(context, output, statusItem);
    statusItem.show();
    await client.start().catch((err: unknown) => {
      output.error(`[client] the language server failed to start: ${err instanceof Error ? err.message : String(err)}`);
      statusItem.text = '$(error) Corpus Lint';
      statusItem.tooltip = 'Corpus Lint: the language server failed to start. Click to show the output.';
    });
  };
  const restart = async () => {
    const old = client;
    client = undefined;
    if (old) await old.dispose().catch(() => undefined);
    ready = start();
    await ready;
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => void assignCorpusLanguage(doc)),
    // a language switch closes and reopens the same, still open document; only a really closed one is forgotten
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.isClosed) switchedToCorpus.delete(doc.uri.toString());
    }),
  );

  // The document selector depends on where config files are and on `corpusLint.files`/`exclude`: restart when they change.
  const configWatcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB, false, true, false);
  const rootsChanged = async () => {
    const next = await findCorpusRoots();
    if (JSON.stringify(next) !== JSON.stringify(roots)) await restart();
  };
  context.subscriptions.push(
    configWatcher,
    configWatcher.onDidCreate(rootsChanged),
    configWatcher.onDidDelete(rootsChanged),
    vscode.workspace.onDidChangeWorkspaceFolders(rootsChanged),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('corpusLint.files') || e.affectsConfiguration('corpusLint.exclude')) void rootsChanged();
      else if (e.affectsConfiguration('files.associations')) void restart();
    }),
    { dispose: () => void client?.dispose() },
  );

  context.subscriptions.push(vscode.commands.registerCommand(CREATE_CONFIG_COMMAND, (folder?: vscode.Uri) => createConfigCommand(folder)));

  ready = start();
  await ready;
  void offerConfig(context.workspaceState, roots, optedInFolders());
  return {
    get client() {
      return client;
    },
    get corpusRoots() {
      return roots.map((r) => r.uri);
    },
    get ready() {
      return ready;
    },
    get status() {
      return lastStatus;
    },
    onDidChangeStatus: statusChanged.event,
  };
}

export async function deactivate(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) await old.stop().catch(() => undefined);
}

/** Gives plain text files under a corpus root the corpus language (grammar, language features). */
async function assignCorpusLanguage(doc: vscode.TextDocument): Promise<void> {
  const key = doc.uri.toString();
  if (doc.languageId !== 'plaintext' || switchedToCorpus.has(key) || !isCorpusFile(doc, roots) || isTooLarge(doc)) return;
  switchedToCorpus.add(key);
  await vscode.languages.setTextDocumentLanguage(doc, CORPUS_LANGUAGE).then(undefined, () => undefined);
}

function maxFileSizeBytes(uri?: vscode.Uri): number {
  const mb = vscode.workspace.getConfiguration('corpusLint', uri).get<number>('maxFileSizeMB', 10);
  return mb > 0 ? mb * 1024 * 1024 : Number.POSITIVE_INFINITY;
}

/** UTF-16 length × 2 bounds the UTF-8 size of Arabic text from above closely enough for a size limit. */
function isTooLarge(doc: vscode.TextDocument): boolean {
  return doc.getText().length * 2 > maxFileSizeBytes(doc.uri);
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, statusItem: vscode.StatusBarItem): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelectorFor(roots) as LanguageClientOptions['documentSelector'],
    outputChannel: output,
    synchronize: {
      configurationSection: 'corpusLint',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB),
        ...roots.flatMap((root) => root.files.map((glob) => vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root.uri, glob)))),
      ],
    },
    initializationOptions: {
      settings: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('corpusLint'))) as unknown,
      corpusRoots: roots.map((r) => r.uri.toString()),
      // Folders without a config are linted only when the user opted them in (corpusLint.files' description).
      lintFolders: optedInFolders().map((u) => u.toString()),
      // The caches of analyses (kept between sessions) go into this workspace's storage, never into the corpus.
      cacheFolder: (context.storageUri ?? context.globalStorageUri).fsPath,
    },
    middleware: largeFileAndCodeLensMiddleware(output),
  };
  const created = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  created.onNotification(STATUS_NOTIFICATION, (status: CorpusStatus) => {
    lastStatus = status;
    showStatus(statusItem, status);
    statusChanged.fire(status);
  });
  return created;
}

/**
 * Keeps documents over `corpusLint.maxFileSizeMB` away from the server (it skips them when indexing too), honours
 * `corpusLint.codeLens.enabled` on the client side, so turning lenses off takes effect at once, and gives the lenses'
 * peek command its arguments in VS Code's types (see lensCommands).
 */
function largeFileAndCodeLensMiddleware(output: vscode.LogOutputChannel): Middleware {
  const skipped = new Set<string>();
  const isSkipped = (doc: vscode.TextDocument) => skipped.has(doc.uri.toString());
  return {
    didOpen: (doc, next) => {
      if (isTooLarge(doc)) {
        skipped.add(doc.uri.toString());
        output.info(`[client] ${vscode.workspace.asRelativePath(doc.uri)} is larger than corpusLint.maxFileSizeMB: not linted`);
        return Promise.resolve();
      }
      return next(doc);
    },
    didChange: (event, next) => (isSkipped(event.document) ? Promise.resolve() : next(event)),
    didSave: (doc, next) => (isSkipped(doc) ? Promise.resolve() : next(doc)),
    didClose: (doc, next) => {
      if (skipped.delete(doc.uri.toString())) return Promise.resolve();
      return next(doc);
    },
    provideCodeLenses: async (doc, token, next) => {
      if (!vscode.workspace.getConfiguration('corpusLint', doc.uri).get<boolean>('codeLens.enabled', true)) return [];
      return (await next(doc, token))?.map(withEditorArguments);
    },
    resolveCodeLens: async (lens, token, next) => {
      const resolved = await next(lens, token);
      return resolved ? withEditorArguments(resolved) : resolved;
    },
  };
}
