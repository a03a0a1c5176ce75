/** A language status item with the outcome of the last call, e.g. "last call: 200 OK in 123 ms". */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../../common/src/protocol';

let item: vscode.LanguageStatusItem | undefined;

export function registerLastCallStatus(subscriptions: vscode.Disposable[]): void {
  item = vscode.languages.createLanguageStatusItem('saviyntRest.lastCall', { language: LANGUAGE_ID });
  item.name = 'Last Intercom call';
  item.text = '$(debug-disconnect) no call yet';
  item.severity = vscode.LanguageStatusSeverity.Information;
  subscriptions.push(item);
}

/** Records the outcome of a call: `text` such as "200 OK in 123 ms", `detail` such as "GET /admins". */
export function reportLastCall(text: string, detail: string, failed: boolean, open?: vscode.Uri): void {
  if (!item) return;
  item.text = `${failed ? '$(error)' : '$(pass)'} last call: ${text}`;
  item.detail = detail;
  item.severity = failed ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  item.command = open ? { title: 'Show response', command: 'vscode.open', arguments: [open] } : undefined;
}
