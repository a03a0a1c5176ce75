/**
 * The EIC tenant commands (issue 16): Set / Clear EIC Credentials, Compare with EIC Tenant,
 * Deploy Connection to EIC…, Pull Connection from EIC…, Run EIC Import Job…. Each takes an
 * optional args object (a Uri from the Explorer becomes {folder}) and returns a result object;
 * the implementations load on first use (commandLoader.ts).
 */
import * as vscode from 'vscode';
import { Commands } from '../../../common/src/protocol';
import type { ClientContext } from '../clientContext';
import { failureResult, registerCommand } from '../commandGuard';
import { loadCommands, loadedCommands } from '../commandLoader';

function argsOf<T>(value: unknown): T {
  if (value instanceof vscode.Uri) return { folder: value } as T;
  return (value && typeof value === 'object' ? value : {}) as T;
}

export function registerEicCommands(ctx: ClientContext): void {
  const options = { failure: failureResult };
  ctx.extension.subscriptions.push(ctx.eicCredentials.onDidChange(() => loadedCommands()?.forgetEicSessions()));
  registerCommand(ctx, Commands.setEicCredentials, 'Set EIC Credentials', (a?: object) => loadCommands().setEicCredentials(ctx, a ?? {}));
  registerCommand(ctx, Commands.clearEicCredentials, 'Clear EIC Credentials', (a?: object) => loadCommands().clearEicCredentials(ctx, a ?? {}));
  registerCommand(ctx, Commands.compareWithEic, 'Compare with EIC Tenant', (a: unknown) => loadCommands().compareWithEic(ctx, argsOf(a)), options);
  registerCommand(ctx, Commands.deployToEic, 'Deploy Connection to EIC', (a: unknown) => loadCommands().deployToEic(ctx, argsOf(a)), options);
  registerCommand(ctx, Commands.pullFromEic, 'Pull Connection from EIC', (a: unknown) => loadCommands().pullFromEic(ctx, argsOf(a)), options);
  registerCommand(ctx, Commands.runEicImportJob, 'Run EIC Import Job', (a: unknown) => loadCommands().runEicImportJob(ctx, argsOf(a)), options);
}
