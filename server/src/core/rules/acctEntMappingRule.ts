/**
 * `acctent-mapping-incomplete` (grammar §5.4, §5.7; mistakes 4.2): account↔entitlement links
 * taken from the account or entitlement records need three pieces that live in different
 * places of ImportAccountEntJSON; with one missing the import runs but no link is created.
 * - accountParams.acctEntMappings needs `STORE#ACC#ENT#MAPPINGINFO` in an account call and
 *   processingType `acctToEntMapping` in acctEntParams (top level or the type's call);
 * - entitlementParams.entTypes.<T>.acctEntMappings needs `acctEntMappingInfoColumnFromEnt` ←
 *   `STORE#ACC#ENT#MAPPINGINFO` in that type's call and processingType `entToAcctMapping`.
 */
import type { ASTNode, ObjectASTNode, PropertyASTNode } from '../json/ast';
import { getPath, getProperty, getValue, isObject, stringValue } from '../json/ast';
import type { Fix, TextEdit } from '../types';
import type { Rule } from './rule';
import type { RuleContext } from './rule';
import { ENT_MAPPING_INFO_COLUMN, STORE_MAPPING_SOURCE } from './catalog/mappingCatalog';
import { mappingMaps } from './support/mappingModel';
import { sameColumn } from './support/columns';
import { insertProperty } from './support/objectEdits';
import { findCalls, type CallInfo } from '../calls/callModel';

const STORE_VALUE = `${STORE_MAPPING_SOURCE}~#~char`;

/** The account↔entitlement calls (acctEntParams.call and acctEntParams.entTypes.<T>.call), in document order. */
function acctEntCalls(ctx: RuleContext): CallInfo[] {
  return findCalls(ctx.doc).filter(c => c.role === 'importAcctEnt');
}

/** processingType values declared for an entitlement type in acctEntParams (top level and calls). */
function processingTypesFor(ctx: RuleContext, acctEntParams: ASTNode | undefined, entType: string): Set<string> {
  const out = new Set<string>();
  const top = stringValue(getValue(acctEntParams, 'processingType'));
  if (top) out.add(top);
  const typeNode = getPath(acctEntParams, ['entTypes', entType]);
  for (const call of acctEntCalls(ctx)) {
    if (call.entTypeNode !== undefined && call.entTypeNode !== typeNode) continue;
    const t = stringValue(getValue(call.node, 'processingType'));
    if (t) out.add(t);
  }
  return out;
}

function processingTypeFix(ctx: RuleContext, root: ObjectASTNode, acctEntParams: ASTNode | undefined, value: string): Fix[] {
  let edit: TextEdit | undefined;
  if (acctEntParams === undefined) {
    edit = insertProperty(ctx.doc, root, 'acctEntParams', `{"processingType": "${value}"}`);
  } else if (isObject(acctEntParams) && !getValue(acctEntParams, 'processingType') && !getValue(acctEntParams, 'entTypes') && !getValue(acctEntParams, 'call')) {
    edit = insertProperty(ctx.doc, acctEntParams, 'processingType', JSON.stringify(value));
  }
  return edit ? [{ title: `Set acctEntParams.processingType to "${value}"`, edits: [edit], isPreferred: true }] : [];
}

function checkAccountSide(ctx: RuleContext, root: ObjectASTNode): void {
  const accountParams = getValue(root, 'accountParams');
  const mappings = getValue(accountParams, 'acctEntMappings');
  if (!isObject(mappings) || mappings.properties.length === 0) return;
  const acctEntParams = getValue(root, 'acctEntParams');
  const accountMaps = mappingMaps(ctx.doc).filter(m => m.table === 'account' && m.path[0] === 'accountParams' && m.path[1] === 'call');
  const stored = accountMaps.some(m => m.entries.some(e => e.parsed.kind === 'store'));
  const mappingsKey = (mappings.parent as PropertyASTNode).keyNode;
  if (!stored) {
    const first = accountMaps[0];
    const used = new Set(first?.entries.map(e => e.target.toLowerCase()) ?? []);
    let free: string | undefined;
    for (let n = 31; n <= 45 && !free; n++) if (!used.has(`customproperty${n}`)) free = `customproperty${n}`;
    const fixes: Fix[] = first && free
      ? [{ title: `Add "${free}": "${STORE_VALUE}" to the account call`, edits: [insertProperty(ctx.doc, first.node, free, JSON.stringify(STORE_VALUE))], isPreferred: true }]
      : [];
    ctx.report({ offset: mappingsKey.offset, length: mappingsKey.length, severity: 'error', code: 'acctent-mapping-incomplete',
      message: `Incomplete account-entitlement mapping: acctEntMappings reads each account's entitlements from what the account call stored, but no account call maps ${STORE_MAPPING_SOURCE}. Add "customproperty31": "${STORE_VALUE}" to the account call's colsToPropsMap, or no account–entitlement link is imported.`,
      fixes });
  }
  for (const typeProperty of mappings.properties) {
    const entType = typeProperty.keyNode.value;
    if (processingTypesFor(ctx, acctEntParams, entType).has('acctToEntMapping')) continue;
    ctx.report({ offset: typeProperty.keyNode.offset, length: typeProperty.keyNode.length, severity: 'error', code: 'acctent-mapping-incomplete',
      message: `Incomplete account-entitlement mapping: acctEntMappings for "${entType}" is only used when acctEntParams says processingType "acctToEntMapping" — at its top level or in a call under acctEntParams.entTypes.${entType}. Without it EIC never turns the stored mapping into links.`,
      fixes: processingTypeFix(ctx, root, acctEntParams, 'acctToEntMapping') });
  }
}

function checkEntitlementSide(ctx: RuleContext, root: ObjectASTNode): void {
  const entTypes = getPath(root, ['entitlementParams', 'entTypes']);
  const acctEntParams = getValue(root, 'acctEntParams');
  if (!isObject(entTypes)) return;
  const entitlementMaps = mappingMaps(ctx.doc).filter(m => m.table === 'entitlement' && m.path[0] === 'entitlementParams');
  for (const typeProperty of entTypes.properties) {
    const entType = typeProperty.keyNode.value;
    const toAccounts = getProperty(typeProperty.valueNode, 'acctEntMappings');
    if (!toAccounts || !isObject(toAccounts.valueNode)) continue;
    const key = toAccounts.keyNode;
    const stored = entitlementMaps.some(m => m.path[2] === entType
      && m.entries.some(e => e.parsed.kind === 'store' && sameColumn(e.target, ENT_MAPPING_INFO_COLUMN)));
    if (!stored) {
      const firstMap = entitlementMaps.find(m => m.path[2] === entType);
      ctx.report({ offset: key.offset, length: key.length, severity: 'error', code: 'acctent-mapping-incomplete',
        message: `Incomplete account-entitlement mapping: acctEntMappings of "${entType}" reads the members stored by the entitlement call, but no "${entType}" call maps "${ENT_MAPPING_INFO_COLUMN}": "${STORE_VALUE}". Add it to the call's colsToPropsMap.`,
        fixes: firstMap && !firstMap.entries.some(e => sameColumn(e.target, ENT_MAPPING_INFO_COLUMN))
          ? [{ title: `Add "${ENT_MAPPING_INFO_COLUMN}" to the "${entType}" call`, edits: [insertProperty(ctx.doc, firstMap.node, ENT_MAPPING_INFO_COLUMN, JSON.stringify(STORE_VALUE))], isPreferred: true }]
          : [] });
    }
    if (!processingTypesFor(ctx, acctEntParams, entType).has('entToAcctMapping')) {
      ctx.report({ offset: key.offset, length: key.length, severity: 'error', code: 'acctent-mapping-incomplete',
        message: `Incomplete account-entitlement mapping: acctEntMappings inside the entitlement type "${entType}" is only used with acctEntParams processingType "entToAcctMapping"; without it no link is imported.`,
        fixes: processingTypeFix(ctx, root, acctEntParams, 'entToAcctMapping') });
    }
  }
}

/** A declared mapping processingType with nothing to read from. */
function checkDeclaredWithoutSource(ctx: RuleContext, root: ObjectASTNode): void {
  const acctEntParams = getValue(root, 'acctEntParams');
  const accountMappings = getPath(root, ['accountParams', 'acctEntMappings']);
  const entTypes = getPath(root, ['entitlementParams', 'entTypes']);
  const hasEntitlementMappings = isObject(entTypes) && entTypes.properties.some(p => isObject(getValue(p.valueNode, 'acctEntMappings')));
  const sites: ASTNode[] = [];
  const top = getValue(acctEntParams, 'processingType');
  if (top) sites.push(top);
  for (const call of acctEntCalls(ctx)) { const t = getValue(call.node, 'processingType'); if (t) sites.push(t); }
  for (const site of sites) {
    const value = stringValue(site);
    if (value === 'acctToEntMapping' && !(isObject(accountMappings) && accountMappings.properties.length)) {
      ctx.report({ offset: site.offset, length: site.length, severity: 'error', code: 'acctent-mapping-incomplete',
        message: 'Incomplete account-entitlement mapping: processingType "acctToEntMapping" turns accountParams.acctEntMappings into links, but accountParams has no acctEntMappings. Add acctEntMappings ({"<EntType>": {"listPath": …, "idPath": …, "keyField": "entitlementID"}}) or choose another processingType (httpAcctToEnt, httpEntToAcct, http).' });
    } else if (value === 'entToAcctMapping' && !hasEntitlementMappings) {
      ctx.report({ offset: site.offset, length: site.length, severity: 'error', code: 'acctent-mapping-incomplete',
        message: 'Incomplete account-entitlement mapping: processingType "entToAcctMapping" reads acctEntMappings inside entitlementParams.entTypes.<EntType>, but no entitlement type has one. Add it ({"listField": …, "idPath": …, "keyField": "accountID"}) or choose another processingType.' });
    }
  }
}

export const acctentMappingRule: Rule = {
  id: 'acctent-mapping',
  grammars: ['importAccountEnt'],
  run(ctx) {
    const root = ctx.doc.root;
    if (!isObject(root)) return;
    checkAccountSide(ctx, root);
    checkEntitlementSide(ctx, root);
    checkDeclaredWithoutSource(ctx, root);
  },
};
