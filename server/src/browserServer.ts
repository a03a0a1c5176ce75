/**
 * Entry point of the language server in a browser (vscode.dev, github.dev): a Web Worker that
 * speaks LSP over postMessage (dist/browser/server.js, started by client/src/browserExtension.ts).
 * The same LSP layer as in Node (startServer), with the browser's runtime: pacing through a
 * MessageChannel, and no disk: the other files of a connection's folder are read through the client
 * (lsp/clientFolders.ts: ReadFolderRequest, answered with vscode.workspace.fs); where the client
 * cannot read a folder, the document is checked per document with its open siblings.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from './lsp/serverMain';
import { clientFolderHost } from './lsp/clientFolders';
import { browserPacingHost } from './lsp/browserPacing';

// The root tsconfig has the DOM library, not the worker one: the worker's global scope, as the reader takes it.
const worker = self as unknown as Worker;
const connection = createConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
worker.addEventListener('error', event => connection.console.error(`Uncaught: ${event.message}`));
self.addEventListener('unhandledrejection', event => connection.console.error(`Unhandled rejection: ${String(event.reason)}`));
startServer(connection, { folders: clientFolderHost(connection, message => connection.console.error(message)), pacing: browserPacingHost() });
