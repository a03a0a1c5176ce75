/**
 * The command-line tool that ships inside the extension (dist/cli.js), made usable without npm:
 * a `saviynt-rest` launcher in the extension's storage that runs it on the Node runtime VS Code
 * itself runs on, put on the PATH of VS Code's integrated terminals (setting
 * saviyntRest.cli.addToTerminalPath), a command that opens a terminal with it, and one that copies
 * the exact command line for use elsewhere.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands, SETTINGS_SECTION } from '../../../common/src/protocol';
import type { ClientContext } from '../clientContext';
import { registerCommand } from '../commandGuard';

/** The command line that runs the bundled CLI on VS Code's own runtime (Electron runs as Node with ELECTRON_RUN_AS_NODE). */
export function cliInvocation(extensionPath: string): string {
  const cli = path.join(extensionPath, 'dist', 'cli.js');
  const quote = (s: string) => (/[\s"'$`\\]/.test(s) ? `"${s.replace(/(["$`\\])/g, '\\$1')}"` : s);
  return `${process.versions.electron ? 'ELECTRON_RUN_AS_NODE=1 ' : ''}${quote(process.execPath)} ${quote(cli)}`;
}

/** Writes the `saviynt-rest` launcher (a shell script, and a .cmd on Windows) into `dir`; returns the folder. */
export async function writeLauncher(dir: string, extensionPath: string): Promise<string> {
  const bin = path.join(dir, 'bin');
  await fsp.mkdir(bin, { recursive: true });
  const cli = path.join(extensionPath, 'dist', 'cli.js');
  const node = process.execPath;
  const electron = !!process.versions.electron;
  if (process.platform === 'win32') {
    const env = electron ? 'set ELECTRON_RUN_AS_NODE=1\r\n' : '';
    await fsp.writeFile(path.join(bin, 'saviynt-rest.cmd'), `@echo off\r\nsetlocal\r\n${env}"${node}" "${cli}" %*\r\n`);
  } else {
    const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    await fsp.writeFile(path.join(bin, 'saviynt-rest'), `#!/bin/sh\n${electron ? 'ELECTRON_RUN_AS_NODE=1 ' : ''}exec ${sh(node)} ${sh(cli)} "$@"\n`, { mode: 0o755 });
  }
  return bin;
}

export function registerCliAccess(ctx: ClientContext): void {
  const context = ctx.extension;
  let binDir: Promise<string | undefined> | undefined;
  const launcher = () => binDir ??= writeLauncher(context.globalStorageUri.fsPath, context.extensionPath).catch(error => {
    ctx.log.warn(`The saviynt-rest launcher could not be written: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  });
  const applyPath = async () => {
    const collection = context.environmentVariableCollection;
    collection.clear();
    if (!vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>('cli.addToTerminalPath', true)) return;
    const bin = await launcher();
    if (!bin) return;
    collection.description = 'Puts the saviynt-rest command-line tool of the Saviynt EIC REST extension on the PATH.';
    collection.prepend('PATH', bin + path.delimiter);
  };
  void applyPath();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration(`${SETTINGS_SECTION}.cli.addToTerminalPath`)) void applyPath(); }),
  );
  registerCommand(ctx, Commands.openCliTerminal, 'Open Terminal with the saviynt-rest CLI', async (): Promise<{ launcher?: string } | undefined> => {
    const bin = await launcher();
    if (!bin) { void vscode.window.showErrorMessage('The saviynt-rest launcher could not be written; see the output.'); return undefined; }
    const terminal = vscode.window.createTerminal({
      name: 'saviynt-rest',
      env: { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
      cwd: vscode.workspace.workspaceFolders?.[0]?.uri,
      message: 'saviynt-rest is on the PATH here. Try: saviynt-rest check .   (saviynt-rest --help lists the commands)',
    });
    terminal.show();
    return { launcher: path.join(bin, process.platform === 'win32' ? 'saviynt-rest.cmd' : 'saviynt-rest') };
  });
  registerCommand(ctx, Commands.copyCliCommand, 'Copy Command-Line (CLI) Invocation', async (): Promise<string> => {
    const display = cliInvocation(context.extensionPath);
    await vscode.env.clipboard.writeText(display);
    void vscode.window.showInformationMessage(`Copied: ${display} — add a command such as "check <folder>" after it. In VS Code's terminals, "saviynt-rest" runs the same.`);
    return display;
  });
}
