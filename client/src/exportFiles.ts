/**
 * Which files of the workspace are EIC exports by content (an export saved as `Intercom.json`), so
 * that the Explorer offers "Unpack" on them: the context key `saviyntRest.exportFiles` lists their
 * paths (`resourcePath in saviyntRest.exportFiles`). Filled by a bounded scan when the extension
 * starts (the first bytes of each JSON file only), by documents as they open, and by the file watcher.
 */
import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import { attributeForFileName, isExportFileName } from '../../server/src/core/attributes';
import { RECOGNITION_PREFIX, recognizeContent } from '../../server/src/core/contentRecognition';

export const EXPORT_FILES_CONTEXT = 'saviyntRest.exportFiles';

/** The scan looks at this many JSON files at most (large monorepos). */
const SCAN_LIMIT = 2000;

async function readPrefix(uri: vscode.Uri): Promise<string | undefined> {
  if (uri.scheme !== 'file') return undefined;
  let handle: import('node:fs').promises.FileHandle | undefined;
  try {
    handle = await fsp.open(uri.fsPath, 'r');
    const buffer = Buffer.alloc(RECOGNITION_PREFIX);
    const { bytesRead } = await handle.read(buffer, 0, RECOGNITION_PREFIX, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export class ExportFiles implements vscode.Disposable {
  private readonly paths = new Map<string, string[]>();
  private readonly disposables: vscode.Disposable[] = [];
  private published = '';

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.json');
    this.disposables.push(
      watcher,
      watcher.onDidCreate(uri => void this.sniff(uri)),
      watcher.onDidChange(uri => void this.sniff(uri)),
      watcher.onDidDelete(uri => this.set(uri, false)),
    );
  }

  /** Records whether a file is an export by content (the name-based ones have their own menu rule). */
  set(uri: vscode.Uri, isExport: boolean): void {
    const key = uri.toString();
    if (isExport) this.paths.set(key, [...new Set([uri.fsPath, uri.path])]);
    else this.paths.delete(key);
    const value = [...this.paths.values()].flat();
    const text = JSON.stringify(value);
    if (text === this.published) return;
    this.published = text;
    void vscode.commands.executeCommand('setContext', EXPORT_FILES_CONTEXT, value);
  }

  has(uri: vscode.Uri): boolean {
    return this.paths.has(uri.toString());
  }

  /** Reads the start of a file and records whether it is an export. */
  async sniff(uri: vscode.Uri): Promise<void> {
    if (attributeForFileName(uri.path) || isExportFileName(uri.path)) return;
    const prefix = await readPrefix(uri);
    if (prefix !== undefined) this.set(uri, recognizeContent(prefix)?.kind === 'export');
  }

  /** The first scan of the workspace, in the background. */
  async scanWorkspace(): Promise<void> {
    const files = await vscode.workspace.findFiles('**/*.json', '{**/node_modules/**,**/.git/**,**/.e2e-tools/**}', SCAN_LIMIT);
    for (const uri of files) await this.sniff(uri);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
