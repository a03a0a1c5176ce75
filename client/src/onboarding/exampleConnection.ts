/**
 * Open Example Intercom Connection: copies one of the example connections that ship inside the
 * extension into a folder of the workspace and opens its ImportAccountEntJSON. Two models: teammates
 * (examples/intercom-teammates: import, every task as an Intercom ticket) and contacts
 * (examples/intercom-contacts: import, lifecycle and access through the API). Nothing is overwritten
 * without asking.
 */
import * as vscode from 'vscode';
import { Commands } from '../../../common/src/protocol';
import type { ClientContext } from '../clientContext';
import { registerCommand } from '../commandGuard';
import { asUri, confirmWriteInto, pickParent } from '../transport/targetFolder';

export type ExampleModel = 'teammates' | 'contacts';

/** The folder each example is copied to. */
export const EXAMPLE_FOLDER_NAME: Record<ExampleModel, string> = {
  teammates: 'Intercom teammates example',
  contacts: 'Intercom contacts example',
};

export interface OpenExampleArgs {
  /** Which example (default: asked; teammates when silent). */
  model?: ExampleModel;
  /** The folder to create the example's folder in (instead of asking). */
  parent?: string;
  silent?: boolean;
}

export interface OpenExampleResult { folder: string; files: string[] }

/** Copies the example connection into a workspace folder and opens it. */
export async function openExample(ctx: ClientContext, args: OpenExampleArgs = {}): Promise<OpenExampleResult | undefined> {
  const model = args.model ?? (args.silent ? 'teammates' : (await vscode.window.showQuickPick([
    { label: 'Teammates', description: 'the workforce: teammates and teams; every task becomes an Intercom ticket', value: 'teammates' as const },
    { label: 'Contacts', description: 'customers: contacts, tags and companies, provisioned through the API', value: 'contacts' as const },
  ], { title: 'Which example connection?' }))?.value);
  if (!model) return undefined;
  const source = vscode.Uri.joinPath(ctx.extension.extensionUri, 'examples', `intercom-${model}`);
  let files: string[];
  try {
    files = (await vscode.workspace.fs.readDirectory(source)).filter(([, type]) => type === vscode.FileType.File).map(([name]) => name).sort();
  } catch {
    void vscode.window.showErrorMessage('The example connection is missing from this installation of the extension; reinstall it.');
    return undefined;
  }
  const parent = asUri(args.parent) ?? (args.silent ? vscode.workspace.workspaceFolders?.[0]?.uri
    : await pickParent('Copy the example here', `Where to create the folder "${EXAMPLE_FOLDER_NAME[model]}"`));
  if (!parent) return undefined;
  const folder = vscode.Uri.joinPath(parent, EXAMPLE_FOLDER_NAME[model]);
  if (!args.silent && !await confirmWriteInto(folder, 'the example\'s files', 'Copy Anyway')) return undefined;
  await vscode.workspace.fs.createDirectory(folder);
  for (const name of files) {
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(source, name), vscode.Uri.joinPath(folder, name), { overwrite: true });
  }
  ctx.log.info(`Copied the example connection into ${folder.fsPath}: ${files.join(', ')}`);
  if (!args.silent) {
    const open = files.find(f => /^ImportAccountEntJSON\.json$/i.test(f)) ?? files[0];
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, open));
    void vscode.window.showInformationMessage(`The example Intercom ${model} connection is in ${vscode.workspace.asRelativePath(folder)}, ready to test against your workspace.`);
  }
  return { folder: folder.toString(), files };
}

export function registerExampleConnection(ctx: ClientContext): void {
  registerCommand(ctx, Commands.openExample, 'Open Example Intercom Connection', (args?: OpenExampleArgs) => openExample(ctx, args));
}
