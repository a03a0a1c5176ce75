/**
 * The EIC tenant commands (issue 16): Set / Clear EIC Credentials, Compare with EIC Tenant,
 * Deploy Connection to EIC…, Pull Connection from EIC…, Run EIC Import Job…. Each takes an
 * optional args object (a Uri from the Explorer becomes {folder}) and returns a result object.
 */
import * as vscode from 'vscode';
import { Commands } from '../../../common/src/protocol';
import type { ClientContext } from '../clientContext';
import { guardedCommand } from '../commandGuard';
import { compareWithEic, type CompareArgs } from './compareCommand';
import { registerEicCredentialCommands } from './credentialCommands';
import { deployToEic, type DeployArgs } from './deployCommand';
import type { EicCommandResult } from './eicEnvironment';
import { runEicImportJob, type JobArgs } from './jobCommand';
import { pullFromEic, type PullArgs } from './pullCommand';

function argsOf<T extends { silent?: boolean }>(value: unknown): T {
  if (value instanceof vscode.Uri) return { folder: value } as unknown as T;
  return (value && typeof value === 'object' ? value : {}) as T;
}

function guarded<T extends { silent?: boolean }>(ctx: ClientContext, title: string, run: (args: T) => Promise<EicCommandResult>) {
  return guardedCommand(ctx, title, argsOf<T>, run);
}

export function registerEicCommands(ctx: ClientContext): void {
  registerEicCredentialCommands(ctx);
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(Commands.compareWithEic, guarded(ctx, 'Compare with EIC Tenant', (a: CompareArgs) => compareWithEic(ctx, a))),
    vscode.commands.registerCommand(Commands.deployToEic, guarded(ctx, 'Deploy Connection to EIC', (a: DeployArgs) => deployToEic(ctx, a))),
    vscode.commands.registerCommand(Commands.pullFromEic, guarded(ctx, 'Pull Connection from EIC', (a: PullArgs) => pullFromEic(ctx, a))),
    vscode.commands.registerCommand(Commands.runEicImportJob, guarded(ctx, 'Run EIC Import Job', (a: JobArgs) => runEicImportJob(ctx, a))),
  );
}
