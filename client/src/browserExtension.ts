/**
 * The extension's client in a browser (vscode.dev, github.dev; the package.json `browser` entry,
 * dist/browser/client.js): starts the language server as a Web Worker (dist/browser/server.js),
 * which validates, completes, explains, fixes, outlines and formats connection files. The worker has
 * no file system: it asks this client for the other files of a connection's folder
 * (ReadFolderRequest, answered with vscode.workspace.fs). Every command that needs the desktop (calls, import preview, packaging, the EIC
 * tenant, tokens, the CLI) is registered too, and says so instead of failing.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import {
  Commands, LANGUAGE_ID, ReadFolderRequest, SETTINGS_SECTION, WALKTHROUGH_ID, type ReadFolderParams, type ReadFolderResult,
} from '../../common/src/protocol';
import { attributeForFileName } from '../../server/src/core/attributes';
import { registerGuarded } from './commandGuard';

/** Commands that work in the browser; every other contributed command needs the desktop. */
const BROWSER_COMMANDS = new Set<string>([Commands.restartServer, Commands.showOutput, Commands.openWalkthrough]);

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const log = vscode.window.createOutputChannel('Saviynt REST (Intercom)', { log: true });
  context.subscriptions.push(log);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: SETTINGS_SECTION, fileEvents: vscode.workspace.createFileSystemWatcher('**/*.json') },
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
  client.onRequest(ReadFolderRequest, (params: ReadFolderParams) => readFolder(params.uri));
  await client.start();
  return { client };
}

const METADATA_FILE = 'connection.meta.json';
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * The attribute files of a folder and its connection name, read with vscode.workspace.fs (the
 * worker has no file system). A folder that cannot be read has no files.
 */
export async function readFolder(uri: string): Promise<ReadFolderResult> {
  const folder = vscode.Uri.parse(uri);
  let entries: [string, vscode.FileType][];
  try { entries = await vscode.workspace.fs.readDirectory(folder); } catch { return { files: [] }; }
  const decoder = new TextDecoder();
  const readText = async (name: string): Promise<{ uri: string; text: string } | undefined> => {
    const file = vscode.Uri.joinPath(folder, name);
    try {
      const bytes = await vscode.workspace.fs.readFile(file);
      return bytes.byteLength <= MAX_FILE_BYTES ? { uri: file.toString(), text: decoder.decode(bytes) } : undefined;
    } catch {
      return undefined;
    }
  };
  const names = entries.filter(([, type]) => type & vscode.FileType.File).map(([name]) => name);
  const files = (await Promise.all(names.filter(n => attributeForFileName(n) !== undefined).map(readText)))
    .filter((f): f is { uri: string; text: string } => f !== undefined);
  let name: string | undefined;
  const meta = names.includes(METADATA_FILE) ? await readText(METADATA_FILE) : undefined;
  try { name = meta ? JSON.parse(meta.text)?.connectionname : undefined; } catch { /* unreadable metadata: the folder's name */ }
  return { name: typeof name === 'string' && name ? name : undefined, files };
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
