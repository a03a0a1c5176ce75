/**
 * The connection folder an EIC command works on: given (a folder, a file in it, a Uri from the
 * Explorer), else the folder of the active connection file, else picked. Read through
 * workspace.fs; Compare reads unsaved editor contents, Deploy asks to save them first.
 */
import * as vscode from 'vscode';
import { assembleConnectionFolder, readConnectionFolder, type ConnectionFolder } from '../../../server/src/core/transport/connectionFolder';
import { isConnectionFile } from '../languageRecognition';
import { workspaceFs } from '../transport/workspaceFs';

export function asUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value) return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
  return undefined;
}

async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  try { return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0; } catch { return false; }
}

/** The folder to work on, or undefined when the user picked none. */
export async function resolveConnectionFolder(given: unknown, silent: boolean | undefined, openLabel: string): Promise<vscode.Uri | undefined> {
  const uri = asUri(given);
  if (uri) return (await isDirectory(uri)) ? uri : vscode.Uri.joinPath(uri, '..');
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.scheme === 'file' && isConnectionFile(active.path)) return vscode.Uri.joinPath(active, '..');
  if (silent) return undefined;
  return (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel }))?.[0];
}

/** Unsaved editors of files in the folder. */
export function dirtyDocuments(folder: vscode.Uri): vscode.TextDocument[] {
  return vscode.workspace.textDocuments.filter(d => d.isDirty && d.uri.scheme === folder.scheme && d.uri.path.startsWith(folder.path + '/')
    && !d.uri.path.slice(folder.path.length + 1).includes('/'));
}

/** Reads the folder; with `unsaved`, open editors with unsaved changes stand for their files. */
export async function readFolder(folder: vscode.Uri, unsaved = false): Promise<ConnectionFolder> {
  const read = await readConnectionFolder(workspaceFs(folder), folder.path);
  const dirty = unsaved ? dirtyDocuments(folder) : [];
  if (!dirty.length) return read;
  const texts = new Map<string, string>();
  for (const a of read.attributes) texts.set(a.fileName, a.text);
  for (const d of dirty) texts.set(d.uri.path.slice(folder.path.length + 1), d.getText());
  if (read.hasMetaFile && !dirty.some(d => /connection\.meta\.json$/i.test(d.uri.path))) {
    const meta = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'connection.meta.json')).then(b => new TextDecoder().decode(b), () => undefined);
    if (meta !== undefined) texts.set('connection.meta.json', meta);
  }
  const folderModel = assembleConnectionFolder(folder.path, [...texts].map(([fileName, text]) => ({ fileName, text })));
  folderModel.errors.unshift(...read.errors.filter(e => !folderModel.errors.includes(e)));
  return folderModel;
}
