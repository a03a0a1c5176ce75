/**
 * Where New Connection and Unpack write: a `<connection name>/` folder inside the folder the user
 * picks (the workspace folder is proposed, never the export's own folder), and never into a folder
 * that has files without asking first (modal).
 */
import * as vscode from 'vscode';

export function asUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value) return value.includes('://') ? vscode.Uri.parse(value) : vscode.Uri.file(value);
  return undefined;
}

export async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  try { return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0; } catch { return false; }
}

/** The entries of a folder; none when it does not exist. */
export async function entriesOf(folder: vscode.Uri): Promise<string[]> {
  try { return (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name); } catch { return []; }
}

/** The folder proposed in the dialog: the workspace folder of `near` (or the first one). */
export function proposedParent(near?: vscode.Uri): vscode.Uri | undefined {
  return (near && vscode.workspace.getWorkspaceFolder(near)?.uri) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** Asks for the folder to create the connection folder in; undefined when cancelled. */
export async function pickParent(openLabel: string, title: string, near?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel, title, defaultUri: proposedParent(near),
  });
  return picked?.[0];
}

/**
 * True when writing into `folder` is fine: it is new or empty, or the user confirmed (modal) after
 * being told which files are there. `what` says what would be written ("the connection files").
 */
export async function confirmWriteInto(folder: vscode.Uri, what: string, action: string): Promise<boolean> {
  const entries = await entriesOf(folder);
  if (!entries.length) return true;
  const shown = entries.slice(0, 6).join(', ') + (entries.length > 6 ? ` and ${entries.length - 6} more` : '');
  const choice = await vscode.window.showWarningMessage(
    `${vscode.workspace.asRelativePath(folder)} is not empty.`,
    { modal: true, detail: `It holds ${shown}. Files with the same names as ${what} will be replaced; the others stay.` },
    action);
  return choice === action;
}
