/**
 * Restricted Mode: in an untrusted workspace the call commands send nothing. The settings that
 * steer the token (base URL, allowed hosts) could come from the untrusted folder itself.
 */
import * as vscode from 'vscode';
import { manageTrustAction, notify, type CommandResult } from './results';

/** A refusal when the workspace is not trusted; undefined when calls are allowed. */
export function refuseWhenRestricted(what: string, silent?: boolean): CommandResult | undefined {
  if (vscode.workspace.isTrusted) return undefined;
  const message = `Restricted Mode: ${what} is disabled because this workspace is not trusted, so no request was sent. ` +
    'Trust the workspace to send requests (the folder\'s settings decide where the access token goes).';
  notify('warning', message, silent, manageTrustAction);
  return { ok: false, refused: 'restricted', message };
}
