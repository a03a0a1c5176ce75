/**
 * The language server (bundled as dist/serverMain.js and started by dist/server.js, the loader in
 * serverLoader.ts). `node dist/server.js --stdio` speaks LSP on stdin/stdout; the VS Code client
 * starts it over IPC (`--node-ipc`).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/serverMain';
import { nodeFolderHost } from './node/folderHost';
import { nodePacingHost } from './node/pacing';

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', error => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', reason => connection.console.error(`Unhandled rejection: ${String(reason)}`));
// Long analyses pause with setImmediate, so that requests that arrived meanwhile are answered.
startServer(connection, { folders: nodeFolderHost(), pacing: nodePacingHost });
