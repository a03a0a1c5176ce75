/**
 * The engine's runtime in Node (language server and CLI): sibling files read asynchronously from
 * the connection folder (cached by modification time, node/folderDocuments). The language server
 * adds `pacing: nodePacingHost` (setImmediate turns, so that waiting requests are answered); the
 * CLI needs none.
 */
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { EngineRuntime } from '../core/index';
import { FolderDocuments } from './folderDocuments';

export interface NodeRuntimeOptions {
  log?: (message: string) => void;
  /** The folder reader to share (the language server's document store has one); default: a new one. */
  folders?: FolderDocuments;
}

/** A file: URI or a plain path as a file path (undefined for other schemes). */
export function filePathOf(uri: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]+:/i.test(uri) || /^[a-z]:[\\/]/i.test(uri)) return uri;
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}

export function nodeRuntime(options: NodeRuntimeOptions = {}): EngineRuntime {
  const folders = options.folders ?? new FolderDocuments(filePath => URI.file(filePath).toString());
  return {
    async readConnectionFiles(uri) {
      const filePath = filePathOf(uri);
      if (!filePath) return undefined;
      const folder = path.dirname(filePath);
      const snapshot = folders.peek(folder) ?? await folders.load(folder);
      return { name: snapshot.name, folder, documents: snapshot.files.map(f => f.doc) };
    },
    log: options.log,
  };
}
