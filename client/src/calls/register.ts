/**
 * Registers the call commands: Test Connection, Run Call, Preview Request, Preview Import and
 * Run Ticket Flow, the read-only documents they show, and the "last call" status item.
 * Every command takes an optional args object (see results.ts) and returns a result object.
 */
import * as vscode from 'vscode';
import { Commands } from '../../../common/src/protocol';
import type { ClientContext } from '../clientContext';
import { guardedCommand } from '../commandGuard';
import { previewImport, type ImportPreviewArgs } from './importPreview';
import { registerLastCallStatus } from './lastCallStatus';
import { registerReadOnlyDocuments } from './readOnlyDocuments';
import type { CallCommandArgs, CommandResult } from './results';
import { previewRequest, runCall } from './runCall';
import { testConnection } from './testConnection';
import { runTicketFlow, type TicketFlowArgs } from './ticketFlow';

/** Command arguments: an args object; a Uri (explorer/editor title menus) becomes {uri}. */
function argsOf<T extends CallCommandArgs>(value: unknown): T {
  if (value instanceof vscode.Uri) return { uri: value } as T;
  return (value && typeof value === 'object' ? value : {}) as T;
}

/** Turns an unexpected exception into a result and an error message (never rethrows into the workbench). */
function guarded<T extends CallCommandArgs, R extends CommandResult>(ctx: ClientContext, title: string, run: (args: T) => Promise<R>) {
  return guardedCommand(ctx, title, argsOf<T>, run);
}

export function registerCallCommands(ctx: ClientContext): void {
  const subscriptions = ctx.extension.subscriptions;
  registerReadOnlyDocuments(subscriptions);
  registerLastCallStatus(subscriptions);
  subscriptions.push(
    vscode.commands.registerCommand(Commands.testConnection, guarded(ctx, 'Test Connection', (a: CallCommandArgs) => testConnection(ctx, a))),
    vscode.commands.registerCommand(Commands.runCall, guarded(ctx, 'Run call', (a: CallCommandArgs) => runCall(ctx, a))),
    vscode.commands.registerCommand(Commands.previewRequest, guarded(ctx, 'Preview request', (a: CallCommandArgs) => previewRequest(ctx, a))),
    vscode.commands.registerCommand(Commands.previewImport, guarded(ctx, 'Preview Import', (a: ImportPreviewArgs) => previewImport(ctx, a))),
    vscode.commands.registerCommand(Commands.runTicketFlow, guarded(ctx, 'Run Ticket Flow', (a: TicketFlowArgs) => runTicketFlow(ctx, a))),
  );
}
