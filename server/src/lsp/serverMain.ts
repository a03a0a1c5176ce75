/**
 * The language server: a thin LSP layer over the engine (core/index.ts). startServer builds the
 * shared context and registers each group of handlers (one file each); every handler converts
 * positions, asks the engine, converts back, and runs through runSafe.
 */
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createServerContext } from './serverContext';
import { registerLifecycle } from './lifecycle';
import { registerDocumentEvents } from './documentEvents';
import { registerFeatures } from './features';
import { registerFormatting } from './formatting';
import { registerRequests } from './requests';
import type { ServerRuntime } from './serverRuntime';

/** `runtime`: the host's folders and pacing (Node: server.ts; a Web Worker: browserServer.ts). */
export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const documents = new TextDocuments(TextDocument);
  const ctx = createServerContext(connection, documents, runtime);
  registerLifecycle(ctx);
  const formattingClosed = registerFormatting(ctx);
  registerDocumentEvents(ctx, formattingClosed);
  registerFeatures(ctx);
  registerRequests(ctx);
  documents.listen(connection);
  connection.listen();
}
