/**
 * Entry point of the language server process (bundled as dist/server.js). The transport comes from the command
 * line, as `vscode-languageserver` reads it: `--stdio`, `--node-ipc` or `--socket=PORT`. Started as a worker thread by
 * the server itself, the bundle analyzes files instead (see node/parallelAnalyze).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { isAnalysisWorker, runAnalysisWorker, useAsWorkerScript } from '../node/parallelAnalyze';

if (isAnalysisWorker()) {
  runAnalysisWorker();
} else {
  useAsWorkerScript(__filename);
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection);
  connection.listen();
}
