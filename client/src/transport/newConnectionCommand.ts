/**
 * New Intercom Connection: asks for the name, model, region, API version and features, then writes a
 * `<name>/` connection folder inside the folder chosen (the workspace folder is proposed). An
 * explicit `folder` argument (scripts, tests) is the connection folder itself. A folder that has
 * files is written into only after a modal confirmation.
 */
import * as vscode from 'vscode';
import type { ClientContext } from '../clientContext';
import { initIntercomFolder, parseFeatureList, type InitResult } from '../../../server/src/core/transport/init';
import { connectionFolderName } from './connectionFolderName';
import { apiVersionChoices, regionChoices } from './newConnectionChoices';
import type { IntercomRegionId } from '../../../server/src/core/intercom/regions';
import { asUri, confirmWriteInto, pickParent } from './targetFolder';
import { workspaceFs } from './workspaceFs';

export interface NewConnectionArgs {
  /** The connection folder itself (created when missing). */
  folder?: string;
  /** The folder to create `<name>/` in (instead of asking). */
  parent?: string;
  name?: string; model?: 'teammates' | 'contacts'; region?: IntercomRegionId; apiVersion?: string; features?: string;
  ticketTypeId?: string; serviceContactId?: string;
  /** Write into a folder that has files without asking. */
  force?: boolean;
  silent?: boolean;
}

async function ask(args: NewConnectionArgs): Promise<Omit<Required<NewConnectionArgs>, 'folder' | 'parent' | 'ticketTypeId' | 'serviceContactId' | 'force' | 'silent' | 'features'> & { features?: string } | undefined> {
  const name = args.name ?? await vscode.window.showInputBox({
    title: 'New Intercom connection (1/5): name', value: 'Intercom', prompt: 'The connection\'s name in EIC; its files go into a folder of this name.',
    validateInput: v => (v.trim() ? undefined : 'Give the connection a name.'),
  });
  if (!name?.trim()) return undefined;
  const model = args.model ?? (args.silent ? 'teammates' : (await vscode.window.showQuickPick([
    { label: 'Teammates', description: 'the workforce: teammates and their teams; every request becomes an Intercom ticket', value: 'teammates' as const },
    { label: 'Contacts', description: 'customers: contacts, tags and companies, provisioned through the API', value: 'contacts' as const },
  ], { title: 'New Intercom connection (2/5): what the connection governs' }))?.value);
  if (!model) return undefined;
  const region = args.region ?? (await vscode.window.showQuickPick(regionChoices(), { title: 'New Intercom connection (3/5): region of the Intercom workspace' }))?.value;
  if (!region) return undefined;
  const apiVersion = args.apiVersion ?? (await vscode.window.showQuickPick(apiVersionChoices(), { title: 'New Intercom connection (4/5): API version (Intercom-Version header)' }))?.value;
  if (!apiVersion) return undefined;
  // Silent: every feature of the model unless told otherwise (the same default as init).
  let features = args.features;
  if (features === undefined && !args.silent) {
    const choices = model === 'teammates'
      ? [
        { label: 'Import', description: 'teammates as accounts, teams (and the 2.16 role) as entitlements', value: 'import', picked: true },
        { label: 'Ticketing', description: 'every lifecycle and access request as an Intercom ticket', value: 'ticketing', picked: true },
      ]
      : [
        { label: 'Full import', description: 'contacts as accounts, tags and companies as entitlements', value: 'import', picked: true },
        { label: 'Incremental import', description: 'a second connection: the contacts changed most recently', value: 'incremental', picked: true },
        { label: 'Contact lifecycle', description: 'create, update, archive/unarchive, delete contacts', value: 'lifecycle', picked: true },
        { label: 'Add / remove access', description: 'tag and untag contacts, attach and detach companies', value: 'access', picked: true },
      ];
    const picked = await vscode.window.showQuickPick(choices, { canPickMany: true, title: 'New Intercom connection (5/5): features' });
    if (!picked?.length) return undefined;
    features = picked.map(p => p.value).join(',');
  }
  return { name: name.trim(), model, region, apiVersion, features };
}

export async function newConnection(ctx: ClientContext, arg?: NewConnectionArgs | vscode.Uri): Promise<InitResult | undefined> {
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
      name: answers.name, model: answers.model, region: answers.region, apiVersion: answers.apiVersion,
      features: answers.features === undefined ? undefined : parseFeatureList(answers.features),
      ticketTypeId: args.ticketTypeId, serviceContactId: args.serviceContactId, force,
    });
  } catch (error) {
    const message = `The connection was not created: ${error instanceof Error ? error.message : String(error)}`;
    ctx.log.warn(message);
    if (!args.silent) void vscode.window.showErrorMessage(message);
    return undefined;
  }
  for (const f of [result, ...result.more]) ctx.log.info(`Created connection "${f.connectionName}" in ${f.folder}: ${f.files.join(', ')}`);
  for (const note of result.notes) ctx.log.info(`  ${note}`);
  if (!args.silent) {
    const first = result.files.find(f => /ImportAccountEntJSON|CreateTicketJSON/.test(f)) ?? result.files[0];
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, first));
    void vscode.window.showInformationMessage(`Connection "${result.connectionName}" created in ${vscode.workspace.asRelativePath(folder)}. ${result.notes[0] ?? ''}`.trim());
  }
  return result;
}
