/**
 * Package Connection for EIC Transport: checks the folder with the language server's engine, then
 * writes the zip EIC imports. Refusals name the first problem and how many there are; warnings
 * (calls whose authentication the package lacks …) are shown with the result.
 */
import * as vscode from 'vscode';
import { CheckFilesRequest, type CheckFilesResult } from '../../../common/src/protocol';
import type { ClientContext } from '../clientContext';
import { packageConnectionFolder, PackageRefusedError, type PackageResult } from '../../../server/src/core/transport/node/package';
import type { PackageValidator } from '../../../server/src/core/transport/packageValidator';
import { parseStamp } from '../../../server/src/core/transport/timestamp';
import { isConnectionFile } from '../languageRecognition';
import { asUri, isDirectory } from './targetFolder';
import { workspaceFs } from './workspaceFs';

interface PackageArgs { folder?: string; output?: string; allowErrors?: boolean; timestamp?: string; silent?: boolean }

async function connectionFolderFrom(arg: unknown): Promise<vscode.Uri | undefined> {
  const given = asUri((arg as PackageArgs | undefined)?.folder) ?? asUri(arg);
  if (given) return (await isDirectory(given)) ? given : vscode.Uri.joinPath(given, '..');
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.scheme === 'file' && isConnectionFile(active.path)) return vscode.Uri.joinPath(active, '..');
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Package this connection folder' });
  return picked?.[0];
}

/** What the user reads when the check refused the package: the first problem and how many there are in all. */
export function refusalMessage(error: PackageRefusedError): string {
  const problems = error.findings.length ? error.findings : error.reasons;
  const more = problems.length > 1 ? ` (${problems.length - 1} more problem${problems.length === 2 ? '' : 's'} in the output and the Problems panel)` : '';
  const count = error.findings.length ? `${error.findings.length} error${error.findings.length === 1 ? '' : 's'} must be fixed first. The first: ` : '';
  return `The connection was not packaged: ${count}${problems[0]}${more}`;
}

export async function packageConnection(ctx: ClientContext, arg?: PackageArgs | vscode.Uri): Promise<PackageResult | undefined> {
  const serverValidator: PackageValidator = files => ctx.client.sendRequest<CheckFilesResult>(CheckFilesRequest, { files });
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
    const canOverride = error.findings.length > 0;
    const choice = await vscode.window.showErrorMessage(refusalMessage(error), ...(canOverride ? ['Package Anyway', 'Show Problems'] : ['Show Output']));
    if (choice === 'Show Problems') { void vscode.commands.executeCommand('workbench.actions.view.problems'); return undefined; }
    if (choice === 'Show Output') { ctx.log.show(true); return undefined; }
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
      ? ' ConnectionJSON carries a placeholder instead of the token: after Admin → Transport → Import Package, open the connection in EIC and paste the token there.'
      : '';
    const warnings = result.authenticationWarnings;
    const message = `Packaged "${result.connectionName}" as ${output.path.split('/').pop()}.${placeholders}${warnings.length ? ` Warning: ${warnings[0]}` : ''}`;
    const shown = warnings.length ? vscode.window.showWarningMessage(message, 'Reveal') : vscode.window.showInformationMessage(message, 'Reveal');
    void Promise.resolve(shown).then(choice => {
      if (choice === 'Reveal') void vscode.commands.executeCommand('revealFileInOS', output);
    });
  }
  return result;
}
