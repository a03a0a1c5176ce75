/**
 * Which call to run: the one a CodeLens names ({uri, path, name}), else the call under the cursor
 * of the active editor, else one picked from a list. The call itself is described by the language
 * server (DescribeCallsRequest), which knows every attribute's grammar.
 */
import * as vscode from 'vscode';
import { locationAt } from '../../../server/src/core/json/jsonText';
import { DescribeCallsRequest, type CallDescription, type DescribeCallsParams } from '../../../common/src/protocol';
import type { ClientContext } from '../clientContext';
import { toUri, type CallCommandArgs } from './results';

export interface CallTarget {
  uri: vscode.Uri;
  call: CallDescription;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * The calls the server describes for a document. The document is opened first so that the server
 * has it; right after opening, the server may not have it yet, so an empty answer is retried briefly.
 */
export async function describeCalls(ctx: ClientContext, uri: vscode.Uri, path?: (string | number)[]): Promise<CallDescription[]> {
  await vscode.workspace.openTextDocument(uri);
  const params: DescribeCallsParams = { uri: uri.toString(), path };
  for (let attempt = 0; ; attempt++) {
    const calls = await ctx.client.sendRequest<CallDescription[]>(DescribeCallsRequest, params);
    if (calls.length || attempt >= 20) return calls;
    await sleep(150);
  }
}

function samePath(a: (string | number)[], b: (string | number)[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function isPrefix(prefix: (string | number)[], path: (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((x, i) => x === path[i]);
}

/** The call whose object contains the cursor (the innermost one). */
function callAtCursor(editor: vscode.TextEditor, calls: CallDescription[]): CallDescription | undefined {
  const location = locationAt(editor.document.getText(), editor.document.offsetAt(editor.selection.active));
  const cursorPath = location.path;
  return calls.filter(c => isPrefix(c.path, cursorPath)).sort((a, b) => b.path.length - a.path.length)[0];
}

/** Finds the call to run, or returns a message saying why there is none. */
export async function resolveCallTarget(ctx: ClientContext, args: CallCommandArgs): Promise<CallTarget | string> {
  const given = toUri(args.uri);
  const editor = vscode.window.activeTextEditor;
  const uri = given ?? editor?.document.uri;
  if (!uri) return 'Open a connection attribute file (e.g. ImportAccountEntJSON.json) and put the cursor in a call, or use the "▶ Run" CodeLens above a call.';
  if (args.path) {
    const exact = await describeCalls(ctx, uri, args.path);
    if (exact.length) return { uri, call: exact[0] };
  }
  const calls = await describeCalls(ctx, uri);
  if (!calls.length) return `No HTTP calls found in ${vscode.workspace.asRelativePath(uri)}. Only connection attribute files with calls (url + httpMethod) can be run.`;
  if (args.path) {
    const byPath = calls.find(c => samePath(c.path, args.path!));
    if (byPath) return { uri, call: byPath };
  }
  if (args.name) {
    const byName = calls.find(c => c.name === args.name) ?? calls.find(c => c.name.toLowerCase() === args.name!.toLowerCase());
    if (byName) return { uri, call: byName };
    if (args.silent) return `No call named "${args.name}" in ${vscode.workspace.asRelativePath(uri)}. Calls: ${calls.map(c => c.name).join(', ')}.`;
  }
  // The palette passes nothing, the editor's context menu passes the document: both mean "the call at the cursor".
  if (editor && editor.document.uri.toString() === uri.toString() && !args.name) {
    const atCursor = callAtCursor(editor, calls);
    if (atCursor) return { uri, call: atCursor };
  }
  if (calls.length === 1) return { uri, call: calls[0] };
  if (args.silent) return `${vscode.workspace.asRelativePath(uri)} has ${calls.length} calls (${calls.map(c => c.name).join(', ')}); say which one with "path" or "name".`;
  const picked = await vscode.window.showQuickPick(calls.map(call => ({
    label: call.name,
    description: `${call.method} ${call.url}`,
    call,
  })), { title: 'Which call?', placeHolder: 'The call to run' });
  return picked ? { uri, call: picked.call } : 'No call was chosen.';
}
