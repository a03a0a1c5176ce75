/**
 * Applying `colsToPropsMap` to one record, the way EIC fills its columns:
 * `<path>~#~<type>`, `#CONST#${…}` (with `response` = the record) and the
 * `STORE#ACC#ENT#MAPPINGINFO` marker (filled later from the account's memberships).
 */
import { javaToString } from './expression';
import { parseMapping, resolveBodyPath } from './paths';
import { resolveTemplate } from './template';

export const MAPPING_INFO_MARKER = 'STORE#ACC#ENT#MAPPINGINFO';

export interface MappedRecord {
  columns: Record<string, string | null>;
  /** Columns that take the account→entitlement mapping info. */
  mappingInfoColumns: string[];
  warnings: string[];
}

const NARROW_COLUMN = /^customproperty([1-9]|[12]\d|30)$/i;

/** Maps one list item to Saviynt columns. `variables` supplies `connection.*` and the like to #CONST# expressions. */
export function mapRecord(item: unknown, colsToPropsMap: Record<string, unknown>, variables: Record<string, unknown> = {}): MappedRecord {
  const columns: Record<string, string | null> = {};
  const mappingInfoColumns: string[] = [];
  const warnings: string[] = [];
  for (const [column, raw] of Object.entries(colsToPropsMap)) {
    if (typeof raw !== 'string') { warnings.push(`colsToPropsMap.${column} is not a string.`); continue; }
    const spec = parseMapping(raw);
    warnings.push(...spec.warnings.map(w => `colsToPropsMap.${column}: ${w}`));
    if (spec.source === MAPPING_INFO_MARKER) { mappingInfoColumns.push(column); columns[column] = null; continue; }
    let value: unknown;
    if (spec.source.startsWith('#CONST#')) {
      const r = resolveTemplate(spec.source.slice('#CONST#'.length), { variables: { ...variables, response: item }, dataRoots: new Set(['response']) });
      for (const p of r.problems) warnings.push(`colsToPropsMap.${column}: ${p.message}`);
      value = r.problems.length ? null : r.text;
    } else {
      const found = resolveBodyPath(item, spec.source);
      value = found.found ? found.value : null;
    }
    const converted = convert(value, spec.type);
    if (converted.warning) warnings.push(`colsToPropsMap.${column}: ${converted.warning}`);
    columns[column] = converted.text;
    if (converted.text !== null && NARROW_COLUMN.test(column) && [...converted.text].length > 255) {
      warnings.push(`${column} receives ${[...converted.text].length} characters; customproperty1–30 hold at most 255, so EIC would cut or reject it.`);
    }
  }
  return { columns, mappingInfoColumns, warnings };
}

function convert(value: unknown, type: string): { text: string | null; warning?: string } {
  if (value === null || value === undefined) return { text: null };
  switch (type) {
    case 'int': case 'integer': case 'long': {
      if (typeof value === 'number') return { text: String(Math.trunc(value)) };
      if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return { text: value.trim() };
      return { text: null, warning: `${JSON.stringify(value).slice(0, 40)} is not an integer.` };
    }
    case 'bool': case 'boolean': {
      if (typeof value === 'boolean') return { text: String(value) };
      if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return { text: value.trim().toLowerCase() };
      return { text: String(value), warning: `${JSON.stringify(value).slice(0, 40)} is not a boolean.` };
    }
    case 'epochdate': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
      if (!Number.isFinite(n)) return { text: String(value), warning: `${JSON.stringify(value).slice(0, 40)} is not an epoch timestamp.` };
      const ms = n < 1e11 ? n * 1000 : n;
      return { text: new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '') };
    }
    default:
      return { text: typeof value === 'string' ? value : typeof value === 'object' ? javaToString(value) : String(value) };
  }
}
