/**
 * A comparison in VS Code's diff editor, attribute by attribute: the tenant's text on the left
 * (re-printed like the local file when only formatting differs, so that the diff shows only real
 * changes), the folder's file on the right (the real, editable file). Several attributes open
 * together in the multi-diff editor. The summary (every attribute with its status) is a
 * read-only document.
 */
import * as vscode from 'vscode';
import { printedLike, summaryLine, type AttributeComparison, type ConnectionComparison } from '../../../server/src/core/eic';
import type { ReadOnlyDocuments } from '../calls/readOnlyDocuments';

const LABEL: Record<AttributeComparison['status'], string> = {
  'changed': 'changed', 'only-local': 'only local', 'only-tenant': 'only on the tenant', 'not-comparable': 'not comparable', 'equal': 'equal',
};

/** The plain-text summary of a comparison. */
export function comparisonSummaryText(c: ConnectionComparison, folderPath: string, host: string): string {
  const lines = [
    `${c.connectionName}: the folder ${folderPath} compared with the EIC tenant ${host}`
      + (c.exists ? ` (connection key ${c.tenantKey ?? '?'})` : ' — the tenant has no connection of that name'),
    '',
    `${c.differs ? 'They differ' : 'Equal'}: ${summaryLine(c)}.`,
    '',
  ];
  for (const status of ['changed', 'only-local', 'only-tenant', 'not-comparable', 'equal'] as const) {
    for (const e of c.entries.filter(x => x.status === status)) {
      const extra = e.formattingOnly ? ' (formatting only)' : e.note ? ` — ${e.note}` : '';
      lines.push(`${LABEL[status].padEnd(20)}${e.attribute}${extra}`);
    }
  }
  for (const f of c.fields) lines.push(`${LABEL[f.status].padEnd(20)}${f.field}: tenant "${f.tenant ?? ''}", folder "${f.local}"`);
  return lines.join('\n') + '\n';
}

export interface ShownComparison {
  /** The attributes shown in the diff editor. */
  shown: string[];
  summaryUri: vscode.Uri;
}

/** Opens the diff editor for the attributes that differ; returns what was shown. */
export async function showComparison(documents: ReadOnlyDocuments, c: ConnectionComparison, folder: vscode.Uri, host: string): Promise<ShownComparison> {
  const summaryUri = documents.put('eic', `${c.connectionName} compared with EIC`, 'txt', comparisonSummaryText(c, folder.fsPath, host));
  const differing = c.entries.filter(e => e.status === 'changed' || e.status === 'only-local' || e.status === 'only-tenant');
  const pairs = differing.map(e => {
    const tenantText = e.tenant === undefined ? '' : e.local !== undefined ? printedLike(e.tenant, e.local) : e.tenant;
    // Named like the local file, so that the diff editor shows one attribute, not a rename.
    const left = documents.put('eic', e.attribute, 'json', tenantText);
    const right = e.fileName ? vscode.Uri.joinPath(folder, e.fileName) : documents.put('eic', `${e.attribute} (not in the folder)`, 'json', '');
    return { e, left, right };
  });
  if (!pairs.length) return { shown: [], summaryUri };
  const title = `${c.connectionName}: EIC tenant ↔ folder (${summaryLine(c)})`;
  if (pairs.length === 1) {
    const { e, left, right } = pairs[0];
    await vscode.commands.executeCommand('vscode.diff', left, right, `${e.attribute}: EIC tenant ↔ folder (${LABEL[e.status]})`, { preview: false });
  } else {
    try {
      await vscode.commands.executeCommand('vscode.changes', title, pairs.map(p => [p.right, p.left, p.right]));
    } catch {
      // An older workbench without the multi-diff editor: one diff per attribute.
      for (const { e, left, right } of pairs) {
        await vscode.commands.executeCommand('vscode.diff', left, right, `${e.attribute}: EIC tenant ↔ folder (${LABEL[e.status]})`, { preview: false });
      }
    }
  }
  return { shown: pairs.map(p => p.e.attribute), summaryUri };
}

export async function showSummary(uri: vscode.Uri): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Active });
}
