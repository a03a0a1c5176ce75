/**
 * Check Connection Folder (Explorer context menu of a folder or file, editor context menu, palette):
 * the language server checks every attribute file of the folder, publishes their findings in the
 * Problems panel, and keeps them current as files change; the command says how many it found.
 */
import * as vscode from 'vscode';
import { CheckFolderRequest, Commands, type CheckFolderParams, type CheckFolderResult } from '../../common/src/protocol';
import type { ClientContext } from './clientContext';
import { registerCommand } from './commandGuard';

export interface CheckFolderArgs { folder?: string | vscode.Uri; silent?: boolean }

async function folderOf(value: unknown): Promise<vscode.Uri | undefined> {
  const given = value instanceof vscode.Uri ? value
    : typeof value === 'string' ? (value.includes('://') ? vscode.Uri.parse(value) : vscode.Uri.file(value))
    : undefined;
  const uri = given ?? vscode.window.activeTextEditor?.document.uri;
  if (uri && uri.scheme !== 'untitled') {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      return stat.type & vscode.FileType.Directory ? uri : vscode.Uri.joinPath(uri, '..');
    } catch {
      return undefined;
    }
  }
  return (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Check this connection folder' }))?.[0];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Asks the server to check the folder and says what it found. */
export async function checkConnectionFolder(ctx: ClientContext, arg?: CheckFolderArgs | vscode.Uri): Promise<CheckFolderResult | undefined> {
  const args: CheckFolderArgs = arg instanceof vscode.Uri ? { folder: arg } : arg ?? {};
  const folder = await folderOf(args.folder);
  if (!folder) return undefined;
  const name = vscode.workspace.asRelativePath(folder);
  if (folder.scheme !== 'file') {
    if (!args.silent) void vscode.window.showWarningMessage(`${name} is not on this machine's disk, so its files cannot be checked as a folder; open them one by one.`);
    return undefined;
  }
  const params: CheckFolderParams = { uri: folder.toString() };
  const result = await ctx.client.sendRequest<CheckFolderResult>(CheckFolderRequest, params);
  if (!args.silent) {
    if (!result.files.length) {
      void vscode.window.showWarningMessage(`${name} has no connection attribute files (ConnectionJSON.json, ImportAccountEntJSON.json …) to check.`);
    } else {
      const found = result.errors || result.warnings
        ? `${plural(result.errors, 'error')} and ${plural(result.warnings, 'warning')}`
        : 'no errors or warnings';
      const message = `${name}: ${found} in ${plural(result.files.length, 'attribute file')}${result.notes ? ` (and ${plural(result.notes, 'note')})` : ''}.`;
      const show = 'Show Problems';
      const notify = result.errors ? vscode.window.showErrorMessage : result.warnings ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      void Promise.resolve(notify(message, show)).then(choice => {
        if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    }
  }
  return result;
}

export function registerFolderCheck(ctx: ClientContext): void {
  registerCommand(ctx, Commands.checkConnectionFolder, 'Check Connection Folder', (arg?: CheckFolderArgs | vscode.Uri) => checkConnectionFolder(ctx, arg));
}
