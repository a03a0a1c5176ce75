/**
 * Registers the call commands: Test Connection, Run Call, Preview Request, Preview Import and
 * Run Ticket Flow. Every command takes an optional args object (see results.ts) and returns a
 * result object; the implementations load on first use (commandLoader.ts).
 */
import * as vscode from 'vscode';
import { Commands } from '../../../common/src/protocol';
import type { ClientContext } from '../clientContext';
import { failureResult, registerCommand } from '../commandGuard';
import { loadCommands } from '../commandLoader';
import type { CallCommandArgs } from './results';

/** Command arguments: an args object; a Uri (explorer/editor title menus) becomes {uri}. */
export function callArgsOf<T extends CallCommandArgs>(value: unknown): T {
  if (value instanceof vscode.Uri) return { uri: value } as T;
  return (value && typeof value === 'object' ? value : {}) as T;
}

export function registerCallCommands(ctx: ClientContext): void {
  const options = { failure: failureResult };
  registerCommand(ctx, Commands.testConnection, 'Test Connection', (a: unknown) => loadCommands().testConnection(ctx, callArgsOf(a)), options);
  registerCommand(ctx, Commands.runCall, 'Run call', (a: unknown) => loadCommands().runCall(ctx, callArgsOf(a)), options);
  registerCommand(ctx, Commands.previewRequest, 'Preview request', (a: unknown) => loadCommands().previewRequest(ctx, callArgsOf(a)), options);
  registerCommand(ctx, Commands.previewImport, 'Preview Import', (a: unknown) => loadCommands().previewImport(ctx, callArgsOf(a)), options);
  registerCommand(ctx, Commands.runTicketFlow, 'Run Ticket Flow', (a: unknown) => loadCommands().runTicketFlow(ctx, callArgsOf(a)), options);
}
