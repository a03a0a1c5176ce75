/**
 * Account↔entitlement memberships, in each of EIC's forms: accountParams.acctEntMappings
 * (acctToEntMapping: a list inside each account record), entitlement-side acctEntMappings
 * (entToAcctMapping), and acctEntParams calls (httpEntToAcct / httpAcctToEnt with `${id}`,
 * or one `http` call returning pairs). Also fills the STORE#ACC#ENT#MAPPINGINFO columns.
 */
import type { ImportCallSpec, ImportModel } from './importModel';
import { MAPPING_INFO_MARKER, mapRecord } from './mapping';
import type { PagedResult } from './pagination';
import { lookupPath, parseMapping } from './paths';

export interface Membership {
  accountID: string;
  entType: string;
  /** The entitlement's value in its keyField column (entitlementID unless keyField says otherwise). */
  entitlement: string;
  keyField: string;
  source: 'acctEntMappings' | 'entToAcctMapping' | 'httpEntToAcct' | 'httpAcctToEnt' | 'http';
  /** The account was imported by the account calls. */
  accountKnown: boolean;
  /** The entitlement was imported by its entitlement type's calls. */
  entitlementKnown: boolean;
}

interface Row { key: string; columns: Record<string, string | null>; item: unknown }

export interface MembershipRunner {
  runPaged(spec: ImportCallSpec, vars: Record<string, unknown>): Promise<PagedResult>;
  onCall(spec: ImportCallSpec, paged: PagedResult): void;
  maxIterations: number;
  signal?: AbortSignal;
}

export async function collectMemberships(model: ImportModel, accounts: Map<string, Row>, entitlements: Map<string, Map<string, Row>>, runner: MembershipRunner):
  Promise<{ memberships: Membership[]; warnings: string[]; incomplete: boolean }> {
  const memberships: Membership[] = [];
  const warnings: string[] = [];
  let incomplete = false;
  const seen = new Set<string>();
  const add = (accountID: string, entType: string, entitlement: string, keyField: string, source: Membership['source']) => {
    const id = JSON.stringify([accountID, entType, entitlement]);
    if (seen.has(id)) return;
    seen.add(id);
    memberships.push({ accountID, entType, entitlement, keyField, source,
      accountKnown: accounts.has(accountID),
      entitlementKnown: entitlementExists(entitlements.get(entType), keyField, entitlement) });
  };

  importEntitlementsFromAccounts(model, accounts, entitlements, warnings);
  // acctToEntMapping: accountParams.acctEntMappings
  for (const [entType, mapping] of Object.entries(model.acctEntMappings)) {
    for (const row of accounts.values()) {
      for (const id of idsFrom(row.item, mapping.listPath, mapping.idPath)) add(row.key, entType, id, mapping.keyField, 'acctEntMappings');
    }
  }
  // entToAcctMapping: entitlementParams.entTypes.<T>.acctEntMappings
  for (const type of model.entTypes) {
    if (!type.acctEntMappings) continue;
    for (const row of entitlements.get(type.name)?.values() ?? []) {
      for (const id of idsFrom(row.item, type.acctEntMappings.listField, type.acctEntMappings.idPath)) add(id, type.name, row.key, 'entitlementID', 'entToAcctMapping');
    }
  }
  // acctEntParams calls
  for (const spec of model.acctEntCalls) {
    if (runner.signal?.aborted) { incomplete = true; break; }
    const processing = spec.processingType ?? model.acctEntProcessingType ?? 'http';
    const entType = spec.entType ?? model.entTypes[0]?.name ?? 'Entitlement';
    if (!spec.entType && processing !== 'http') warnings.push(`acctEntParams call ${spec.name} names no entitlement type; the preview assumes ${entType}.`);
    const entKeyField = spec.entKeyField ?? 'entitlementID';
    const iterate = async (rows: Iterable<Row>, total: number, bind: (row: Row, item: unknown) => void) => {
      let n = 0;
      for (const row of rows) {
        if (n++ >= runner.maxIterations) {
          warnings.push(`${spec.name}: ran for the first ${runner.maxIterations} of ${total} records only (the preview's limit).`);
          incomplete = true;
          break;
        }
        const paged = await runner.runPaged(spec, { id: row.key });
        runner.onCall(spec, paged);
        for (const item of paged.items) bind(row, item);
        if (!paged.complete) { incomplete = true; return false; }
      }
      return true;
    };
    if (processing === 'httpEntToAcct') {
      const rows = entitlements.get(entType);
      if (!rows) { warnings.push(`${spec.name}: no entitlements of type ${entType} were imported, so there is nothing to iterate.`); continue; }
      const ok = await iterate(rows.values(), rows.size, (row, item) => {
        for (const acct of valuesAt(item, spec.acctIdPath)) add(acct, entType, row.key, entKeyField, 'httpEntToAcct');
      });
      if (!ok) break;
    } else if (processing === 'httpAcctToEnt') {
      const ok = await iterate(accounts.values(), accounts.size, (row, item) => {
        for (const ent of valuesAt(item, spec.entIdPath)) add(row.key, entType, ent, entKeyField, 'httpAcctToEnt');
      });
      if (!ok) break;
    } else if (processing === 'http' || processing === 'acctToEntMapping' || processing === 'entToAcctMapping') {
      if (processing !== 'http') warnings.push(`${spec.name}: processingType ${processing} takes its mappings from acctEntMappings; the call was run as a plain "http" mapping call.`);
      const paged = await runner.runPaged(spec, {});
      runner.onCall(spec, paged);
      for (const item of paged.items) {
        const accts = valuesAt(item, spec.acctIdPath);
        const ents = valuesAt(item, spec.entIdPath);
        for (const a of accts) for (const e of ents) add(a, entType, e, entKeyField, 'http');
      }
      if (!paged.complete) { incomplete = true; break; }
    } else {
      warnings.push(`${spec.name}: processingType "${processing}" is not one the preview knows (httpEntToAcct, httpAcctToEnt, http).`);
    }
  }

  fillMappingInfo(model, accounts, memberships);
  const unknownEnts = memberships.filter(m => !m.entitlementKnown && entitlements.has(m.entType));
  if (unknownEnts.length) {
    warnings.push(`${unknownEnts.length} membership${unknownEnts.length === 1 ? '' : 's'} point${unknownEnts.length === 1 ? 's' : ''} at entitlements the entitlement calls did not import (e.g. ${unknownEnts[0].entType} ${unknownEnts[0].entitlement}); check that idPath and the entitlement keyField use the same id.`);
  }
  const unknownAccts = memberships.filter(m => !m.accountKnown && accounts.size > 0);
  if (unknownAccts.length) warnings.push(`${unknownAccts.length} membership${unknownAccts.length === 1 ? '' : 's'} name accounts the account calls did not import (e.g. ${unknownAccts[0].accountID}).`);
  return { memberships, warnings, incomplete };
}

/**
 * acctEntMappings with `importAsEntitlement`: the elements of each account's list are entitlements
 * of the type (e.g. a teammate's role, which no endpoint lists), mapped with the mapping's colsToPropsMap.
 */
function importEntitlementsFromAccounts(model: ImportModel, accounts: Map<string, Row>, entitlements: Map<string, Map<string, Row>>, warnings: string[]): void {
  for (const [entType, mapping] of Object.entries(model.acctEntMappings)) {
    if (!mapping.importAsEntitlement) continue;
    let rows = entitlements.get(entType);
    if (!rows) { rows = new Map(); entitlements.set(entType, rows); }
    const keyColumn = mapping.keyField || 'entitlementID';
    for (const account of accounts.values()) {
      const list = mapping.listPath ? lookupPath(account.item, mapping.listPath) : { found: true, value: account.item };
      if (!list.found || list.value === null || list.value === undefined) continue;
      for (const element of Array.isArray(list.value) ? list.value : [list.value]) {
        const mapped = mapRecord(element, mapping.colsToPropsMap ?? {});
        for (const w of mapped.warnings) if (!warnings.includes(w)) warnings.push(`acctEntMappings.${entType}: ${w}`);
        const key = mapped.columns[keyColumn] ?? valuesAt(element, mapping.idPath)[0];
        if (key === undefined || key === null || key === '' || rows.has(key)) continue;
        rows.set(key, { key, columns: { [keyColumn]: key, ...mapped.columns }, item: element });
      }
    }
  }
}

function entitlementExists(rows: Map<string, Row> | undefined, keyField: string, value: string): boolean {
  if (!rows) return false;
  if (keyField === 'entitlementID' && rows.has(value)) return true;
  for (const row of rows.values()) if (row.columns[keyField] === value) return true;
  return false;
}

/** Ids in a record: the list at listPath (empty: the record), then idPath inside each element (empty: the element). */
export function idsFrom(item: unknown, listPath: string, idPath: string): string[] {
  const list = listPath ? lookupPath(item, listPath) : { found: true, value: item };
  if (!list.found || list.value === null || list.value === undefined) return [];
  const elements = Array.isArray(list.value) ? list.value : [list.value];
  const out: string[] = [];
  for (const el of elements) out.push(...valuesAt(el, idPath));
  return out;
}

function valuesAt(item: unknown, path: string | undefined): string[] {
  const r = path ? lookupPath(item, path) : { found: true, value: item };
  if (!r.found || r.value === null || r.value === undefined) return [];
  const values = Array.isArray(r.value) ? r.value : [r.value];
  return values.filter(v => v !== null && v !== undefined && typeof v !== 'object').map(v => String(v));
}

/** Writes `{"<Type>":{"entIds":[…],"keyField":"…"}}` into each account's STORE#ACC#ENT#MAPPINGINFO column. */
function fillMappingInfo(model: ImportModel, accounts: Map<string, Row>, memberships: Membership[]): void {
  const columnsByCall = new Set<string>();
  for (const call of model.accountCalls) {
    for (const [column, value] of Object.entries(call.colsToPropsMap)) {
      if (typeof value === 'string' && parseMapping(value).source === MAPPING_INFO_MARKER) columnsByCall.add(column);
    }
  }
  if (!columnsByCall.size) return;
  const byAccount = new Map<string, Record<string, { entIds: string[]; keyField: string }>>();
  for (const m of memberships) {
    if (m.source !== 'acctEntMappings') continue;
    const info = byAccount.get(m.accountID) ?? {};
    (info[m.entType] ??= { entIds: [], keyField: m.keyField }).entIds.push(m.entitlement);
    byAccount.set(m.accountID, info);
  }
  for (const row of accounts.values()) {
    for (const column of columnsByCall) {
      if (!(column in row.columns)) continue;
      const info = byAccount.get(row.key);
      row.columns[column] = info ? JSON.stringify(info) : null;
    }
  }
}
