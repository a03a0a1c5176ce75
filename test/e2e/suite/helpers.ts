// Small helpers for e2e test files (they run inside the extension host and may use `vscode`).
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
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

// ---------------------------------------------------------------------------------------------
// Helpers added for the feature suites (diagnostics, completion, hover, quick fixes, commands).

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Diagnostics of a URI with the given code (codes may come back as strings or { value } objects). */
export function diagnosticsWithCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code);
}

/** The code of a diagnostic as a string. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

/** Waits until the diagnostics of `uri` satisfy `accept` (which receives the current list). */
export function waitForDiagnosticsWhere(uri: vscode.Uri, what: string, accept: (list: vscode.Diagnostic[]) => boolean, ms = 30_000): Promise<vscode.Diagnostic[]> {
  return waitFor(`${what} on ${uri.path} (now: ${describeDiagnostics(vscode.languages.getDiagnostics(uri))})`, () => {
    const list = vscode.languages.getDiagnostics(uri);
    return accept(list) ? list : undefined;
  }, ms);
}

/** One line per diagnostic: `[code] line:col-line:col message`, for failure messages. */
export function describeDiagnostics(list: readonly vscode.Diagnostic[]): string {
  if (list.length === 0) return 'none';
  return list.map((d) => `[${codeOf(d)}] ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).join(' | ');
}

/** Splits a template with one `‸` cursor marker into the text and the marker's offset. */
export function withCursor(template: string): { text: string; offset: number } {
  const offset = template.indexOf('‸');
  assert.ok(offset >= 0 && template.indexOf('‸', offset + 1) < 0, 'the template has exactly one ‸ cursor marker');
  return { text: template.slice(0, offset) + template.slice(offset + 1), offset };
}

/** Replaces the whole text of an open document through a WorkspaceEdit (like a user edit: undoable, marks dirty). */
export async function replaceDocumentText(doc: vscode.TextDocument, text: string): Promise<vscode.TextDocument> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), `the edit of ${doc.uri.path} was applied`);
  const current = currentDocument(doc.uri) ?? doc;
  assert.strictEqual(current.getText(), text, 'the document holds the new text');
  return current;
}

/** Completion items at a position, through the registered providers (as the suggest widget asks). */
export async function completionsAt(uri: vscode.Uri, position: vscode.Position, triggerCharacter?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, triggerCharacter);
  return list?.items ?? [];
}

/** The label of a completion item as a string. */
export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The item with this label; fails with the labels that were offered. */
export function itemLabelled(items: readonly vscode.CompletionItem[], label: string): vscode.CompletionItem {
  const item = items.find((i) => labelOf(i) === label);
  assert.ok(item, `completion offers "${label}"; offered: ${items.map(labelOf).join(', ') || 'nothing'}`);
  return item;
}

/**
 * Applies a completion item the way the suggest widget does in "replace" mode (the extension's
 * default for saviynt-json): its replace range (or the word at the cursor), its insert text as a
 * snippet when it is one, and its additional edits.
 */
export async function applyCompletion(editor: vscode.TextEditor, item: vscode.CompletionItem, position: vscode.Position): Promise<void> {
  let range: vscode.Range;
  if (item.range instanceof vscode.Range) range = item.range;
  else if (item.range) range = item.range.replacing;
  else range = editor.document.getWordRangeAtPosition(position) ?? new vscode.Range(position, position);
  const insert = item.insertText ?? labelOf(item);
  const snippet = insert instanceof vscode.SnippetString ? insert : new vscode.SnippetString().appendText(insert);
  assert.ok(await editor.insertSnippet(snippet, range, { undoStopBefore: true, undoStopAfter: true }), `"${labelOf(item)}" was inserted`);
  if (item.additionalTextEdits?.length) {
    const edit = new vscode.WorkspaceEdit();
    edit.set(editor.document.uri, item.additionalTextEdits);
    assert.ok(await vscode.workspace.applyEdit(edit));
  }
}

/** The text of a hover's contents (markdown and plain strings joined). */
export function hoverText(hover: vscode.Hover): string {
  return hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

/**
 * The runner's sandbox folder. e2e/lib.mjs points TMPDIR of code-server (and so of the extension host)
 * at <sandbox>/tmp and keeps user data in <sandbox>/user-data.
 */
export function sandboxDir(): string {
  const tmp = process.env.TMPDIR;
  assert.ok(tmp, 'TMPDIR is set by the e2e runner');
  const dir = path.dirname(tmp);
  assert.ok(fs.existsSync(path.join(dir, 'user-data')), `${dir} is the runner's sandbox (it has user-data/)`);
  return dir;
}

/** Every file below `dir` (absolute paths), recursively. */
export function filesBelow(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => path.join(dir, f))
    .filter((f) => {
      try { return fs.statSync(f).isFile(); } catch { return false; } // removed meanwhile (temp files)
    });
}

/** The extension's output channel log file (<logs>/<session>/exthost1/<extension id>/<channel>.log). */
export function extensionLogFile(): string {
  const logs = path.join(sandboxDir(), 'user-data/logs');
  const found = filesBelow(logs).filter((f) => f.split(path.sep).includes(EXTENSION_ID) && f.endsWith('.log'));
  assert.ok(found.length > 0, `a log file of ${EXTENSION_ID} exists under ${logs}`);
  return found.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}

/** A request seen by a RecordingServer. */
export interface RecordedRequest { method: string; url: string; authorization?: string }

/**
 * An HTTP server on 127.0.0.1 (random port) that records every request and answers 200 with `{}`.
 * Used as `saviyntRest.intercom.baseUrl` so that a call that should not happen is seen, and nothing
 * ever leaves the machine.
 */
export async function startRecordingServer(): Promise<{ origin: string; host: string; requests: RecordedRequest[]; close: () => Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"type":"admin","id":"1","email":"e2e@example.invalid","app":{"id_code":"e2e","name":"e2e"}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What the window showed while `body` ran: messages of every level and the pickers asked for. */
export interface ShownUi { messages: { level: 'error' | 'warning' | 'information'; text: string }[]; pickers: string[] }

/**
 * Replaces the window's message and picker functions while `body` runs: messages are recorded and
 * answered with undefined (as if dismissed; modal ones never block), pickers (quick pick, input box,
 * open/save dialogs) are recorded and cancelled. Restores the real functions afterwards.
 * Works because the extension and this suite share one `vscode` API object (same extension folder).
 */
export async function withRecordedUi<T>(body: (shown: ShownUi) => Promise<T>): Promise<T> {
  type Window = typeof vscode.window;
  const win = vscode.window as { -readonly [K in keyof Window]: Window[K] };
  const names = ['showErrorMessage', 'showWarningMessage', 'showInformationMessage', 'showQuickPick', 'showInputBox', 'showOpenDialog', 'showSaveDialog'] as const;
  const saved = new Map(names.map((n) => [n, win[n]] as const));
  const shown: ShownUi = { messages: [], pickers: [] };
  const message = (level: 'error' | 'warning' | 'information') => ((text: string) => {
    shown.messages.push({ level, text: String(text) });
    return Promise.resolve(undefined);
  }) as never;
  const picker = (name: string) => (() => {
    shown.pickers.push(name);
    return Promise.resolve(undefined);
  }) as never;
  win.showErrorMessage = message('error');
  win.showWarningMessage = message('warning');
  win.showInformationMessage = message('information');
  win.showQuickPick = picker('showQuickPick');
  win.showInputBox = picker('showInputBox');
  win.showOpenDialog = picker('showOpenDialog');
  win.showSaveDialog = picker('showSaveDialog');
  try {
    return await body(shown);
  } finally {
    for (const [name, fn] of saved) (win as Record<string, unknown>)[name] = fn;
  }
}

/** A window function call seen by withAnsweredUi: which function, its message (or options) and the items offered. */
export interface AnsweredCall { fn: string; text: string; items: string[]; options?: unknown }

/** How withAnsweredUi answers: per window function, a function of the call (undefined = dismissed / cancelled). */
export type UiAnswers = Partial<Record<'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage' | 'showOpenDialog' | 'showSaveDialog' | 'showInputBox' | 'showQuickPick',
  (call: AnsweredCall) => unknown>>;

/**
 * Like withRecordedUi, but answers: each replaced window function records the call and returns what
 * `answers` says (a button's title, a Uri list for open dialogs …). Functions without an answer
 * behave as dismissed. Restores the real functions afterwards.
 */
export async function withAnsweredUi<T>(answers: UiAnswers, body: (calls: AnsweredCall[]) => Promise<T>): Promise<T> {
  type Window = typeof vscode.window;
  const win = vscode.window as { -readonly [K in keyof Window]: Window[K] };
  const names = ['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'showOpenDialog', 'showSaveDialog', 'showInputBox', 'showQuickPick'] as const;
  const saved = new Map(names.map((n) => [n, win[n]] as const));
  const calls: AnsweredCall[] = [];
  for (const name of names) {
    (win as Record<string, unknown>)[name] = (first: unknown, ...rest: unknown[]) => {
      const options = rest.find((r) => r && typeof r === 'object' && !Array.isArray(r)) ?? (typeof first === 'object' ? first : undefined);
      const items = rest.filter((r): r is string => typeof r === 'string');
      const call: AnsweredCall = { fn: name, text: typeof first === 'string' ? first : JSON.stringify(first ?? ''), items, options };
      calls.push(call);
      return Promise.resolve(answers[name]?.(call));
    };
  }
  try {
    return await body(calls);
  } finally {
    for (const [name, fn] of saved) (win as Record<string, unknown>)[name] = fn;
  }
}
