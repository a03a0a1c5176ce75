/**
 * The import preview's tables (accounts, one per entitlement type, memberships) as rows and as CSV,
 * with stable ids the webview's "Export CSV" buttons and the command's csvDir argument use.
 */
import { toCsv, type ImportPreview } from '../../../server/src/core/runner';

export interface PreviewTable {
  /** "accounts", "entitlements:<type>" or "memberships". */
  id: string;
  title: string;
  /** File name for CSV export (no extension). */
  fileName: string;
  columns: string[];
  rows: Record<string, string | null>[];
}

function columnsOf(rows: Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

export function previewTables(preview: ImportPreview): PreviewTable[] {
  const accounts = preview.accounts.map(r => r.columns);
  const tables: PreviewTable[] = [{ id: 'accounts', title: 'Accounts', fileName: 'accounts', columns: columnsOf(accounts), rows: accounts }];
  for (const [type, list] of Object.entries(preview.entitlements)) {
    const rows = list.map(r => r.columns);
    tables.push({ id: `entitlements:${type}`, title: `Entitlements: ${type}`, fileName: `entitlements-${type.replace(/[^\w.-]+/g, '_')}`, columns: columnsOf(rows), rows });
  }
  const memberships = preview.memberships.map(m => ({
    accountID: m.accountID, entType: m.entType, entitlement: m.entitlement, keyField: m.keyField, source: m.source,
    accountKnown: String(m.accountKnown), entitlementKnown: String(m.entitlementKnown),
  }));
  tables.push({ id: 'memberships', title: 'Memberships', fileName: 'memberships',
    columns: ['accountID', 'entType', 'entitlement', 'keyField', 'source', 'accountKnown', 'entitlementKnown'], rows: memberships });
  return tables;
}

export function tableCsv(table: PreviewTable): string {
  return toCsv(table.rows, { columns: table.columns });
}
