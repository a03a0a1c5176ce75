/**
 * Structure of ImportAccountEntJSON beyond what the schema says (grammar §5.2–5.5):
 * - `call-order`: two calls of one `call` block share a callOrder (or two entitlement types an
 *   entTypeOrder), or a later call has a lower stageNumber than an earlier one;
 * - `processing-type`: the processingType does not fit its level (SequentialAndIterative for account and
 *   entitlement params; acctToEntMapping, entToAcctMapping, httpEntToAcct, httpAcctToEnt or http for
 *   account↔entitlement calls), or a mapping call lacks what its processingType reads;
 * - `ent-type-undeclared`: acctEntParams / acctEntMappings name an entitlement type that
 *   entitlementParams.entTypes does not declare.
 */
import type { ASTNode, ObjectASTNode, PropertyASTNode } from '../json/ast';
import { getPath, getValue, isObject, isString, stringValue } from '../json/ast';
import { documentIndex, outermostProperties } from '../json/documentIndex';
import type { Fix } from '../types';
import { didYouMean } from '../text/didYouMean';
import type { Rule } from './rule';
import type { RuleContext } from './rule';
import { schemaRejects } from './support/schemaCoverage';
import { replaceString } from './support/stringNodes';
import { findCalls } from '../calls/callModel';

const PARAMS_TYPE = 'SequentialAndIterative';
const MAPPING_TYPES = ['acctToEntMapping', 'entToAcctMapping', 'httpEntToAcct', 'httpAcctToEnt', 'http'];

function numberOf(node: ASTNode | undefined): number | undefined {
  return node?.type === 'number' ? Number(node.value) : undefined;
}

function checkOrderBlock(ctx: RuleContext, block: ObjectASTNode, orderKey: string, what: string): void {
  const seen = new Map<number, string>();
  const calls: { order: number; stage?: number; stageNode?: ASTNode; name: string }[] = [];
  for (const p of block.properties) {
    if (!isObject(p.valueNode)) continue;
    const orderNode = getValue(p.valueNode, orderKey);
    const order = numberOf(orderNode);
    if (order === undefined || !orderNode) continue;
    const earlier = seen.get(order);
    if (earlier !== undefined) {
      ctx.report({ offset: orderNode.offset, length: orderNode.length, severity: 'warning', code: 'call-order',
        message: `Duplicate ${orderKey}: ${what} "${p.keyNode.value}" has ${orderKey} ${order}, like "${earlier}"; the order between them is then undefined. Give each a distinct ${orderKey} (gaps are fine).` });
    } else {
      seen.set(order, p.keyNode.value);
    }
    const stageNode = getValue(p.valueNode, 'stageNumber');
    calls.push({ order, stage: numberOf(stageNode), stageNode, name: p.keyNode.value });
  }
  if (orderKey !== 'callOrder') return;
  calls.sort((a, b) => a.order - b.order);
  let maxStage: { stage: number; name: string } | undefined;
  for (const c of calls) {
    if (c.stage === undefined) continue;
    if (maxStage && c.stage < maxStage.stage && c.stageNode) {
      ctx.report({ offset: c.stageNode.offset, length: c.stageNode.length, severity: 'warning', code: 'call-order',
        message: `Stage out of order: call "${c.name}" runs after "${maxStage.name}" (higher callOrder) but has a lower stageNumber (${c.stage} < ${maxStage.stage}); a dependent call must not be in an earlier stage than the call it follows.` });
    }
    if (!maxStage || c.stage > maxStage.stage) maxStage = { stage: c.stage, name: c.name };
  }
}

function checkOrders(ctx: RuleContext): void {
  // Every `call` object not inside another one (a `call` that is not an object is searched inside).
  for (const property of outermostProperties(documentIndex(ctx.doc), ['call'], p => isObject(p.valueNode))) {
    if (isObject(property.valueNode)) checkOrderBlock(ctx, property.valueNode, 'callOrder', 'Call');
  }
  const entTypes = getPath(ctx.doc.root, ['entitlementParams', 'entTypes']);
  if (isObject(entTypes)) checkOrderBlock(ctx, entTypes, 'entTypeOrder', 'Entitlement type');
}

function checkValue(ctx: RuleContext, node: ASTNode | undefined, allowed: string[], level: string): void {
  if (!isString(node) || node.value.includes('${') || allowed.includes(node.value) || schemaRejects(ctx, node)) return;
  const value = node.value;
  const suggestion = didYouMean(value, allowed);
  const wrongLevel = value === PARAMS_TYPE ? `${PARAMS_TYPE} belongs to accountParams and entitlementParams; `
    : MAPPING_TYPES.includes(value) ? `"${value}" is an account↔entitlement mapping type for acctEntParams; ` : '';
  const fixes: Fix[] = suggestion ? [{ title: `Change to "${suggestion}"`, edits: [replaceString(node, suggestion)], isPreferred: true }]
    : allowed.length === 1 ? [{ title: `Change to "${allowed[0]}"`, edits: [replaceString(node, allowed[0])], isPreferred: true }] : [];
  ctx.report({ offset: node.offset, length: node.length, severity: 'error', code: 'processing-type',
    message: `Wrong processingType "${value}" in ${level}: ${wrongLevel}here EIC accepts ${allowed.map(a => `"${a}"`).join(', ')}${suggestion ? `. Did you mean "${suggestion}"?` : '.'}`,
    fixes });
}

function objectEntries(node: ASTNode | undefined): PropertyASTNode[] {
  return isObject(node) ? node.properties.filter(p => isObject(p.valueNode)) : [];
}

function checkMappingCall(ctx: RuleContext, call: ObjectASTNode, inherited: string | undefined): void {
  const callProperty = call.parent as PropertyASTNode;
  const own = getValue(call, 'processingType');
  checkValue(ctx, own, MAPPING_TYPES, 'an acctEntParams call');
  const type = stringValue(own) ?? inherited;
  const key = callProperty.keyNode;
  const at = { offset: key.offset, length: key.length };
  if (!type) {
    ctx.report({ ...at, severity: 'warning', code: 'processing-type',
      message: `Missing processingType: call "${key.value}" has none and acctEntParams sets none, so EIC does not know how to read the links. Add one of ${MAPPING_TYPES.map(t => `"${t}"`).join(', ')}.` });
    return;
  }
  const needs: string[] = [];
  if (type === 'httpEntToAcct' || type === 'http') if (!getValue(call, 'acctIdPath')) needs.push('acctIdPath');
  if (type === 'httpAcctToEnt' || type === 'http') if (!getValue(call, 'entIdPath')) needs.push('entIdPath');
  if (type.startsWith('http') && !getValue(call, 'http')) needs.push('http');
  if (needs.length) {
    ctx.report({ ...at, severity: 'warning', code: 'processing-type',
      message: `Missing input for processingType "${type}": call "${key.value}" uses it, and it reads ${needs.map(n => `\`${n}\``).join(' and ')} — missing here, so no link is found.` });
  }
}

function checkProcessingTypes(ctx: RuleContext): void {
  const root = ctx.doc.root;
  checkValue(ctx, getPath(root, ['accountParams', 'processingType']), [PARAMS_TYPE], 'accountParams');
  checkValue(ctx, getPath(root, ['entitlementParams', 'processingType']), [PARAMS_TYPE], 'entitlementParams');
  const acctEntParams = getValue(root, 'acctEntParams');
  if (!isObject(acctEntParams)) return;
  const top = getValue(acctEntParams, 'processingType');
  checkValue(ctx, top, MAPPING_TYPES, 'acctEntParams');
  const inherited = stringValue(top);
  // The account↔entitlement calls from the shared reader, in document order: acctEntParams.call, then each entTypes.<T>.call.
  for (const call of findCalls(ctx.doc)) if (call.role === 'importAcctEnt') checkMappingCall(ctx, call.node, inherited);
}

function checkDeclaredTypes(ctx: RuleContext): void {
  const root = ctx.doc.root;
  const entTypes = getPath(root, ['entitlementParams', 'entTypes']);
  if (!isObject(entTypes)) return;
  const declared = entTypes.properties.map(p => p.keyNode.value);
  const uses = [
    ...objectEntries(getPath(root, ['acctEntParams', 'entTypes'])).map(p => ({ p, where: 'acctEntParams.entTypes' })),
    ...objectEntries(getPath(root, ['accountParams', 'acctEntMappings'])).map(p => ({ p, where: 'accountParams.acctEntMappings' })),
  ];
  for (const { p, where } of uses) {
    const name = p.keyNode.value;
    if (declared.includes(name)) continue;
    const suggestion = didYouMean(name, declared);
    ctx.report({ offset: p.keyNode.offset, length: p.keyNode.length, severity: 'warning', code: 'ent-type-undeclared',
      message: `Undeclared entitlement type "${name}": ${where} uses it, but entitlementParams.entTypes does not declare it${suggestion ? `; did you mean "${suggestion}"?` : '.'} Links are stored against declared types only; declare it (an empty {"call": {}} is enough when acctEntMappings fills it).`,
      fixes: suggestion ? [{ title: `Rename to "${suggestion}"`, edits: [replaceString(p.keyNode, suggestion)], isPreferred: true }] : [] });
  }
}

export const importStructureRule: Rule = {
  id: 'import-structure',
  grammars: ['importAccountEnt'],
  run(ctx) {
    checkOrders(ctx);
    checkProcessingTypes(ctx);
    checkDeclaredTypes(ctx);
  },
};
