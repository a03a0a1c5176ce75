/**
 * Key columns and status of an import (grammar §5, §6; mistakes 3.2, 4.5):
 * - `import-keyfield`: keyField / acctKeyField / entKeyField must name the Saviynt column that
 *   identifies the record (accountID or name; entitlementID or entitlement_value), not a response field,
 *   and a call's keyField column must be filled by its colsToPropsMap;
 * - `status-column-unmapped`: statusColumn names a column no account call fills.
 */
import type { ASTNode, ObjectASTNode, StringASTNode } from '../json/ast';
import { getPath, getValue, isObject, isString } from '../json/ast';
import type { AttributeDocument } from '../document';
import type { Fix } from '../types';
import { didYouMean } from '../text/didYouMean';
import type { Rule } from './rule';
import type { RuleContext } from './rule';
import { mappingMaps } from './support/mappingModel';
import { checkColumn, sameColumn } from './support/columns';
import { schemaRejects } from './support/schemaCoverage';
import { replaceString } from './support/stringNodes';
import { findCalls } from '../calls/callModel';

const ACCOUNT_KEYS = ['accountID', 'name'];
const ENTITLEMENT_KEYS = ['entitlementID', 'entitlement_value'];

interface KeyFieldSite { node: StringASTNode; keyName: string; allowed: string[]; what: 'account' | 'entitlement'; call?: ObjectASTNode }

function objectValues(node: ASTNode | undefined): ObjectASTNode[] {
  return isObject(node) ? node.properties.map(p => p.valueNode).filter(isObject) : [];
}

/**
 * The key columns of an import, in the order they were always reported: the account calls, the
 * account side's acctEntMappings, each entitlement type (its calls, then its acctEntMappings), the
 * account↔entitlement calls. The calls come from the shared reader (findCalls, document order
 * within each role); the entitlement calls are grouped by the type object they belong to.
 */
function keySites(doc: AttributeDocument): KeyFieldSite[] {
  const root = doc.root;
  const out: KeyFieldSite[] = [];
  const add = (owner: ObjectASTNode, keyName: string, allowed: string[], what: KeyFieldSite['what'], call?: ObjectASTNode) => {
    const v = getValue(owner, keyName);
    if (isString(v)) out.push({ node: v, keyName, allowed, what, call });
  };
  const calls = findCalls(doc);
  for (const call of calls) if (call.role === 'importAccount') add(call.node, 'keyField', ACCOUNT_KEYS, 'account', call.node);
  for (const mapping of objectValues(getPath(root, ['accountParams', 'acctEntMappings']))) add(mapping, 'keyField', ENTITLEMENT_KEYS, 'entitlement');
  const entitlementCalls = new Map<ObjectASTNode, ObjectASTNode[]>();
  for (const call of calls) {
    if (call.role !== 'importEntitlement' || !call.entTypeNode) continue;
    const group = entitlementCalls.get(call.entTypeNode);
    if (group) group.push(call.node); else entitlementCalls.set(call.entTypeNode, [call.node]);
  }
  for (const entType of objectValues(getPath(root, ['entitlementParams', 'entTypes']))) {
    for (const call of entitlementCalls.get(entType) ?? []) add(call, 'keyField', ENTITLEMENT_KEYS, 'entitlement', call);
    const toAccounts = getValue(entType, 'acctEntMappings');
    if (isObject(toAccounts)) add(toAccounts, 'keyField', ACCOUNT_KEYS, 'account');
  }
  for (const call of calls) {
    if (call.role !== 'importAcctEnt') continue;
    add(call.node, 'acctKeyField', ACCOUNT_KEYS, 'account');
    add(call.node, 'entKeyField', ENTITLEMENT_KEYS, 'entitlement');
  }
  return out;
}

function checkKeyField(ctx: RuleContext, site: KeyFieldSite): void {
  const { node, keyName, allowed, what } = site;
  const value = node.value;
  if (value.includes('${')) return;
  if (allowed.includes(value)) {
    checkKeyMapped(ctx, site);
    return;
  }
  if (schemaRejects(ctx, node)) return; // the schema's enum already reports it (with a did-you-mean fix)
  const caseOnly = allowed.find(a => sameColumn(a, value));
  if (caseOnly) {
    ctx.report({ offset: node.offset, length: node.length, severity: 'warning', code: 'import-keyfield',
      message: `Wrong keyField spelling in \`${keyName}\`: write the column as EIC spells it, "${caseOnly}".`,
      fixes: [{ title: `Change to "${caseOnly}"`, edits: [replaceString(node, caseOnly)], isPreferred: true }] });
    return;
  }
  const suggestion = didYouMean(value, allowed);
  const fixes: Fix[] = suggestion
    ? [{ title: `Change to "${suggestion}"`, edits: [replaceString(node, suggestion)], isPreferred: true }]
    : allowed.map(a => ({ title: `Change to "${a}"`, edits: [replaceString(node, a)] }));
  ctx.report({ offset: node.offset, length: node.length, severity: 'error', code: 'import-keyfield',
    message: `Wrong keyField: \`${keyName}\` must name the Saviynt ${what} column that identifies the record — ${allowed.map(a => `"${a}"`).join(' or ')} — not a field of the response ("${value}")${suggestion ? `; did you mean "${suggestion}"?` : '.'} Put the response field in colsToPropsMap instead, e.g. "${allowed[0]}": "${suggestion ? 'id' : value || 'id'}~#~char".`,
    fixes });
}

function checkKeyMapped(ctx: RuleContext, site: KeyFieldSite): void {
  if (!site.call) return;
  const map = getValue(site.call, 'colsToPropsMap');
  if (!isObject(map) || map.properties.length === 0) return;
  if (map.properties.some(p => sameColumn(p.keyNode.value, site.node.value))) return;
  ctx.report({ offset: site.node.offset, length: site.node.length, severity: 'warning', code: 'import-keyfield',
    message: `Unmapped keyField "${site.node.value}": this call's colsToPropsMap does not fill "${site.node.value}", so EIC cannot match the records it reads. Map it, e.g. "${site.node.value}": "id~#~char".` });
}

/** Account columns filled by the account calls of an ImportAccountEntJSON document. */
export function mappedAccountColumns(doc: AttributeDocument): string[] {
  return mappingMaps(doc)
    .filter(m => m.table === 'account' && m.path[0] === 'accountParams' && m.path[1] === 'call')
    .flatMap(m => m.entries.map(e => e.target));
}

function checkStatusColumn(ctx: RuleContext, statusColumn: ASTNode | undefined, importDoc: AttributeDocument | undefined): void {
  if (!isString(statusColumn) || !importDoc || statusColumn.value.includes('${')) return;
  const mapped = mappedAccountColumns(importDoc);
  if (!mapped.length || mapped.some(c => sameColumn(c, statusColumn.value))) return;
  const suggestion = didYouMean(statusColumn.value, mapped.filter(c => checkColumn('account', c).known));
  const where = importDoc === ctx.doc ? 'no account call' : 'no account call in ImportAccountEntJSON';
  ctx.report({ offset: statusColumn.offset, length: statusColumn.length, severity: 'warning', code: 'status-column-unmapped',
    message: `Status column not mapped: statusColumn "${statusColumn.value}" is filled by ${where}, so EIC finds no status to compare with activeStatus and cannot tell active from inactive accounts${suggestion ? `; did you mean "${suggestion}"?` : '.'} Map the target's status field to "${statusColumn.value}" in the account call's colsToPropsMap, or name a mapped column.`,
    fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [replaceString(statusColumn, suggestion)], isPreferred: true }] : [] });
}

export const importKeysRule: Rule = {
  id: 'import-keys',
  reads: ['ImportAccountEntJSON'],
  grammars: ['importAccountEnt', 'statusThreshold'],
  run(ctx) {
    const { doc } = ctx;
    if (doc.attribute?.grammar === 'statusThreshold') {
      const importDoc = ctx.connection.get('ImportAccountEntJSON');
      checkStatusColumn(ctx, getPath(doc.root, ['statusAndThresholdConfig', 'statusColumn']), importDoc);
      return;
    }
    for (const site of keySites(doc)) checkKeyField(ctx, site);
    checkStatusColumn(ctx, getPath(doc.root, ['accountParams', 'statusAndThresholdConfig', 'statusColumn']), doc);
    checkStatusColumn(ctx, getPath(doc.root, ['accountParams', 'statusColumn']), doc);
  },
};
