/**
 * CSV (RFC 4180): CRLF line ends, fields quoted when they contain a comma, quote, CR or LF,
 * quotes doubled. Text is kept exactly (emoji, RTL and combining characters included).
 */
import type { ImportRow } from './importRun';

export interface CsvOptions {
  /** Column order; default: every column in order of first appearance. */
  columns?: string[];
  /** Start with a UTF-8 byte-order mark (helps Excel detect UTF-8). Default false. */
  bom?: boolean;
}

type CsvRow = Record<string, unknown> | ImportRow;

function cells(row: CsvRow): Record<string, unknown> {
  return 'columns' in row && typeof row.columns === 'object' && row.columns !== null && 'key' in row ? row.columns as Record<string, unknown> : row as Record<string, unknown>;
}

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows (plain objects or import rows) as CSV text with a header line. */
export function toCsv(rows: readonly CsvRow[], options: CsvOptions = {}): string {
  const columns = options.columns ?? (() => {
    const seen = new Set<string>();
    for (const row of rows) for (const k of Object.keys(cells(row))) seen.add(k);
    return [...seen];
  })();
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) {
    const c = cells(row);
    lines.push(columns.map(col => csvField(c[col])).join(','));
  }
  return (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
