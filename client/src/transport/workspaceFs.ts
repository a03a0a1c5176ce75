/** The transport code's small file-system surface, on VS Code's workspace.fs (works in remote workspaces). */
import * as vscode from 'vscode';
import type { FsEntryKind, TransportFs } from '../../../server/src/core/transport/transportFs';

function kindOf(type: vscode.FileType): FsEntryKind {
  if (type & vscode.FileType.SymbolicLink) return 'symlink';
  if (type & vscode.FileType.Directory) return 'directory';
  if (type & vscode.FileType.File) return 'file';
  return 'other';
}

/** Paths are file-system paths of `base`'s scheme and authority (local or remote). */
export function workspaceFs(base: vscode.Uri): TransportFs {
  const uri = (path: string) => base.with({ path: path.replace(/\\/g, '/') });
  return {
    async readDir(path) {
      return (await vscode.workspace.fs.readDirectory(uri(path))).map(([name, type]) => ({ name, kind: kindOf(type) }));
    },
    readFile: async path => vscode.workspace.fs.readFile(uri(path)),
    writeFile: async (path, data) => vscode.workspace.fs.writeFile(uri(path), data),
    mkdir: async path => vscode.workspace.fs.createDirectory(uri(path)),
    async stat(path) {
      try {
        const s = await vscode.workspace.fs.stat(uri(path));
        return { kind: kindOf(s.type), size: s.size };
      } catch {
        return undefined;
      }
    },
  };
}
