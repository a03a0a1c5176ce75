/** The Node folder host: file: URIs as file paths, their folders read from disk (folderDocuments.ts). */
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { FolderHost } from '../lsp/folderHost';
import { FolderDocuments } from './folderDocuments';

export function nodeFolderHost(): FolderHost {
  return {
    folders: new FolderDocuments(filePath => URI.file(filePath).toString()),
    toPath(uri) {
      try {
        const parsed = URI.parse(uri);
        return parsed.scheme === 'file' ? parsed.fsPath : undefined;
      } catch {
        return undefined;
      }
    },
    normalize: filePath => path.normalize(filePath),
    dirname: filePath => path.dirname(filePath),
    basename: filePath => path.basename(filePath),
  };
}
