/**
 * New Intercom Connection: asks for the name, region, API version and features, then writes a
 * `<name>/` connection folder inside the folder chosen (the workspace folder is proposed). An
 * explicit `folder` argument (scripts, tests) is the connection folder itself. A folder that has
 * files is written into only after a modal confirmation.
 */
import * as vscode from 'vscode';
import { Commands } from '../../../common/src/protocol';
import type { ClientContext } from '../clientContext';
import { initIntercomFolder, parseFeatureList, type InitResult } from '../../../server/src/core/transport/init';
import { asUri, confirmWriteInto, connectionFolderName, pickParent } from './targetFolder';
import { workspaceFs } from './workspaceFs';

export interface NewConnectionArgs {
  /** The connection folder itself (created when missing). */
  folder?: string;
  /** The folder to create `<name>/` in (instead of asking). */
  parent?: string;
  name?: string; region?: 'us' | 'eu' | 'au'; apiVersion?: string; features?: string; ticketTypeId?: string;
  /** Write into a folder that has files without asking. */
  force?: boolean;
  silent?: boolean;
}

async function ask(args: NewConnectionArgs): Promise<Omit<Required<NewConnectionArgs>, 'folder' | 'parent' | 'ticketTypeId' | 'force' | 'silent'> | undefined> {
  const name = args.name ?? await vscode.window.showInputBox({
    title: 'New Intercom connection (1/4): name', value: 'Intercom', prompt: 'The connection\'s name in EIC; its files go into a folder of this name.',
    validateInput: v => (v.trim() ? undefined : 'Give the connection a name.'),
  });
  if (!name?.trim()) return undefined;
  const region = args.region ?? (await vscode.window.showQuickPick([
    { label: 'US', description: 'api.intercom.io', value: 'us' as const },
    { label: 'EU', description: 'api.eu.intercom.io', value: 'eu' as const },
    { label: 'AU', description: 'api.au.intercom.io', value: 'au' as const },
  ], { title: 'New Intercom connection (2/4): region of the Intercom workspace' }))?.value;
  if (!region) return undefined;
  const apiVersion = args.apiVersion ?? (await vscode.window.showQuickPick(['2.15', '2.16', '2.14', '2.13', '2.12', '2.11'], { title: 'New Intercom connection (3/4): API version (Intercom-Version header)' }));
  if (!apiVersion) return undefined;
  let features = args.features;
  if (features === undefined) {
    const picked = await vscode.window.showQuickPick([
      { label: 'Full import', description: 'admins and contacts as accounts, teams and tags as entitlements', value: 'import', picked: true },
      { label: 'Incremental import', description: 'contacts changed recently (contacts search by updated_at)', value: 'incremental' },
      { label: 'Contact lifecycle', description: 'create, update, archive/unarchive, delete contacts', value: 'lifecycle', picked: true },
      { label: 'Add / remove access', description: 'tag and untag contacts', value: 'access', picked: true },
      { label: 'Ticketing', description: 'tickets for what the API cannot do (teammates)', value: 'ticketing', picked: true },
    ], { canPickMany: true, title: 'New Intercom connection (4/4): features' });
    if (!picked?.length) return undefined;
    features = picked.map(p => p.value).join(',');
  }
  return { name: name.trim(), region, apiVersion, features };
}

export function registerNewConnection(ctx: ClientContext): void {
  ctx.extension.subscriptions.push(vscode.commands.registerCommand(Commands.newConnection, async (arg?: NewConnectionArgs | vscode.Uri): Promise<InitResult | undefined> => {
    const args: NewConnectionArgs = arg instanceof vscode.Uri ? { parent: arg.toString() } : arg ?? {};
    const answers = await ask(args);
    if (!answers) return undefined;
    let folder = asUri(args.folder);
    if (!folder) {
      const parent = asUri(args.parent) ?? (args.silent ? undefined : await pickParent('Create the connection folder here', `Where to create the folder "${connectionFolderName(answers.name)}"`));
      if (!parent) return undefined;
      folder = vscode.Uri.joinPath(parent, connectionFolderName(answers.name));
    }
    let force = args.force === true;
    if (!force && !args.silent) {
      if (!await confirmWriteInto(folder, 'the connection\'s files', 'Create Files Anyway')) return undefined;
      force = true;
    }
    let result: InitResult;
    try {
      result = await initIntercomFolder(workspaceFs(folder), folder.path, {
        name: answers.name, region: answers.region, apiVersion: answers.apiVersion, features: parseFeatureList(answers.features),
        ticketTypeId: args.ticketTypeId, force,
      });
    } catch (error) {
      const message = `The connection was not created: ${error instanceof Error ? error.message : String(error)}`;
      ctx.log.warn(message);
      if (!args.silent) void vscode.window.showErrorMessage(message);
      return undefined;
    }
    ctx.log.info(`Created connection "${result.connectionName}" in ${result.folder}: ${result.files.join(', ')}`);
    for (const note of result.notes) ctx.log.info(`  ${note}`);
    if (!args.silent) {
      const first = result.files.find(f => /ImportAccountEntJSON|CreateTicketJSON/.test(f)) ?? result.files[0];
      await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, first));
      void vscode.window.showInformationMessage(`Connection "${result.connectionName}" created in ${vscode.workspace.asRelativePath(folder)}. ${result.notes[0] ?? ''}`.trim());
    }
    return result;
  }));
}
