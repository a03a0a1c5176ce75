/**
 * The one way the extension registers a command: through the error boundary (commandBoundary.ts).
 * An unexpected exception never reaches the workbench as a bare stack: it is logged without
 * secrets and shown in plain words with a "Show Output" button. A unit test checks that no other
 * file calls `vscode.commands.registerCommand`.
 */
import * as vscode from 'vscode';
import { withBoundary, type BoundaryOptions } from './commandBoundary';
import type { ClientContext } from './clientContext';
import { redactKnownSecrets } from './secretRedaction';

const SHOW_OUTPUT = 'Show Output';

/** Registers `id` (disposed with the extension); `title` names the command in messages. */
export function registerCommand<A extends unknown[], R>(ctx: ClientContext, id: string, title: string,
  run: (...args: A) => R | Promise<R>, options: BoundaryOptions<R> = {}): void {
  registerGuarded(ctx.extension, ctx.log, id, title, run, text => redactKnownSecrets(ctx, text), options);
}

/**
 * The guard itself, for a client without a ClientContext (the browser client, which stores no
 * secret: `redact` masks what it knows).
 */
export function registerGuarded<A extends unknown[], R>(extension: vscode.ExtensionContext, log: vscode.LogOutputChannel, id: string, title: string,
  run: (...args: A) => R | Promise<R>, redact: (text: string) => Promise<string>, options: BoundaryOptions<R> = {}): void {
  const guarded = withBoundary(title, run, {
    logError: text => log.error(text),
    showError: message => {
      void Promise.resolve(vscode.window.showErrorMessage(message, SHOW_OUTPUT)).then(choice => { if (choice === SHOW_OUTPUT) log.show(true); });
    },
    redact,
  }, options);
  extension.subscriptions.push(vscode.commands.registerCommand(id, guarded));
}

/** The failure result of the commands whose result has an `ok` slot (calls, live check, EIC). */
export const failureResult = (message: string) => ({ ok: false as const, message });
