/**
 * Open Example Intercom Connection: copies the example connection that ships inside the extension
 * (examples/intercom: full import, contact lifecycle, add/remove access, ticketing) into a folder of
 * the workspace as `Intercom example/`, and opens its ImportAccountEntJSON. Nothing is overwritten
 * without asking.
 */
import * as vscode from 'vscode';
import { Commands } from '../../../common/src/protocol';
import type { ClientContext } from '../clientContext';
import { asUri, confirmWriteInto, pickParent } from '../transport/targetFolder';

export const EXAMPLE_FOLDER_NAME = 'Intercom example';

export interface OpenExampleArgs {
  /** The folder to create `Intercom example/` in (instead of asking). */
  parent?: string;
  silent?: boolean;
}

export interface OpenExampleResult { folder: string; files: string[] }

export function registerExampleConnection(ctx: ClientContext): void {
  ctx.extension.subscriptions.push(vscode.commands.registerCommand(Commands.openExample, async (args: OpenExampleArgs = {}): Promise<OpenExampleResult | undefined> => {
    const source = vscode.Uri.joinPath(ctx.extension.extensionUri, 'examples', 'intercom');
    let files: string[];
    try {
      files = (await vscode.workspace.fs.readDirectory(source)).filter(([, type]) => type === vscode.FileType.File).map(([name]) => name).sort();
    } catch {
      void vscode.window.showErrorMessage('The example connection is missing from this installation of the extension; reinstall it.');
      return undefined;
    }
    const parent = asUri(args.parent) ?? (args.silent ? vscode.workspace.workspaceFolders?.[0]?.uri
      : await pickParent('Copy the example here', `Where to create the folder "${EXAMPLE_FOLDER_NAME}"`));
    if (!parent) return undefined;
    const folder = vscode.Uri.joinPath(parent, EXAMPLE_FOLDER_NAME);
    if (!args.silent && !await confirmWriteInto(folder, 'the example\'s files', 'Copy Anyway')) return undefined;
    await vscode.workspace.fs.createDirectory(folder);
    for (const name of files) {
      await vscode.workspace.fs.copy(vscode.Uri.joinPath(source, name), vscode.Uri.joinPath(folder, name), { overwrite: true });
    }
    ctx.log.info(`Copied the example connection into ${folder.fsPath}: ${files.join(', ')}`);
    if (!args.silent) {
      const open = files.find(f => /^ImportAccountEntJSON\.json$/i.test(f)) ?? files[0];
      await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, open));
      void vscode.window.showInformationMessage(`The example Intercom connection is in ${vscode.workspace.asRelativePath(folder)}: every attribute of the integration, ready to test against your workspace.`);
    }
    return { folder: folder.toString(), files };
  }));
}
