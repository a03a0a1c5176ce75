/**
 * Preview Import: runs the connection folder's ImportAccountEntJSON against the API the way EIC's
 * import job would (cancellable; partial results are kept) and shows the accounts, entitlements
 * and memberships it would store in a webview, with an "Export CSV" button per table.
 */
import * as vscode from 'vscode';
import { redact, runImport, type CallRunSummary, type ImportPreview, type ImportStats, type SecretToken, type WriteQuestion } from '../../../server/src/core/runner';
import type { ClientContext } from '../clientContext';
import { connectionFolderFor, readAttribute, urlsIn } from './connectionFiles';
import { callEnvironment, connectionBaseUrl, noTokenMessage, type CallEnvironment } from './environment';
import { previewTables, tableCsv, type PreviewTable } from './importCsv';
import { importPreviewHtml } from './importPreviewHtml';
import { withCancellableProgress } from './progress';
import { notify, openSettingsAction, setTokenAction, type CallCommandArgs, type CommandResult } from './results';
import { refuseWhenRestricted } from './trust';
import { mergeVariables, readSampleIdentity } from './variables';
import { withHostHint } from './hostHints';
import type { ClientSettings } from '../settings';

export interface ImportPreviewArgs extends CallCommandArgs {
  /** Write every table as CSV into this folder (absolute, or relative to the workspace folder). */
  csvDir?: string;
  /** Include the page's HTML in the result (for tests). */
  returnHtml?: boolean;
  /** Pages per call before the preview stops (default 50). */
  maxPages?: number;
  /** Records per call before the preview stops (default 5000). */
  maxItems?: number;
}

export interface ImportPreviewResult extends CommandResult {
  folder?: string;
  complete?: boolean;
  cancelled?: boolean;
  counts?: { accounts: number; entitlements: Record<string, number>; memberships: number };
  stats?: ImportStats;
  problems?: string[];
  warnings?: string[];
  calls?: Pick<CallRunSummary, 'section' | 'entType' | 'name' | 'pages' | 'items' | 'requests' | 'stoppedBecause'>[];
  csvFiles?: string[];
  html?: string;
}

interface ShownPreview { panel: vscode.WebviewPanel; tables: PreviewTable[]; folder: vscode.Uri }
let shown: ShownPreview | undefined;

function resolveDir(dir: string, folder: vscode.Uri): vscode.Uri {
  if (/^([a-z]:[\\/]|\/)/i.test(dir)) return vscode.Uri.file(dir);
  const root = vscode.workspace.getWorkspaceFolder(folder)?.uri ?? folder;
  return vscode.Uri.joinPath(root, ...dir.split(/[/\\]+/).filter(Boolean));
}

async function writeCsv(uri: vscode.Uri, table: PreviewTable): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(tableCsv(table)));
}

async function exportFromPanel(index: number): Promise<void> {
  const table = shown?.tables[index];
  if (!shown || !table) return;
  const target = await vscode.window.showSaveDialog({
    title: `Export ${table.title} as CSV`,
    defaultUri: vscode.Uri.joinPath(shown.folder, `${table.fileName}.csv`),
    filters: { 'CSV files': ['csv'] },
  });
  if (!target) return;
  try {
    await writeCsv(target, table);
    void vscode.window.showInformationMessage(`Wrote ${table.rows.length} row${table.rows.length === 1 ? '' : 's'} to ${vscode.workspace.asRelativePath(target)}.`);
  } catch (e) {
    void vscode.window.showErrorMessage(`Could not write ${target.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function showPanel(title: string, html: string, tables: PreviewTable[], folder: vscode.Uri): void {
  if (!shown) {
    const panel = vscode.window.createWebviewPanel('saviyntRest.importPreview', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      { enableScripts: true, localResourceRoots: [], enableCommandUris: false, retainContextWhenHidden: false });
    panel.webview.onDidReceiveMessage((m: { type?: string; table?: number }) => {
      if (m?.type === 'exportCsv' && typeof m.table === 'number') void exportFromPanel(m.table);
    });
    panel.onDidDispose(() => { shown = undefined; });
    shown = { panel, tables, folder };
  }
  shown.tables = tables;
  shown.folder = folder;
  shown.panel.title = title;
  shown.panel.webview.html = html;
  shown.panel.reveal(undefined, false);
}

/**
 * A preview call that may change data (see previewPolicy.ts) is sent only after a modal yes, like
 * any write; `confirm: true/false` answers for tests, and a silent run declines.
 */
async function confirmPreviewWrite(ctx: ClientContext, q: WriteQuestion, args: ImportPreviewArgs, token: SecretToken | undefined): Promise<boolean> {
  let confirmed = args.confirm === true;
  if (args.confirm === undefined && !args.silent) {
    const body = q.body === undefined || q.body.trim() === '' ? '(no body)' : q.body.length > 1500 ? `${q.body.slice(0, 1500)}…` : q.body;
    const choice = await vscode.window.showWarningMessage(
      `The import preview is about to send ${q.method} from ${q.label}, which may change data in the target. Send it?`,
      { modal: true, detail: redact(`${q.reason}\n\n${q.method} ${q.url}\n\n${body}`, token) },
      'Send',
    );
    confirmed = choice === 'Send';
  }
  ctx.log.info(redact(`Import preview: ${q.method} ${q.url} (${q.label}) ${confirmed ? 'confirmed, sending' : 'not confirmed, not sent'}.`, token));
  return confirmed;
}

function problemsOf(preview: ImportPreview, token: SecretToken | undefined, settings: ClientSettings): string[] {
  return preview.problems.map(p => {
    const message = p.problem ? withHostHint({ ...p.problem, message: p.message }, settings).message : p.message;
    return redact(`${p.entType ? `${p.entType} › ` : ''}${p.call ?? p.section}: ${message}`, token);
  });
}

/** The folder and its attribute files, or a refusal. */
async function readImportFiles(args: ImportPreviewArgs) {
  const connection = await connectionFolderFor(args.uri);
  if (typeof connection === 'string') { notify('warning', connection, args.silent); return { ok: false, refused: 'no-file', message: connection } as ImportPreviewResult; }
  const folderName = vscode.workspace.asRelativePath(connection.folder);
  const importDoc = await readAttribute(connection, 'ImportAccountEntJSON');
  if (!importDoc) {
    const message = `${folderName} has no ImportAccountEntJSON.json to preview.`;
    notify('warning', message, args.silent);
    return { ok: false, refused: 'no-file', message, folder: connection.folder.toString() } as ImportPreviewResult;
  }
  const connectionDoc = await readAttribute(connection, 'ConnectionJSON');
  return { folder: connection.folder, folderName, importDoc, connectionDoc };
}

type ImportFiles = Exclude<Awaited<ReturnType<typeof readImportFiles>>, ImportPreviewResult>;

/** Runs the import under a cancellable progress notification. */
async function runPreview(ctx: ClientContext, files: ImportFiles, args: ImportPreviewArgs, env: CallEnvironment): Promise<ImportPreview> {
  const { importDoc, connectionDoc, folderName } = files;
  const sample = await readSampleIdentity(importDoc.uri, env.settings.sampleIdentityFile);
  const variables = mergeVariables(sample.values, args.variables);
  const baseUrl = connectionBaseUrl(urlsIn(importDoc.text), env);
  const token = env.token;
  ctx.log.info(`Import preview of ${folderName}${baseUrl ? ` against ${baseUrl}` : ''}.`);
  return withCancellableProgress(`Import preview: ${folderName}`, args.silent, (report, signal) =>
    runImport({ ImportAccountEntJSON: importDoc.text, ...(connectionDoc ? { ConnectionJSON: connectionDoc.text } : {}) }, {
      token, baseUrl, variables, send: env.send, signal, maxPages: args.maxPages, maxItems: args.maxItems,
      confirmWrite: question => confirmPreviewWrite(ctx, question, args, token),
      onProgress: e => {
        if (e.type === 'call') report(`${e.section}: ${e.entType ? `${e.entType} › ` : ''}${e.call}`);
        else if (e.type === 'page') report(`${e.entType ? `${e.entType} › ` : ''}${e.call}: page ${e.page}, ${e.items} record${e.items === 1 ? '' : 's'}`);
        else if (e.event.type === 'rate-limit-wait') report(e.event.message);
        else if (e.event.type === 'retry') report(`Retrying: ${e.event.reason}`);
      },
    }));
}

function countsOf(preview: ImportPreview): NonNullable<ImportPreviewResult['counts']> {
  return {
    accounts: preview.accounts.length,
    entitlements: Object.fromEntries(Object.entries(preview.entitlements).map(([k, v]) => [k, v.length])),
    memberships: preview.memberships.length,
  };
}

/** The one-line summary: how far the import got, what it found and what it cost. */
function summaryMessage(folderName: string, preview: ImportPreview, counts: NonNullable<ImportPreviewResult['counts']>): string {
  const s = preview.stats;
  return `Import preview of ${folderName} ${preview.complete ? 'complete' : preview.cancelled ? 'stopped (partial results)' : 'incomplete'}: ` +
    `${counts.accounts} account${counts.accounts === 1 ? '' : 's'}, ${Object.entries(counts.entitlements).map(([k, n]) => `${n} ${k}`).join(', ') || 'no entitlements'}, ` +
    `${counts.memberships} membership${counts.memberships === 1 ? '' : 's'}; ${s.pages} page${s.pages === 1 ? '' : 's'}, ${s.requests} request${s.requests === 1 ? '' : 's'} in ${(s.timeMs / 1000).toFixed(1)} s.`;
}

/** Writes every table as CSV into csvDir; returns the files written. */
async function exportCsvDir(csvDir: string | undefined, folder: vscode.Uri, tables: PreviewTable[]): Promise<string[]> {
  const csvFiles: string[] = [];
  if (!csvDir) return csvFiles;
  const dir = resolveDir(csvDir, folder);
  await vscode.workspace.fs.createDirectory(dir);
  for (const table of tables) {
    const uri = vscode.Uri.joinPath(dir, `${table.fileName}.csv`);
    await writeCsv(uri, table);
    csvFiles.push(uri.fsPath);
  }
  return csvFiles;
}

export async function previewImport(ctx: ClientContext, args: ImportPreviewArgs = {}): Promise<ImportPreviewResult> {
  const refused = refuseWhenRestricted('Preview Import', args.silent);
  if (refused) return refused;
  const files = await readImportFiles(args);
  if ('ok' in files) return files;
  const { folder, folderName } = files;
  const env = await callEnvironment(ctx, files.importDoc.uri);
  if (!env.token && /access_token/.test(files.importDoc.text)) {
    const message = noTokenMessage(env, 'Cannot preview the import');
    notify('warning', message, args.silent, setTokenAction);
    return { ok: false, refused: 'no-token', message, folder: folder.toString() };
  }
  const token = env.token;
  const preview = await runPreview(ctx, files, args, env);
  const problems = problemsOf(preview, token, env.settings);
  const tables = previewTables(preview);
  const title = `Import preview: ${folderName}`;
  const html = redact(importPreviewHtml({ title, preview, tables, problems }), token);
  const counts = countsOf(preview);
  const message = summaryMessage(folderName, preview, counts);
  ctx.log.info(message);
  for (const p of problems) ctx.log.warn(p);
  ctx.lastCall.report(`import ${preview.complete ? 'complete' : 'incomplete'}, ${preview.stats.requests} requests`, folderName, !preview.complete);
  const csvFiles = await exportCsvDir(args.csvDir, folder, tables);
  if (!args.silent) {
    showPanel(title, html, tables, folder);
    if (problems.length) {
      const setting = ['saviyntRest.http.allowedHosts', 'saviyntRest.intercom.baseUrl'].find(name => problems.some(p => p.includes(name)));
      notify('warning', `${message} ${problems[0]}`, false, ...(setting ? [openSettingsAction(setting)] : []));
    } else notify('info', message, false);
  }
  return {
    ok: preview.complete,
    message,
    folder: folder.toString(),
    complete: preview.complete,
    cancelled: preview.cancelled,
    counts,
    stats: preview.stats,
    problems,
    warnings: preview.warnings.map(w => redact(w, token)),
    calls: preview.calls.map(({ section, entType, name, pages, items, requests, stoppedBecause, window }) => ({ section, entType, name, pages, items, requests, stoppedBecause, window })),
    csvFiles: csvFiles.length ? csvFiles : undefined,
    html: args.returnHtml ? html : undefined,
  };
}
