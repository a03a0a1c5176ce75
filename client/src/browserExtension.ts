/**
 * The extension's client in a browser (vscode.dev, github.dev; the package.json `browser` entry,
 * dist/browser/client.js): starts the language server as a Web Worker (dist/browser/server.js),
 * which validates, completes, explains, fixes, outlines and formats connection files. Each file is
 * checked on its own, with the open files of its folder as its connection (no disk to read the
 * closed ones). Every command that needs the desktop (calls, import preview, packaging, the EIC
 * tenant, tokens, the CLI) is registered too, and says so instead of failing.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { Commands, LANGUAGE_ID, SETTINGS_SECTION, WALKTHROUGH_ID } from '../../common/src/protocol';
import { registerGuarded } from './commandGuard';

/** Commands that work in the browser; every other contributed command needs the desktop. */
const BROWSER_COMMANDS = new Set<string>([Commands.restartServer, Commands.showOutput, Commands.openWalkthrough]);

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const log = vscode.window.createOutputChannel('Saviynt REST (Intercom)', { log: true });
  context.subscriptions.push(log);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel: log,
    // As plain data: postMessage (structured clone) refuses the configuration object's functions.
    initializationOptions: { settings: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(SETTINGS_SECTION))) },
  };
  // A new worker per start, so that Restart Language Server gets a fresh one.
  const serverUri = vscode.Uri.joinPath(context.extensionUri, 'dist/browser/server.js');
  client = new LanguageClient('saviyntRest', 'Saviynt REST Language Server', async () => new Worker(serverUri.toString(true)), clientOptions);

  // The commands first: they answer even when the worker fails to start. Through the one error
  // boundary (commandGuard.ts); the browser client stores no secret, so there is nothing to mask.
  const register = (id: string, title: string, run: () => unknown) =>
    registerGuarded(context, log, id, title, run, async text => text);
  const current = client;
  register(Commands.restartServer, 'Restart Language Server', async () => { await current.stop(); await current.start(); });
  register(Commands.showOutput, 'Show Output', () => log.show());
  register(Commands.openWalkthrough, 'Get Started',
    () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false));
  for (const { command, title } of contributedCommands(context)) {
    if (BROWSER_COMMANDS.has(command)) continue;
    register(command, title, () => {
      const message = desktopOnlyMessage(title);
      log.info(message);
      void vscode.window.showInformationMessage(message);
      return { ok: false, message };
    });
  }
  await client.start();
  return { client };
}

/** What a desktop-only command tells the user in the browser. */
export function desktopOnlyMessage(title: string): string {
  return `"${title.replace(/…$/, '')}" needs VS Code on the desktop: in the browser the extension checks, completes, explains and fixes connection files, `
    + 'but it sends no request and reads or writes no file on disk.';
}

function contributedCommands(context: vscode.ExtensionContext): { command: string; title: string }[] {
  const commands = (context.extension.packageJSON as { contributes?: { commands?: { command: string; title: string }[] } }).contributes?.commands;
  return commands ?? Object.values(Commands).map(command => ({ command, title: command }));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
