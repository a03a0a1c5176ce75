/**
 * Compare with EIC Tenant: the folder (unsaved editors included) against the tenant's connection of
 * the same name, attribute by attribute, in the diff editor, with a summary of what is equal,
 * changed, only local, only on the tenant, and not comparable (ConnectionJSON).
 */
import * as vscode from 'vscode';
import { Commands } from '../../../common/src/protocol';
import { compareConnection, summaryLine, type AttributeStatus, type ConnectionComparison } from '../../../server/src/core/eic';
import type { ClientContext } from '../clientContext';
import { notify } from '../calls/results';
import { refuseWhenRestricted } from '../calls/trust';
import { showComparison, showSummary } from './comparisonView';
import type { EicCommandResult } from './eicEnvironment';
import { readFolder, resolveConnectionFolder } from './eicFolder';
import { withTenant } from './tenantTask';

export interface CompareArgs {
  /** The connection folder (or a file in it). */
  folder?: string | vscode.Uri;
  /** No prompts, notifications or editors. */
  silent?: boolean;
  /** Open the diff editor even when silent (tests). */
  show?: boolean;
}

export interface CompareResult extends EicCommandResult {
  connectionName?: string;
  tenant?: string;
  exists?: boolean;
  differs?: boolean;
  attributes?: { attribute: string; status: AttributeStatus; formattingOnly?: boolean }[];
  summary?: Record<AttributeStatus, string[]>;
  /** Attributes opened in the diff editor. */
  shown?: string[];
  summaryUri?: string;
}

export function comparisonResult(c: ConnectionComparison, host: string): CompareResult {
  return {
    ok: true, message: `${c.connectionName} on ${host}: ${c.differs ? 'differs' : 'equal'} — ${summaryLine(c)}.`,
    connectionName: c.connectionName, tenant: host, exists: c.exists, differs: c.differs,
    attributes: c.entries.map(e => ({ attribute: e.attribute, status: e.status, formattingOnly: e.formattingOnly })), summary: c.summary,
  };
}

export async function compareWithEic(ctx: ClientContext, args: CompareArgs = {}): Promise<CompareResult | EicCommandResult> {
  const restricted = refuseWhenRestricted('Compare with EIC Tenant', args.silent);
  if (restricted) return { ok: false, message: restricted.message, refused: 'restricted' };
  const folderUri = await resolveConnectionFolder(args.folder, args.silent, 'Compare this connection folder');
  if (!folderUri) return { ok: false, refused: 'no-folder', message: 'No connection folder was chosen.' };
  return withTenant<CompareResult>(ctx, 'Compare with EIC Tenant', 'Comparing with the EIC tenant', { silent: args.silent, scope: folderUri }, async (env, report) => {
    const folder = await readFolder(folderUri, true);
    if (folder.errors.length) {
      const message = `The folder cannot be compared: ${folder.errors.join(' ')}`;
      notify('error', message, args.silent);
      return { ok: false, refused: 'refused', message };
    }
    report(`reading "${folder.name}" from ${env.address.host}`);
    const comparison = compareConnection(folder, await env.api.connectionDetails(folder.name));
    const result = comparisonResult(comparison, env.address.host);
    ctx.log.info(`Compare: ${result.message}`);
    if (!args.silent || args.show) {
      const shown = await showComparison(ctx.documents, comparison, folderUri, env.address.host);
      result.shown = shown.shown;
      result.summaryUri = shown.summaryUri.toString();
      if (!args.silent) {
        const buttons = ['Show Summary', ...(comparison.differs ? ['Deploy…'] : [])];
        void vscode.window.showInformationMessage(`${comparison.differs ? '' : 'Equal: '}${result.message}`, ...buttons).then(choice => {
          if (choice === 'Show Summary') void showSummary(shown.summaryUri);
          if (choice === 'Deploy…') void vscode.commands.executeCommand(Commands.deployToEic, { folder: folderUri });
        });
      }
    }
    return result;
  });
}
