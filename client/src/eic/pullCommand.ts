/**
 * Pull Connection from EIC…: pick one of the tenant's connections (getConnections), pick where it
 * goes, and write it as a connection folder exactly as Unpack writes an export. Files whose text
 * differs from the tenant's are not overwritten unless you say so (modal, with Compare).
 */
import * as vscode from 'vscode';
import { Commands } from '../../../common/src/protocol';
import { pullConnection, PullConflictError, type ConnectionSummary, type PullResult } from '../../../server/src/core/eic';
import { subfolderNames } from '../../../server/src/core/transport/node/unpack';
import type { ClientContext } from '../clientContext';
import { notify } from '../calls/results';
import { workspaceFs } from '../transport/workspaceFs';
import type { EicCommandResult } from './eicEnvironment';
import { asUri } from './eicFolder';
import { withTenant } from './tenantTask';

export interface PullArgs {
  /** The connection's name on the tenant (default: pick from the list). */
  name?: string;
  /** The connection folder to write (default: pick a folder; a sub-folder named after the connection is used unless it is one already). */
  target?: string | vscode.Uri;
  /** Overwrite files that differ from the tenant's. */
  force?: boolean;
  silent?: boolean;
}

export interface PullCommandResult extends EicCommandResult {
  connectionName?: string;
  folder?: string;
  written?: string[];
  unchanged?: string[];
  keptLocal?: string[];
  overwritten?: string[];
  conflicts?: string[];
  encrypted?: string[];
  connectionJson?: string;
  notes?: string[];
}

async function pickConnection(list: ConnectionSummary[], host: string): Promise<string | undefined> {
  const items = [...list].sort((a, b) => Number(b.type === 'REST') - Number(a.type === 'REST') || a.name.localeCompare(b.name))
    .map(c => ({ label: c.name, description: c.type, detail: [c.description, c.updatedOn ? `updated ${c.updatedOn}` : ''].filter(Boolean).join(' · ') || undefined }));
  const picked = await vscode.window.showQuickPick(items, { title: `Pull a connection from ${host}`, placeHolder: `${list.length} connection(s) on the tenant`, matchOnDescription: true });
  return picked?.label;
}

async function isConnectionFolder(uri: vscode.Uri, name: string): Promise<boolean> {
  if (uri.path.split('/').pop()?.toLowerCase() === name.toLowerCase()) return true;
  try {
    const entries = await vscode.workspace.fs.readDirectory(uri);
    return entries.some(([n]) => /^(connection\.meta|ImportAccountEntJSON|ConnectionJSON)\.json$/i.test(n));
  } catch { return false; }
}

async function pickTarget(name: string): Promise<vscode.Uri | undefined> {
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  const picked = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri: base, openLabel: `Pull "${name}" here` }))?.[0];
  if (!picked) return undefined;
  return (await isConnectionFolder(picked, name)) ? picked : vscode.Uri.joinPath(picked, subfolderNames([name])[0]);
}

function resultOf(r: PullResult, message: string): PullCommandResult {
  return { ok: true, message, connectionName: r.connectionName, folder: r.folder, written: r.written, unchanged: r.unchanged, keptLocal: r.keptLocal,
    overwritten: r.overwritten, encrypted: r.encrypted, connectionJson: r.connectionJson, notes: r.notes };
}

export async function pullFromEic(ctx: ClientContext, args: PullArgs = {}): Promise<PullCommandResult | EicCommandResult> {
  return withTenant<PullCommandResult>(ctx, 'Pull Connection from EIC', 'Pulling from the EIC tenant', { silent: args.silent }, async (env, report) => {
    const redact = env.redact;
    let name = args.name;
    if (!name) {
      if (args.silent) return { ok: false, refused: 'refused', message: 'Pull needs a connection name in silent mode.' };
      report('listing the connections');
      name = await pickConnection(await env.api.listConnections(), env.address.host);
      if (!name) return { ok: false, refused: 'not-confirmed', message: 'No connection was picked.' };
    }
    const target = asUri(args.target) ?? (args.silent ? undefined : await pickTarget(name));
    if (!target) return { ok: false, refused: 'no-folder', message: 'No folder was chosen.' };
    const fs = workspaceFs(target);
    report(`reading "${name}"`);
    let r: PullResult;
    try {
      r = await pullConnection(env.api, fs, name, target.path, { force: args.force });
    } catch (e) {
      if (!(e instanceof PullConflictError)) throw e;
      const files = e.conflicts.map(c => c.fileName);
      if (args.silent) return { ok: false, refused: 'conflict', message: e.message, conflicts: files };
      const choice = await vscode.window.showWarningMessage(`${files.length} file(s) in ${target.fsPath} differ from the tenant's "${name}": ${files.join(', ')}. Overwrite them with the tenant's?`,
        { modal: true, detail: 'Your local changes in these files would be lost. Compare shows them side by side first.' }, 'Overwrite', 'Compare');
      if (choice === 'Compare') void vscode.commands.executeCommand(Commands.compareWithEic, { folder: target });
      if (choice !== 'Overwrite') return { ok: false, refused: 'conflict', message: e.message, conflicts: files };
      r = await pullConnection(env.api, fs, name, target.path, { force: true });
    }
    const message = `Pulled "${r.connectionName}" from ${env.address.host} into ${target.fsPath}: ${r.written.length} file(s) written`
      + `${r.unchanged.length ? `, ${r.unchanged.length} already up to date` : ''}${r.encrypted.length ? `; ${r.encrypted.join(', ')} is encrypted on the tenant and kept in connection.meta.json` : ''}.`;
    ctx.log.info(redact(message));
    for (const note of r.notes) ctx.log.info(`  ${redact(note)}`);
    if (!args.silent) {
      notify('info', redact(message), false);
      const first = [...r.written, ...r.unchanged].find(f => f !== 'connection.meta.json');
      if (first) await vscode.window.showTextDocument(vscode.Uri.joinPath(target, first));
    }
    return resultOf(r, redact(message));
  });
}
