/**
 * Package a connection folder into an EIC transport zip, unpack a transport zip or a
 * Connection_*.json export into editable files, and scaffold a new Intercom connection.
 * Each command takes optional arguments so scripts and tests can skip the dialogs.
 */
import * as vscode from 'vscode';
import { CheckFilesRequest, CheckFilesResult, Commands } from '../../../common/src/protocol';
import type { ClientContext } from '../clientContext';
import { workspaceFs } from './workspaceFs';
import { packageConnectionFolder, PackageRefusedError, PackageResult } from '../../../server/src/core/transport/package';
import type { PackageValidator } from '../../../server/src/core/transport/packageValidator';
import { unpackExportBytes, FolderNotEmptyError, UnpackResult } from '../../../server/src/core/transport/unpack';
import { initIntercomFolder, parseFeatureList, InitResult } from '../../../server/src/core/transport/init';
import { parseStamp } from '../../../server/src/core/transport/timestamp';
import { isConnectionFile } from '../languageRecognition';

interface PackageArgs { folder?: string; output?: string; allowErrors?: boolean; timestamp?: string; silent?: boolean }
interface UnpackArgs { source?: string; target?: string; force?: boolean; silent?: boolean }
interface NewConnectionArgs {
  folder?: string; name?: string; model?: 'teammates' | 'contacts'; region?: 'us' | 'eu' | 'au'; apiVersion?: string; features?: string;
  ticketTypeId?: string; serviceContactId?: string; silent?: boolean;
}

function asUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value) return value.includes('://') ? vscode.Uri.parse(value) : vscode.Uri.file(value);
  return undefined;
}

async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  try { return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0; } catch { return false; }
}

async function connectionFolderFrom(arg: unknown): Promise<vscode.Uri | undefined> {
  const given = asUri((arg as PackageArgs | undefined)?.folder) ?? asUri(arg);
  if (given) return (await isDirectory(given)) ? given : vscode.Uri.joinPath(given, '..');
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.scheme === 'file' && isConnectionFile(active.path)) return vscode.Uri.joinPath(active, '..');
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Package this connection folder' });
  return picked?.[0];
}

export function registerTransportCommands(ctx: ClientContext): void {
  const serverValidator: PackageValidator = files => ctx.client.sendRequest<CheckFilesResult>(CheckFilesRequest, { files });

  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(Commands.packageConnection, async (arg?: PackageArgs | vscode.Uri): Promise<PackageResult | undefined> => {
      const args: PackageArgs = arg instanceof vscode.Uri ? {} : arg ?? {};
      const folder = await connectionFolderFrom(arg);
      if (!folder) return undefined;
      const dirty = vscode.workspace.textDocuments.filter(d => d.isDirty && d.uri.path.startsWith(folder.path + '/'));
      if (dirty.length && !args.silent) {
        const choice = await vscode.window.showWarningMessage(`${dirty.length} file(s) of this connection have unsaved changes. The package is built from the files on disk.`, { modal: true }, 'Save All and Package', 'Package Saved Files');
        if (!choice) return undefined;
        if (choice === 'Save All and Package') await Promise.all(dirty.map(d => d.save()));
      }
      const fs = workspaceFs(folder);
      const timestamp = args.timestamp ? parseStamp(args.timestamp) ?? undefined : undefined;
      let result: PackageResult;
      try {
        result = await packageConnectionFolder(fs, folder.path, { validate: serverValidator, allowErrors: args.allowErrors, timestamp });
      } catch (error) {
        if (!(error instanceof PackageRefusedError)) throw error;
        ctx.log.warn(`Packaging ${folder.path} refused:\n${error.reasons.join('\n')}`);
        if (args.silent) throw error;
        const canOverride = !error.reasons.some(r => /secret|token|credential/i.test(r));
        const choice = await vscode.window.showErrorMessage(
          `The connection was not packaged: ${error.reasons[0]}${error.reasons.length > 1 ? ` (and ${error.reasons.length - 1} more; see the output)` : ''}`,
          ...(canOverride ? ['Package Anyway', 'Show Problems'] : ['Show Problems']));
        if (choice === 'Show Problems') { void vscode.commands.executeCommand('workbench.actions.view.problems'); return undefined; }
        if (choice !== 'Package Anyway') return undefined;
        result = await packageConnectionFolder(fs, folder.path, { validate: serverValidator, allowErrors: true, timestamp });
      }
      const output = asUri(args.output) ?? (args.silent ? vscode.Uri.joinPath(folder, '..', result.fileName) : await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(folder, '..', result.fileName), filters: { 'EIC transport package': ['zip'] }, saveLabel: 'Save package',
      }));
      if (!output) return undefined;
      await vscode.workspace.fs.writeFile(output, result.zip);
      ctx.log.info(`Packaged "${result.connectionName}" into ${output.fsPath} (${result.entries.map(e => e.name).join(', ')}).`);
      for (const note of [...result.notes, ...result.checkMessages]) ctx.log.info(`  ${note}`);
      if (!args.silent) {
        const placeholders = result.secretPlaceholders.length
          ? ` ConnectionJSON carries a placeholder instead of the token: after Admin → Transport → Import Package, open the connection in EIC and paste the token there.`
          : '';
        void vscode.window.showInformationMessage(`Packaged "${result.connectionName}" as ${output.path.split('/').pop()}.${placeholders}`, 'Reveal').then(choice => {
          if (choice === 'Reveal') void vscode.commands.executeCommand('revealFileInOS', output);
        });
      }
      return result;
    }),

    vscode.commands.registerCommand(Commands.unpackPackage, async (arg?: UnpackArgs | vscode.Uri): Promise<UnpackResult | undefined> => {
      const args: UnpackArgs = arg instanceof vscode.Uri ? {} : arg ?? {};
      const source = asUri(args.source) ?? asUri(arg) ?? (await vscode.window.showOpenDialog({
        canSelectFiles: true, filters: { 'EIC transport package or export': ['zip', 'json'] }, openLabel: 'Unpack',
      }))?.[0];
      if (!source) return undefined;
      const name = source.path.split('/').pop() ?? 'export';
      const target = asUri(args.target) ?? (args.silent ? vscode.Uri.joinPath(source, '..', name.replace(/\.(zip|json)$/i, '')) : (await vscode.window.showOpenDialog({
        canSelectFolders: true, canSelectFiles: false, openLabel: 'Unpack into this folder', defaultUri: vscode.Uri.joinPath(source, '..'),
      }))?.[0]);
      if (!target) return undefined;
      const bytes = await vscode.workspace.fs.readFile(source);
      let result: UnpackResult;
      try {
        result = await unpackExportBytes(workspaceFs(target), bytes, name, target.path, { force: args.force });
      } catch (error) {
        if (error instanceof FolderNotEmptyError && !args.silent) {
          const choice = await vscode.window.showWarningMessage(`${target.fsPath} is not empty. Files with the same names will be replaced.`, { modal: true }, 'Unpack Anyway');
          if (choice !== 'Unpack Anyway') return undefined;
          result = await unpackExportBytes(workspaceFs(target), bytes, name, target.path, { force: true });
        } else {
          throw error;
        }
      }
      for (const connection of result.connections) {
        ctx.log.info(`Unpacked "${connection.name}" into ${connection.folder}: ${connection.files.join(', ')}`);
        if (connection.encrypted.length) ctx.log.info(`  Kept aside (encrypted by the exporting tenant): ${connection.encrypted.join(', ')} — stored in connection.meta.json.`);
      }
      for (const note of result.notes) ctx.log.info(`  ${note}`);
      if (!args.silent) {
        const first = result.connections[0];
        const encrypted = result.connections.flatMap(c => c.encrypted);
        void vscode.window.showInformationMessage(
          `Unpacked ${result.connections.length} connection(s).${encrypted.length ? ` ${[...new Set(encrypted)].join(', ')} is encrypted by the exporting tenant; it is kept in connection.meta.json, not lost.` : ''}`);
        const open = first?.files.find(f => f !== 'connection.meta.json');
        if (first && open) await vscode.window.showTextDocument(target.with({ path: `${first.folder}/${open}`.replace(/\\/g, '/') }));
      }
      return result;
    }),

    vscode.commands.registerCommand(Commands.newConnection, async (arg?: NewConnectionArgs): Promise<InitResult | undefined> => {
      const args = arg ?? {};
      const folder = asUri(args.folder) ?? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Create the connection here' }))?.[0];
      if (!folder) return undefined;
      const name = args.name ?? await vscode.window.showInputBox({ title: 'Connection name', value: 'Intercom', prompt: 'The connection\'s name in EIC' });
      if (name === undefined) return undefined;
      const region = args.region ?? (await vscode.window.showQuickPick([
        { label: 'US', description: 'api.intercom.io', value: 'us' as const },
        { label: 'EU', description: 'api.eu.intercom.io', value: 'eu' as const },
        { label: 'AU', description: 'api.au.intercom.io', value: 'au' as const },
      ], { title: 'Region of the Intercom workspace' }))?.value;
      if (!region) return undefined;
      const apiVersion = args.apiVersion ?? (await vscode.window.showQuickPick(['2.16', '2.15', '2.14', '2.13', '2.12', '2.11'], { title: 'Intercom API version (Intercom-Version header)' }));
      if (!apiVersion) return undefined;
      const model = args.model ?? (args.silent ? 'teammates' : (await vscode.window.showQuickPick([
        { label: 'Teammates', description: 'the workforce: teammates and their teams; every request becomes an Intercom ticket', value: 'teammates' as const },
        { label: 'Contacts', description: 'customers: contacts, tags and companies, provisioned through the API', value: 'contacts' as const },
      ], { title: 'What the connection governs' }))?.value);
      if (!model) return undefined;
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
        const picked = await vscode.window.showQuickPick(choices, { canPickMany: true, title: 'Features' });
        if (!picked?.length) return undefined;
        features = picked.map(p => p.value).join(',');
      }
      const result = await initIntercomFolder(workspaceFs(folder), folder.path, {
        name: name || undefined, model, region, apiVersion, features: features === undefined ? undefined : parseFeatureList(features),
        ticketTypeId: args.ticketTypeId, serviceContactId: args.serviceContactId,
      });
      for (const f of [result, ...result.more]) ctx.log.info(`Created connection "${f.connectionName}" in ${f.folder}: ${f.files.join(', ')}`);
      for (const note of result.notes) ctx.log.info(`  ${note}`);
      if (!args.silent) {
        const first = result.files.find(f => /ImportAccountEntJSON|CreateTicketJSON/.test(f)) ?? result.files[0];
        await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, first));
        void vscode.window.showInformationMessage(`Connection "${result.connectionName}" created. ${result.notes[0] ?? ''}`);
      }
      return result;
    }),
  );
}
