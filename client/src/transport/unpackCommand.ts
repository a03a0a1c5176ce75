/**
 * Unpack EIC Transport Package: a transport zip or an export (`Connection_*.json`, or any JSON
 * file whose content is an export) becomes a `<connection name>/` folder inside the folder chosen
 * (the workspace folder is proposed, not the export's own folder); an export holding several
 * connections gives one folder each. An explicit `target` argument (scripts, tests) is the
 * connection folder itself. A folder that has files is written into only after a modal confirmation.
 */
import * as vscode from 'vscode';
import type { ClientContext } from '../clientContext';
import { readExportSource, unpackExportBytes, type UnpackResult } from '../../../server/src/core/transport/node/unpack';
import { connectionFolderName } from './connectionFolderName';
import { asUri, confirmWriteInto, pickParent } from './targetFolder';
import { workspaceFs } from './workspaceFs';

export interface UnpackArgs {
  source?: string;
  /** The connection folder to write into (one connection), or the parent of one folder per connection. */
  target?: string;
  /** The folder to create `<connection name>/` in (instead of asking). */
  parent?: string;
  force?: boolean;
  silent?: boolean;
}

export async function unpackPackage(ctx: ClientContext, arg?: UnpackArgs | vscode.Uri): Promise<UnpackResult | undefined> {
  const args: UnpackArgs = arg instanceof vscode.Uri ? { source: arg.toString() } : arg ?? {};
  const source = asUri(args.source) ?? (await vscode.window.showOpenDialog({
    canSelectFiles: true, filters: { 'EIC transport package or export': ['zip', 'json'] }, openLabel: 'Unpack',
  }))?.[0];
  if (!source) return undefined;
  const name = source.path.split('/').pop() ?? 'export';
  const bytes = await vscode.workspace.fs.readFile(source);
  let names: string[];
  try {
    names = (await readExportSource(bytes, name)).connections.map(c => c.key);
  } catch (error) {
    const message = `${name} cannot be unpacked: ${error instanceof Error ? error.message : String(error)}`;
    // A person reads the message; a script (silent) gets the error.
    if (!args.silent) { void vscode.window.showErrorMessage(message); return undefined; }
    throw new Error(message);
  }
  let target = asUri(args.target);
  if (!target) {
    const parent = asUri(args.parent) ?? (args.silent
      ? vscode.Uri.joinPath(source, '..')
      : await pickParent('Unpack here', names.length === 1 ? `Where to create the folder "${connectionFolderName(names[0])}"` : `Where to create a folder for each of the ${names.length} connections`, source));
    if (!parent) return undefined;
    target = names.length === 1 ? vscode.Uri.joinPath(parent, connectionFolderName(names[0])) : parent;
  }
  let force = args.force === true;
  if (!force && !args.silent) {
    const folders = names.length === 1 ? [target] : names.map(n => vscode.Uri.joinPath(target!, connectionFolderName(n)));
    for (const folder of folders) if (!await confirmWriteInto(folder, 'the unpacked attribute files', 'Unpack Anyway')) return undefined;
    force = true;
  }
  const result = await unpackExportBytes(workspaceFs(target), bytes, name, target.path, { force });
  for (const connection of result.connections) {
    ctx.log.info(`Unpacked "${connection.name}" into ${connection.folder}: ${connection.files.join(', ')}`);
    if (connection.encrypted.length) ctx.log.info(`  Kept aside (encrypted by the exporting tenant): ${connection.encrypted.join(', ')} — stored in connection.meta.json.`);
  }
  for (const note of result.notes) ctx.log.info(`  ${note}`);
  if (!args.silent) {
    const first = result.connections[0];
    const encrypted = result.connections.flatMap(c => c.encrypted);
    const where = result.connections.map(c => vscode.workspace.asRelativePath(target!.with({ path: c.folder }))).join(', ');
    void vscode.window.showInformationMessage(
      `Unpacked ${result.connections.length === 1 ? `"${first?.name}"` : `${result.connections.length} connections`} into ${where}.`
      + (encrypted.length ? ` ${[...new Set(encrypted)].join(', ')} is encrypted by the exporting tenant; it is kept in connection.meta.json, not lost.` : ''));
    const open = first?.files.find(f => f !== 'connection.meta.json');
    if (first && open) await vscode.window.showTextDocument(target.with({ path: `${first.folder}/${open}`.replace(/\\/g, '/') }));
  }
  return result;
}
