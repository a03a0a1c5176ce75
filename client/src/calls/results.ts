/**
 * What every call command accepts and returns. Commands return a plain result object (never the
 * token: only masked values) so that tests and other extensions can assert on it, and they show
 * problems to the user with the action that fixes them ("Set Token", "Open Settings").
 */
import * as vscode from 'vscode';
import { Commands } from '../../../common/src/protocol';
import type { HttpProblem } from '../../../server/src/core/runner';

/** Options shared by the call commands (all optional; a CodeLens passes {uri, path, name}). */
export interface CallCommandArgs {
  /** The attribute file (or, for import preview and ticket flow, any file of the connection folder, or the folder). */
  uri?: string | vscode.Uri;
  /** JSON path of the call in the file (as the CodeLens passes it). */
  path?: (string | number)[];
  /** Name of the call, used when the path no longer matches (the file was edited). */
  name?: string;
  /** Binding values, merged over the sample identity file (e.g. {"user": {"email": "…"}, "ticketID": "631"}). */
  variables?: Record<string, unknown>;
  /** true: calls that change data are already confirmed; false: treat as declined. Default: ask (modal). */
  confirm?: boolean;
  /** No prompts, notifications or editors: refuse instead of asking. For tests and automation. */
  silent?: boolean;
}

export type RefusalReason = 'restricted' | 'no-token' | 'missing-variables' | 'not-confirmed' | 'host-not-allowed'
  | 'request-problem' | 'no-call' | 'no-file' | 'cancelled';

/** The common part of every command result. */
export interface CommandResult {
  ok: boolean;
  /** What happened, in plain language (token masked). */
  message: string;
  /** Set when the command did not send anything (or stopped) and why. */
  refused?: RefusalReason;
  problem?: HttpProblem;
}

/** An action offered next to a message. */
interface MessageAction { title: string; run(): unknown }

export const setTokenAction: MessageAction = { title: 'Set Token', run: () => vscode.commands.executeCommand(Commands.setToken) };

export function openSettingsAction(setting: string): MessageAction {
  return { title: 'Open Settings', run: () => vscode.commands.executeCommand('workbench.action.openSettings', setting) };
}

export const manageTrustAction: MessageAction = { title: 'Manage Workspace Trust', run: () => vscode.commands.executeCommand('workbench.trust.manage') };

/** Shows a message (unless silent) with actions; does not wait for the user to answer. */
export function notify(kind: 'info' | 'warning' | 'error', message: string, silent: boolean | undefined, ...actions: MessageAction[]): void {
  if (silent) return;
  const titles = actions.map(a => a.title);
  const shown = kind === 'info' ? vscode.window.showInformationMessage(message, ...titles)
    : kind === 'warning' ? vscode.window.showWarningMessage(message, ...titles)
    : vscode.window.showErrorMessage(message, ...titles);
  void Promise.resolve(shown).then(choice => actions.find(a => a.title === choice)?.run());
}

/** The action that fixes a refusal from the engine, if there is one. */
export function actionsForProblem(problem: HttpProblem | undefined): MessageAction[] {
  if (!problem) return [];
  if (/saviyntRest\.intercom\.baseUrl/.test(problem.message) && problem.kind !== 'refused') return [openSettingsAction('saviyntRest.intercom.baseUrl')];
  if (problem.kind === 'refused' && /saviyntRest\.http\.allowedHosts/.test(problem.message)) return [openSettingsAction('saviyntRest.http.allowedHosts')];
  if (problem.kind === 'timeout') return [openSettingsAction('saviyntRest.http.timeoutSeconds')];
  if (problem.kind === 'unauthorized') return [setTokenAction];
  return [];
}

/** The refusal reason for an engine refusal message. */
export function refusalFor(problem: HttpProblem): RefusalReason | undefined {
  if (problem.kind === 'cancelled') return 'cancelled';
  if (problem.kind !== 'refused') return undefined;
  if (/allowedHosts|Refusing to send the access token/.test(problem.message)) return 'host-not-allowed';
  if (/only sent after you confirm/.test(problem.message)) return 'not-confirmed';
  if (/no value for/.test(problem.message)) return 'missing-variables';
  return 'request-problem';
}

/** A URI argument as a vscode.Uri (strings are parsed as URIs, or taken as file paths when absolute). */
export function toUri(value: string | vscode.Uri | undefined): vscode.Uri | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return value;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^[a-z]:\\/i.test(value)) return vscode.Uri.parse(value);
  return vscode.Uri.file(value);
}
