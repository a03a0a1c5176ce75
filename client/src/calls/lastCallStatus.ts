/** A language status item with the outcome of the last call, e.g. "last call: 200 OK in 123 ms". */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../../common/src/protocol';

export class LastCallStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('saviyntRest.lastCall', { language: LANGUAGE_ID });

  constructor() {
    this.item.name = 'Last Intercom call';
    this.item.text = '$(debug-disconnect) no call yet';
    this.item.severity = vscode.LanguageStatusSeverity.Information;
  }

  /** Records the outcome of a call: `text` such as "200 OK in 123 ms", `detail` such as "GET /admins". */
  report(text: string, detail: string, failed: boolean, open?: vscode.Uri): void {
    this.item.text = `${failed ? '$(error)' : '$(pass)'} last call: ${text}`;
    this.item.detail = detail;
    this.item.severity = failed ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.item.command = open ? { title: 'Show response', command: 'vscode.open', arguments: [open] } : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
