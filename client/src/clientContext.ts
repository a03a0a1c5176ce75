/** What every client feature module receives: the extension context, the language client and the log. */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export interface ClientContext {
  readonly extension: vscode.ExtensionContext;
  readonly client: LanguageClient;
  /** The extension's log (never receives a token: see redaction in the http module). */
  readonly log: vscode.LogOutputChannel;
}
