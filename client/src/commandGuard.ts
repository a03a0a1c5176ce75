/**
 * A command handler that never throws into the workbench: an unexpected exception becomes a logged
 * error, a message (unless silent) and a `{ok: false, message}` result.
 */
import * as vscode from 'vscode';
import type { ClientContext } from './clientContext';

export function guardedCommand<T extends { silent?: boolean }, R>(ctx: ClientContext, title: string, argsOf: (value: unknown) => T,
  run: (args: T) => Promise<R>): (value: unknown) => Promise<R | { ok: false; message: string }> {
  return async (value: unknown) => {
    const args = argsOf(value);
    try {
      return await run(args);
    } catch (e) {
      const message = `${title} failed: ${e instanceof Error ? e.message : String(e)}`;
      ctx.log.error(message);
      if (!args.silent) void vscode.window.showErrorMessage(message);
      return { ok: false, message };
    }
  };
}
