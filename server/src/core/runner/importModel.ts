/**
 * Reads an ImportAccountEntJSON (text or parsed) into the order in which EIC runs it:
 * account calls, entitlement types by entTypeOrder, then account↔entitlement calls; within a
 * block, calls by stageNumber then callOrder.
 */
import { LENIENT_JSON, parseJsonValue, type JsonSyntaxError } from '../json/jsonText';
import type { CallTemplate } from './request';

export type ImportSection = 'accounts' | 'entitlements' | 'memberships';

export interface ImportCallSpec {
  section: ImportSection;
  entType?: string;
  name: string;
  callOrder: number;
  stageNumber: number;
  http: CallTemplate;
  listField?: string;
  keyField?: string;
  colsToPropsMap: Record<string, unknown>;
  pagination?: Record<string, unknown>;
  /** acctEnt calls: httpEntToAcct, httpAcctToEnt, http, … */
  processingType?: string;
  acctIdPath?: string;
  entIdPath?: string;
  acctKeyField?: string;
  entKeyField?: string;
}

export interface AcctEntMapping {
  listPath: string;
  idPath: string;
  keyField: string;
  /** The list elements are the entitlements themselves (no entitlement call lists them). */
  importAsEntitlement?: boolean;
  /** Entitlement columns of those elements, when importAsEntitlement. */
  colsToPropsMap?: Record<string, unknown>;
}

export interface EntTypeSpec {
  name: string;
  order: number;
  calls: ImportCallSpec[];
  /** entitlementParams.entTypes.<T>.acctEntMappings (entToAcctMapping). */
  acctEntMappings?: { listField: string; idPath: string; keyField: string };
}

export interface ImportModel {
  accountCalls: ImportCallSpec[];
  /** accountParams.acctEntMappings by entitlement type (acctToEntMapping). */
  acctEntMappings: Record<string, AcctEntMapping>;
  entTypes: EntTypeSpec[];
  acctEntProcessingType?: string;
  acctEntCalls: ImportCallSpec[];
  warnings: string[];
}

export class ImportModelError extends Error {}

/** Parses the attribute (JSON text, comments and trailing commas tolerated, or an object). */
export function readImportModel(source: string | object): ImportModel {
  let root: unknown = source;
  if (typeof source === 'string') {
    const errors: JsonSyntaxError[] = [];
    root = parseJsonValue(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source, LENIENT_JSON, errors);
    if (errors.length) throw new ImportModelError('ImportAccountEntJSON is not valid JSON; fix the syntax errors the editor shows first.');
  }
  if (!isObj(root)) throw new ImportModelError('ImportAccountEntJSON must be a JSON object.');
  const warnings: string[] = [];
  const accountParams = obj(root.accountParams);
  const entitlementParams = obj(root.entitlementParams);
  const acctEntParams = obj(root.acctEntParams);

  const accountCalls = callsOf(accountParams?.call, 'accounts', undefined);
  const acctEntMappings: Record<string, AcctEntMapping> = {};
  for (const [type, m] of Object.entries(obj(accountParams?.acctEntMappings) ?? {})) {
    const o = obj(m);
    if (!o) continue;
    if (o.IdPath !== undefined || o.KeyField !== undefined) warnings.push(`acctEntMappings.${type}: "IdPath"/"KeyField" are mis-cased; EIC reads "idPath" and "keyField".`);
    acctEntMappings[type] = {
      listPath: str(o.listPath) ?? '', idPath: str(o.idPath) ?? '', keyField: str(o.keyField) ?? 'entitlementID',
      ...(o.importAsEntitlement === true ? { importAsEntitlement: true, colsToPropsMap: obj(o.colsToPropsMap) ?? {} } : {}),
    };
  }

  const entTypes: EntTypeSpec[] = [];
  for (const [name, t] of Object.entries(obj(entitlementParams?.entTypes) ?? {})) {
    const o = obj(t) ?? {};
    const m = obj(o.acctEntMappings);
    entTypes.push({
      name,
      order: typeof o.entTypeOrder === 'number' ? o.entTypeOrder : Number.MAX_SAFE_INTEGER,
      calls: callsOf(o.call, 'entitlements', name),
      acctEntMappings: m ? { listField: str(m.listField) ?? '', idPath: str(m.idPath) ?? '', keyField: str(m.keyField) ?? 'accountID' } : undefined,
    });
  }
  entTypes.sort((a, b) => a.order - b.order);

  const acctEntCalls = callsOf(acctEntParams?.call, 'memberships', undefined);
  for (const [name, t] of Object.entries(obj(acctEntParams?.entTypes) ?? {})) {
    acctEntCalls.push(...callsOf(obj(t)?.call, 'memberships', name));
  }
  const acctEntProcessingType = str(acctEntParams?.processingType);
  if (Object.keys(acctEntMappings).length && acctEntProcessingType !== 'acctToEntMapping') {
    warnings.push('accountParams.acctEntMappings is only read when acctEntParams.processingType is "acctToEntMapping"; the preview applies it anyway.');
  }
  return { accountCalls, acctEntMappings, entTypes, acctEntProcessingType, acctEntCalls: sortCalls(acctEntCalls), warnings };
}

function callsOf(node: unknown, section: ImportSection, entType: string | undefined): ImportCallSpec[] {
  const calls: ImportCallSpec[] = [];
  for (const [name, c] of Object.entries(obj(node) ?? {})) {
    const o = obj(c);
    if (!o) continue;
    const http = obj(o.http) ?? {};
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(obj(http.httpHeaders) ?? {})) headers[k] = typeof v === 'string' ? v : JSON.stringify(v);
    const params = http.httpParams;
    calls.push({
      section, entType, name,
      callOrder: num(o.callOrder) ?? 0,
      stageNumber: num(o.stageNumber) ?? 0,
      http: {
        name: entType ? `${entType} › ${name}` : name,
        method: str(http.httpMethod) ?? 'GET',
        url: str(http.url) ?? '',
        headers,
        body: params === undefined ? undefined : typeof params === 'string' ? params : JSON.stringify(params),
        contentType: str(http.httpContentType),
      },
      listField: str(o.listField),
      keyField: str(o.keyField),
      colsToPropsMap: obj(o.colsToPropsMap) ?? {},
      pagination: obj(o.pagination),
      processingType: str(o.processingType),
      acctIdPath: str(o.acctIdPath),
      entIdPath: str(o.entIdPath),
      acctKeyField: str(o.acctKeyField),
      entKeyField: str(o.entKeyField),
    });
  }
  return sortCalls(calls);
}

function sortCalls(calls: ImportCallSpec[]): ImportCallSpec[] {
  return calls.sort((a, b) => a.stageNumber - b.stageNumber || a.callOrder - b.callOrder);
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function obj(v: unknown): Record<string, unknown> | undefined {
  return isObj(v) ? v : undefined;
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
function num(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return Number(v);
  return undefined;
}
