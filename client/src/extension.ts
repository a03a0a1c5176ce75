/**
 * The extension's client: starts the language server, recognises connection files,
 * and registers the commands. Everything about JSON lives in the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind, RevealOutputChannelOn } from 'vscode-languageclient/node';
import { Commands, LANGUAGE_ID, SETTINGS_SECTION } from '../../common/src/protocol';
import { languageServerEnvironment } from '../../common/src/serverEnvironment';
import { registerLanguageRecognition } from './languageRecognition';
import { LastCallStatus } from './calls/lastCallStatus';
import { ReadOnlyDocuments } from './calls/readOnlyDocuments';
import type { ClientContext } from './clientContext';
import { registerCommand } from './commandGuard';
import { EicCredentialStore } from './eic/credentialStore';
import { TokenStore } from './token/tokenStore';
import { CLIENT_FEATURES } from './features';
import { tokenStatus, type TokenStatus } from './token/tokenCommands';
import type { ExportFiles } from './exportFiles';

/** What the extension hands to other extensions and tests: the client, and what the status bar shows. */
export interface ExtensionApi {
  client: LanguageClient;
  tokenStatus(): TokenStatus | undefined;
  exportFiles: ExportFiles;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const log = vscode.window.createOutputChannel('Saviynt REST (Intercom)', { log: true });
  context.subscriptions.push(log);
  const exportFiles = registerLanguageRecognition(context);

  const serverModule = context.asAbsolutePath('dist/server.js');
  // The server's compiled code is cached in the extension's own storage (private to the user), so
  // that it starts faster from the second time on; common/src/serverEnvironment.ts says what else.
  const env = languageServerEnvironment(process.env, vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath);
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
      { language: LANGUAGE_ID, scheme: 'vscode-remote' },
    ],
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.json'),
    },
    outputChannel: log,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: { settings: vscode.workspace.getConfiguration(SETTINGS_SECTION) },
  };
  client = new LanguageClient('saviyntRest', 'Saviynt REST Language Server', serverOptions, clientOptions);
  await client.start();

  const documents = new ReadOnlyDocuments();
  const lastCall = new LastCallStatus();
  context.subscriptions.push(documents, lastCall);
  const ctx: ClientContext = {
    extension: context, client, log, documents, lastCall,
    tokens: new TokenStore(context.secrets), eicCredentials: new EicCredentialStore(context.secrets),
  };
  registerCommand(ctx, Commands.restartServer, 'Restart Language Server', async () => { await client?.restart(); });
  registerCommand(ctx, Commands.showOutput, 'Show Output', () => log.show());
  for (const feature of CLIENT_FEATURES) {
    try {
      feature(ctx);
    } catch (error) {
      log.error(`Feature failed to start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { client, tokenStatus, exportFiles };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
