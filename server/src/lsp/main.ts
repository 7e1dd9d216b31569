/**
 * Entry point of the language server process (bundled as dist/server.js). The transport comes from the command
 * line, as `vscode-languageserver` reads it: `--stdio`, `--node-ipc` or `--socket=PORT`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
startServer(connection);
connection.listen();
