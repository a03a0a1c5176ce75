/**
 * The attribute files of a connection folder (ImportAccountEntJSON.json, ConnectionJSON.json,
 * CreateTicketJSON.json, TicketStatusJSON.json …), read through workspace.fs; an open editor's
 * text wins over the file on disk, so unsaved edits are what runs.
 */
import * as vscode from 'vscode';
import { toUri } from './results';

export interface ConnectionFolder {
  folder: vscode.Uri;
  /** Attribute files by lower-case base name without extension (e.g. "importaccountentjson"). */
  files: Map<string, vscode.Uri>;
}

/** The connection folder for a file or folder URI, else for the active editor's file. */
export async function connectionFolderFor(given: string | vscode.Uri | undefined): Promise<ConnectionFolder | string> {
  const uri = toUri(given) ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri || uri.scheme === 'untitled') return 'Open a file of the connection folder (e.g. ImportAccountEntJSON.json) first, or pass the folder.';
  let folder = uri;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type !== vscode.FileType.Directory) folder = vscode.Uri.joinPath(uri, '..');
  } catch {
    return `${vscode.workspace.asRelativePath(uri)} does not exist.`;
  }
  const files = new Map<string, vscode.Uri>();
  for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
    if (type !== vscode.FileType.File || !/\.json$/i.test(name)) continue;
    const key = name.replace(/\.json$/i, '').toLowerCase();
    if (!files.has(key)) files.set(key, vscode.Uri.joinPath(folder, name));
  }
  return { folder, files };
}

/** The text of an attribute file of the folder (open editor first), or undefined when the folder has none. */
export async function readAttribute(connection: ConnectionFolder, attribute: string): Promise<{ uri: vscode.Uri; text: string } | undefined> {
  const uri = connection.files.get(attribute.toLowerCase());
  if (!uri) return undefined;
  const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
  if (open) return { uri, text: open.getText() };
  return { uri, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '') };
}

/** Every http url in a parsed attribute (to decide whether calls target Intercom). */
export function urlsIn(text: string): string[] {
  return [...text.matchAll(/"url"\s*:\s*"((?:[^"\\]|\\.)*)"/g)].map(m => {
    try { return JSON.parse(`"${m[1]}"`) as string; } catch { return m[1]; }
  });
}
