/**
 * Registers Check Against Intercom Workspace (implementation: checkWorkspace.ts, loaded on first
 * use) and its triggers: check on save (saviyntRest.live.checkOnSave, never in Restricted Mode),
 * and a changed token, region or base URL, which drops the cached snapshots and live findings.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID, SETTINGS_SECTION } from '../../../common/src/protocol';
import type { ClientContext } from '../clientContext';
import { failureResult, registerCommand } from '../commandGuard';
import { loadCommands, loadedCommands } from '../commandLoader';
import type { CheckWorkspaceArgs } from './checkWorkspace';

function argsOf(value: unknown): CheckWorkspaceArgs {
  return (value instanceof vscode.Uri ? { uri: value } : value && typeof value === 'object' ? value : {}) as CheckWorkspaceArgs;
}

export function registerLiveChecks(ctx: ClientContext, command: string): void {
  registerCommand(ctx, command, 'Check Against Intercom Workspace', (a: unknown) => loadCommands().checkWorkspace(ctx, argsOf(a)), { failure: failureResult });
  // Nothing is cached before the first check has loaded the implementation.
  const forget = () => { void loadedCommands()?.forgetLiveSnapshots(ctx); };
  ctx.extension.subscriptions.push(
    ctx.tokens.onDidChange(forget),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration(`${SETTINGS_SECTION}.intercom`) || e.affectsConfiguration(`${SETTINGS_SECTION}.http.allowedHosts`)) forget();
    }),
    vscode.workspace.onDidSaveTextDocument(doc => {
      if (doc.languageId !== LANGUAGE_ID || !vscode.workspace.isTrusted) return;
      if (!vscode.workspace.getConfiguration(SETTINGS_SECTION, doc.uri).get<boolean>('live.checkOnSave', false)) return;
      void loadCommands().checkWorkspace(ctx, { uri: doc.uri, silent: true })
        .then(r => { if (!r.ok) ctx.log.warn(`Live check on save: ${r.message}`); }, e => ctx.log.warn(`Live check on save: ${e instanceof Error ? e.message : String(e)}`));
    }),
  );
}
