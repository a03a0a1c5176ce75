// Small helpers for e2e test files (they run inside the extension host and may use `vscode`).
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'eic-tools.saviynt-intercom-rest';
export const LANGUAGE_ID = 'saviynt-json';

/** Polls fn until it returns a truthy value; fails with `what` in the message after `ms`. */
export async function waitFor<T>(what: string, fn: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > end) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${ms} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The single workspace folder the runner opens (a private copy of test/e2e/workspace). */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e runner opens test/e2e/workspace as the workspace folder');
  return folder;
}

/** URI of a fixture file, relative to the workspace folder, e.g. fixtureUri('intercom/CreateTicketJSON.json'). */
export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relativePath.split('/'));
}

/** Opens a fixture in an editor and returns its document. */
export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The current document for a URI (a language change may replace the TextDocument object). */
export function currentDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** Waits until the document at `uri` has the given language id; returns that document. */
export function waitForLanguage(uri: vscode.Uri, languageId = LANGUAGE_ID, ms = 30_000): Promise<vscode.TextDocument> {
  return waitFor(`${uri.path} to get language "${languageId}" (now "${currentDocument(uri)?.languageId}")`,
    () => { const d = currentDocument(uri); return d?.languageId === languageId ? d : undefined; }, ms);
}

/** The extension under test, activated. */
export async function activeExtension(ms = 30_000): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded (extensionDevelopmentPath points at the repository)`);
  await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive, ms);
  return ext;
}

/** Diagnostics for a URI once at least `min` are present. */
export function waitForDiagnostics(uri: vscode.Uri, min = 1, ms = 30_000): Promise<vscode.Diagnostic[]> {
  return waitFor(`${min}+ diagnostics on ${uri.path}`, () => {
    const list = vscode.languages.getDiagnostics(uri);
    return list.length >= min ? list : undefined;
  }, ms);
}

/** Closes all editors (use in teardown so tests do not see each other's editors). */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
