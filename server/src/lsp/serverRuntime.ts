/**
 * What the host gives the language server (startServer): how a connection's other files are found
 * and how a long analysis gives the event loop a turn. Node: the disk and setImmediate
 * (server.ts); a Web Worker: the client's vscode.workspace.fs and a MessageChannel
 * (browserServer.ts). The LSP layer itself stays free of Node.
 */
import type { EngineRuntime } from '../core/index';
import type { PacingHost } from '../core/pacing';
import type { FolderHost } from './folderHost';

export interface ServerRuntime {
  readonly folders: FolderHost;
  readonly pacing: PacingHost;
}

/** The engine's runtime over the server's folder host: a document's siblings as the host last read them. */
export function engineRuntime(runtime: ServerRuntime, log: (message: string) => void): EngineRuntime {
  const host = runtime.folders;
  return {
    async readConnectionFiles(uri) {
      const filePath = host.toPath(uri);
      if (!filePath) return undefined;
      const folder = host.dirname(filePath);
      const snapshot = host.folders.peek(folder) ?? await host.folders.load(folder);
      return { name: snapshot.name, folder, documents: snapshot.files.map(f => f.doc) };
    },
    pacing: runtime.pacing,
    log,
  };
}
