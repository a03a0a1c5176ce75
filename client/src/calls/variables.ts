/**
 * Binding values for `${…}`: the sample identity file (setting saviyntRest.calls.sampleIdentityFile,
 * workspace-relative JSON such as {"user": {"email": …}, "account": {…}, "ticketID": …}), values
 * passed by the caller, and answers typed into input boxes, which can be saved back into the file.
 */
import * as vscode from 'vscode';
import { LENIENT_JSON, applyTextEdits, editsToSetValue, parseJsonValue, type JsonSyntaxError } from '../../../server/src/core/json/jsonText';
import { normalizeVariables } from '../../../server/src/core/runner';

export interface SampleIdentity {
  /** The file (it may not exist yet). */
  uri?: vscode.Uri;
  /** The workspace-relative name as configured. */
  relativePath: string;
  values: Record<string, unknown>;
  /** Why the file could not be used (not JSON, not an object). */
  problem?: string;
}

/** The workspace folder of a resource, else the first folder. */
function folderFor(resource: vscode.Uri | undefined): vscode.WorkspaceFolder | undefined {
  return (resource && vscode.workspace.getWorkspaceFolder(resource)) ?? vscode.workspace.workspaceFolders?.[0];
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** Reads the sample identity file for a resource. A missing file is not a problem (no values). */
export async function readSampleIdentity(resource: vscode.Uri | undefined, relativePath: string): Promise<SampleIdentity> {
  const folder = folderFor(resource);
  const clean = relativePath.trim().replace(/^[/\\]+/, '');
  if (!folder || !clean) return { relativePath: clean, values: {} };
  const uri = vscode.Uri.joinPath(folder.uri, ...clean.split(/[/\\]+/));
  const text = await readText(uri);
  if (text === undefined) return { uri, relativePath: clean, values: {} };
  const errors: JsonSyntaxError[] = [];
  const data = parseJsonValue(text.replace(/^\uFEFF/, ''), LENIENT_JSON, errors);
  if (errors.length || !data || typeof data !== 'object' || Array.isArray(data)) {
    return { uri, relativePath: clean, values: {}, problem: `${clean} is not a JSON object, so its sample values were not used.` };
  }
  return { uri, relativePath: clean, values: data as Record<string, unknown> };
}

/** Caller values over sample values (dotted keys such as "user.email" are expanded). */
export function mergeVariables(sample: Record<string, unknown>, extra: Record<string, unknown> | undefined): Record<string, unknown> {
  const base = normalizeVariables(sample);
  const over = normalizeVariables(extra);
  const merge = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) {
      const cur = out[k];
      out[k] = isPlain(cur) && isPlain(v) ? merge(cur, v) : v;
    }
    return out;
  };
  return merge(base, over);
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Binding names the user is asked for (the token never is: it comes from secret storage). */
export function promptable(missing: string[]): string[] {
  return missing.filter(m => m !== 'access_token' && !m.startsWith('access_token.') && !/^response(\.|$)/.test(m));
}

/**
 * Asks for each missing value in turn. Returns the answers as dotted paths, or undefined when the
 * user pressed Escape.
 */
export async function promptForValues(names: string[], callName: string): Promise<Record<string, string> | undefined> {
  const answers: Record<string, string> = {};
  for (const [i, name] of names.entries()) {
    const value = await vscode.window.showInputBox({
      title: `${callName}: value for \${${name}} (${i + 1} of ${names.length})`,
      prompt: `No value for \${${name}} in the sample identity file. Type the value EIC would bind (used for this call only unless you save it).`,
      ignoreFocusOut: true,
    });
    if (value === undefined) return undefined;
    answers[name] = value;
  }
  return answers;
}

/** Writes answers (dotted paths) into the sample identity file, keeping its formatting. */
export async function saveToSampleFile(sample: SampleIdentity, answers: Record<string, string>): Promise<void> {
  if (!sample.uri) throw new Error('There is no workspace folder to keep the sample identity file in.');
  let text = (await readText(sample.uri)) ?? '{\n}\n';
  if (sample.problem) throw new Error(sample.problem);
  for (const [name, value] of Object.entries(answers)) {
    const path = name.split('.').filter(Boolean);
    if (!path.length || path.some(k => k === '__proto__' || k === 'constructor' || k === 'prototype')) continue;
    const edits = editsToSetValue(text, path, value, { insertSpaces: true, tabSize: 2 });
    text = applyTextEdits(text, edits);
  }
  const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === sample.uri!.toString());
  if (open) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(sample.uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), text);
    await vscode.workspace.applyEdit(edit);
    await open.save();
  } else {
    await vscode.workspace.fs.writeFile(sample.uri, new TextEncoder().encode(text));
  }
}

/** Offers (without waiting) to save typed answers into the sample identity file. */
export function offerToSave(sample: SampleIdentity, answers: Record<string, string>, log: vscode.LogOutputChannel): void {
  const names = Object.keys(answers);
  if (!names.length || !sample.uri) return;
  void vscode.window.showInformationMessage(
    `Save the value${names.length === 1 ? '' : 's'} you typed for ${names.map(n => `\${${n}}`).join(', ')} to ${sample.relativePath} for the next call?`,
    'Save to Sample File',
  ).then(async choice => {
    if (choice !== 'Save to Sample File') return;
    try {
      await saveToSampleFile(sample, answers);
      log.info(`Saved ${names.join(', ')} to ${sample.relativePath}.`);
    } catch (e) {
      void vscode.window.showErrorMessage(`Could not save to ${sample.relativePath}: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
}
