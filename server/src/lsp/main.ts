/**
 * Entry point of the language server process (bundled as dist/server.js). The transport comes from the command
 * line, as `vscode-languageserver` reads it: `--stdio`, `--node-ipc` or `--socket=PORT`. Started as a worker thread by
 * the server itself, the bundle analyzes files instead (see node/parallelAnalyze).
 */
import { Console } from 'node:console';
import { Connection, createConnection, MessageReader, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { DirectStreamWriter } from './streamWriter';
import { isAnalysisWorker, runAnalysisWorker, useAsWorkerScript } from '../node/parallelAnalyze';
import { preferMainThread } from '../node/threadPriority';
import { cacheOptions } from './analysisCache';

/**
 * The connection. On `--stdio` the server writes with its own writer (see streamWriter), and whatever anything prints
 * on the console (every method of it) goes to stderr, which clients show in their log, never into the protocol.
 */
function connect(): Connection {
  if (!process.argv.slice(2).includes('--stdio')) return createConnection(ProposedFeatures.all);
  globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
  // stdin goes in as a stream (the typings pair a stream only with a stream): the library reads it and ends the process
  // when it closes, as on its own `--stdio`.
  const input = process.stdin as unknown as MessageReader;
  return createConnection(ProposedFeatures.all, input, new DirectStreamWriter(process.stdout));
}

if (isAnalysisWorker()) {
  runAnalysisWorker();
} else {
  useAsWorkerScript(__filename);
  // The message loop first: V8's compiler threads and our helpers yield to it (see threadPriority).
  preferMainThread();
  const connection = connect();
  startServer(connection, cacheOptions(process.env));
  connection.listen();
}
